/// One row of `findings.tsv`: a phrase that states or points to what an MRS result concludes.
public struct FindingCue: Sendable, Hashable {
  /// What the phrase does.
  public enum Effect: Sendable, Hashable {
    /// The phrase itself points to a finding ("elevated choline" → favors tumor).
    case finding(String)
    /// A concluding verb ("favor", "consistent with"): the concept right after it decides.
    case conclusion
    /// The report says no MRS result is available ("non-diagnostic", "not performed").
    case noResult
  }

  /// The literal phrase.
  public var phrase: String
  /// What the phrase does.
  public var effect: Effect
  /// The source line.
  public var line: Int
}
