import MRSNLP

/// `mrs-nlp classify`: reads records, classifies each, writes one output record per input record.
///
/// Records are read in a stream and classified on `--jobs` threads (see `ResultStream`); results
/// are written in input order, so the output is the same for any number of jobs.
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
    let output = RecordOutput(
      renderer: RecordRenderer(
        format: format, explain: parsed.options["--explain"] != nil,
        provenance: GuidelineVocabulary.provenance(lexiconDigest: lexicon.digest),
        thresholds: lexicon.thresholds, lexiconDigest: lexicon.digest),
      io: io)
    let defaultLineOfBusiness = parsed.options["--line-of-business"]
    if let value = defaultLineOfBusiness, lexicon.program(named: value) == nil {
      throw UsageError(message: "Unknown line of business '\(value)'. Known: \(lexicon.programs.map(\.program).joined(separator: ", ")).")
    }
    let stream = ResultStream(
      classifier: classifier, jobs: jobs, output: output,
      // Only kept when asked for: its worklist of ids grows with the stream.
      summary: parsed.options["--summary"] != nil ? WorklistSummary() : nil)
    var seenIDs = SeenIDs()
    var reportedFullIDTable = false
    var total = 0

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
      stream.add(record)
    }

    stream.begin()
    do {
      try InputSources.forEachRecord(
        sources, kind: kind, id: parsed.options["--id"], io: io, maximumRecordBytes: maximumRecordBytes,
        csvHeader: stream.csvHeader, keepsWholeObject: false, whenInputWaits: stream.drain, accept)
    } catch {
      // The records read before the error are still written.
      stream.drain()
      throw error
    }
    stream.drain()
    let summaryLines = stream.summary?.lines
    if let summaryLines, format != "html" { io.err(summaryLines.joined(separator: "\n") + "\n") }
    stream.end(summaryLines: format == "html" ? summaryLines : nil)
    if stream.failures > 0 {
      io.err("mrs-nlp: \(stream.failures) of \(total) record(s) could not be classified; see their \"error\" field.\n")
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
