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

  /// The rules that fired and concluded a label.
  public var evidence: [RuleEvaluation] { evaluations.filter { $0.fired && $0.label != "review" } }

  /// The document classified.
  public var document: Document { text.document }
}
