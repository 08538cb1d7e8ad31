/// Compares the headline figures of a run with a saved baseline report.
public struct BaselineComparison: Sendable {
  /// One figure's change.
  public struct Change: Sendable {
    /// The figure's name.
    public var name: String
    /// The baseline value.
    public var baseline: Double
    /// The current value.
    public var current: Double
    /// Whether it dropped by more than the tolerance.
    public var regressed: Bool
  }

  /// Every figure found in both.
  public var changes: [Change]

  /// Whether any figure regressed.
  public var hasRegression: Bool { changes.contains(where: \.regressed) }

  /// Compares `current` with the `main` object of a baseline report.
  public init(current: [(String, Double)], baseline: JSONValue, tolerance: Double) throws(GoldError) {
    guard case .object(let figures)? = baseline["main"] else {
      throw GoldError(message: "the baseline has no 'main' object of figures")
    }
    changes = current.compactMap { name, value in
      guard let old = figures[name]?.numberValue else { return nil }
      let now = EvaluationReport.rounded(value)
      return Change(name: name, baseline: old, current: now, regressed: now < old - tolerance - 1e-9)
    }
  }
}
