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
  /// Why it did or did not fire.
  public var cause: RuleEvaluationReason

  /// Why it did or did not fire, in words.
  public var reason: String { cause.description }
}

/// Why a rule did or did not fire; put into words only when someone reads it.
public enum RuleEvaluationReason: Sendable, Hashable, CustomStringConvertible {
  /// Every requirement was met inside one unit of this proximity.
  case met(RuleProximity)
  /// The rule reads only documents of another kind.
  case otherKind(DocumentKind)
  /// An `unless indication` rule after a covered indication was found.
  case skippedAfterIndication
  /// The evidence was there, but this phrase (of this concept) matched a forbid row.
  case blocked(phrase: String, concept: String)
  /// No unit held evidence for this requirement.
  case missing(EvidenceRequirement, RuleProximity)
  /// The rule has no requirement and nothing to read.
  case noEvidence

  public var description: String {
    switch self {
    case .met(let proximity): "every requirement was met in one \(proximity.rawValue)"
    case .otherKind(let kind): "applies to \(kind.rawValue)s only"
    case .skippedAfterIndication: "skipped: a covered indication was already found"
    case .blocked(let phrase, let concept): "blocked: '\(phrase)' (\(concept)) matches a forbid row"
    case .missing(let requirement, let proximity):
      "missing in any one \(proximity.rawValue): \(RuleEngine.describe(requirement)) (rules line \(requirement.line))"
    case .noEvidence: "no evidence"
    }
  }
}
