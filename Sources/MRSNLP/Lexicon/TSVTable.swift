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
    return bytes.withUnsafeBufferPointer { buffer in
      parse(file: file, buffer: buffer, diagnostics: &diagnostics)
    }
  }

  /// The byte ranges of the lines of `buffer`, split at LF (a CR before it stays in the line).
  private static func lineRanges(_ buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    for index in 0..<buffer.count where buffer[index] == 0x0A {
      ranges.append(start..<index)
      start = index + 1
    }
    ranges.append(start..<buffer.count)
    return ranges
  }

  private static func parse(
    file: String, buffer: UnsafeBufferPointer<UInt8>, diagnostics: inout [LexiconDiagnostic]
  ) -> TSVTable? {
    func fail(_ line: Int, _ message: String) {
      diagnostics.append(LexiconDiagnostic(file: file, line: line, message: message))
    }
    func text(_ range: Range<Int>) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }
    let lines = lineRanges(buffer)
    // Line ends never fall inside a UTF-8 sequence, so checking line by line (and only lines with
    // a byte over 0x7F) is checking the file.
    for (index, range) in lines.enumerated() where buffer[range].contains(where: { $0 >= 0x80 }) {
      if String(validating: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) == nil {
        fail(index + 1, "the line is not valid UTF-8")
        return nil
      }
    }
    var format: String?
    var version: Int?
    var columns: [String] = []
    var rows: [TSVRow] = []
    var fieldRanges: [Range<Int>] = []
    var seenDirectives: Set<String> = []
    for (index, fullRange) in lines.enumerated() {
      let lineNumber = index + 1
      var range = fullRange
      if range.count > 0 && buffer[range.upperBound - 1] == 0x0D {
        fail(lineNumber, "the line ends with CR LF; use LF line ends")
        range = range.lowerBound..<(range.upperBound - 1)
      }
      let line = buffer[range]
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || line.first == 0x23 { continue }
      if line.first == 0x40 {
        var parts: [String] = []
        var partStart = range.lowerBound
        for position in range.lowerBound...range.upperBound
        where position == range.upperBound || buffer[position] == 0x20 || buffer[position] == 0x09 {
          if position > partStart { parts.append(text(partStart..<position)) }
          partStart = position + 1
        }
        // One header per file: a second @columns after rows (two files pasted together) would
        // leave the earlier rows with the wrong number of fields.
        if ["@format", "@version", "@columns"].contains(parts[0]) && seenDirectives.contains(parts[0]) {
          fail(lineNumber, "'\(parts[0])' appears a second time; a file declares it once, before its rows (is this two files in one?)")
          continue
        }
        seenDirectives.insert(parts[0])
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
      fieldRanges.removeAll(keepingCapacity: true)
      var fieldStart = range.lowerBound
      for position in range where buffer[position] == 0x09 {
        fieldRanges.append(fieldStart..<position)
        fieldStart = position + 1
      }
      fieldRanges.append(fieldStart..<range.upperBound)
      if fieldRanges.count > columns.count {
        fail(
          lineNumber,
          "\(fieldRanges.count) fields where \(columns.count) are declared (\(columns.joined(separator: ", ")))")
        continue
      }
      var clean = true
      for (column, fieldRange) in fieldRanges.enumerated() {
        let field = buffer[fieldRange]
        if Self.hasStraySpace(field) {
          fail(lineNumber, "column '\(columns[column])' has leading, trailing or doubled spaces: '\(text(fieldRange))'")
          clean = false
        } else if Self.isSpreadsheetArtifact(field) {
          fail(lineNumber, "column '\(columns[column])' holds a spreadsheet artifact: '\(text(fieldRange))'")
          clean = false
        }
      }
      guard clean else { continue }
      var fields = fieldRanges.map(text)
      while fields.count < columns.count { fields.append("") }
      rows.append(TSVRow(line: lineNumber, fields: fields))
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
  static func isSpreadsheetArtifact<Bytes: Collection<UInt8>>(_ field: Bytes) -> Bool {
    field.first == 0x23 && field.elementsEqual("#NAME?".utf8)
      || field.first == 0x55 && field.starts(with: "Unnamed:".utf8)
  }

  /// Whether a field starts or ends with a space or holds two spaces in a row.
  static func hasStraySpace<Bytes: BidirectionalCollection<UInt8>>(_ field: Bytes) -> Bool {
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
