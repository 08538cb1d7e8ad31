/// A lexicon phrase tokenized once, the way the document tokenizer reads text.
struct PhraseTokens: Sendable {
  /// The normalized words, intra-word hyphens dropped.
  var normalized: [String]
  /// The original scalars of each of those words; kept for case-sensitive phrases only.
  var original: [[Unicode.Scalar]]
  /// The words with hyphen-joined words written as one (`post-treatment` → `posttreatment`), or
  /// nil when the phrase has no intra-word hyphen.
  var joined: [String]?

  init(_ text: String, keepOriginal: Bool) {
    if let plain = Self.plainWords(text, keepOriginal: keepOriginal) {
      self = plain
      return
    }
    let scalars = ScalarText(text)
    let tokens = Tokenizer().tokenize(scalars)
    var normalized: [String] = []
    var original: [[Unicode.Scalar]] = []
    let glued = TokenStream.intraWordHyphens(tokens)
    for (index, token) in tokens.enumerated() where !glued[index] {
      normalized.append(token.normalized)
      if keepOriginal { original.append(Array(scalars.scalars[token.span.start..<token.span.end])) }
    }
    var joined: [String] = []
    var joinedAny = false
    var index = 0
    while index < tokens.count {
      var word = tokens[index].normalized
      while index + 2 < tokens.count && glued[index + 1] {
        word += tokens[index + 2].normalized
        index += 2
        joinedAny = true
      }
      joined.append(word)
      index += 1
    }
    self.normalized = normalized
    self.original = original
    self.joined = joinedAny ? joined : nil
  }

  /// The tokens of a phrase of ASCII letters and single spaces only, most lexicon phrases,
  /// without running the tokenizer: for such text it gives exactly the letter runs, lowercased.
  private static func plainWords(_ text: String, keepOriginal: Bool) -> PhraseTokens? {
    var text = text
    return text.withUTF8 { bytes -> PhraseTokens? in
      for byte in bytes {
        guard byte == 0x20 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) else { return nil }
      }
      var normalized: [String] = []
      var original: [[Unicode.Scalar]] = []
      var index = 0
      while index < bytes.count {
        guard bytes[index] != 0x20 else {
          index += 1
          continue
        }
        let start = index
        while index < bytes.count && bytes[index] != 0x20 { index += 1 }
        let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
        normalized.append(String(unsafeUninitializedCapacity: word.count) { buffer in
          for (offset, byte) in word.enumerated() { buffer[offset] = byte | 0x20 }
          return word.count
        })
        if keepOriginal { original.append(word.map { Unicode.Scalar($0) }) }
      }
      return PhraseTokens(normalized: normalized, original: original, joined: nil)
    }
  }

  private init(normalized: [String], original: [[Unicode.Scalar]], joined: [String]?) {
    self.normalized = normalized
    self.original = original
    self.joined = joined
  }
}
