import Foundation
import Testing
@testable import MRSNLPCLI

@Suite("Input and output formats: CSV, HL7 v2, FHIR, HTML")
struct FormatTests {
  func example(_ name: String) -> String { repositoryRoot.appendingPathComponent("Examples/\(name)").path }

  @Test("CSV in and out: quoted fields, embedded line breaks, columns passed through")
  func csv() {
    let result = run(["classify", "--format", "csv", example("orders.csv")])
    #expect(result.status == 0)
    let lines = result.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(lines.count == 5)
    #expect(lines[0] == "id,decision,indications,other_indications,spectroscopy_finding,measurements,flags,routed_to_review,rules,warnings,error,provenance,auth_id,received_at,line_of_business")
    #expect(lines[1].hasPrefix("ex-csv-1,meets-criteria,recurrence-vs-treatment-effect,"))
    #expect(lines[2].hasPrefix("ex-csv-2,does-not-meet,,epilepsy,"))
    #expect(lines[3].hasSuffix("PA-9003,2026-01-14T10:15:00-05:00,MEDICARE ADVANTAGE"))
    #expect(lines[3].hasPrefix("ex-csv-3,needs-review,,,,,,\"line of business medicare-advantage"))
    #expect(lines[4].hasPrefix("ex-csv-4,needs-review,"))
  }

  @Test("CSV inputs with different extra columns: each row carries its own file's values, for any --jobs")
  func csvPassthroughPerFile() throws {
    let folder = NSTemporaryDirectory() + "mrs-nlp-csv-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "id,text,auth_id\na1,MRS brain for recurrent GBM vs radiation necrosis,PA-1\n"
      .write(toFile: folder + "/a.csv", atomically: true, encoding: .utf8)
    try "id,text,site\nb1,MRS brain headache,north\n".write(toFile: folder + "/b.csv", atomically: true, encoding: .utf8)
    let one = run(["classify", "--format", "csv", "--jobs", "1", folder + "/a.csv", folder + "/b.csv"])
    let two = run(["classify", "--format", "csv", "--jobs", "2", folder + "/a.csv", folder + "/b.csv"])
    #expect(one.out == two.out)
    let rows = one.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(rows.count == 3)
    #expect(rows[0].hasSuffix(",provenance,auth_id"))
    #expect(rows[1].hasPrefix("a1,") && rows[1].hasSuffix(",PA-1"))
    #expect(rows[2].hasPrefix("b1,") && rows[2].hasSuffix(",north"))
  }

  @Test("CSV output quoting doubles every quote, even one a combining mark follows")
  func csvQuoting() {
    #expect(CSV.field("plain") == "plain")
    #expect(CSV.field("a,b") == "\"a,b\"")
    #expect(CSV.field("say \"no\"") == "\"say \"\"no\"\"\"")
    #expect(CSV.field("x,\"\u{301}") == "\"x,\"\"\u{301}\"")
  }

  @Test("a CSV row with the wrong field count or an unterminated quote is an error record")
  func brokenCSV() {
    let input = "id,text\na,\"GBM s/p XRT, recurrence vs RN\"\nb,one,two\nc,\"never closed\n"
    let result = run(["classify", "--input", "csv", "--format", "jsonl"], stdin: input)
    let records = jsonLines(result.out)
    #expect(records.map { $0["id"] as? String } == ["a", "b", "3"])
    #expect((records[1]["error"] as? String)?.contains("3 fields") == true)
    #expect((records[2]["error"] as? String)?.contains("unterminated") == true)
    #expect(result.status == 1)
    #expect(run(["classify", "--input", "csv"], stdin: "id,note\n1,x\n").out.contains("no 'text' column"))
  }

  @Test("HL7 v2 orders: message control ids, decisions, and a broken message as one error")
  func hl7() {
    let result = run(["classify", "--format", "jsonl", example("orders.hl7")])
    let records = jsonLines(result.out)
    #expect(records.map { $0["id"] as? String } == ["EXAMPLE-ORM-0001", "EXAMPLE-OMI-0002", "EXAMPLE-ORM-0003"])
    #expect(records[0]["decision"] as? String == "meets-criteria")
    #expect(records[1]["decision"] as? String == "does-not-meet")
    #expect(records[2]["error"] != nil)
    #expect(result.status == 1)
  }

  @Test("FHIR: a Bundle's ServiceRequests, each classified")
  func fhir() {
    let result = run(["classify", "--input", "fhir", "--format", "jsonl", example("orders-fhir.json")])
    let records = jsonLines(result.out)
    #expect(records.count == 2)
    #expect(records.allSatisfy { $0["decision"] as? String == "meets-criteria" })
  }

  @Test("HTML escapes every piece of input text; markup in an order is shown as text")
  func htmlEscapes() {
    let input = """
      {"id": "<img src=x onerror=alert(2)>", "text": "GBM s/p XRT <script>alert(1)</script> recurrence vs \\"><img src=x onerror=alert(3)> radiation necrosis"}
      {"id": "bad", "text": 42}
      """
    let result = run(["classify", "--input", "jsonl", "--format", "html"], stdin: input)
    let html = result.out
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("Content-Security-Policy"))
    #expect(!html.contains("<script>"))
    #expect(!html.contains("<img"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(3)&gt;"))
    #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
    #expect(html.contains("<mark class=\"c-recurrence uncertain\""))
    #expect(html.contains("<mark class=\"c-treatment-effect\""))
    #expect(html.contains("decision error"))
    #expect(html.hasSuffix("</body></html>\n"))
  }

  @Test("--summary counts decisions and lists the ids that need a person, without clinical text")
  func summary() {
    let result = run(["classify", "--format", "jsonl", "--summary", "--line-of-business", "commercial", example("orders.csv")])
    #expect(result.err.contains("decisions: does-not-meet 1, meets-criteria 1, needs-review 2"))
    #expect(result.err.contains("need a person (3): ex-csv-2, ex-csv-3, ex-csv-4"))
    #expect(!result.err.contains("GBM") && !result.err.contains("lesion"))
    let html = run(["classify", "--format", "html", "--summary", example("orders.csv")]).out
    #expect(html.contains("<h2>Worklist summary</h2>"))
  }

  @Test("a record's unknown line of business is an error for that record; an unknown default is a usage error")
  func unknownLineOfBusiness() {
    let result = run(["classify", "--input", "jsonl", "--format", "jsonl"], stdin: "{\"id\": \"1\", \"text\": \"MRS\", \"line_of_business\": \"gold plan\"}\n{\"id\": \"2\", \"text\": \"MRS\"}\n")
    let records = jsonLines(result.out)
    #expect((records[0]["error"] as? String)?.contains("unknown line of business 'gold plan'") == true)
    #expect(records[1]["error"] == nil)
    #expect(run(["classify", "--line-of-business", "gold", "x"]).status == 2)
  }

  @Test("every JSON record names the guideline revision and the lexicon digest")
  func provenance() {
    let record = jsonLines(run(["classify", "--format", "jsonl", "MRS brain"]).out).first
    let provenance = record?["provenance"] as? [String: Any]
    #expect(provenance?["guideline"] as? String == "04-70540-07")
    #expect(provenance?["revised"] as? String == "2026-05-15")
    #expect((provenance?["lexicon_digest"] as? String)?.count == 16)
  }
}
