import Foundation
import MRSNLP

/// `mrs-nlp classify`: reads records, classifies each, writes one output record per input record.
enum ClassifyCommand {
  static let valued: Set<String> = ["--input", "--format", "--kind", "--id", "--lexicons"]
  static let flags: Set<String> = ["--explain"]

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
      provenance: "\(GuidelineVocabulary.guideline); lexicons fnv1a-64 \(lexicon.digest)")
    writer.thresholds = lexicon.thresholds
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
      if let document = record.document {
        writer.write(classifier.classify(document), record: record)
      } else {
        failures += 1
        writer.writeError(record)
      }
    }
    writer.end()
    if failures > 0 {
      io.err("mrs-nlp: \(failures) of \(total) record(s) could not be classified; see their \"error\" field.\n")
      return .failure
    }
    return .success
  }
}
