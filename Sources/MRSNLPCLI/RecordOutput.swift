import MRSNLP

/// Writes classify's output records in the chosen format, one per input record, as they come.
struct RecordOutput {
  let format: String
  let explain: Bool
  let io: ToolIO
  let provenance: String
  /// Published cut-offs shown beside measurements in the text format.
  var thresholds: [ReferenceThreshold] = []
  /// The digest of the lexicon set, written into each JSON record's provenance.
  var lexiconDigest: String?
  /// Columns of a CSV input passed through to CSV output, after the tool's own columns.
  var passthroughColumns: [String] = []
  private var count = 0
  /// Reused record after record (its buffer is allocated once).
  private var jsonWriter: JSONWriter
  private var wroteCSVHeader = false

  init(format: String, explain: Bool, io: ToolIO, provenance: String) {
    self.format = format
    self.explain = explain
    self.io = io
    self.provenance = provenance
    jsonWriter = JSONWriter(indent: format == "json" ? 2 : nil)
  }

  static let csvColumns = [
    "id", "decision", "indications", "other_indications", "spectroscopy_finding", "measurements",
    "flags", "routed_to_review", "rules", "warnings", "error",
  ]

  mutating func begin() {
    switch format {
    case "json": io.out("[")
    case "html": io.out(HTMLReport.header(title: "mrs-nlp pre-screening results", provenance: provenance))
    default: break
    }
  }

  mutating func end() {
    if format == "json" { io.out(count == 0 ? "]\n" : "\n]\n") }
    if format == "html" { io.out(HTMLReport.footer) }
    if format == "csv" { csvHeaderIfNeeded() }
  }

  private mutating func csvHeaderIfNeeded() {
    guard !wroteCSVHeader else { return }
    wroteCSVHeader = true
    io.out(CSV.row(Self.csvColumns + ["provenance"] + passthroughColumns))
  }

  private func passthrough(_ record: InputRecord) -> [String] {
    passthroughColumns.map { record.passthrough[$0] ?? "" }
  }

  private mutating func separator() {
    if format == "json" { io.out(count == 0 ? "\n" : ",\n") }
    count += 1
  }

  mutating func write(_ classification: Classification, record: InputRecord) {
    let warnings = record.warnings
    switch format {
    case "text":
      io.out(TextReport.render(classification, explain: explain, thresholds: thresholds))
      for warning in warnings { io.out("  warning: \(warning)\n") }
      io.out("\n")
    case "csv":
      csvHeaderIfNeeded()
      let measurements = classification.measurements.map { "\($0.analyte)=\($0.value)" }
      io.out(
        CSV.row([
          classification.document.id, classification.decision.rawValue,
          classification.indications.joined(separator: ";"),
          classification.otherIndications.joined(separator: ";"),
          classification.spectroscopyFinding ?? "", measurements.joined(separator: ";"),
          classification.flags.map(\.name).joined(separator: ";"),
          classification.routedToReview.joined(separator: "; "),
          classification.evidence.map(\.rule.id).joined(separator: ";"),
          warnings.joined(separator: "; "), "", provenance,
        ] + passthrough(record)))
    case "html":
      io.out(HTMLReport.document(classification, warnings: warnings))
    default:
      separator()
      jsonWriter.removeAll()
      ClassificationJSON.write(classification, warnings: warnings, lexiconDigest: lexiconDigest, into: &jsonWriter)
      io.out(jsonWriter.bytes)
      if format == "jsonl" { io.out("\n") }
    }
  }

  mutating func summary(_ lines: [String]) {
    io.out(HTMLReport.summary(lines))
  }

  mutating func writeError(_ record: InputRecord) {
    let message = record.error ?? "unreadable record"
    switch format {
    case "text":
      io.out("\(record.id): error: \(message)\n\n")
    case "csv":
      csvHeaderIfNeeded()
      io.out(CSV.row([record.id, "", "", "", "", "", "", "", "", record.warnings.joined(separator: "; "), message, provenance] + passthrough(record)))
    case "html":
      io.out(HTMLReport.error(id: record.id, message: message))
    default:
      separator()
      jsonWriter.removeAll()
      ClassificationJSON.writeError(id: record.id, line: record.line, error: message, into: &jsonWriter)
      io.out(jsonWriter.bytes)
      if format == "jsonl" { io.out("\n") }
    }
  }
}

/// RFC 4180 field quoting.
enum CSV {
  static func field(_ value: String) -> String {
    if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      var quoted = String.UnicodeScalarView()
      quoted.append("\"")
      for scalar in value.unicodeScalars {
        quoted.append(scalar)
        if scalar == "\"" { quoted.append("\"") }
      }
      quoted.append("\"")
      return String(quoted)
    }
    return value
  }

  static func row(_ values: [String]) -> String { values.map(field).joined(separator: ",") + "\r\n" }
}
