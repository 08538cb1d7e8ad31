import Foundation
import Testing
@testable import MRSNLPCLI

@Suite("mrs-nlp classify")
struct ClassifyCommandTests {
  @Test("the default --jobs counts the processors this process may use, at least one")
  func defaultJobs() {
    let count = ProcessEnvironment.processorCount
    #expect(count >= 1)
    #expect(count <= ProcessInfo.processInfo.processorCount)
  }

  @Test("a container's CPU quota caps the default --jobs, rounded up to whole processors")
  func cpuQuota() {
    #expect(ProcessEnvironment.cpuQuota(cpuMax: "200000 100000\n", cfsQuota: nil, cfsPeriod: nil) == 2)
    #expect(ProcessEnvironment.cpuQuota(cpuMax: "150000 100000\n", cfsQuota: nil, cfsPeriod: nil) == 2)
    #expect(ProcessEnvironment.cpuQuota(cpuMax: "max 100000\n", cfsQuota: nil, cfsPeriod: nil) == nil)
    #expect(ProcessEnvironment.cpuQuota(cpuMax: nil, cfsQuota: "50000\n", cfsPeriod: "100000\n") == 1)
    #expect(ProcessEnvironment.cpuQuota(cpuMax: nil, cfsQuota: "-1\n", cfsPeriod: "100000\n") == nil)
    #expect(ProcessEnvironment.cpuQuota(cpuMax: nil, cfsQuota: nil, cfsPeriod: nil) == nil)
  }

  @Test("text from arguments gives a readable result on a terminal")
  func textArguments() {
    let result = run(["classify", "GBM s/p chemoradiation, new enhancement: recurrence vs radiation necrosis"], terminal: true)
    #expect(result.status == 0)
    #expect(result.out.contains("meets-criteria"))
    #expect(result.out.contains("«radiation necrosis» treatment-effect [uncertain]"))
  }

  @Test("JSONL in, JSONL out: one record per input record, in order, errors included")
  func jsonl() {
    let input = """
      {"id": "a", "text": "recurrence vs radiation necrosis"}
      {not json
      {"id": "c"}
      {"id": "d", "text": null}
      {"id": "e", "text": 42}
      {"id": "f", "text": "   "}
      {"text": "MRS brain"}

      {"id": "h", "kind": "memo", "text": "MRS"}
      {"id": "a", "text": "abscess vs tumor", "extra": {"nested": [1, 2]}}
      """
    let result = run(["classify", "--input", "jsonl", "--format", "jsonl"], stdin: input)
    let records = jsonLines(result.out)
    #expect(records.count == 9)
    #expect(records.map { $0["id"] as? String } == ["a", "2", "c", "d", "e", "f", "7", "h", "a"])
    #expect(records.map { $0["error"] != nil } == [false, true, true, true, true, true, false, true, false])
    #expect((records[1]["error"] as? String)?.contains("not valid JSON") == true)
    #expect((records[2]["error"] as? String) == "'text' is missing")
    #expect((records[3]["error"] as? String) == "'text' is null, expected a string")
    #expect((records[4]["error"] as? String) == "'text' is a number, expected a string")
    #expect((records[8]["warnings"] as? [String])?.first?.contains("duplicate id") == true)
    #expect(result.status == 1)
    #expect(result.err.contains("6 of 9 record(s)"))
    #expect(!result.err.contains("necrosis"))
  }

  @Test("every key of the contract is present")
  func contractKeys() {
    let result = run(["classify", "--format", "jsonl", "Cho/NAA 2.3 in GBM"])
    let record = jsonLines(result.out).first ?? [:]
    for key in ["id", "decision", "indications", "other_indications", "spectroscopy_finding", "measurements", "mentions", "evidence"] {
      #expect(record[key] != nil, "missing \(key)")
    }
  }

  @Test("invalid UTF-8, a BOM, NUL bytes and a truncated last line")
  func dirtyBytes() {
    var input: [UInt8] = [0xEF, 0xBB, 0xBF]
    input += Array("{\"id\": \"x\", \"text\": \"GBM \\u0000 s/p XRT\"}\n".utf8)
    input += Array("{\"id\": \"y\", \"text\": \"caf".utf8) + [0xC3] + Array(" recurrence\"}\r\n".utf8)
    input += Array("{\"id\": \"z\", \"text\": \"trunc".utf8)
    let result = run(["classify", "--input", "jsonl", "--format", "jsonl"], stdin: input)
    let records = jsonLines(result.out)
    #expect(records.count == 3)
    #expect(records[0]["error"] == nil, "an escaped NUL is text")
    #expect((records[1]["warnings"] as? [String]) == ["invalid UTF-8 replaced with U+FFFD"])
    #expect(records[2]["error"] != nil)
  }

