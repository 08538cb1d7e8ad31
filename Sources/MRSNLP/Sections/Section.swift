/// A stretch of a document under one header (or before the first header).
public struct Section: Sendable, Hashable {
  /// The section category from `sections.tsv` (`indication`, `impression` ...), or `none` before the
  /// first header.
  public var category: String
  /// How the guideline rules treat the section.
  public var role: SectionRole
  /// The header's span, or nil for the text before the first header.
  public var header: TextSpan?
  /// The section's extent, header included.
  public var span: TextSpan
  /// The first token of the section (the header's first token, if any).
  public var firstToken: Int
  /// One past the section's last token.
  public var endToken: Int
  /// One past the header's last token (its colon included), or `firstToken` without a header.
  public var bodyStartToken: Int
}
