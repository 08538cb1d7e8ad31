import Foundation
import Testing
@testable import MRSNLP

/// FHIR test resources: the DOMAIN.md section 4.2 example and small builders.
enum FHIRSamples {
  /// DOMAIN.md 4.2, a ServiceRequest for indication 1.
  static let serviceRequest = """
    {
      "resourceType": "ServiceRequest",
      "id": "mrs-req-0001",
      "status": "active",
      "intent": "order",
      "priority": "routine",
      "category": [{"coding": [{"system": "http://snomed.info/sct", "code": "363679005", "display": "Imaging"}]}],
      "code": {
        "coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "76390", "display": "MR spectroscopy"}],
        "text": "MR spectroscopy, brain (add-on to MRI brain w/wo)"
      },
      "subject": {"reference": "Patient/fake-0001", "display": "TESTPATIENT, ALEX"},
      "authoredOn": "2026-01-14T09:30:00-05:00",
      "requester": {"reference": "Practitioner/fake-npi-1234567890"},
      "reasonCode": [{
        "coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C71.1", "display": "Malignant neoplasm of frontal lobe"}],
        "text": "New enhancing nodule at resection cavity: recurrent GBM vs radiation necrosis"
      }],
      "reasonReference": [
        {"reference": "Condition/gbm-2025", "display": "Glioblastoma, IDH-wildtype, right frontal"},
        {"reference": "DiagnosticReport/mri-brain-2025-12-30", "display": "MRI brain 12/30/2025"}
      ],
      "supportingInfo": [
        {"reference": "Procedure/chemoradiation-2025", "display": "XRT 60 Gy/30 fx + TMZ, completed 05/2025"},
        {"reference": "DocumentReference/neuro-onc-note-2026-01-10"}
      ],
      "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "12738006", "display": "Brain structure"}]}],
      "insurance": [{"reference": "Coverage/fake-commercial-ppo"}],
      "note": [{"text": "hx R frontal GBM s/p GTR 3/25, XRT/TMZ done 5/25. New 1.4cm enh nodule post margin of cavity. r/o recurrence vs radionecrosis. Pls add perfusion."}]
    }
    """

  /// The text expected from the DOMAIN example.
  static let serviceRequestText = """
    Procedure: MR spectroscopy, brain (add-on to MRI brain w/wo)
    Reason for exam: C71.1 New enhancing nodule at resection cavity: recurrent GBM vs radiation necrosis
    Comments:
    hx R frontal GBM s/p GTR 3/25, XRT/TMZ done 5/25. New 1.4cm enh nodule post margin of cavity. \
    r/o recurrence vs radionecrosis. Pls add perfusion.
    Reasons referenced: Glioblastoma, IDH-wildtype, right frontal; MRI brain 12/30/2025
    """

  /// A compact ServiceRequest with an id, a procedure text and one reason text.
  static func request(_ id: String, procedure: String = "MR spectroscopy", reason: String = "recurrence vs necrosis") -> String {
    #"{"resourceType":"ServiceRequest","id":"\#(id)","code":{"text":"\#(procedure)"},"reasonCode":[{"text":"\#(reason)"}]}"#
  }

  /// The records read from `text` as UTF-8.
  static func read(_ text: String) -> [InputRecord] { FHIRReader().records(Array(text.utf8)) }
}

@Suite("FHIR reader")
struct FHIRReaderTests {
  @Test("the DOMAIN ServiceRequest example gives one labelled order")
  func domainExample() throws {
    let records = FHIRSamples.read(FHIRSamples.serviceRequest)
    #expect(records.count == 1)
    let record = try #require(records.first)
    #expect(record.id == "mrs-req-0001")
    #expect(record.line == 1)
    #expect(record.error == nil)
    #expect(record.warnings.isEmpty)
    #expect(record.document?.kind == .order)
    #expect(record.document?.text == FHIRSamples.serviceRequestText)
  }

  @Test("the DOMAIN ServiceRequest example meets the criteria through the classifier")
  func domainExampleMeetsCriteria() throws {
    let classifier = Classifier(lexicon: try Lexicon.embedded())
    let document = try #require(FHIRSamples.read(FHIRSamples.serviceRequest).first?.document)
    #expect(classifier.classify(document).decision == .meetsCriteria)
  }

