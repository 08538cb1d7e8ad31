/// The broad class of a token.
public enum TokenKind: String, Sendable, Codable {
  /// Letters, possibly with digits or internal shorthand punctuation (`s/p`, `C71.1`, `T2`).
  case word
  /// Digits, possibly with one decimal separator (`2.3`, `1,8`).
  case number
  /// A single punctuation scalar (`.`, `/`, `?`, `-`, `|`).
  case punctuation
  /// A single symbol scalar (`+`, `=`, `<`, `~`, emoji).
  case symbol
}

/// A whitespace-free token with its exact scalar span and a normalized form for matching.
public struct Token: Sendable, Hashable {
  /// Where the token stands in the text, in Unicode scalars.
  public var span: TextSpan
  /// The token's class.
  public var kind: TokenKind
  /// Case-folded, diacritic-free form used for matching; shorthand dots and slashes are dropped
  /// (`s/p`, `S.P.` and `sp` all normalize to `sp`).
  public var normalized: String {
    didSet { normalizedHash = FNV1a.hash(normalized) }
  }
  /// The FNV-1a hash of `normalized`'s UTF-8, computed while normalizing, so that vocabulary
  /// lookups do not read the word again.
  private(set) var normalizedHash: UInt64
  /// Whether whitespace (or the start of text) comes right before the token.
  public var spaceBefore: Bool
  /// Whether a line break stands between the previous token and this one.
  public var lineStart: Bool

  /// A token whose normalized form hashes to `normalizedHash` (FNV-1a of its UTF-8).
  init(
    span: TextSpan, kind: TokenKind, normalized: String, normalizedHash: UInt64, spaceBefore: Bool,
    lineStart: Bool
  ) {
    self.span = span
    self.kind = kind
    self.normalized = normalized
    self.normalizedHash = normalizedHash
    self.spaceBefore = spaceBefore
    self.lineStart = lineStart
  }
}
