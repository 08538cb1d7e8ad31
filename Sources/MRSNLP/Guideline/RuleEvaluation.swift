/// The outcome of one rule on one document, for the evidence and for `--explain`.
public struct RuleEvaluation: Sendable, Hashable {
  /// The rule.
  public var rule: GuidelineRule
  /// Whether it fired.
  public var fired: Bool
  /// The mentions it used (indexes into the mentions), when it fired.
  public var mentions: [Int]
  /// The cues it used (indexes into the cues), when it fired.
  public var cues: [Int]
  /// The concluded label (indication id or other_indications category), when it fired.
  public var label: String?
  /// Why it did or did not fire, in words.
  public var reason: String
}
