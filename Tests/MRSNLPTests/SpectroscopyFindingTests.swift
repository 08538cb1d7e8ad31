import Testing
@testable import MRSNLP

@Suite("Spectroscopy finding")
struct SpectroscopyFindingTests {
  static func report(_ impression: String, indication: String = "GBM s/p chemoradiation, new enhancement, recurrence vs radiation necrosis.") -> String {
    """
    INDICATION: \(indication)
    TECHNIQUE: Single-voxel PRESS, TE 144 ms.
    SPECTROSCOPY: Cho/NAA 2.6 and Cho/Cr 2.1 in the enhancing region.
    IMPRESSION: \(impression)
    """
  }

  @Test("each finding value, from the impression", arguments: [
    ("Findings favor recurrent tumor.", "favors-tumor"),
    ("Spectrum most consistent with radiation necrosis.", "favors-treatment-effect"),
    ("No spectroscopic evidence of recurrent tumor.", "favors-treatment-effect"),
    ("Pattern suggestive of abscess.", "favors-non-tumor"),
    ("Nonspecific spectrum; mixed tumor and treatment effect cannot be excluded.", "indeterminate"),
    ("Equivocal MRS findings.", "indeterminate"),
    ("MRS pattern is nonspecific; it slightly favors encephalitis but does not discriminate.", "indeterminate"),
    ("MRS suggests mixed recurrent tumor and treatment effect.", "indeterminate"),
  ])
  func values(impression: String, expected: String) {
    let result = classify(Self.report(impression), kind: .report)
    #expect(result.spectroscopyFinding == expected, "\(impression)")
  }

  @Test("no finding on orders, without an MRS result, or for a non-tumor purpose")
  func absent() {
    #expect(classify("Recurrence vs radiation necrosis; MRS favors tumor.").spectroscopyFinding == nil)
    #expect(classify("INDICATION: headache\nIMPRESSION: No acute intracranial abnormality.", kind: .report).spectroscopyFinding == nil)
    let epilepsy = Self.report("Reduced NAA in the left hippocampus, consistent with mesial temporal sclerosis.", indication: "Intractable epilepsy, lateralize seizure focus.")
    #expect(classify(epilepsy, kind: .report).spectroscopyFinding == nil)
    #expect(classify(Self.report("Non-diagnostic spectroscopy due to motion."), kind: .report).spectroscopyFinding == nil)
    let notPerformed = "INDICATION: treated metastasis, recurrence vs necrosis.\nIMPRESSION: 1. Imaging cannot distinguish necrosis from recurrence. 2. MR spectroscopy was not performed because of motion."
    #expect(classify(notPerformed, kind: .report).spectroscopyFinding == nil)
  }
}
