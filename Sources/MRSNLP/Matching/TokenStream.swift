/// A document's tokens as the phrase matchers see them: intra-word hyphens removed, each token
/// resolved once to its vocabulary id (or a misspelling's best lexicon word), and sentence numbers.
public struct TokenStream: Sendable {
  /// For each matchable position, the index of its token in the document's token array.
  public var tokenIndex: [Int]
  /// The vocabulary id of each position, or -1 when no lexicon phrase uses the word.
  var ids: [Int32]
  /// The vocabulary id of the lexicon word a misspelled word stands for, or -1.
  var fuzzyIds: [Int32]
  /// The vocabulary id of this word joined with the next one across a hyphen
  /// (`radio-necrosis` → `radionecrosis`), or -1.
  var joinedIds: [Int32]
  /// The sentence each position belongs to; phrases never cross sentences.
  var segment: [Int32]

  /// The number of matchable positions.
  public var count: Int { ids.count }

  /// Builds the stream for `tokens`, with `sentenceOfToken[i]` the sentence of token `i`.
  init(
    tokens: [Token], sentenceOfToken: [Int32], vocabulary: Vocabulary, fuzzy: FuzzyIndex,
    memo: inout SpellingMemo
  ) {
    // Column by column: each array is built by one `map` over the positions, without the
    // per-element capacity and uniqueness checks of appending to five arrays in one loop.
    let glued = Self.intraWordHyphens(tokens)
    var tokenIndex: [Int] = []
    tokenIndex.reserveCapacity(tokens.count)
    for index in tokens.indices where !glued[index] { tokenIndex.append(index) }
    let ids = tokenIndex.map { vocabulary.id(tokens[$0].normalized, fnv: tokens[$0].normalizedHash) ?? -1 }
    var fuzzyIds = [Int32](repeating: -1, count: ids.count)
    for (position, index) in tokenIndex.enumerated() where ids[position] < 0 && tokens[index].kind == .word {
      let word = tokens[index].normalized
      // Most unknown words are too short to be a misspelling and hold no OCR digit: those skip
      // the memo.
      let ocr = Self.ocrLetters(word)
      guard ocr != nil || FuzzyIndex.mayLookUp(word) else { continue }
      fuzzyIds[position] = memo.id(for: word) {
        if let ocr, let exact = vocabulary.id(ocr) { return exact }
        return fuzzy.lookup(ocr ?? word) ?? -1
      }
    }
    self.joinedIds = tokenIndex.map { index in
      guard index + 2 < tokens.count && glued[index + 1] else { return -1 }
      return vocabulary.id(tokens[index].normalized + tokens[index + 2].normalized) ?? -1
    }
    self.segment = sentenceOfToken.isEmpty
      ? [Int32](repeating: 0, count: tokenIndex.count) : tokenIndex.map { sentenceOfToken[$0] }
    self.tokenIndex = tokenIndex
    self.ids = ids
    self.fuzzyIds = fuzzyIds
  }

  /// The same stream with each position's sentence taken from `sentenceOfToken`.
  func segmented(by sentenceOfToken: [Int32]) -> TokenStream {
    var copy = self
    copy.segment = tokenIndex.map { sentenceOfToken[$0] }
    return copy
  }

  /// A word with letters and OCR-confused digits read as letters (`tum0r` → `tumor`, `absce55` →
  /// `abscess`, `1esion` → `lesion`), or nil when the word has no such digit or no letter.
  static func ocrLetters(_ word: String) -> String? {
    /// The letters and digits of the word's bytes.
    func count(_ bytes: UnsafeBufferPointer<UInt8>) -> (letters: Int, digits: Int) {
      var letters = 0
      var digits = 0
      for byte in bytes {
        if byte &- 0x61 <= 0x19 { letters += 1 } else if byte &- 0x30 <= 9 { digits += 1 }
      }
      return (letters, digits)
    }
    let (letters, digits) = word.withUTF8Bytes(count)
    guard letters >= 2, digits >= 1, letters >= digits * 2 else { return nil }
    let mapped = word.utf8.map { byte -> UInt8 in
      switch byte {
      case 0x30: return 0x6F  // 0 → o
      case 0x31: return 0x6C  // 1 → l
      case 0x33: return 0x65  // 3 → e
      case 0x34: return 0x61  // 4 → a
      case 0x35: return 0x73  // 5 → s
      case 0x37: return 0x74  // 7 → t
      case 0x38: return 0x62  // 8 → b
      default: return byte
      }
    }
    return String(decoding: mapped, as: UTF8.self)
  }

  /// For every token, whether it is a hyphen (or slash-free dash) glued to words on both sides.
  static func intraWordHyphens(_ tokens: [Token]) -> [Bool] {
    var glued = [Bool](repeating: false, count: tokens.count)
    guard tokens.count >= 3 else { return glued }
    tokens.withUnsafeBufferPointer { tokens in
      for index in 1..<tokens.count - 1 where tokens[index].kind == .punctuation {
        glued[index] = !tokens[index].spaceBefore && !tokens[index + 1].spaceBefore
          && tokens[index - 1].kind != .punctuation && tokens[index + 1].kind != .punctuation
          && isHyphen(tokens[index].normalized)
      }
    }
    return glued
  }

  /// Whether a punctuation token's normalized form is `-` or `‐` (U+2010), compared as bytes.
  private static func isHyphen(_ normalized: String) -> Bool {
    var bytes = normalized.utf8.makeIterator()
    switch bytes.next() {
    case 0x2D: return bytes.next() == nil
    case 0xE2: return bytes.next() == 0x80 && bytes.next() == 0x90 && bytes.next() == nil
    default: return false
    }
  }
}
