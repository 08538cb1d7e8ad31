// Benchmark for mrs-nlp: throughput of each pipeline stage on a real corpus, in a release build,
// against the same machine's `wc -w` over the same bytes, measured in the same run.
//
// usage: swift run -c release mrs-nlp-bench [--corpus FILE.jsonl ...] [--megabytes N] [--runs N]
//                                            [--startup-runs N] [--write eval/performance.md]
// Startup is timed on the `mrs-nlp` binary built next to this one (`swift build -c release` first).
import Dispatch
import Foundation
import MRSNLP

struct Options {
  var corpora: [String] = []
  var megabytes = 20.0
  var runs = 3
  var startupRuns = 21
  var output: String?
}

func parseOptions() -> Options {
  var options = Options()
  var arguments = Array(CommandLine.arguments.dropFirst())
  while !arguments.isEmpty {
    let name = arguments.removeFirst()
    guard !arguments.isEmpty else {
      FileHandle.standardError.write(Data("mrs-nlp-bench: \(name) needs a value\n".utf8))
      exit(2)
    }
    let value = arguments.removeFirst()
    switch name {
    case "--corpus": options.corpora.append(value)
    case "--megabytes": options.megabytes = Double(value) ?? options.megabytes
    case "--runs": options.runs = max(1, Int(value) ?? options.runs)
    case "--startup-runs": options.startupRuns = max(0, Int(value) ?? options.startupRuns)
    case "--write": options.output = value
    default:
      FileHandle.standardError.write(Data("mrs-nlp-bench: unknown option \(name)\n".utf8))
      exit(2)
    }
  }
  if options.corpora.isEmpty { options.corpora = ["corpora/dev.jsonl", "corpora/test.jsonl"] }
  return options
}

/// Documents repeated in a fixed order until the corpus reaches the requested size.
func buildCorpus(_ options: Options) -> (documents: [Document], jsonl: [UInt8]) {
  var sources: [Document] = []
  let reader = JSONLRecordReader(keepsWholeObject: false)
  for path in options.corpora {
    guard let data = FileManager.default.contents(atPath: path) else {
      FileHandle.standardError.write(Data("mrs-nlp-bench: cannot read \(path)\n".utf8))
      exit(2)
    }
    for (number, line) in [UInt8](data).split(separator: 0x0A).enumerated() {
      if let document = reader.read(line, line: number + 1)?.document { sources.append(document) }
    }
  }
  var documents: [Document] = []
  var jsonl: [UInt8] = []
  let target = Int(options.megabytes * 1_000_000)
  var index = 0
  while jsonl.count < target && !sources.isEmpty {
    var document = sources[index % sources.count]
    document.id = "bench-\(index)"
    var writer = JSONWriter()
    writer.beginObject()
    writer.string(document.id, key: "id")
    writer.string(document.kind.rawValue, key: "kind")
    writer.string(document.text, key: "text")
    writer.endObject()
    jsonl += writer.bytes + [0x0A]
    documents.append(document)
    index += 1
  }
  return (documents, jsonl)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func peakResidentMegabytes() -> Double {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let digits = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
    return digits / 1024
  }
  return 0
}

/// The wall time of `wc -w` over a file (median of `runs`).
func wordCountSeconds(_ path: String, runs: Int) -> Double {
  var times: [Double] = []
  for _ in 0..<runs {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/wc")
    process.arguments = ["-w", path]
    process.standardOutput = FileHandle.nullDevice
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      try? process.run()
      process.waitUntilExit()
    }
    times.append(seconds(elapsed))
  }
  return median(times)
}

/// Wall times, in seconds, of `runs` launches of each command line, the commands taking turns so
/// that the machine's drift touches them alike. Launched with `posix_spawn` and output sent to
/// /dev/null, as a shell would: Foundation's `Process` adds tens of milliseconds of its own.
func launchSeconds(_ executable: String, _ commands: [[String]], runs: Int) -> [[Double]] {
  var times = [[Double]](repeating: [], count: commands.count)
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  defer { posix_spawn_file_actions_destroy(&actions) }
  for _ in 0..<runs {
    for (index, arguments) in commands.enumerated() {
      let argv = ([executable] + arguments).map { strdup($0) } + [nil]
      defer { argv.forEach { free($0) } }
      let clock = ContinuousClock()
      var status: Int32 = -1
      let elapsed = clock.measure {
        var child: pid_t = 0
        guard posix_spawn(&child, executable, &actions, nil, argv, environ) == 0 else { return }
        waitpid(child, &status, 0)
      }
      // A launch that did not run to a clean exit measures nothing: refuse the figure.
      guard status == 0 else {
        FileHandle.standardError.write(Data("mrs-nlp-bench: \(executable) \(arguments) did not exit cleanly (wait status \(status))\n".utf8))
        exit(2)
      }
      times[index].append(seconds(elapsed))
    }
  }
  return times
}

