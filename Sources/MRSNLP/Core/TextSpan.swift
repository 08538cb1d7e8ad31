/// A half-open range of Unicode scalar offsets into a document's text.
///
/// Offsets count Unicode scalar values, start inclusive and end exclusive, the same numbers
/// Python `str` indexes, brat and medspaCy use.
public struct TextSpan: Sendable, Hashable, Comparable, Codable {
  /// Offset of the first scalar, in Unicode scalars.
  public var start: Int
  /// Offset one past the last scalar, in Unicode scalars.
  public var end: Int

  /// Creates a span; `start` must not exceed `end`.
  public init(start: Int, end: Int) {
    precondition(start <= end, "span start \(start) is after its end \(end)")
    self.start = start
    self.end = end
  }

  /// The number of scalars covered.
  public var length: Int { end - start }

  /// Whether the two spans share at least one scalar.
  public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

  public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
    lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
  }
}
