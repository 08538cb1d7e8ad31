/// A sentence: a run of tokens that ConText scopes and proximity rules never cross.
public struct Sentence: Sendable, Hashable {
  /// The sentence's extent, from its first token's start to its last token's end.
  public var span: TextSpan
  /// The first token.
  public var firstToken: Int
  /// One past the last token.
  public var endToken: Int
  /// The index of the section that holds the sentence.
  public var section: Int
}
