/// A document's text as an array of Unicode scalars, so that scalar offsets index it in O(1).
public struct ScalarText: Sendable {
  /// The scalars of the text, in order.
  public let scalars: [Unicode.Scalar]

  /// Decodes `text` into scalars.
  public init(_ text: String) {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(text.utf8.count)
    scalars.append(contentsOf: text.unicodeScalars)
    self.scalars = scalars
  }

  /// The number of scalars.
  public var count: Int { scalars.count }

  /// The text covered by `span`.
  public func string(_ span: TextSpan) -> String {
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars[span.start..<span.end])
    return String(result)
  }
}
