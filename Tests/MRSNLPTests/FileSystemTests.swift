import Foundation
import Testing
@testable import MRSNLP

@Suite("File system")
struct FileSystemTests {
  let folder = "/tmp/mrs-nlp-fs-test-\(UInt64.random(in: 0...UInt64.max))"

  @Test("write, read back, list, and tell files from folders")
  func roundTrip() throws {
    defer { try? FileManager.default.removeItem(atPath: folder + ".probe") }
    try FileSystem.write([], to: folder + ".probe")
    #expect(FileSystem.kind(folder + ".probe") == .file)
    #expect(FileSystem.kind("/tmp") == .directory)
    #expect(FileSystem.kind(folder + "/nothing") == nil)
    let bytes: [UInt8] = Array("é\n".utf8) + (0..<200_000).map { UInt8($0 % 251) }
    try FileSystem.write(bytes, to: folder + ".probe")
    #expect(try FileSystem.read(folder + ".probe") == bytes, "larger than one read chunk")
    #expect(try FileSystem.entries("/tmp").contains(FileSystem.lastComponent(folder + ".probe")))
    #expect(try !FileSystem.entries("/tmp").contains("."))
  }

  @Test("a missing file or folder gives the system's reason and the path")
  func missing() {
    #expect(throws: FileSystemError.self) { try FileSystem.read(folder + "/missing.tsv") }
    do {
      _ = try LexiconSourceFile.directory(folder + "/none")
      Issue.record("no error for a missing folder")
    } catch {
      #expect(error.reason == "No such file or directory")
      #expect(error.description.hasPrefix(folder + "/none: "))
    }
  }

  @Test("the last path component")
  func lastComponent() {
    #expect(FileSystem.lastComponent("corpora/dev.jsonl") == "dev.jsonl")
    #expect(FileSystem.lastComponent("dev.jsonl") == "dev.jsonl")
    #expect(FileSystem.lastComponent("/a/b/") == "b")
    #expect(FileSystem.lastComponent("/") == "/")
  }

  @Test("a line reader over a file returns every line, whatever the chunk size")
  func lineReaderChunks() throws {
    defer { try? FileManager.default.removeItem(atPath: folder + ".lines") }
    let text = "one\r\ntwo\rthree\n\nfour"
    try FileSystem.write(Array(text.utf8), to: folder + ".lines")
    for chunk in [1, 2, 3, 64] {
      var reader = LineReader(file: try InputFile(path: folder + ".lines"), chunkSize: chunk)
      var lines: [String] = []
      while case .bytes(let bytes)? = reader.next() { lines.append(String(decoding: bytes, as: UTF8.self)) }
      #expect(lines == ["one", "two", "three", "", "four"], "chunk size \(chunk)")
      #expect(!reader.failed)
    }
  }

  @Test("a line reader says when a pipe has nothing to read yet, and never for a regular file")
  func lineReaderWaits() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    let writeEnd = ends[1]
    defer { close(ends[0]) }
    func send(_ text: String) { _ = Array(text.utf8).withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) } }
    send("one\ntwo\n")
    var waits: [Int] = []
    var lines: [String] = []
    // The reader calls back before each read that would block; the callback is the writer here,
    // so the test runs on one thread and cannot hang: the second call closes the pipe.
    var reader = LineReader(file: try InputFile(path: "/dev/fd/\(ends[0])"), chunkSize: 4) {
      waits.append(lines.count)
      if waits.count == 1 { send("three\n") } else { close(writeEnd) }
    }
    while case .bytes(let bytes)? = reader.next() { lines.append(String(decoding: bytes, as: UTF8.self)) }
    #expect(lines == ["one", "two", "three"])
    // Both waits came once the lines sent so far had been returned, not while the reader still
    // had buffered input to give.
    #expect(waits == [2, 3])
    #expect(!reader.failed)

    defer { try? FileManager.default.removeItem(atPath: folder + ".regular") }
    try FileSystem.write(Array("a\nb\nc".utf8), to: folder + ".regular")
    var waited = false
    var file = LineReader(file: try InputFile(path: folder + ".regular"), chunkSize: 1) { waited = true }
    var count = 0
    while file.next() != nil { count += 1 }
    #expect(count == 3)
    #expect(!waited)
  }

  @Test("a read error (a folder opened as a file) is reported, not taken for the end of input")
  func readErrors() throws {
    var reader = LineReader(file: try InputFile(path: "/tmp"))
    #expect(reader.next() == nil)
    #expect(reader.failed)
    #expect(reader.failure?.reason == "Is a directory")
    do {
      _ = try InputFile(path: "/tmp").readToEnd()
      Issue.record("no error reading a folder")
    } catch {
      #expect(error.description == "/tmp: Is a directory")
    }
  }

  @Test("the line-end scan (eight bytes at a time) finds what a byte-by-byte scan finds")
  func lineEndScan() {
    var generator = SystemRandomNumberGenerator()
    let alphabet: [UInt8] = [0x0A, 0x0D, 0x0B, 0x0C, 0x09, 0x20, 0x61, 0x8A, 0x8D, 0xFF, 0x00, 0x0E, 0x1A, 0x2D]
    for _ in 0..<2_000 {
      let count = Int.random(in: 0...40, using: &generator)
      let bytes = (0..<count).map { _ in
        Bool.random(using: &generator) ? 0x61 : alphabet.randomElement(using: &generator)!
      }
      for start in 0...count {
        let expected = bytes[start...].firstIndex { $0 == 0x0A || $0 == 0x0D }
        #expect(LineReader.lineEnd(in: bytes, from: start) == expected, "\(bytes) from \(start)")
      }
    }
  }

  @Test("padding fills or cuts to a width in scalars")
  func padding() {
    #expect("ab".padded(to: 4) == "ab  ")
    #expect("abcdef".padded(to: 3) == "abc")
    #expect("é".padded(to: 2) == "é ")
  }
}
