/// The text stage's result for one document: scalars, tokens, sections, sentences and the token
/// stream the matchers read.
public struct TextAnalysis: Sendable {
  /// The document analysed.
  public let document: Document
  /// Its text as scalars.
  public let scalars: ScalarText
  /// Its tokens.
  public let tokens: [Token]
  /// Its sections, in order.
  public let sections: [Section]
  /// Its sentences, in order.
  public let sentences: [Sentence]
  /// The sentence of each token.
  public let sentenceOfToken: [Int32]
  /// The matchers' view of the tokens.
  public let stream: TokenStream

  /// Tokenizes, finds sections and splits sentences.
  public init(document: Document, lexicon: Lexicon) {
    var memo = SpellingMemo()
    self.init(document: document, lexicon: lexicon, memo: &memo)
  }

  /// Tokenizes, finds sections and splits sentences, reading and filling a thread's spelling memo.
  public init(document: Document, lexicon: Lexicon, memo: inout SpellingMemo) {
    self.document = document
    let scalars = ScalarText(document.text)
    let tokens = Tokenizer().tokenize(scalars)
    let headerStream = TokenStream(
      tokens: tokens, sentenceOfToken: [], vocabulary: lexicon.vocabulary, fuzzy: lexicon.fuzzyIndex,
      memo: &memo)
    let sections = lexicon.sectionDetector.sections(
      tokens: tokens, stream: headerStream, scalars: scalars)
    let sentences = SentenceSplitter(abbreviations: lexicon.abbreviations).sentences(
      tokens: tokens, scalars: scalars, sections: sections)
    var sentenceOfToken = [Int32](repeating: 0, count: tokens.count)
    for (index, sentence) in sentences.enumerated() {
      for token in sentence.firstToken..<sentence.endToken { sentenceOfToken[token] = Int32(index) }
    }
    self.scalars = scalars
    self.tokens = tokens
    self.sections = sections
    self.sentences = sentences
    self.sentenceOfToken = sentenceOfToken
    self.stream = headerStream.segmented(by: sentenceOfToken)
  }

  /// The span from the start of `first` to the end of `last` (token indexes, inclusive).
  public func span(_ first: Int, _ last: Int) -> TextSpan {
    TextSpan(start: tokens[first].span.start, end: tokens[last].span.end)
  }

  /// The text of a span.
  public func text(_ span: TextSpan) -> String { scalars.string(span) }
}
