/// The pre-screening outcome of a record.
public enum Decision: String, Sendable, Hashable, CaseIterable, Codable {
  /// At least one covered indication is supported.
  case meetsCriteria = "meets-criteria"
  /// No covered indication, and a stated purpose that is not covered.
  case doesNotMeet = "does-not-meet"
  /// No purpose stated, too little to tell, or text a person must read.
  case needsReview = "needs-review"

  /// The guideline's decision table: indications first, then stated non-covered purposes.
  public init(indications: [String], otherIndications: [String]) {
    if !indications.isEmpty {
      self = .meetsCriteria
    } else if !otherIndications.isEmpty {
      self = .doesNotMeet
    } else {
      self = .needsReview
    }
  }
}
