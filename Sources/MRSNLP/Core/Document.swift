/// What kind of clinical document a record is: an order asks for an exam, a report describes one.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
  case order
  case report
}

/// One input record: an identifier, its kind, and the exact original text.
///
/// The text is never cleaned or rewritten; every offset the library reports points into it.
public struct Document: Sendable, Hashable {
  /// The record identifier as given by the input (or its 1-based line number).
  public var id: String
  /// Whether the record is an order or a report.
  public var kind: DocumentKind
  /// The exact original text.
  public var text: String
  /// The plan's line of business (`commercial`, `fep`, `medicare-advantage` ...), when given.
  public var lineOfBusiness: String?
  /// The ordered procedure as the input names it outside the text (a CSV or JSONL field), if any.
  public var procedure: String?

  /// Creates a document.
  public init(
    id: String, kind: DocumentKind = .order, text: String, lineOfBusiness: String? = nil,
    procedure: String? = nil
  ) {
    self.id = id
    self.kind = kind
    self.text = text
    self.lineOfBusiness = lineOfBusiness
    self.procedure = procedure
  }
}