  @Test("a raw NUL byte inside a JSON string is an error record naming the problem")
  func rawNul() {
    let result = run(["classify", "--input", "jsonl", "--format", "jsonl"], stdin: Array("{\"id\": \"n\", \"text\": \"a".utf8) + [0] + Array("b\"}\n".utf8))
    let record = jsonLines(result.out).first
    #expect((record?["error"] as? String)?.contains("unescaped control character") == true)
  }

  @Test("an empty input gives no output and exit 0")
  func emptyInput() {
    let result = run(["classify", "--input", "jsonl", "--format", "jsonl"], stdin: "")
    #expect(result.status == 0)
    #expect(result.out.isEmpty)
  }

  @Test("--format json writes one array")
  func jsonArray() throws {
    let result = run(["classify", "--input", "jsonl", "--format", "json"], stdin: "{\"id\":\"1\",\"text\":\"MRS\"}\n{\"id\":\"2\",\"text\":\"abscess vs tumor\"}\n")
    let array = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]]
    #expect(array?.count == 2)
  }

  @Test("usage errors name the flag and exit 2", arguments: [
    (["classify", "--bogus-flag"], "Unknown option '--bogus-flag'"),
    (["classify", "--format"], "Missing value for option '--format'"),
    (["classify", "--format", "png", "x"], "The value 'png' is invalid for '--format'"),
    (["classify", "--fromat", "json", "x"], "Did you mean '--format'?"),
    (["clasify"], "Did you mean 'classify'?"),
    (["classify", "--lexicons", "/nonexistent/dir", "x"], "Cannot read the lexicon folder '/nonexistent/dir': No such file or directory."),
    (["classify", "--input", "jsonl", "/nonexistent.jsonl"], "Cannot read '/nonexistent.jsonl': no such file."),
    (["classify", "--input", "csv", "/"], "Cannot read '/': it is a folder."),
    (["assert", "--context-rules", "/nonexistent.json", "x"], "Cannot read the context rules '/nonexistent.json': No such file or directory."),
  ])
  func usageErrors(arguments: [String], message: String) {
    let result = run(arguments)
    #expect(result.status == 2)
    #expect(result.err.contains(message), "\(result.err)")
  }

  @Test("a broken lexicon folder gives file:line and exit 2")
  func brokenLexicon() throws {
    let folder = NSTemporaryDirectory() + "lex-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for name in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("lexicons").path) where name.hasSuffix(".tsv") {
      try FileManager.default.copyItem(atPath: repositoryRoot.appendingPathComponent("lexicons/\(name)").path, toPath: folder + "/\(name)")
    }
    try "@format mrs-terms\n@version 1\n@columns concept\tterm\tattributes\tnote\nbrain-tumour\tglioma\t\t\n".write(toFile: folder + "/zz.tsv", atomically: true, encoding: .utf8)
    let result = run(["classify", "--lexicons", folder, "x"])
    #expect(result.status == 2)
    #expect(result.err.contains("zz.tsv:4: error: unknown concept 'brain-tumour'"))
    let check = run(["lexicon", "check", folder])
    #expect(check.status == 2)
  }

  @Test("help and version")
  func helpAndVersion() {
    #expect(run(["--help"]).out.contains("SUBCOMMANDS:"))
    #expect(run(["help", "classify"]).out.contains("EXAMPLES:"))
    #expect(run(["classify", "--help"]).out.contains("--explain"))
    let version = run(["--version"]).out
    #expect(version.contains("04-70540-07") && version.contains("fnv1a-64"))
  }

  @Test("the built binary runs from another folder with its embedded lexicons")
  func binary() throws {
    let process = Process()
    process.executableURL = builtBinary
    process.arguments = ["classify", "--format", "jsonl", "Ring-enhancing lesion; abscess versus necrotic tumor."]
    process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let record = jsonLines(String(decoding: data, as: UTF8.self)).first
    #expect(record?["decision"] as? String == "meets-criteria")
  }
}
