/// What `mrs-nlp lexicon check` reports about a loaded lexicon set beyond load errors.
public struct LexiconReport: Sendable {
  /// Term rows per concept, sorted by concept.
  public let termCounts: [(String, Int)]
  /// Terms that are not found as their own concept when the term itself is classified as text
  /// (another row always wins, or tokenization reads the term differently).
  public let unmatchable: [LexiconDiagnostic]

  /// Builds the report; each term is run through the concept matcher as a one-line document.
  public init(lexicon: Lexicon) {
    var counts: [String: Int] = [:]
    for term in lexicon.terms { counts[term.concept, default: 0] += 1 }
    termCounts = counts.sorted { $0.key < $1.key }
    let matcher = ConceptMatcher(lexicon: lexicon)
    var problems: [LexiconDiagnostic] = []
    for term in lexicon.terms {
      let text = TextAnalysis(document: Document(id: "term", text: term.term), lexicon: lexicon)
      let found = matcher.match(text)
      let all = found.mentions + found.cues
      let whole = all.contains { $0.concept == term.concept && $0.span == TextSpan(start: 0, end: text.scalars.count) }
      if whole { continue }
      let winner = all.first { $0.span.start == 0 && $0.span.end == text.scalars.count }
      let reason: String
      if let winner, case .term(let file, let line) = winner.source {
        reason = "it is read as \(winner.concept) by \(file):\(line)"
      } else if let winner {
        reason = "it is read as \(winner.concept)"
      } else {
        reason = "the tokenizer splits it so that no row matches the whole phrase"
      }
      problems.append(
        LexiconDiagnostic(
          file: term.file, line: term.line, severity: .warning,
          message: "term '\(term.term)' (\(term.concept)) never matches as written: \(reason)"))
    }
    unmatchable = problems
  }
}
