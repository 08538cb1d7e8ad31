import Foundation
import Testing
@testable import MRSNLPCLI

@Suite("Reliability: bad input, limits, determinism, no leaks")
struct ReliabilityTests {
  @Test("lone CR and CRLF line ends separate JSONL records")
  func lineEnds() {
    let input = "{\"id\":\"a\",\"text\":\"MRS brain\"}\r{\"id\":\"b\",\"text\":\"abscess vs tumor\"}\r\n{\"id\":\"c\",\"text\":\"MRS\"}"
    let records = jsonLines(run(["classify", "--input", "jsonl", "--format", "jsonl"], stdin: input).out)
    #expect(records.map { $0["id"] as? String } == ["a", "b", "c"])
  }

  @Test("a record over --max-record-bytes is refused with an error naming the limit; the run goes on")
  func recordLimit() {
    let big = String(repeating: "glioma ", count: 400)
    let input = "{\"id\":\"big\",\"text\":\"\(big)\"}\n{\"id\":\"ok\",\"text\":\"MRS brain\"}\n"
    let result = run(["classify", "--input", "jsonl", "--format", "jsonl", "--max-record-bytes", "1000"], stdin: input)
    let records = jsonLines(result.out)
    #expect(records.count == 2)
    #expect((records[0]["error"] as? String)?.contains("over the --max-record-bytes limit") == true)
    #expect(records[1]["decision"] as? String == "needs-review")
    #expect(!result.err.contains("glioma"))
    let hugeLine = "{\"id\":\"huge\",\"text\":\"" + String(repeating: "a", count: 20_000) + "\"}\n{\"id\":\"next\",\"text\":\"MRS\"}\n"
    let lines = jsonLines(run(["classify", "--input", "jsonl", "--format", "jsonl", "--max-record-bytes", "1000"], stdin: hugeLine).out)
    #expect(lines.map { $0["id"] as? String } == ["1", "next"])
    #expect(run(["classify", "--max-record-bytes", "0", "x"]).status == 2)
  }

  @Test("a 50 MB single document is refused under the default limit, as text or as a JSONL line")
  func fiftyMegabytes() {
    let big = [UInt8](repeating: 0x61, count: 50_000_000)
    let text = run(["classify", "--format", "jsonl"], stdin: big)
    #expect(text.status == 1)
    #expect((jsonLines(text.out).first?["error"] as? String)?.contains("over the --max-record-bytes limit of 16777216") == true)
    let line = Array("{\"id\":\"big\",\"text\":\"".utf8) + big + Array("\"}\n{\"id\":\"ok\",\"text\":\"MRS\"}\n".utf8)
    let records = jsonLines(run(["classify", "--input", "jsonl", "--format", "jsonl"], stdin: line).out)
    #expect(records.count == 2)
    #expect((records[0]["error"] as? String)?.contains("over the --max-record-bytes limit") == true)
    #expect(records[1]["decision"] as? String == "needs-review")
  }

  @Test("a 1 MB token with no spaces is classified")
  func hugeToken() {
    let text = String(repeating: "abcdefghij", count: 100_000)
    let result = run(["classify", "--format", "jsonl", text])
    #expect(result.status == 0)
    #expect(jsonLines(result.out).first?["decision"] as? String == "needs-review")
  }

  @Test("deeply nested JSON is an error record, not a crash")
  func deepNesting() {
    let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let input = "{\"id\":\"n\",\"text\":\"MRS\",\"extra\":\(nested)}\n{\"id\":\"ok\",\"text\":\"MRS\"}\n"
    let records = jsonLines(run(["classify", "--input", "jsonl", "--format", "jsonl"], stdin: input).out)
    #expect(records.count == 2)
    #expect((records[0]["error"] as? String)?.contains("nested deeper") == true)
  }

  @Test("standard error names ids and counts, never the text of a failed record")
  func noTextOnStderr() {
    let input = "{\"id\":\"x1\",\"text\":\"Secret patient narrative about glioblastoma\",\"kind\":\"memo\"}\n"
    let result = run(["classify", "--input", "jsonl", "--format", "jsonl", "--summary"], stdin: input)
    #expect(result.status == 1)
    #expect(!result.err.contains("Secret") && !result.err.contains("glioblastoma"))
    #expect(result.err.contains("x1"))
  }

