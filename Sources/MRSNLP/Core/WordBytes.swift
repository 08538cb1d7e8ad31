/// Tests on eight bytes at once, for scans that touch every byte of the input (line ends, the
/// plain run of a JSON string, ASCII text). Each test has no false negatives, so a scan skips a
/// word only when no byte of it can matter, and checks a flagged word byte by byte.
enum WordBytes {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  /// The high bit of every byte: a word with none of these set is eight ASCII bytes.
  static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// The eight bytes at `pointer`, byte `k` in bits `8k...`, whatever the machine's byte order.
  @inline(__always)
  static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
  }

  /// Whether some byte of `word` equals `byte`.
  @inline(__always)
  static func contains(_ byte: UInt8, in word: UInt64) -> Bool {
    let difference = word ^ (ones &* UInt64(byte))
    return (difference &- ones) & ~difference & highBits != 0
  }

  /// Whether some byte of `word` is below `limit` (at most 0x80).
  @inline(__always)
  static func containsByte(below limit: UInt8, in word: UInt64) -> Bool {
    (word &- ones &* UInt64(limit)) & ~word & highBits != 0
  }

  /// Whether every byte of `bytes` is ASCII, eight at a time.
  static func allASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    if let base = bytes.baseAddress {
      while index + 8 <= bytes.count {
        if load(base + index) & highBits != 0 { return false }
        index += 8
      }
    }
    while index < bytes.count {
      if bytes[index] >= 0x80 { return false }
      index += 1
    }
    return true
  }
}
