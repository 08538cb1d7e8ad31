/// One record read from an input, ready to classify or carrying the reason it cannot be.
public struct InputRecord: Sendable {
  /// The record id (given, or the 1-based line number as a string).
  public var id: String
  /// The 1-based line (or record) number in the input.
  public var line: Int
  /// The document, when the record could be read.
  public var document: Document?
  /// What was wrong, when it could not.
  public var error: String?
  /// Problems that did not stop classification (replaced invalid UTF-8, a duplicate id ...).
  public var warnings: [String]
  /// The whole parsed JSON object, for readers that need more fields (gold labels, targets).
  public var json: JSONValue?
  /// Columns of a CSV input other than `id`, `text` and `kind`, passed through to CSV output.
  public var passthrough: [String: String] = [:]

  /// Creates a record.
  public init(
    id: String, line: Int, document: Document? = nil, error: String? = nil,
    warnings: [String] = [], json: JSONValue? = nil
  ) {
    self.id = id
    self.line = line
    self.document = document
    self.error = error
    self.warnings = warnings
    self.json = json
  }
}
