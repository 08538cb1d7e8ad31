/// Builds the matching form of a token: case-folded, diacritics removed, shorthand punctuation dropped.
///
/// The original text is never changed; the normalized form lives beside it in `Token.normalized`.
public enum Normalizer {
  /// The normalized form of the scalars `text[range]`.
  ///
  /// - Complexity: O(n) in the length of the range; ASCII text takes a fast path.
  public static func normalize(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    scalars.withUnsafeBufferPointer { normalizeAndHash($0).normalized }
  }

  /// The normalized form of `scalars` and the FNV-1a hash of its UTF-8, computed in the same pass
  /// for ASCII text.
  static func normalizeAndHash(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> (normalized: String, hash: UInt64) {
    var hasDigit = false
    var bits: UInt32 = 0
    for scalar in scalars {
      bits |= scalar.value
      if scalar.value &- 48 <= 9 { hasDigit = true }
    }
    let dropShorthandPunctuation = !hasDigit && scalars.count > 1
    if bits < 128 {
      // Written straight into the string's storage: no intermediate array, and no heap at all
      // for the usual token of up to 15 bytes.
      var hasher = FNV1a()
      let normalized = String(unsafeUninitializedCapacity: scalars.count) { buffer in
        var count = 0
        for scalar in scalars {
          var byte = UInt8(truncatingIfNeeded: scalar.value)
          if dropShorthandPunctuation && (byte == 0x2F || byte == 0x2E) { continue }
          if byte &- 0x41 <= 0x19 { byte += 32 }
          buffer[count] = byte
          hasher.add(byte)
          count += 1
        }
        return count
      }
      return (normalized, hasher.value)
    }
    var view = String.UnicodeScalarView()
    LetterFolds.fold(
      scalars.lazy.filter { !(dropShorthandPunctuation && ($0 == "/" || $0 == ".")) }, into: &view)
    let normalized = String(view)
    return (normalized, FNV1a.hash(normalized))
  }

  /// The normalized form of a whole phrase's single token text (used for lexicon keys).
  public static func normalize(_ text: String) -> String {
    normalize(ArraySlice(Array(text.unicodeScalars)))
  }
}
