/// Why a mention carries an assertion flag: the trigger phrase and where it stands.
public struct AssertionEvidence: Sendable, Hashable {
  /// The flag set.
  public var flag: AssertionFlag
  /// The trigger phrase as the lexicon writes it.
  public var trigger: String
  /// Where the trigger stands in the text.
  public var span: TextSpan
}

/// Where a mention's concept came from.
public enum MentionSource: Sendable, Hashable {
  /// A term row of a lexicon file.
  case term(file: String, line: Int)
  /// An ICD-10-CM code row of `icd10.tsv`.
  case code(String)
  /// A construction the engine recognizes (a `/` or `or` between two alternatives).
  case construction(String)
}

/// A concept found in the text (a mention) or an internal cue, with its assertion.
public struct Mention: Sendable, Hashable {
  /// The concept id.
  public var concept: String
  /// Mention (reported) or cue (used by rules only).
  public var role: ConceptRole
  /// Where it stands.
  public var span: TextSpan
  /// First token covered.
  public var firstToken: Int
  /// Last token covered, inclusive.
  public var lastToken: Int
  /// The sentence that holds it.
  public var sentence: Int
  /// The section that holds it.
  public var section: Int
  /// The `other_indications` category, for `other-indication`.
  public var category: String?
  /// Whether the phrase names a symptom rather than a purpose.
  public var isSymptom: Bool
  /// Whether a misspelled word was matched.
  public var fuzzy: Bool
  /// The lexicon row or code behind it.
  public var source: MentionSource
  /// Its assertion flags.
  public var flags: AssertionFlags = []
  /// The triggers that set the flags.
  public var assertionEvidence: [AssertionEvidence] = []
}
