/// A document's text as an array of Unicode scalars, so that scalar offsets index it in O(1).
public struct ScalarText: Sendable {
  /// The scalars of the text, in order.
  public let scalars: [Unicode.Scalar]

  /// Decodes `text` into scalars.
  public init(_ text: String) {
    var text = text
    // Decoded from the contiguous UTF-8 (valid, as a String's is), ASCII a byte at a time: the
    // generic scalar view costs several times more per character.
    scalars = text.withUTF8 { utf8 in
      [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { buffer, written in
        var index = 0
        written = 0
        let base = utf8.baseAddress
        while index < utf8.count {
          // Eight ASCII bytes at once: most clinical text is ASCII.
          if let base, index + 8 <= utf8.count {
            let word = WordBytes.load(base + index)
            if word & WordBytes.highBits == 0 {
              for offset in 0..<8 {
                buffer[written + offset] = Unicode.Scalar(UInt8(truncatingIfNeeded: word >> (8 * offset)))
              }
              written += 8
              index += 8
              continue
            }
          }
          let lead = utf8[index]
          var value: UInt32
          var width: Int
          switch lead {
          case 0..<0x80: value = UInt32(lead); width = 1
          case 0xC0..<0xE0: value = UInt32(lead & 0x1F); width = 2
          case 0xE0..<0xF0: value = UInt32(lead & 0x0F); width = 3
          default: value = UInt32(lead & 0x07); width = 4
          }
          for offset in 1..<width { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
          buffer[written] = Unicode.Scalar(value) ?? "\u{FFFD}"
          written += 1
          index += width
        }
      }
    }
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