  @Test("a Bundle yields its ServiceRequests and skips other resources")
  func mixedBundle() {
    let bundle = """
      {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "id": "p1", "name": [{"family": "TESTPATIENT"}]}},
        {"resource": \(FHIRSamples.request("sr-1"))},
        {"request": {"method": "DELETE", "url": "ServiceRequest/old"}},
        {"resource": \(FHIRSamples.request("sr-2", reason: "lymphoma vs toxoplasmosis"))}
      ]}
      """
    let records = FHIRSamples.read(bundle)
    #expect(records.map(\.id) == ["sr-1", "sr-2"])
    #expect(records.map(\.line) == [2, 4])
    #expect(records.allSatisfy { $0.error == nil && $0.warnings.isEmpty })
    #expect(
      records.last?.document?.text
        == "Procedure: MR spectroscopy\nReason for exam: lymphoma vs toxoplasmosis")
  }

  @Test("NDJSON with one broken line gives an error record for that line and reads the rest")
  func ndjsonBrokenLine() {
    let text = [
      FHIRSamples.request("nd-1"), #"{"resourceType": "ServiceRequest", "id": "nd-2", "#, "",
      FHIRSamples.request("nd-4"),
    ].joined(separator: "\r\n")
    let records = FHIRSamples.read(text)
    #expect(records.map(\.id) == ["nd-1", "resource 2", "nd-4"])
    #expect(records.map(\.line) == [1, 2, 4])
    #expect(records[1].error?.hasPrefix("line 2 is not valid JSON") == true)
    #expect(records[1].document == nil)
    #expect(records[0].document != nil && records[2].document != nil)
  }

  @Test("NDJSON whose first line is broken is still read line by line")
  func ndjsonBrokenFirstLine() {
    let text = ["{not json", FHIRSamples.request("a"), FHIRSamples.request("b")].joined(separator: "\n")
    let records = FHIRSamples.read(text)
    #expect(records.map(\.line) == [1, 2, 3])
    #expect(records.map { $0.error == nil } == [false, true, true])
  }

  @Test("a single broken JSON document is one error record")
  func brokenDocument() {
    let records = FHIRSamples.read("{\n  \"resourceType\": \"ServiceRequest\",\n  \"id\": \"x\"\n")
    #expect(records.count == 1)
    #expect(records.first?.error?.hasPrefix("input is not valid JSON") == true)
  }

  @Test("a procedure that is not spectroscopy is warned about; CPT 76390 or the name is not")
  func notSpectroscopy() throws {
    let mri = """
      {"resourceType": "ServiceRequest", "id": "mri", "code": {"coding": [{"system": \
      "http://www.ama-assn.org/go/cpt", "code": "70553", "display": "MRI brain w/wo contrast"}]},
      "reasonCode": [{"text": "new enhancement"}]}
      """
    let warned = try #require(FHIRSamples.read(mri).first)
    #expect(warned.document != nil)
    #expect(warned.warnings == ["ordered procedure is not MR spectroscopy: MRI brain w/wo contrast"])
    let cptOnly = """
      {"resourceType": "ServiceRequest", "id": "cpt", "code": {"coding": [{"system": \
      "http://www.ama-assn.org/go/cpt", "code": "76390"}]}, "reasonCode": [{"text": "x"}]}
      """
    #expect(FHIRSamples.read(cptOnly).first?.warnings == [])
    #expect(FHIRSamples.read(FHIRSamples.request("t", procedure: "MRI brain + MRS")).first?.warnings == [])
    let other = FHIRSamples.read(FHIRSamples.request("u", procedure: "CT head")).first
    #expect(other?.warnings == ["ordered procedure is not MR spectroscopy: CT head"])
  }

  @Test("reason codes keep ICD-10-CM codes only, with the text or the display")
  func reasonCodes() {
    let json = """
      {"resourceType": "ServiceRequest", "code": {"text": "MRS"}, "reasonCode": [
        {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "R90.0", "display": "Space-occupying lesion"}]},
        {"coding": [{"system": "http://snomed.info/sct", "code": "126952004", "display": "Neoplasm of brain"}]},
        {"coding": [{"code": "B20"}], "text": "HIV"}
      ], "reason": [{"concept": {"text": "abscess?"}}, {"reference": {"display": "Condition: HIV"}}]}
      """
    let record = FHIRSamples.read(json).first
    #expect(record?.id == "resource 1")
    #expect(
      record?.document?.text == """
        Procedure: MRS
        Reason for exam: R90.0 Space-occupying lesion; Neoplasm of brain; B20 HIV; abscess?
        Reasons referenced: Condition: HIV
        """)
  }

  @Test("resources that cannot be read give error records", arguments: [
    ("[1, 2]", "resource 1 is an array, expected a JSON object"),
    (#"{"resourceType": "Patient", "id": "p9"}"#, "resource 1 is a Patient, expected a ServiceRequest or a Bundle"),
    (#"{"id": "x"}"#, "resource 1 has no resourceType"),
    (#"{"resourceType": "ServiceRequest", "id": "e", "status": "active"}"#,
     "resource 1 has no text (code, reasonCode, note and reasonReference are empty)"),
  ])
  func unreadable(json: String, error: String) {
    let records = FHIRSamples.read(json)
    #expect(records.count == 1)
    #expect(records.first?.error == error)
    #expect(records.first?.document == nil)
  }

  @Test("empty input gives no records", arguments: ["", "  \n\r\n", "\u{FEFF}"])
  func emptyInput(text: String) {
    #expect(FHIRSamples.read(text).isEmpty)
  }

  @Test("the example Bundle file reads two ServiceRequests")
  func exampleFile() throws {
    let url = repositoryRoot.appendingPathComponent("Examples/orders-fhir.json")
    let records = FHIRReader().records(try Array(Data(contentsOf: url)))
    #expect(records.map(\.id) == ["example-sr-0001", "example-sr-0002"])
    #expect(records.map(\.line) == [2, 3])
    #expect(records.allSatisfy { $0.error == nil && $0.warnings.isEmpty })
    let classifier = Classifier(lexicon: try Lexicon.embedded())
    for record in records {
      let document = try #require(record.document)
      #expect(classifier.classify(document).decision == .meetsCriteria, "\(record.id)")
    }
  }
}
