import Foundation
import MRSNLP

/// `mrs-nlp classify`: reads records, classifies each, writes one output record per input record.
enum ClassifyCommand {
  static let valued: Set<String> = ["--input", "--format", "--kind", "--id", "--lexicons", "--line-of-business"]
  static let flags: Set<String> = ["--explain", "--summary"]

  static func run(_ arguments: [String], io: ToolIO) throws -> ExitStatus {
    let parsed = try ParsedArguments(arguments, valued: valued, flags: flags)
    let explicitInput = try parsed.choice("--input", ["text", "jsonl", "csv", "hl7", "fhir"])
    let format =
      try parsed.choice("--format", ["text", "json", "jsonl", "csv", "html"])
      ?? (io.outputIsTerminal ? "text" : "jsonl")
    let kind = DocumentKind(rawValue: try parsed.choice("--kind", ["order", "report"]) ?? "order") ?? .order
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
    var summary = WorklistSummary()
    var seenIDs: [String: Int] = [:]
    var failures = 0
    var total = 0
    writer.begin()
    try InputSources.forEachRecord(
      sources, kind: kind, id: parsed.options["--id"], io: io,
      csvHeader: { writer.passthroughColumns = CSVReader.passthroughColumns($0) }
    ) { record in
      total += 1
      var record = record
      if let earlier = seenIDs[record.id] {
        record.warnings.append("duplicate id '\(record.id)' (first on record \(earlier))")
      } else {
        seenIDs[record.id] = record.line
      }
      if var document = record.document {
        if document.lineOfBusiness == nil { document.lineOfBusiness = defaultLineOfBusiness }
        if let value = document.lineOfBusiness, lexicon.program(named: value) == nil {
          record.error = "unknown line of business '\(value)'; known: \(lexicon.programs.map(\.program).joined(separator: ", "))"
          failures += 1
          summary.addError(record.id)
          writer.writeError(record)
          return
        }
        let classification = classifier.classify(document)
        summary.add(classification)
        writer.write(classification, record: record)
      } else {
        failures += 1
        summary.addError(record.id)
        writer.writeError(record)
      }
    }
    if parsed.options["--summary"] != nil {
      if format == "html" { writer.summary(summary.lines) } else { io.err(summary.lines.joined(separator: "\n") + "\n") }
    }
    writer.end()
    if failures > 0 {
      io.err("mrs-nlp: \(failures) of \(total) record(s) could not be classified; see their \"error\" field.\n")
      return .failure
    }
    return .success
  }
}