let options = parseOptions()
let clock = ContinuousClock()
let lexicon: Lexicon
do {
  lexicon = try Lexicon.embedded()
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(2)
}
let classifier = Classifier(lexicon: lexicon)
let corpus = buildCorpus(options)
let firstResult: Double = {
  let begin = clock.now
  let warm = try? Lexicon.embedded()
  if let warm {
    var writer = JSONWriter()
    ClassificationJSON.write(Classifier(lexicon: warm).classify(corpus.documents[0]), into: &writer)
  }
  return seconds(clock.now - begin)
}()
let bytes = Double(corpus.jsonl.count)
let path = NSTemporaryDirectory() + "mrs-nlp-bench-\(ProcessInfo.processInfo.processIdentifier).jsonl"
guard FileManager.default.createFile(atPath: path, contents: Data(corpus.jsonl)) else {
  FileHandle.standardError.write(Data("mrs-nlp-bench: cannot write \(path)\n".utf8))
  exit(2)
}
defer { try? FileManager.default.removeItem(atPath: path) }

var tokenCount = 0
func stage(_ body: () -> Void) -> Double {
  var times: [Double] = []
  for _ in 0..<options.runs { times.append(seconds(clock.measure(body))) }
  return median(times)
}
let tokenizeTime = stage {
  var count = 0
  for document in corpus.documents { count += Tokenizer().tokenize(ScalarText(document.text)).count }
  tokenCount = count
}
let textTime = stage {
  for document in corpus.documents { _ = TextAnalysis(document: document, lexicon: lexicon) }
}
let matchTime = stage {
  let matcher = ConceptMatcher(lexicon: lexicon)
  for document in corpus.documents { _ = matcher.match(TextAnalysis(document: document, lexicon: lexicon)) }
}
let pipelineTime = stage {
  let reader = JSONLRecordReader(keepsWholeObject: false)
  var output = 0
  // As `mrs-nlp classify` does: one spelling memo per thread, kept across documents.
  var memo = SpellingMemo()
  for (number, line) in corpus.jsonl.split(separator: 0x0A).enumerated() {
    guard let document = reader.read(line, line: number + 1)?.document else { continue }
    var writer = JSONWriter()
    ClassificationJSON.write(classifier.classify(document, memo: &memo), into: &writer)
    output += writer.bytes.count
  }
  precondition(output > 0)
}
let threads = ProcessInfo.processInfo.activeProcessorCount
let parallelTime = stage {
  let documents = corpus.documents
  DispatchQueue.concurrentPerform(iterations: threads) { worker in
    var index = worker
    var output = 0
    var memo = SpellingMemo()
    while index < documents.count {
      var writer = JSONWriter()
      ClassificationJSON.write(classifier.classify(documents[index], memo: &memo), into: &writer)
      output += writer.bytes.count
      index += threads
    }
    precondition(output >= 0)
  }
}
let wcTime = wordCountSeconds(path, runs: options.runs)
let megabytes = bytes / 1e6
func rate(_ time: Double) -> String { String(format: "%.2f MB/s", megabytes / time) }
let processor = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
  .split(separator: "\n").first { $0.hasPrefix("model name") }
  .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown"

var report = """
  # Performance

  Measured by `swift run -c release mrs-nlp-bench \(CommandLine.arguments.dropFirst().joined(separator: " "))` (one core, one
  thread, median of \(options.runs) runs per figure). Corpus: \(options.corpora.joined(separator: ", ")) repeated
  to \(corpus.documents.count) documents, \(String(format: "%.1f", megabytes)) MB of JSONL, \(tokenCount) tokens.
  Machine: \(processor), \(ProcessInfo.processInfo.activeProcessorCount) cores.

  | stage | time | throughput | documents/s | ns/token | × `wc -w` time |
  |---|---|---|---|---|---|

  """