  @Test("output is identical across runs and across --jobs values, in every format")
  func determinism() throws {
    let corpus = try String(contentsOf: repositoryRoot.appendingPathComponent("corpora/dev.jsonl"), encoding: .utf8)
    // The whole dev corpus spans several batches for any job count; unreadable lines among them.
    var lines = corpus.split(separator: "\n").map(String.init)
    for position in stride(from: lines.count - 1, to: 0, by: -97) { lines.insert("{not json", at: position) }
    let sample = lines.joined(separator: "\n") + "\n"
    for format in ["jsonl", "json", "csv", "text", "html"] {
      let one = run(["classify", "--input", "jsonl", "--format", format, "--jobs", "1", "--summary"], stdin: sample)
      #expect(!one.out.isEmpty)
      #expect(one.status == 1)
      for jobs in format == "jsonl" ? ["1", "2", "3"] : ["3"] {
        let other = run(["classify", "--input", "jsonl", "--format", format, "--jobs", jobs, "--summary"], stdin: sample)
        #expect(other.out == one.out, "\(format), \(jobs) jobs")
        #expect(other.err == one.err, "\(format), \(jobs) jobs")
      }
    }
    let records = jsonLines(run(["classify", "--input", "jsonl", "--format", "jsonl", "--jobs", "2"], stdin: sample).out)
    #expect(records.count == lines.count)
  }

  @Test("a pipe that pauses gets the results of what it sent before the pause, for any --jobs", arguments: ["1", "2"])
  func interactivePipe(jobs: String) throws {
    let process = Process()
    process.executableURL = builtBinary
    process.arguments = ["classify", "--input", "jsonl", "--format", "jsonl", "--jobs", jobs, "-"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    defer { if process.isRunning { process.terminate() } }
    /// Reads one output line, waiting at most 20 seconds; nil if none came.
    func nextLine() -> String? {
      let received = Buffer()
      let done = DispatchSemaphore(value: 0)
      DispatchQueue.global().async {
        while !received.bytes.contains(0x0A) {
          let chunk = output.fileHandleForReading.availableData
          if chunk.isEmpty { break }
          received.append(Array(chunk))
        }
        done.signal()
      }
      guard done.wait(timeout: .now() + 20) == .success else { return nil }
      return received.text
    }
    input.fileHandleForWriting.write(Data("{\"id\": \"first\", \"text\": \"MRS for recurrent GBM vs radiation necrosis\"}\n".utf8))
    let first = nextLine()
    #expect(first?.hasPrefix("{\"id\":\"first\",") == true, "no result while the pipe stayed open: \(first ?? "nothing")")
    input.fileHandleForWriting.write(Data("{\"id\": \"second\", \"text\": \"MRS brain, headache\"}\n".utf8))
    let second = nextLine()
    #expect(second?.hasPrefix("{\"id\":\"second\",") == true, "\(second ?? "nothing")")
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  @Test("output that cannot be written ends the run with status 1 and a message, not a silent success")
  func fullDisk() throws {
    guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
    let process = Process()
    process.executableURL = builtBinary
    process.arguments = ["classify", "--format", "jsonl", "MRS brain for recurrent glioblastoma"]
    process.standardOutput = full
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(message.contains("cannot write standard output: No space left on device"), "\(message)")
  }

  @Test("the binary links no networking library")
  func noNetworking() throws {
    let ldd = URL(fileURLWithPath: "/usr/bin/ldd")
    guard FileManager.default.isExecutableFile(atPath: ldd.path) else { return }
    let process = Process()
    process.executableURL = ldd
    process.arguments = [builtBinary.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(!output.isEmpty)
    #expect(!output.contains("FoundationNetworking") && !output.contains("libcurl"), "\(output)")
  }
}

@Suite("Duplicate-id memory")
struct SeenIDsTests {
  @Test("duplicates are found, and memory stops growing at the capacity while old ids still match")
  func boundedDuplicateCheck() {
    // The default capacity has the same tables, each 256 times as large.
    var seen = SeenIDs(capacity: 1 << 12)
    let first = [seen.insert("a"), seen.insert("b"), seen.insert("a")]
    #expect(first == [false, false, true])
    #expect(!seen.isFull)
    // Twice the capacity: every one of the tables fills.
    var index = 0
    while !seen.isFull {
      _ = seen.insert("id-\(index)")
      index += 1
    }
    // 64 ids a table here, so the first fills well before the others (at about 98% with the
    // default's 16,384 a table); a table picked by FNV-1a's own top bits filled first at 84%.
    #expect(seen.count > seen.capacity * 6 / 10, "the first table filled at \(seen.count) ids")
    for more in index..<(2 * seen.capacity) { _ = seen.insert("id-\(more)") }
    #expect(seen.count == seen.capacity)
    // Remembered before the tables filled; "late" is checked but not remembered.
    let after = [seen.insert("a"), seen.insert("id-0"), seen.insert("late"), seen.insert("late")]
    #expect(after == [true, true, false, false])
    #expect(seen.count == seen.capacity)
  }
}
