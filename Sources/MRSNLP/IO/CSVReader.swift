/// Reads RFC 4180 CSV with a header row: `text` is required, `id` and `kind` are optional, every
/// other column is passed through to CSV output.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF end records; a
/// byte-order mark is skipped; invalid UTF-8 is replaced and reported. A row with an unterminated
/// quote or a different number of fields from the header gives a record with an error; the rest of
/// the file goes on.
public struct CSVReader: Sendable {
  /// Creates a reader.
  public init() {}

  /// The header's passed-through column names, in order (not `id`, `text`, `kind`).
  public static func passthroughColumns(_ header: [String]) -> [String] {
    header.filter { !["id", "text", "kind"].contains($0.lowercased()) }
  }

  /// Splits CSV bytes into rows of fields, each with its 1-based starting line.
  static func rows(_ bytes: ArraySlice<UInt8>) -> [(line: Int, fields: [String], error: String?)] {
    var rows: [(Int, [String], String?)] = []
    var fields: [String] = []
    var field: [UInt8] = []
    var index = bytes.startIndex
    var line = 1
    var rowLine = 1
    var quoted = false
    var fieldStarted = false
    func endField() {
      fields.append(JSONLRecordReader.decode(field[...]).text)
      field.removeAll(keepingCapacity: true)
      fieldStarted = false
    }
    func endRow() {
      endField()
      if !(fields.count == 1 && fields[0].isEmpty) { rows.append((rowLine, fields, nil)) }
      fields.removeAll()
    }
    while index < bytes.endIndex {
      let byte = bytes[index]
      if quoted {
        if byte == 0x22 {
          if index + 1 < bytes.endIndex && bytes[index + 1] == 0x22 {
            field.append(0x22)
            index += 1
          } else {
            quoted = false
          }
        } else {
          if byte == 0x0A { line += 1 }
          field.append(byte)
        }
      } else {
        switch byte {
        case 0x22 where !fieldStarted && field.isEmpty:
          quoted = true
          fieldStarted = true
        case 0x2C: endField()
        case 0x0D where index + 1 < bytes.endIndex && bytes[index + 1] == 0x0A: break
        case 0x0A, 0x0D:
          endRow()
          line += 1
          rowLine = line
        default:
          field.append(byte)
          fieldStarted = true
        }
      }
      index += 1
    }
    if quoted {
      rows.append((rowLine, [], "an unterminated quoted field starts on line \(rowLine)"))
    } else if !field.isEmpty || !fields.isEmpty {
      endRow()
    }
    return rows
  }

  /// The header and the records of a CSV file; a file without a `text` column gives one error record.
  public func read(_ bytes: [UInt8]) -> (header: [String], records: [InputRecord]) {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    let replaced = String(validating: body, as: UTF8.self) == nil
    let rows = Self.rows(body)
    guard let first = rows.first else { return ([], []) }
    let header = first.fields.map { $0.trimmingSpaces() }
    let lower = header.map { $0.lowercased() }
    guard let textColumn = lower.firstIndex(of: "text") else {
      return (header, [InputRecord(id: "1", line: 1, error: "the CSV header has no 'text' column")])
    }
    let idColumn = lower.firstIndex(of: "id")
    let kindColumn = lower.firstIndex(of: "kind")
    var records: [InputRecord] = []
    for (number, row) in rows.dropFirst().enumerated() {
      let fallback = String(number + 1)
      if let error = row.error {
        records.append(InputRecord(id: fallback, line: row.line, error: error))
        continue
      }
      let id = idColumn.flatMap { $0 < row.fields.count && !row.fields[$0].isEmpty ? row.fields[$0] : nil } ?? fallback
      var passthrough: [String: String] = [:]
      for (column, name) in header.enumerated() where column != textColumn && column != idColumn && column != kindColumn {
        passthrough[name] = column < row.fields.count ? row.fields[column] : ""
      }
      var record = InputRecord(id: id, line: row.line, warnings: replaced ? ["invalid UTF-8 replaced with U+FFFD"] : [])
      record.passthrough = passthrough
      guard row.fields.count == header.count else {
        record.error = "row has \(row.fields.count) fields, the header has \(header.count)"
        records.append(record)
        continue
      }
      var kind = DocumentKind.order
      if let kindColumn, !row.fields[kindColumn].isEmpty {
        guard let parsed = DocumentKind(rawValue: row.fields[kindColumn].lowercased()) else {
          record.error = "'kind' must be order or report"
          records.append(record)
          continue
        }
        kind = parsed
      }
      let text = row.fields[textColumn]
      if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
        record.error = "'text' is empty"
      } else {
        func column(_ name: String) -> String? {
          guard let index = lower.firstIndex(of: name), index < row.fields.count, !row.fields[index].isEmpty else { return nil }
          return row.fields[index]
        }
        record.document = Document(
          id: id, kind: kind, text: text, lineOfBusiness: column("line_of_business"),
          procedure: column("procedure") ?? column("cpt_codes") ?? column("cpt"))
      }
      records.append(record)
    }
    return (header, records)
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var scalars = Substring(self).unicodeScalars[...]
    while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
