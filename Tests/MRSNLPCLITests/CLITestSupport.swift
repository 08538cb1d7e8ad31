import Foundation
import MRSNLP
import MRSNLPCLI

/// The outcome of one in-process command run.
struct RunResult {
  var status: Int32
  var out: String
  var err: String
}

/// Collects bytes written by a command.
final class Buffer: @unchecked Sendable {
  var bytes: [UInt8] = []
  let lock = NSLock()
  func append(_ more: [UInt8]) { lock.lock(); bytes += more; lock.unlock() }
  var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Runs `mrs-nlp` in-process with `stdin` as standard input.
func run(_ arguments: [String], stdin: [UInt8] = [], terminal: Bool = false) -> RunResult {
  let out = Buffer()
  let err = Buffer()
  let path = NSTemporaryDirectory() + "mrs-nlp-stdin-\(UUID().uuidString)"
  FileManager.default.createFile(atPath: path, contents: Data(stdin))
  defer { try? FileManager.default.removeItem(atPath: path) }
  let io = ToolIO(
    openStandardInput: { try! InputFile(path: path) }, writeOut: out.append,
    writeErr: err.append, outputIsTerminal: terminal)
  let status = MRSNLPCommandLine.run(arguments, io: io)
  return RunResult(status: status, out: out.text, err: err.text)
}

func run(_ arguments: [String], stdin: String) -> RunResult { run(arguments, stdin: Array(stdin.utf8)) }

/// Parses JSONL output.
func jsonLines(_ text: String) -> [[String: Any]] {
  text.split(separator: "\n").compactMap {
    try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
  }
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// The built `mrs-nlp` binary next to the test bundle.
var builtBinary: URL {
  let bundle = Bundle(for: Buffer.self).bundleURL
  let candidates = [
    bundle.appendingPathComponent("mrs-nlp"),
    bundle.deletingLastPathComponent().appendingPathComponent("mrs-nlp"),
    bundle.appendingPathComponent("debug/mrs-nlp"),
    repositoryRoot.appendingPathComponent(".build/debug/mrs-nlp"),
  ]
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
}
