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
      renderer: RecordRenderer(
        format: format, explain: parsed.options["--explain"] != nil,
        provenance: GuidelineVocabulary.provenance(lexiconDigest: lexicon.digest),
        thresholds: lexicon.thresholds, lexiconDigest: lexicon.digest),
      io: io)
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
    // Batches of 128 records (or 256 KB of text) a job make hand-overs rare, and memory stays
    // bounded: at most two batches run while a third is read. A stream that pauses (an
    // interactive pipe) has what it sent classified and written before the wait.
    let batchSize = 128 * jobs
    let batchTextBytes = (256 << 10) * jobs
    var textBytes = 0
    let runner = BatchRunner(classifier: classifier, jobs: jobs, keepsClassifications: summary != nil)

    func count(_ record: InputRecord, _ classification: Classification?) {
      if record.document == nil {
        failures += 1
        summary?.addError(record.id)
      } else if let classification {
        summary?.add(classification)
      }
    }

    func write(_ finished: FinishedBatch) {
      for (index, record) in finished.records.enumerated() {
        let (bytes, classification) = finished.result(index)
        count(record, classification)
        writer.write(rendered: bytes, by: finished.renderer)
      }
      writer.send()
    }

    var rendered: [UInt8] = []
    /// One job: each record is classified and written as it comes, with no batch to hold it.
    func runHere(_ record: InputRecord) {
      rendered.removeAll(keepingCapacity: true)
      count(record, runner.runHere(record, renderer: writer.renderer, into: &rendered))
      writer.write(rendered: rendered[...], by: writer.renderer)
      writer.send()
    }

    // The batch just read starts before the one before it is written, so that workers go on
    // from one to the next while this thread writes and reads.
    func submit() {
      if !batch.isEmpty {
        runner.start(batch, renderer: writer.renderer)
        batch.removeAll(keepingCapacity: true)
        textBytes = 0
      }
      while runner.running > 1, let finished = runner.finishOldest() { write(finished) }
    }

    func drain() {
      submit()
      while let finished = runner.finishOldest() { write(finished) }
      writer.flush()
    }

    func accept(_ record: InputRecord) {
      total += 1
      var record = record
      if seenIDs.insert(record.id) {
        record.warnings.append("duplicate id '\(record.id)' (an earlier record has it)")
      } else if seenIDs.isFull && !reportedFullIDTable {
        reportedFullIDTable = true
        io.err("mrs-nlp: the duplicate-id check is full (\(seenIDs.count) ids remembered); later ids are checked against those, and not all are remembered.\n")
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
      if jobs == 1 { return runHere(record) }
      textBytes += record.document?.text.utf8.count ?? 0
      batch.append(record)
      if batch.count >= batchSize || textBytes >= batchTextBytes { submit() }
    }

    writer.begin()
    do {
      try InputSources.forEachRecord(
        sources, kind: kind, id: parsed.options["--id"], io: io, maximumRecordBytes: maximumRecordBytes,
        csvHeader: { header in
          // Records read under the previous header are rendered with its columns.
          submit()
          writer.renderer.passthroughColumns = CSVReader.passthroughColumns(header)
        },
        keepsWholeObject: false, whenInputWaits: drain, accept)
    } catch {
      // The records read before the error are still written.
      drain()
      throw error
    }
    drain()
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

  static func positiveInteger(_ parsed: ParsedArguments, _ name: String) throws(UsageError) -> Int? {
    guard let text = parsed.options[name] else { return nil }
    guard let value = Int(text), value > 0 else {
      throw UsageError(message: "The value '\(text)' is invalid for '\(name)'. Please provide a positive whole number.")
    }
    return value
  }
}
