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
    let scalars = ScalarText(text)
    let tokens = Tokenizer().tokenize(scalars)
    var normalized: [String] = []
    var original: [[Unicode.Scalar]] = []
    for (index, token) in tokens.enumerated() where !TokenStream.isIntraWordHyphen(tokens, index) {
      normalized.append(token.normalized)
      if keepOriginal { original.append(Array(scalars.scalars[token.span.start..<token.span.end])) }
    }
    var joined: [String] = []
    var joinedAny = false
    var index = 0
    while index < tokens.count {
      var word = tokens[index].normalized
      while index + 2 < tokens.count && TokenStream.isIntraWordHyphen(tokens, index + 1) {
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
}
