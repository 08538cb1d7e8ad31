/// The 64-bit FNV-1a hash, fed byte by byte: the lexicon digest, the vocabulary table, the
/// misspelling index and the duplicate-id check all use it, so they agree and need no seed.
public struct FNV1a: Sendable {
  /// The hash of the bytes fed so far.
  public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Starts an empty hash.
  public init() {}

  /// Mixes in one byte.
  public mutating func add(_ byte: UInt8) {
    value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
  }

  /// Mixes in bytes, in order.
  public mutating func add<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
    for byte in bytes { add(byte) }
  }

  /// The hash of a string's UTF-8, read from its contiguous storage (faster than its UTF-8 view).
  public static func hash(_ string: String) -> UInt64 {
    string.withUTF8Bytes { hash($0) }
  }

  /// The hash of `bytes`.
  public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var hasher = FNV1a()
    hasher.add(bytes)
    return hasher.value
  }
}
