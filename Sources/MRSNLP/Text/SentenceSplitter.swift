/// Splits clinical text into sentences.
///
/// A sentence ends at `.` `!` followed by a space or the end, at `?` that closes a clause (followed
/// by a capital or a line end), at a blank line, at a line break unless the next line continues in
/// lower case, and at section headers. A period does not end a sentence after an abbreviation from
/// `abbreviations.tsv` (`Dr.`, `approx.`, `vs.`), after a single capital (an initial), or after an
/// enumeration number at the start of a line (`1.`); decimals are single tokens already. A `?`
/// before a word (`?recurrence`, `new lesion, ? neoplasm`) is a question mark inside the clause.
///
/// - Complexity: O(n) in the number of tokens plus the scalars between them.
public struct SentenceSplitter: Sendable {
  let abbreviations: Set<String>

  /// Creates a splitter that knows the given normalized abbreviations (without their period).
  public init(abbreviations: Set<String>) {
    self.abbreviations = abbreviations
  }

  /// The sentences of a tokenized text; every token belongs to exactly one sentence.
  public func sentences(tokens: [Token], scalars: ScalarText, sections: [Section]) -> [Sentence] {
    guard !tokens.isEmpty else { return [] }
    var forcedBreakBefore = [Bool](repeating: false, count: tokens.count + 1)
    for section in sections {
      forcedBreakBefore[section.firstToken] = true
      forcedBreakBefore[section.bodyStartToken] = true
    }
    var sentences: [Sentence] = []
    var sectionIndex = 0
    var start = 0
    func close(_ end: Int) {
      guard end > start else { return }
      while sectionIndex + 1 < sections.count && sections[sectionIndex + 1].firstToken <= start {
        sectionIndex += 1
      }
      sentences.append(
        Sentence(
          span: TextSpan(start: tokens[start].span.start, end: tokens[end - 1].span.end),
          firstToken: start, endToken: end, section: sectionIndex))
      start = end
    }
    for k in 0..<tokens.count {
      let next = k + 1
      if next == tokens.count {
        close(tokens.count)
        break
      }
      if forcedBreakBefore[next] || breaksAfter(k, tokens: tokens, scalars: scalars) {
        close(next)
      }
    }
    return sentences
  }

  private func breaksAfter(_ k: Int, tokens: [Token], scalars: ScalarText) -> Bool {
    let token = tokens[k]
    let next = tokens[k + 1]
    if next.lineStart {
      if newlines(between: token, and: next, scalars: scalars) >= 2 { return true }
      // A wrapped line continues in lower case after a long line or a word that cannot end a
      // clause; a short fragment followed by another is a terse order's next item.
      let continues =
        next.kind == .word && startsLowercase(next, scalars) && token.kind != .punctuation
        && (lineLength(endingAt: k, tokens: tokens) >= 50 || Self.continuationWords.contains(token.normalized))
      return !continues
    }
    guard next.spaceBefore else { return false }
    // Compared as one byte: a string `switch` costs a comparison call per case.
    let normalized = token.normalized.utf8
    guard normalized.count == 1 else { return false }
    switch normalized.first {
    case UInt8(ascii: "."):
      guard k > 0, !token.spaceBefore else { return true }
      let previous = tokens[k - 1]
      if abbreviations.contains(previous.normalized) { return false }
      if previous.kind == .word && previous.span.length == 1 && startsUppercase(previous, scalars) {
        return false
      }
      if previous.kind == .number && previous.lineStart { return false }
      return true
    case UInt8(ascii: "!"):
      return true
    case UInt8(ascii: "?"):
      if token.spaceBefore { return false }
      return next.kind != .word || startsUppercase(next, scalars)
    default:
      return false
    }
  }

  /// Words after which a line cannot end a clause, so a line break there is a wrap.
  static let continuationWords: Set<String> = [
    "a", "an", "the", "and", "or", "of", "with", "without", "to", "for", "in", "on", "at", "by",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "there", "that", "this",
    "from", "as", "into", "than", "versus", "vs", "but", "which", "who", "its", "their", "his", "her",
  ]

  /// The number of scalars from the start of the line holding token `k` to its end.
  private func lineLength(endingAt k: Int, tokens: [Token]) -> Int {
    var first = k
    while first > 0 && !tokens[first].lineStart { first -= 1 }
    return tokens[k].span.end - tokens[first].span.start
  }

  private func newlines(between a: Token, and b: Token, scalars: ScalarText) -> Int {
    var count = 0
    var index = a.span.end
    while index < b.span.start {
      let scalar = scalars.scalars[index]
      if scalar == "\n" || (scalar == "\r" && (index + 1 >= b.span.start || scalars.scalars[index + 1] != "\n")) {
        count += 1
      }
      index += 1
    }
    return count
  }

  private func startsLowercase(_ token: Token, _ scalars: ScalarText) -> Bool {
    scalars.scalars[token.span.start].properties.isLowercase
  }

  private func startsUppercase(_ token: Token, _ scalars: ScalarText) -> Bool {
    scalars.scalars[token.span.start].properties.isUppercase
  }
}
