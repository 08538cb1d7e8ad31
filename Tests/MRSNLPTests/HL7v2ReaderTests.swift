import Foundation
import Testing
@testable import MRSNLP

/// HL7 v2 test messages: the two DOMAIN.md section 4.1 examples and small builders.
enum HL7Samples {
  /// DOMAIN.md 4.1, ORM^O01 (indication 1: recurrence vs radiation necrosis), one segment a line.
  static let orm = #"""
    MSH|^~\&|EHR_FAKE|FAKE_HOSP|RIS_FAKE|FAKE_IMG|20260114093012||ORM^O01^ORM_O01|MSG000123|P|2.5.1
    PID|1||MRN0000001^^^FAKE_HOSP^MR||TESTPATIENT^ALEX^Q||19680302|F|||100 EXAMPLE ST^^ORLANDO^FL^32801^USA
    PV1|1|O|NEUROONC^^^FAKE_HOSP|||||1234567890^DOE^JANE^^^^MD|||||||||||V000999
    IN1|1|PPO-FAKE^COMMERCIAL PPO|FAKEPAYER01|FAKE BLUE PLAN||||GRP12345||||||||||||||||||||||||||||XYZ123456789
    ORC|NW|ORD556677^EHR_FAKE|||SC||||20260114093000|||1234567890^DOE^JANE^^^^MD^^^^^^NPI
    OBR|1|ORD556677^EHR_FAKE||IMG7034^MR BRAIN W WO CONTRAST WITH MR SPECTROSCOPY^L|R|20260120080000|||||||Hx R frontal GBM (IDH-wt) s/p GTR 03/2025, XRT 60Gy/30fx w/ concurrent TMZ done 05/2025, now adj TMZ c6|||1234567890^DOE^JANE^^^^MD^^^^^^NPI||||||||MR|||||||C71.1^Malignant neoplasm of frontal lobe^I10~^New enhancing nodule at resection cavity - recurrent tumor vs radiation necrosis?|||||||||||||76390^MR SPECTROSCOPY^C4
    NTE|1|P|Reason for exam: 1.4 cm nodular enhancement post margin of resection cavity on 12/30/25 MRI, ?recurrence vs treatment effect.
    NTE|2|P|Pls add SVS + multivoxel MRS and DSC perfusion. Tumor board 01/22. Pt on dex 2mg bid.
    DG1|1||C71.1^Malignant neoplasm of frontal lobe^I10||20250310|W
    DG1|2||Z92.3^Personal history of irradiation^I10|||W
    OBX|1|CWE|AOE_PREG^Is the patient pregnant?^L||N^No^HL70136||||||F
    """#

  /// DOMAIN.md 4.1, OMI^O23 (indication 2: lymphoma vs toxoplasmosis vs abscess).
  static let omi = #"""
    MSH|^~\&|EHR_FAKE|FAKE_HOSP|RIS_FAKE|FAKE_IMG|20260114093012||OMI^O23^OMI_O23|MSG000124|P|2.5.1
    PID|1||MRN0000002^^^FAKE_HOSP^MR||TESTPATIENT^JORDAN||19790811|M
    PV1|1|I|4WEST^412^1^FAKE_HOSP
    ORC|NW|ORD778899^EHR_FAKE|||||||20260114101500|||1234599999^ROE^SAM^^^^MD^^^^^^NPI
    TQ1|1||||||20260114120000||S^Stat^HL70485
    OBR|1|ORD778899^EHR_FAKE||IMG7034^MR BRAIN W WO CONTRAST WITH MR SPECTROSCOPY^L|||||||||HIV+, CD4 45, not on ART. Fever, R hemiparesis.|||1234599999^ROE^SAM^^^^MD^^^^^^NPI||||||||MR|||||||R90.0^Intracranial space-occupying lesion found on diagnostic imaging of central nervous system^I10~^Ring-enhancing L basal ganglia lesion: lymphoma vs toxoplasmosis vs abscess|||||||||||||76390^MR SPECTROSCOPY^C4
    DG1|1||B20^Human immunodeficiency virus [HIV] disease^I10|||W
    IPC|ACC20260114001^RIS_FAKE|RP001|2.25.329800735698586629295641978511506172918|SPS001|MR
    """#

  /// The text expected from the ORM example.
  static let ormText = """
    Procedure: MR BRAIN W WO CONTRAST WITH MR SPECTROSCOPY
    Reason for exam: C71.1 Malignant neoplasm of frontal lobe; New enhancing nodule at resection \
    cavity - recurrent tumor vs radiation necrosis?
    Clinical history: Hx R frontal GBM (IDH-wt) s/p GTR 03/2025, XRT 60Gy/30fx w/ concurrent TMZ \
    done 05/2025, now adj TMZ c6
    Comments:
    Reason for exam: 1.4 cm nodular enhancement post margin of resection cavity on 12/30/25 MRI, \
    ?recurrence vs treatment effect.
    Pls add SVS + multivoxel MRS and DSC perfusion. Tumor board 01/22. Pt on dex 2mg bid.
    Diagnoses: C71.1 Malignant neoplasm of frontal lobe; Z92.3 Personal history of irradiation
    """

  /// A message's lines joined with `separator` (CR on the wire).
  static func wire(_ lines: String, separator: String = "\r") -> String {
    lines.split(separator: "\n").joined(separator: separator)
  }

  /// A minimal ORM^O01 with the given OBR fields after OBR-1 (by number) and extra segments.
  static func order(
    id: String = "T1", type: String = "ORM^O01", msh: String = #"MSH|^~\&"#,
    obr: [Int: String] = [4: "IMG1^MR SPECTROSCOPY BRAIN^L"], after: [String] = []
  ) -> String {
    let separator = msh.unicodeScalars.dropFirst(3).first.map { String($0) } ?? "|"
    let last = obr.keys.max() ?? 1
    var fields = ["OBR", "1"] + Array(repeating: "", count: max(0, last - 1))
    for (number, value) in obr { fields[number] = value }
    let header = [msh, "A", "B", "C", "D", "20260101000000", "", type, id, "P", "2.5.1"]
      .joined(separator: separator)
    return ([header, fields.joined(separator: separator)] + after).joined(separator: "\r")
  }

  /// The records read from `text` as UTF-8.
  static func read(_ text: String) -> [InputRecord] { HL7v2Reader().records(Array(text.utf8)) }

  /// The document text of the only record read from `text`.
  static func text(_ text: String) -> String? { read(text).first?.document?.text }
}

@Suite("HL7 v2 reader")
struct HL7v2ReaderTests {
  @Test("the DOMAIN ORM^O01 example gives one labelled order")
  func ormExample() throws {
    let records = HL7Samples.read(HL7Samples.wire(HL7Samples.orm))
    #expect(records.count == 1)
    let record = try #require(records.first)
    #expect(record.id == "MSG000123")
    #expect(record.line == 1)
    #expect(record.error == nil)
    #expect(record.warnings.isEmpty)
    #expect(record.document?.kind == .order)
    #expect(record.document?.id == "MSG000123")
    #expect(record.document?.text == HL7Samples.ormText)
  }

  @Test("the DOMAIN OMI^O23 example gives one labelled order")
  func omiExample() throws {
    let record = try #require(HL7Samples.read(HL7Samples.wire(HL7Samples.omi)).first)
    #expect(record.id == "MSG000124")
    #expect(record.warnings.isEmpty)
    #expect(
      record.document?.text == """
        Procedure: MR BRAIN W WO CONTRAST WITH MR SPECTROSCOPY
        Reason for exam: R90.0 Intracranial space-occupying lesion found on diagnostic imaging of \
        central nervous system; Ring-enhancing L basal ganglia lesion: lymphoma vs toxoplasmosis vs \
        abscess
        Clinical history: HIV+, CD4 45, not on ART. Fever, R hemiparesis.
        Diagnoses: B20 Human immunodeficiency virus [HIV] disease
        """)
  }

  @Test("both DOMAIN examples meet the criteria through the classifier")
  func examplesMeetCriteria() throws {
    let classifier = Classifier(lexicon: try Lexicon.embedded())
    let file = HL7Samples.wire(HL7Samples.orm) + "\r" + HL7Samples.wire(HL7Samples.omi)
    let records = HL7Samples.read(file)
    #expect(records.count == 2)
    for record in records {
      let document = try #require(record.document, "\(record.id): \(record.error ?? "")")
      #expect(classifier.classify(document).decision == .meetsCriteria, "\(record.id)")
    }
  }

  @Test("CR, LF and CRLF segment separators read the same", arguments: ["\r", "\n", "\r\n"])
  func separators(separator: String) {
    let file = HL7Samples.wire(HL7Samples.orm, separator: separator) + separator
      + HL7Samples.wire(HL7Samples.omi, separator: separator) + separator
    let records = HL7Samples.read(file)
    #expect(records.map(\.id) == ["MSG000123", "MSG000124"])
    #expect(records.map(\.line) == [1, 2])
    #expect(records.first?.document?.text == HL7Samples.ormText)
  }

  @Test("MLLP framing bytes between messages are skipped")
  func mllpFraming() {
    let file = "\u{0B}" + HL7Samples.wire(HL7Samples.orm) + "\r\u{1C}\r" + "\u{0B}"
      + HL7Samples.wire(HL7Samples.omi) + "\u{1C}\r\n"
    let records = HL7Samples.read(file)
    #expect(records.map(\.id) == ["MSG000123", "MSG000124"])
    #expect(records.allSatisfy { $0.error == nil })
    #expect(records.first?.document?.text == HL7Samples.ormText)
  }

  @Test("custom encoding characters declared in MSH-1 and MSH-2 are honoured")
  func customDelimiters() {
    let message = HL7Samples.order(
      type: "ORM$O01", msh: "MSH#$*!@",
      obr: [
        4: "IMG1$MR BRAIN$L", 13: "Hx GBM!F! XRT$TMZ",
        31: "C71.1$Malignant neoplasm of frontal lobe$I10*$recurrence vs necrosis!S!effect",
        44: "76390$MR SPECTROSCOPY$C4",
      ], after: ["NTE#1#P#line one!.br!line two"])
    #expect(
      HL7Samples.text(message) == """
        Procedure: MR BRAIN
        Reason for exam: C71.1 Malignant neoplasm of frontal lobe; recurrence vs necrosis$effect
        Clinical history: Hx GBM# XRT$TMZ
        Comments:
        line one
        line two
        """)
  }

  @Test("each escape sequence is undone in free text and in components", arguments: [
    (#"\F\"#, "|"), (#"\S\"#, "^"), (#"\T\"#, "&"), (#"\R\"#, "~"), (#"\E\"#, #"\"#),
    (#"\.br\"#, "\n"), (#"\H\"#, ""), (#"\X41\"#, "A"), (#"\Q\"#, #"\Q\"#),
  ])
  func escapes(escape: String, expected: String) {
    let message = HL7Samples.order(
      obr: [4: "IMG1^MR SPECTROSCOPY BRAIN^L", 31: "^a\(escape)b"], after: ["NTE|1|P|x\(escape)y"])
    #expect(
      HL7Samples.text(message)
        == "Procedure: MR SPECTROSCOPY BRAIN\nReason for exam: a\(expected)b\nComments:\nx\(expected)y")
  }

  @Test("every OBR-31 repetition is read; codes kept when ICD-10 by tag or shape")
  func reasonRepetitions() {
    let message = HL7Samples.order(obr: [
      4: "IMG1^MR SPECTROSCOPY BRAIN^L",
      31: "C71.1^Malignant neoplasm of frontal lobe^I10~R90.0^^~C7931^Secondary neoplasm of brain"
        + "^ICD-10-CM~123^Seizures^L~^free-text question~LOCAL9^^L",
    ])
    #expect(
      HL7Samples.text(message) == "Procedure: MR SPECTROSCOPY BRAIN\nReason for exam: C71.1 "
        + "Malignant neoplasm of frontal lobe; R90.0; C7931 Secondary neoplasm of brain; Seizures; "
        + "free-text question; LOCAL9")
  }

  @Test("components a clinician typed in OBR-13 are kept, not dropped")
  func historyComponents() {
    let typed = HL7Samples.order(obr: [
      4: "IMG1^MR SPECTROSCOPY BRAIN^L", 13: "s/p XRT^TMZ, lesion ~2 cm & edema^^",
    ])
    #expect(
      HL7Samples.text(typed)
        == "Procedure: MR SPECTROSCOPY BRAIN\nClinical history: s/p XRT^TMZ, lesion ~2 cm & edema")
    let coded = HL7Samples.order(obr: [4: "IMG1^MR SPECTROSCOPY BRAIN^L", 13: "^Hx GBM"])
    #expect(HL7Samples.text(coded) == "Procedure: MR SPECTROSCOPY BRAIN\nClinical history: Hx GBM")
  }

  @Test("several NTEs after the OBR become comment lines in order; NTEs of an OBX do not")
  func severalNotes() {
    let message = HL7Samples.order(after: [
      "NTE|1|P|Reason for exam: ?recurrence", "NTE|2|P|", "NTE|3|P|Pls add perfusion^MRS",
      "NTE|4|L|Tumor board 01/22", "OBX|1|ST|AOE^Question^L||answer", "NTE|1|P|about the OBX",
    ])
    #expect(
      HL7Samples.text(message) == """
        Procedure: MR SPECTROSCOPY BRAIN
        Comments:
        Reason for exam: ?recurrence
        Pls add perfusion^MRS
        Tumor board 01/22
        """)
  }

  @Test("DG1 diagnoses are written as code and text on the last line")
  func diagnoses() {
    let message = HL7Samples.order(after: [
      "DG1|1||C71.1^Malignant neoplasm of frontal lobe^I10||20250310|W",
      "DG1|2||Z92.3^Personal history of irradiation^I10|||W",
      "DG1|3||G93.6^^I10|Cerebral edema||W", "DG1|4||",
    ])
    #expect(
      HL7Samples.text(message) == "Procedure: MR SPECTROSCOPY BRAIN\nDiagnoses: C71.1 Malignant "
        + "neoplasm of frontal lobe; Z92.3 Personal history of irradiation; G93.6 Cerebral edema")
  }

  @Test("a message without OBR is one error record, and the next message is still read")
  func missingOBR() {
    let file = [
      "MSH|^~\\&|A|B|C|D|20260101||ORM^O01|NOOBR1|P|2.5.1",
      "ORC|NW|X1", "NTE|1|P|secret clinical note", HL7Samples.order(id: "NEXT"),
    ].joined(separator: "\r")
    let records = HL7Samples.read(file)
    #expect(records.map(\.id) == ["NOOBR1", "NEXT"])
    #expect(records.map(\.line) == [1, 2])
    #expect(records[0].document == nil)
    #expect(records[0].error == "message 1 has no OBR segment")
    #expect(records[1].document != nil)
  }

  @Test("a message that is not an order names its type in the error", arguments: [
    ("ADT^A01", "message 1 has type ADT^A01, expected ORM^O01 or OMI^O23"),
    ("ORU", "message 1 has type ORU, expected ORM^O01 or OMI^O23"),
    ("", "message 1 has no message type (MSH-9)"),
  ])
  func wrongType(type: String, error: String) {
    let file = HL7Samples.order(id: "BAD", type: type) + "\r" + HL7Samples.order(id: "GOOD")
    let records = HL7Samples.read(file)
    #expect(records.map(\.id) == ["BAD", "GOOD"])
    #expect(records.first?.error == error)
    #expect(records.first?.document == nil)
    #expect(records.last?.error == nil)
  }

  @Test("ORM and OMI with another trigger event are read, with a warning")
  func otherTrigger() throws {
    let record = try #require(HL7Samples.read(HL7Samples.order(type: "OMI^O19")).first)
    #expect(record.document != nil)
    #expect(record.warnings == ["message type OMI^O19 read as an order (expected OMI^O23)"])
  }

  @Test("a malformed MSH is one error record", arguments: [
    ("MSH|^~", "message 1: MSH segment is shorter than 8 characters"),
    ("MSHX^~\\&|A|B|C", "message 1: MSH segment has no field separator after 'MSH'"),
    ("MSH||A|B|C|D", "message 1: MSH-2 declares no encoding characters"),
  ])
  func malformedHeader(header: String, error: String) {
    let file = header + "\rOBR|1||X^MR SPECTROSCOPY\r" + HL7Samples.order(id: "GOOD")
    let records = HL7Samples.read(file)
    #expect(records.map(\.id) == ["message 1", "GOOD"])
    #expect(records.first?.error == error)
  }

  @Test("an empty MSH-10 gives the id 'message N'")
  func fallbackID() {
    let file = HL7Samples.order(id: "FIRST") + "\r" + HL7Samples.order(id: "")
    #expect(HL7Samples.read(file).map(\.id) == ["FIRST", "message 2"])
  }

  @Test("empty input, blank lines and bare framing give no records", arguments: [
    "", "\r\n\r\n", "\u{0B}\u{1C}\r", "   \n",
  ])
  func emptyInput(text: String) {
    #expect(HL7Samples.read(text).isEmpty)
  }

  @Test("an order that is not spectroscopy is warned about, naming the procedure")
  func notSpectroscopy() throws {
    let record = try #require(
      HL7Samples.read(HL7Samples.order(obr: [4: "IMG7030^MR BRAIN W WO CONTRAST^L", 44: "70553^^C4"]))
        .first)
    #expect(record.document != nil)
    #expect(record.warnings == ["ordered procedure is not MR spectroscopy: MR BRAIN W WO CONTRAST"])
    let mrsa = try #require(HL7Samples.read(HL7Samples.order(obr: [4: "X^MRSA SCREEN^L"])).first)
    #expect(mrsa.warnings == ["ordered procedure is not MR spectroscopy: MRSA SCREEN"])
  }

  @Test("spectroscopy is recognised by CPT 76390 or its name in OBR-4 or OBR-44", arguments: [
    [4: "IMG7034^MR BRAIN W WO CONTRAST^L", 44: "76390^^C4"],
    [4: "76390-26^^C4"],
    [4: "IMG1^MR BRAIN + MRS^L"],
    [4: "IMG1^1H-MRSI brain^L"],
    [4: "IMG1^MR brain^L", 44: "X^Proton spectroscopy^L"],
  ])
  func spectroscopy(obr: [Int: String]) throws {
    let record = try #require(HL7Samples.read(HL7Samples.order(obr: obr)).first)
    #expect(record.warnings.isEmpty, "\(obr)")
  }

  @Test("errors never quote the clinical text")
  func errorsHideText() {
    let file = "PID|1||MRN\rNTE|1|P|secret note\r" + HL7Samples.order(id: "OK")
    let records = HL7Samples.read(file)
    #expect(records.count == 2)
    #expect(records.first?.error?.contains("secret") == false)
    #expect(records.first?.error != nil)
    #expect(records.last?.id == "OK")
  }

  @Test("a cancelled order control code is warned about")
  func cancelledOrder() throws {
    let message = HL7Samples.order(after: []).replacingOccurrences(of: "\rOBR", with: "\rORC|CA|X1\rOBR")
    let record = try #require(HL7Samples.read(message).first)
    #expect(record.warnings == ["order control code is CA, not NW (new order)"])
  }

  @Test("the example file reads two orders and one broken message")
  func exampleFile() throws {
    let bytes = try Array(Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/orders.hl7")))
    let records = HL7v2Reader().records(bytes)
    #expect(records.map(\.id) == ["EXAMPLE-ORM-0001", "EXAMPLE-OMI-0002", "EXAMPLE-ORM-0003"])
    #expect(records.map { $0.document != nil } == [true, true, false])
    #expect(records.last?.error == "message 3 has no OBR segment")
    #expect(records.allSatisfy { $0.warnings.isEmpty })
    let classifier = Classifier(lexicon: try Lexicon.embedded())
    let decisions = records.compactMap(\.document).map { classifier.classify($0).decision }
    #expect(decisions == [.meetsCriteria, .doesNotMeet])
  }
}
