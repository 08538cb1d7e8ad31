/// True positives, false positives and false negatives of one label, with the derived scores.
public struct Counts: Sendable, Hashable {
  /// Correctly predicted.
  public var truePositives = 0
  /// Predicted but not in the gold.
  public var falsePositives = 0
  /// In the gold but not predicted.
  public var falseNegatives = 0

  /// Creates counts.
  public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
    self.truePositives = truePositives
    self.falsePositives = falsePositives
    self.falseNegatives = falseNegatives
  }

  /// TP / (TP + FP), or 0 with no prediction... unless there is also nothing to find, then 1.
  public var precision: Double {
    let predicted = truePositives + falsePositives
    return predicted == 0 ? (falseNegatives == 0 ? 1 : 0) : Double(truePositives) / Double(predicted)
  }

  /// TP / (TP + FN), or 1 when there is nothing to find.
  public var recall: Double {
    let gold = truePositives + falseNegatives
    return gold == 0 ? 1 : Double(truePositives) / Double(gold)
  }

  /// The harmonic mean of precision and recall.
  public var f1: Double {
    let p = precision
    let r = recall
    return p + r == 0 ? 0 : 2 * p * r / (p + r)
  }

  /// Gold occurrences (support).
  public var support: Int { truePositives + falseNegatives }

  /// Adds another set of counts.
  public static func + (lhs: Counts, rhs: Counts) -> Counts {
    Counts(
      truePositives: lhs.truePositives + rhs.truePositives,
      falsePositives: lhs.falsePositives + rhs.falsePositives,
      falseNegatives: lhs.falseNegatives + rhs.falseNegatives)
  }

  /// Counts for one document's label sets.
  public static func sets<T: Hashable>(gold: Set<T>, predicted: Set<T>, label: T) -> Counts {
    let inGold = gold.contains(label)
    let inPredicted = predicted.contains(label)
    return Counts(
      truePositives: inGold && inPredicted ? 1 : 0, falsePositives: !inGold && inPredicted ? 1 : 0,
      falseNegatives: inGold && !inPredicted ? 1 : 0)
  }
}

/// Cohen's kappa for two raters' labels of the same items.
public enum CohenKappa {
  /// κ = (p_o − p_e) / (1 − p_e); 1 when both raters agree on one constant label.
  public static func kappa<T: Hashable>(_ a: [T], _ b: [T]) -> Double {
    precondition(a.count == b.count, "kappa needs two ratings per item")
    guard !a.isEmpty else { return 1 }
    let n = Double(a.count)
    let observed = Double(zip(a, b).filter { $0 == $1 }.count) / n
    var countA: [T: Int] = [:]
    var countB: [T: Int] = [:]
    for label in a { countA[label, default: 0] += 1 }
    for label in b { countB[label, default: 0] += 1 }
    var expected = 0.0
    for (label, count) in countA { expected += Double(count) / n * Double(countB[label] ?? 0) / n }
    if expected >= 1 { return observed >= 1 ? 1 : 0 }
    return (observed - expected) / (1 - expected)
  }
}

/// A small deterministic random generator (SplitMix64) for reproducible bootstrap intervals.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator from a seed.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
