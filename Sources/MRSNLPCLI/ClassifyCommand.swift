import Dispatch
import MRSNLP

/// `mrs-nlp classify`: reads records, classifies each, writes one output record per input record.
///
/// Records are read in a stream and classified in batches on `--jobs` threads; results are written
/// in input order, so the output is the same for any number of jobs.
enum ClassifyCommand {
  static let valued: Set<String> = [
    "--input", "--format", "--kind", "--id", "--lexicons", "--line-of-business", "--jobs",
    "--max-record-bytes",
  ]
  static let flags: Set<String> = ["--explain", "--summary"]

  /// The default per-record limit: a text larger than this is refused with a clear error.
  static let defaultMaximumRecordBytes = 16 << 20

  static func run(_ arguments: [String], io: ToolIO) throws -> ExitStatus {
    let parsed = try ParsedArguments(arguments, valued: valued, flags: flags)
    let explicitInput = try parsed.choice("--input", ["text", "jsonl", "csv", "hl7", "fhir"])
    let format =
      try parsed.choice("--format", ["text", "json", "jsonl", "csv", "html"])
      ?? (io.outputIsTerminal ? "text" : "jsonl")
    let kind = DocumentKind(rawValue: try parsed.choice("--kind", ["order", "report"]) ?? "order") ?? .order
    let jobs = try positiveInteger(parsed, "--jobs") ?? ProcessEnvironment.processorCount
    let maximumRecordBytes = try positiveInteger(parsed, "--max-record-bytes") ?? defaultMaximumRecordBytes
    let lexicon = try MRSNLPCommandLine.loadLexicon(parsed, io: io)
    let classifier = Classifier(lexicon: lexicon)
    let sources = try InputSources.resolve(parsed.positionals, explicitInput: explicitInput, io: io)
    var writer = RecordOutput(
      format: format, explain: parsed.options["--explain"] != nil, io: io,
      provenance: GuidelineVocabulary.provenance(lexiconDigest: lexicon.digest))
    writer.thresholds = lexicon.thresholds
    writer.lexiconDigest = lexicon.digest
    let defaultLineOfBusiness = parsed.options["--line-of-business"]
    if let value = defaultLineOfBusiness, lexicon.program(named: value) == nil {
      throw UsageError(message: "Unknown line of business '\(value)'. Known: \(lexicon.programs.map(\.program).joined(separator: ", ")).")
    }
    // Only kept when asked for: its worklist of ids grows with the stream.
    var summary: WorklistSummary? = parsed.options["--summary"] != nil ? WorklistSummary() : nil
    var seenIDs = SeenIDs()
    var reportedFullIDTable = false
    var failures = 0
    var total = 0
    var batch: [InputRecord] = []
    let batchSize = jobs == 1 ? 1 : 64 * jobs
    let memos = (0..<jobs).map { _ in SpellingMemoBox() }

    func flush() {
      let results = classifyBatch(batch, classifier: classifier, jobs: jobs, memos: memos)
      for (record, classification) in zip(batch, results) {
        if let classification {
          summary?.add(classification)
          writer.write(classification, record: record)
        } else {
          failures += 1
          summary?.addError(record.id)
          writer.writeError(record)
        }
      }
      batch.removeAll(keepingCapacity: true)
      io.flush()
    }

    writer.begin()
    try InputSources.forEachRecord(
      sources, kind: kind, id: parsed.options["--id"], io: io, maximumRecordBytes: maximumRecordBytes,
      csvHeader: { writer.passthroughColumns = CSVReader.passthroughColumns($0) },
      keepsWholeObject: false
    ) { record in
      total += 1
      var record = record
      if seenIDs.insert(record.id) {
        record.warnings.append("duplicate id '\(record.id)' (an earlier record has it)")
      } else if seenIDs.isFull && !reportedFullIDTable {
        reportedFullIDTable = true
        io.err("mrs-nlp: \(SeenIDs.capacity) distinct ids remembered; later records are checked for duplicate ids against those only.\n")
      }
      if var document = record.document {
        if document.lineOfBusiness == nil { document.lineOfBusiness = defaultLineOfBusiness }
        if let value = document.lineOfBusiness, lexicon.program(named: value) == nil {
          record.error = "unknown line of business '\(value)'; known: \(lexicon.programs.map(\.program).joined(separator: ", "))"
          record.document = nil
        } else {
          record.document = document
        }
      }
      batch.append(record)
      if batch.count >= batchSize { flush() }
    }
    flush()
    if let summary {
      if format == "html" { writer.summary(summary.lines) } else { io.err(summary.lines.joined(separator: "\n") + "\n") }
    }
    writer.end()
    if failures > 0 {
      io.err("mrs-nlp: \(failures) of \(total) record(s) could not be classified; see their \"error\" field.\n")
      return .failure
    }
    return .success
  }

  /// Classifies the readable records of a batch on `jobs` threads; nil for unreadable records.
  ///
  /// `memos` holds one spelling memo per worker, kept from batch to batch; worker `w` alone uses
  /// `memos[w]` while the batch runs.
  static func classifyBatch(
    _ records: [InputRecord], classifier: Classifier, jobs: Int, memos: [SpellingMemoBox]
  ) -> [Classification?] {
    guard jobs > 1, records.count > 1 else {
      return records.map { record in
        record.document.map { classifier.classify($0, memo: &memos[0].memo) }
      }
    }
    let results = ResultSlots(count: records.count)
    DispatchQueue.concurrentPerform(iterations: min(jobs, records.count)) { worker in
      let box = memos[worker]
      var index = worker
      while index < records.count {
        results.set(index, records[index].document.map { classifier.classify($0, memo: &box.memo) })
        index += jobs
      }
    }
    return results.values
  }

  static func positiveInteger(_ parsed: ParsedArguments, _ name: String) throws(UsageError) -> Int? {
    guard let text = parsed.options[name] else { return nil }
    guard let value = Int(text), value > 0 else {
      throw UsageError(message: "The value '\(text)' is invalid for '\(name)'. Please provide a positive whole number.")
    }
    return value
  }
}

/// A worker thread's spelling memo; each box is used by one worker at a time (see `classifyBatch`).
final class SpellingMemoBox: @unchecked Sendable {
  var memo = SpellingMemo()
}

/// One slot per record, each written by exactly one worker thread, read after all have finished.
final class ResultSlots: @unchecked Sendable {
  private var slots: [Classification?]
  private let lock = Lock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Classification?) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [Classification?] { slots }
}
