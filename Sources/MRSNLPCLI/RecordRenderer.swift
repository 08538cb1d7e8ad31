import MRSNLP

/// Renders one of classify's output records in the chosen format, as bytes.
///
/// It reads nothing but its arguments, so worker threads render records in parallel; the bytes
/// that go between records (JSON array commas, the CSV header) are `RecordOutput`'s.
struct RecordRenderer: Sendable {
  let format: String
  let explain: Bool
  let provenance: String
  /// Published cut-offs shown beside measurements in the text format.
  var thresholds: [ReferenceThreshold] = []
  /// The digest of the lexicon set, written into each JSON record's provenance.
  var lexiconDigest: String?
  /// Columns of a CSV input passed through to CSV output, after the tool's own columns.
  var passthroughColumns: [String] = []

  static let csvColumns = [
    "id", "decision", "indications", "other_indications", "spectroscopy_finding", "measurements",
    "flags", "routed_to_review", "rules", "warnings", "error",
  ]

  /// The CSV header row for the current passthrough columns.
  var csvHeader: String { CSV.row(Self.csvColumns + ["provenance"] + passthroughColumns) }

  /// A JSON writer of the right indentation for this format, for `render` to reuse.
  func makeJSONWriter() -> JSONWriter { JSONWriter(indent: format == "json" ? 2 : nil) }

  /// Appends the output record of a classified record to `output`; `json` is scratch space.
  func render(
    _ classification: Classification, record: InputRecord, json: inout JSONWriter, into output: inout [UInt8]
  ) {
    let warnings = record.warnings
    switch format {
    case "text":
      var text = TextReport.render(classification, explain: explain, thresholds: thresholds)
      for warning in warnings { text += "  warning: \(warning)\n" }
      output += text.utf8
      output.append(0x0A)
    case "csv":
      let measurements = classification.measurements.map { "\($0.analyte)=\($0.value)" }
      output += CSV.row(
        [
          classification.document.id, classification.decision.rawValue,
          classification.indications.joined(separator: ";"),
          classification.otherIndications.joined(separator: ";"),
          classification.spectroscopyFinding ?? "", measurements.joined(separator: ";"),
          classification.flags.map(\.name).joined(separator: ";"),
          classification.routedToReview.joined(separator: "; "),
          classification.evidence.map(\.rule.id).joined(separator: ";"),
          warnings.joined(separator: "; "), "", provenance,
        ] + passthrough(record)
      ).utf8
    case "html":
      output += HTMLReport.document(classification, warnings: warnings).utf8
    default:
      json.removeAll()
      ClassificationJSON.write(classification, warnings: warnings, lexiconDigest: lexiconDigest, into: &json)
      json.append(to: &output)
      if format == "jsonl" { output.append(0x0A) }
    }
  }

  /// Appends the output record of a record that could not be read to `output`.
  func renderError(_ record: InputRecord, json: inout JSONWriter, into output: inout [UInt8]) {
    let message = record.error ?? "unreadable record"
    switch format {
    case "text":
      output += "\(record.id): error: \(message)\n\n".utf8
    case "csv":
      output += CSV.row(
        [record.id, "", "", "", "", "", "", "", "", record.warnings.joined(separator: "; "), message, provenance]
          + passthrough(record)
      ).utf8
    case "html":
      output += HTMLReport.error(id: record.id, message: message).utf8
    default:
      json.removeAll()
      ClassificationJSON.writeError(id: record.id, line: record.line, error: message, into: &json)
      json.append(to: &output)
      if format == "jsonl" { output.append(0x0A) }
    }
  }

  private func passthrough(_ record: InputRecord) -> [String] {
    passthroughColumns.map { record.passthrough[$0] ?? "" }
  }
}
