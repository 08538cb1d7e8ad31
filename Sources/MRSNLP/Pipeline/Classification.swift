/// Everything the pipeline concluded about one document, with the evidence behind it.
public struct Classification: Sendable {
  /// The text stage's result (the document, tokens, sections, sentences).
  public var text: TextAnalysis
  /// The decision.
  public var decision: Decision
  /// Covered indications, in guideline order.
  public var indications: [String]
  /// Stated non-covered purposes, sorted.
  public var otherIndications: [String]
  /// What a report's MRS result concludes, or nil.
  public var spectroscopyFinding: String?
  /// The sentence that decided the finding.
  public var findingSentence: TextSpan?
  /// Metabolite ratios with values.
  public var measurements: [Measurement]
  /// Concept mentions (measurements included), sorted by position.
  public var mentions: [Mention]
  /// Internal cues the rules read, sorted by position.
  public var cues: [Mention]
  /// Every rule evaluated, fired or not, in evaluation order.
  public var evaluations: [RuleEvaluation]
  /// Flags for the reviewer (a repeat for a technically limited exam, a procedure that is not MRS,
  /// a body site outside the brain).
  public var flags: [ReviewFlag] = []
  /// The line of business and its policy, when the record names one.
  public var program: ProgramPolicy?
  /// Why the record goes to a person although the guideline rules concluded otherwise.
  public var routedToReview: [String] = []
  /// The guideline's own decision and labels before routing (equal to the above when not routed).
  public var guidelineDecision: Decision
  /// Indications the guideline rules found before routing.
  public var guidelineIndications: [String]
  /// Non-covered purposes the guideline rules found before routing.
  public var guidelineOtherIndications: [String]

  /// The rules that fired and concluded a label.
  public var evidence: [RuleEvaluation] { evaluations.filter { $0.fired && $0.label != "review" } }

  /// The document classified.
  public var document: Document { text.document }
}

/// A flag for the reviewer, with the words behind it.
public struct ReviewFlag: Sendable, Hashable {
  /// The flag name (`repeat-technically-limited`, `procedure-not-mrs`, `body-site-not-brain`).
  public var name: String
  /// Why, in words.
  public var reason: String
  /// The words that raised it, if any.
  public var span: TextSpan?
}
