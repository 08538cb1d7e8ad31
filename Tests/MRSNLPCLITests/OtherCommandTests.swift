import Foundation
import Testing

@Suite("mrs-nlp assert, eval, agree, lexicon check")
struct OtherCommandTests {
  @Test("assert finds the target and reports its flags, or an error")
  func assertCommand() {
    let input = """
      {"id": "a1", "text": "There is no evidence of pneumonia.", "target": "pneumonia"}
      {"id": "a2", "text": "History of glioblastoma.", "target": "nothing here"}
      {"id": "a3", "text": "Mother had GBM.", "start": 11, "end": 14}
      """
    let result = run(["assert", "--input", "jsonl"], stdin: input)
    let records = jsonLines(result.out)
    #expect(records.count == 3)
    #expect(records[0]["negated"] as? Bool == true)
    #expect(records[0]["start"] as? Int == 24)
    #expect(records[1]["error"] != nil)
    #expect(records[2]["family"] as? Bool == true)
    #expect(result.status == 1)
  }

  @Test("eval scores a small corpus and compares with a baseline")
  func evalCommand() throws {
    let corpus = """
      {"id": "1", "kind": "order", "text": "recurrence vs radiation necrosis", "gold": {"decision": "meets-criteria", "indications": ["recurrence-vs-treatment-effect"]}}
      {"id": "2", "kind": "order", "text": "MRS brain", "gold": {"decision": "needs-review"}}
      {"id": "3", "kind": "order", "text": "Seizure focus localization", "gold": {"decision": "does-not-meet", "other_indications": ["epilepsy"]}}
      """
    let folder = NSTemporaryDirectory() + "eval-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try corpus.write(toFile: folder + "/c.jsonl", atomically: true, encoding: .utf8)
    let text = run(["eval", folder + "/c.jsonl"])
    #expect(text.status == 0)
    #expect(text.out.contains("decision_accuracy                            1.000"))
    let written = run(["eval", "--format", "json", "--write-baseline", folder + "/b.json", folder + "/c.jsonl"])
    #expect(written.status == 0)
    let baseline = try String(contentsOfFile: folder + "/b.json", encoding: .utf8)
    #expect(baseline.contains("\"decision_accuracy\": 1"))
    #expect(run(["eval", "--compare", folder + "/b.json", folder + "/c.jsonl"]).status == 0)
    let worse = baseline.replacingOccurrences(of: "\"measurement_f1\": 1", with: "\"measurement_f1\": 2")
    try worse.write(toFile: folder + "/w.json", atomically: true, encoding: .utf8)
    let compared = run(["eval", "--compare", folder + "/w.json", folder + "/c.jsonl"])
    #expect(compared.status == 1)
    #expect(compared.err.contains("measurement_f1: 2.0 -> 1.0  REGRESSED"))
    let html = run(["eval", "--format", "html", folder + "/c.jsonl"]).out
    #expect(html.contains("Content-Security-Policy"))
  }

  @Test("agree computes kappa per label")
  func agreeCommand() throws {
    let folder = NSTemporaryDirectory() + "agree-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let a = """
      {"id": "1", "gold": {"decision": "meets-criteria", "indications": ["tumor-vs-non-tumor"]}}
      {"id": "2", "gold": {"decision": "needs-review"}}
      """
    let b = """
      {"id": "1", "gold": {"decision": "meets-criteria", "indications": ["tumor-vs-non-tumor"]}}
      {"id": "2", "gold": {"decision": "does-not-meet", "other_indications": ["other"]}}
      """
    try a.write(toFile: folder + "/a.jsonl", atomically: true, encoding: .utf8)
    try b.write(toFile: folder + "/b.jsonl", atomically: true, encoding: .utf8)
    let result = run(["agree", "--format", "json", folder + "/a.jsonl", folder + "/b.jsonl"])
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
    let labels = object?["labels"] as? [String: [String: Any]]
    #expect(labels?["indication:tumor-vs-non-tumor"]?["kappa"] as? Double == 1)
    #expect(labels?["decision"]?["observed_agreement"] as? Double == 0.5)
  }

  @Test("lexicon check passes on the shipped lexicons")
  func lexiconCheck() {
    let result = run(["lexicon", "check", repositoryRoot.appendingPathComponent("lexicons").path])
    #expect(result.status == 0, "\(result.err)")
    #expect(result.out.contains("terms per concept:"))
  }
}
