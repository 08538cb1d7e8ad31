/// One row of a lexicon TSV file, with its 1-based line number.
public struct TSVRow: Sendable, Hashable {
  /// The 1-based line number in the file.
  public var line: Int
  /// The tab-separated fields, exactly as many as the file's `@columns`.
  public var fields: [String]
}

/// A parsed lexicon file: `@format`, `@version` and `@columns` directives, then TAB-separated rows.
///
/// Rules: UTF-8 without a byte-order mark, LF line ends, `#` in column 1 starts a comment, blank
/// lines are ignored, each row has exactly the declared number of fields (trailing empty fields may
/// be left out), and no field has leading, trailing or doubled spaces.
public struct TSVTable: Sendable {
  /// The file name used in diagnostics.
  public var file: String
  /// The value of `@format`, such as `mrs-terms`.
  public var format: String
  /// The value of `@version`.
  public var version: Int
  /// The declared column names.
  public var columns: [String]
  /// The data rows.
  public var rows: [TSVRow]

  /// Parses `bytes`; problems are appended to `diagnostics` and the bad rows skipped.
  public static func parse(file: String, bytes: [UInt8], diagnostics: inout [LexiconDiagnostic])
    -> TSVTable?
  {
    func fail(_ line: Int, _ message: String) {
      diagnostics.append(LexiconDiagnostic(file: file, line: line, message: message))
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      fail(1, "the file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM")
      return nil
    }
    guard String(validating: bytes, as: UTF8.self) != nil else {
      var line = 1
      for lineBytes in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        if String(validating: lineBytes, as: UTF8.self) == nil { break }
        line += 1
      }
      fail(line, "the line is not valid UTF-8")
      return nil
    }
    var format: String?
    var version: Int?
    var columns: [String] = []
    var rows: [TSVRow] = []
    var lineNumber = 0
    // The bytes are valid UTF-8, so every 0x0A, 0x0D and 0x09 byte is that character: split on bytes.
    for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = rawLine
      if line.last == 0x0D {
        fail(lineNumber, "the line ends with CR LF; use LF line ends")
        line = line.dropLast()
      }
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || line.first == 0x23 { continue }
      if line.first == 0x40 {
        let parts = line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 }).map { String(decoding: $0, as: UTF8.self) }
        switch parts[0] {
        case "@format": format = parts.count > 1 ? parts[1] : nil
        case "@version": version = parts.count > 1 ? Int(parts[1]) : nil
          if version == nil { fail(lineNumber, "@version needs a whole number") }
        case "@columns": columns = Array(parts.dropFirst())
        default: fail(lineNumber, "unknown directive '\(parts[0])'; expected @format, @version or @columns")
        }
        continue
      }
      guard !columns.isEmpty else {
        fail(lineNumber, "a data row comes before the @columns directive")
        continue
      }
      let fieldBytes = line.split(separator: 0x09, omittingEmptySubsequences: false)
      var fields = fieldBytes.map { String(decoding: $0, as: UTF8.self) }
      if fields.count > columns.count {
        fail(
          lineNumber,
          "\(fields.count) fields where \(columns.count) are declared (\(columns.joined(separator: ", ")))")
        continue
      }
      while fields.count < columns.count { fields.append("") }
      var clean = true
      for (index, field) in fields.enumerated() {
        if index < fieldBytes.count && Self.hasStraySpace(fieldBytes[index]) {
          fail(lineNumber, "column '\(columns[index])' has leading, trailing or doubled spaces: '\(field)'")
          clean = false
        } else if index < fieldBytes.count && Self.isSpreadsheetArtifact(fieldBytes[index]) {
          fail(lineNumber, "column '\(columns[index])' holds a spreadsheet artifact: '\(field)'")
          clean = false
        }
      }
      if clean { rows.append(TSVRow(line: lineNumber, fields: fields)) }
    }
    guard let format else {
      fail(1, "missing '@format' directive")
      return nil
    }
    guard version == 1 else {
      fail(1, "unsupported or missing @version (this tool reads version 1)")
      return nil
    }
    return TSVTable(file: file, format: format, version: 1, columns: columns, rows: rows)
  }

  /// Whether a field is a spreadsheet's leftover: `#NAME?` or a pandas `Unnamed: 3` header.
  static func isSpreadsheetArtifact(_ field: ArraySlice<UInt8>) -> Bool {
    field.first == 0x23 && field.elementsEqual("#NAME?".utf8)
      || field.first == 0x55 && field.starts(with: "Unnamed:".utf8)
  }

  /// Whether a field starts or ends with a space or holds two spaces in a row.
  static func hasStraySpace(_ field: ArraySlice<UInt8>) -> Bool {
    guard let first = field.first, let last = field.last else { return false }
    if first == 0x20 || last == 0x20 { return true }
    var previous: UInt8 = 0
    for byte in field {
      if byte == 0x20 && previous == 0x20 { return true }
      previous = byte
    }
    return false
  }
}
