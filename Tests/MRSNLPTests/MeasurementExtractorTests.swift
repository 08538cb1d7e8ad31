import Testing
@testable import MRSNLP

@Suite("Metabolite measurements")
struct MeasurementExtractorTests {
  func measured(_ text: String) -> [String] {
    classify(text, kind: .report).measurements.map { "\($0.analyte)=\($0.value)" }
  }

  @Test("every notation", arguments: [
    ("Cho/NAA 2.4", ["Cho/NAA=2.4"]),
    ("Cho:NAA of 1.9", ["Cho/NAA=1.9"]),
    ("Cho/Cr ratio = 2.1", ["Cho/Cr=2.1"]),
    ("choline-to-creatine ratio of 3.4", ["Cho/Cr=3.4"]),
    ("choline/NAA 2.2", ["Cho/NAA=2.2"]),
    ("nCho/nCr 1.7", ["Cho/Cr=1.7"]),
    ("Cho/NAA ratios up to 4.2", ["Cho/NAA=4.2"]),
    ("elevated Cho/Cr (2.7)", ["Cho/Cr=2.7"]),
    ("Cho/Cr: 2.3   NAA/Cr: 0.9", ["Cho/Cr=2.3", "NAA/Cr=0.9"]),
    ("Cho/NAA 3.1 and Cho:Cr = 2.4 in the lesion", ["Cho/NAA=3.1", "Cho/Cr=2.4"]),
    ("NAA/Cho 0.4", ["NAA/Cho=0.4"]),
    ("(Lip+Lac)/Cr 5.2", ["LipLac/Cr=5.2"]),
    ("mI/Cr 0.9; 2-HG/Cr 0.3", ["mI/Cr=0.9", "2HG/Cr=0.3"]),
    ("Cho/Cr 1,8", ["Cho/Cr=1.8"]),
    ("reduced NAA: Cho/NAA 3.6", ["Cho/NAA=3.6"]),
    ("Cho/Cr-ratio 2.1", ["Cho/Cr=2.1"]),
    ("Cho:NAA reaches 2.8 anteriorly", ["Cho/NAA=2.8"]),
    ("NAA/Cr 1.10 (control 1.62), Cho/Cr 0.92", ["NAA/Cr=1.1", "NAA/Cr=1.62", "Cho/Cr=0.92"]),
    ("Left NAA/Cr 0.58, right 0.86.", ["NAA/Cr=0.58", "NAA/Cr=0.86"]),
    ("NAA/Cr 3.1 (white matter) and 2.8 (basal ganglia)", ["NAA/Cr=3.1", "NAA/Cr=2.8"]),
    ("NAA/Cr measures 1.02 versus 1.41 on the left", ["NAA/Cr=1.02", "NAA/Cr=1.41"]),
    ("Cho/Cr symmetric at 0.8.", ["Cho/Cr=0.8"]),
    ("NAA/Cr 1.46 (prior 1.55, 14 months ago)", ["NAA/Cr=1.46", "NAA/Cr=1.55"]),
    ("NAA/Cr 1.2, TE 30 ms", ["NAA/Cr=1.2"]),
  ])
  func notations(text: String, expected: [String]) {
    #expect(measured(text) == expected, "\(text)")
  }

  @Test("spans point at the ratio and its value")
  func spans() {
    let result = classify("Café 🧠: Cho/NAA 3.1 here", kind: .report)
    #expect(result.measurements.map { result.text.text($0.span) } == ["Cho/NAA 3.1"])
    #expect(result.measurements.first?.span == TextSpan(start: 8, end: 19))
  }

  @Test("numbers that are not ratios", arguments: [
    "Follow-up 2/3/2024.", "60 Gy/30 fx completed.", "T2/FLAIR hyperintensity 2.3 cm.",
    "BP 120/80.", "TE=30, TR/TE 1500/135.", "Voxel 2x2x2 cm.", "C71.1 noted.",
    "Normal Cho/NAA 0.5-1.0.", "Cho/NAA 2-3.", "rCBV 1.9.", "Cho 3.1 mM.", "Peaks at 0.9/1.3 ppm.",
    "Cho/NAA < 1.0 is normal.",
  ])
  func notMeasurements(text: String) {
    #expect(measured(text).isEmpty, "\(text): \(measured(text))")
  }

  @Test("published thresholds are shown beside a measurement, for the reader only")
  func thresholds() {
    let result = classify("SPECTROSCOPY: Cho/NAA 2.6 and Cho/Cr 1.2.", kind: .report)
    let text = TextReport.render(result, thresholds: embeddedLexicon.thresholds)
    #expect(text.contains("above the published cut-off 1.54 (favors-tumor; information only)"))
    #expect(text.contains("at or below the published cut-off 1.78"))
    #expect(!TextReport.render(result).contains("cut-off"))
  }
}
