/// How one corpus document's prediction compares with its gold labels.
public struct DocumentOutcome: Sendable {
  /// The record id.
  public var id: String
  /// Order or report.
  public var kind: DocumentKind
  /// Gold and predicted decision.
  public var goldDecision: Decision
  /// The predicted decision.
  public var predictedDecision: Decision
  /// Gold covered indications.
  public var goldIndications: Set<String>
  /// Predicted covered indications.
  public var predictedIndications: Set<String>
  /// Gold non-covered purposes.
  public var goldOthers: Set<String>
  /// Predicted non-covered purposes.
  public var predictedOthers: Set<String>
  /// Gold MRS finding.
  public var goldFinding: String?
  /// Predicted MRS finding.
  public var predictedFinding: String?
  /// Measurement matches (analyte and value, as multisets).
  public var measurements: Counts
  /// Whether the gold has mentions.
  public var hasGoldMentions: Bool
  /// Mention matches: exact span and concept.
  public var mentionExact: Counts
  /// Mention matches: overlapping span, same concept.
  public var mentionOverlap: Counts
  /// Mention matches: exact span, any concept.
  public var spanExact: Counts
  /// Mention matches: overlapping span, any concept.
  public var spanOverlap: Counts
  /// Per concept, overlapping-span matches.
  public var perConcept: [String: Counts]
  /// For each gold mention matched by an overlapping predicted mention of its concept: both flag sets.
  public var flagPairs: [(gold: AssertionFlags, predicted: AssertionFlags)]
  /// The rules that fired and the mention texts they used, for the error list.
  public var explanation: [String]

  /// Whether every document-level label agrees.
  public var agrees: Bool {
    goldDecision == predictedDecision && goldIndications == predictedIndications
      && goldOthers == predictedOthers && goldFinding == predictedFinding
  }
}
