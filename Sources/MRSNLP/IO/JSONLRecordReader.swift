/// Reads one JSONL line (`{"id": ..., "text": ..., "kind": ...}`) into an `InputRecord`.
///
/// Invalid UTF-8 is replaced with U+FFFD and reported as a warning; offsets then count scalars of
/// the replaced text. A byte-order mark on the first line, a trailing CR and unknown members are
/// ignored. A line that is not a JSON object, or whose `text` is missing, empty or not a string,
/// gives a record with an error; a missing `id` becomes the line number.
public struct JSONLRecordReader: Sendable {
  /// The members a classification reads; the others are checked but not kept.
  public static let classificationMembers = ["id", "kind", "text", "line_of_business", "procedure"]

  /// Whether each record carries the whole parsed object (`InputRecord.json`).
  public var keepsWholeObject: Bool

  /// Creates a reader; without `keepsWholeObject` only the members a classification reads are
  /// built, and `InputRecord.json` holds only them.
  public init(keepsWholeObject: Bool = true) {
    self.keepsWholeObject = keepsWholeObject
  }

  /// Decodes bytes as UTF-8, replacing invalid sequences; says whether any were replaced.
  public static func decode(_ bytes: ArraySlice<UInt8>) -> (text: String, replaced: Bool) {
    let valid = bytes.withContiguousStorageIfAvailable { buffer in
      String(validating: buffer, as: UTF8.self)
    }
    if let valid = valid ?? String(validating: bytes, as: UTF8.self) { return (valid, false) }
    return (String(decoding: bytes, as: UTF8.self), true)
  }

  /// The bytes as valid UTF-8: themselves when valid (the common case, no copy into a string),
  /// else the decoded replacement.
  private static func validUTF8(_ bytes: ArraySlice<UInt8>) -> (bytes: [UInt8], replaced: Bool) {
    let isValid =
      bytes.withContiguousStorageIfAvailable { buffer in
        WordBytes.allASCII(buffer) || String(validating: buffer, as: UTF8.self) != nil
      } ?? (String(validating: bytes, as: UTF8.self) != nil)
    if isValid { return (Array(bytes), false) }
    return (Array(String(decoding: bytes, as: UTF8.self).utf8), true)
  }

  /// Reads the line numbered `line` (1-based); nil for a blank line, which is not a record.
  public func read(_ raw: ArraySlice<UInt8>, line: Int) -> InputRecord? {
    var bytes = raw
    if line == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    while let last = bytes.last, last == 0x0D || last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
    let (utf8, replaced) = Self.validUTF8(bytes)
    var warnings: [String] = []
    if replaced { warnings.append("invalid UTF-8 replaced with U+FFFD") }
    let fallbackID = String(line)
    let value: JSONValue
    do {
      value = try JSONParser.parse(
        utf8, keepingMembers: keepsWholeObject ? nil : Self.classificationMembers)
    } catch {
      return InputRecord(
        id: fallbackID, line: line, error: "line \(line) is not valid JSON: \(error)",
        warnings: warnings)
    }
    guard case .object = value else {
      return InputRecord(
        id: fallbackID, line: line, error: "line \(line) is \(value.typeName), expected a JSON object",
        warnings: warnings, json: value)
    }
    let id = value["id"]?.idText ?? fallbackID
    var kind = DocumentKind.order
    if let kindValue = value["kind"], kindValue != .null {
      guard let name = kindValue.stringValue, let parsed = DocumentKind(rawValue: name) else {
        return InputRecord(
          id: id, line: line, error: "'kind' must be \"order\" or \"report\"", warnings: warnings,
          json: value)
      }
      kind = parsed
    }
    guard let textValue = value["text"] else {
      return InputRecord(id: id, line: line, error: "'text' is missing", warnings: warnings, json: value)
    }
    guard let documentText = textValue.stringValue else {
      return InputRecord(
        id: id, line: line, error: "'text' is \(textValue.typeName), expected a string",
        warnings: warnings, json: value)
    }
    if documentText.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
      return InputRecord(
        id: id, line: line, error: "'text' is empty", warnings: warnings, json: value)
    }
    let document = Document(
      id: id, kind: kind, text: documentText,
      lineOfBusiness: value["line_of_business"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 },
      procedure: value["procedure"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 })
    return InputRecord(id: id, line: line, document: document, warnings: warnings, json: value)
  }
}
