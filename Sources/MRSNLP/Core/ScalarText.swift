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
    // Encoded straight into the string's storage: appending scalars one by one to a
    // UnicodeScalarView costs thousands of instructions for a short phrase.
    let slice = scalars[span.start..<span.end]
    var byteCount = 0
    for scalar in slice { byteCount += UTF8.width(scalar) }
    return String(unsafeUninitializedCapacity: byteCount) { buffer in
      var written = 0
      for scalar in slice {
        if scalar.value < 0x80 {
          buffer[written] = UInt8(truncatingIfNeeded: scalar.value)
          written += 1
        } else {
          for byte in UTF8.encode(scalar)! {
            buffer[written] = byte
            written += 1
          }
        }
      }
      return written
    }
  }
}