for (name, time) in [
  ("`wc -w` over the same file (same run)", wcTime), ("tokenize", tokenizeTime),
  ("text analysis (tokens, sections, sentences)", textTime), ("concept matching (with text analysis)", matchTime),
  ("full pipeline: JSONL in, classify, JSON out", pipelineTime),
  ("classify and JSON out on \(threads) threads", parallelTime),
] {
  report += "| \(name) | \(String(format: "%.3f s", time)) | \(rate(time)) | \(String(format: "%.0f", Double(corpus.documents.count) / time)) | \(String(format: "%.0f", time * 1e9 / Double(max(tokenCount, 1)))) | \(String(format: "%.1f", time / wcTime)) |\n"
}
report += """

  Speed-up of \(threads) threads over one (classify and JSON out, without reading): \(String(format: "%.2f", pipelineTime / parallelTime))×.
  Lexicon load and compile plus the first classification: \(String(format: "%.1f ms", firstResult * 1000)).
  Peak resident memory of the benchmark process (it holds the whole corpus in memory): \(String(format: "%.0f MB", peakResidentMegabytes())).

  """
let cli = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mrs-nlp").path
// The real binary over the same file, one job against all cores, launches alternating: what a
// user gets, reading, writing and lexicon load included.
if FileManager.default.isExecutableFile(atPath: cli) {
  let arguments = ["classify", "--input", "jsonl", "--format", "jsonl"]
  let launches = launchSeconds(
    cli, [arguments + ["--jobs", "1", path], arguments + ["--jobs", "\(threads)", path]], runs: options.runs)
  let one = median(launches[0])
  let all = median(launches[1])
  func launchRate(_ times: [Double]) -> String {
    String(format: "median %.3f s, %.2f MB/s (runs %@)", median(times), megabytes / median(times),
      times.map { String(format: "%.2f", $0) }.joined(separator: ", "))
  }
  report += """
    The binary, `mrs-nlp \(arguments.joined(separator: " ")) --jobs N` over the same file, output to /dev/null, \(options.runs) launches each, alternating:
    - `--jobs 1`: \(launchRate(launches[0])); \(String(format: "%.1f", one / wcTime))× `wc -w`.
    - `--jobs \(threads)`: \(launchRate(launches[1])).
    - Speed-up of \(threads) jobs over one: \(String(format: "%.2f", one / all))× (median over median; run by run: \(zip(launches[0], launches[1]).map { String(format: "%.2f", $0 / $1) }.joined(separator: ", "))).

    """
}
// Startup: the real binary launched as a user would, on one short order, against a launch that
// loads no lexicon (`--version`: process start and dynamic linking) in the same run.
if options.startupRuns > 0 && FileManager.default.isExecutableFile(atPath: cli) {
  let launches = launchSeconds(cli, [["classify", "MRS brain"], ["--version"]], runs: options.startupRuns)
  func summary(_ times: [Double]) -> String {
    String(format: "median %.1f ms (fastest %.1f, slowest %.1f)", median(times) * 1000, times.min()! * 1000, times.max()! * 1000)
  }
  report += """
    Startup, `mrs-nlp classify "MRS brain"` launched \(options.startupRuns) times (lexicon load included): \(summary(launches[0])).
    The same binary's `--version` (process start, no lexicon), alternating with it: \(summary(launches[1])).

    """
} else {
  report += "Startup not measured: no `mrs-nlp` binary next to the benchmark (`swift build -c release` builds both).\n"
}
print(report, terminator: "")
// Measurements made by hand (startup, the 1 GB stream) follow a marker line and are kept.
let handWrittenMarker = "<!-- measured by hand below; mrs-nlp-bench keeps this part -->"
if let output = options.output, let old = FileManager.default.contents(atPath: output),
  let range = String(decoding: old, as: UTF8.self).range(of: handWrittenMarker)
{
  report += "\n" + String(String(decoding: old, as: UTF8.self)[range.lowerBound...])
}
if let output = options.output, !FileManager.default.createFile(atPath: output, contents: Data(report.utf8)) {
  FileHandle.standardError.write(Data("mrs-nlp-bench: cannot write \(output)\n".utf8))
  exit(2)
}
