/// The assertion flags of a mention, named as in medspaCy.
public enum AssertionFlag: String, Sendable, Hashable, CaseIterable, Codable {
  /// The text denies the concept ("no evidence of recurrence").
  case negated
  /// The text asks about or hedges the concept ("r/o abscess", "recurrence vs necrosis").
  case uncertain
  /// The text places the concept in the past ("history of glioma", "s/p resection").
  case historical
  /// The text speaks of a possible future ("if recurrence is suspected").
  case hypothetical
  /// Someone other than the patient has the concept ("mother had GBM").
  case family

  /// The flag's position in `allCases`, its bit in `AssertionFlags`.
  var bitIndex: UInt8 {
    switch self {
    case .negated: 0
    case .uncertain: 1
    case .historical: 2
    case .hypothetical: 3
    case .family: 4
    }
  }
}

/// A set of assertion flags.
public struct AssertionFlags: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The set holding one flag.
  public init(_ flag: AssertionFlag) {
    self.init(rawValue: 1 << flag.bitIndex)
  }

  /// Whether `flag` is set.
  public func has(_ flag: AssertionFlag) -> Bool { contains(AssertionFlags(flag)) }
}
