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

/// One row of `thresholds.tsv`: a published cut-off of a metabolite ratio, shown to readers.
public struct ReferenceThreshold: Sendable, Hashable {
  /// The ratio (`Cho/NAA`).
  public var analyte: String
  /// The cut-off value.
  public var value: Double
  /// What a value above the cut-off favors (a `spectroscopy_finding` value).
  public var favors: String
  /// Where the cut-off comes from.
  public var source: String
}
