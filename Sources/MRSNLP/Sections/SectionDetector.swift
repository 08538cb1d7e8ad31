/// Finds section headers ("IMPRESSION:", "Reason for exam:", "CLINICAL HISTORY" on its own line)
/// from the phrases of `sections.tsv`, and cuts the document into sections.
///
/// A header phrase counts when it starts a line (or follows `.` or `|`) and is followed by a colon,
/// or, written in capitals, stands alone on its line.
///
/// - Complexity: O(n) in the number of tokens (times the header phrase depth).
public struct SectionDetector: Sendable {
  let trie: PhraseTrie
  let headers: [SectionHeaderEntry]

  init(trie: PhraseTrie, headers: [SectionHeaderEntry]) {
    self.trie = trie
    self.headers = headers
  }

  /// The sections of a tokenized text, in order, covering every token.
  func sections(tokens: [Token], stream: TokenStream, scalars: ScalarText) -> [Section] {
    var found: [(first: Int, end: Int, entry: SectionHeaderEntry)] = []
    let candidates = PhraseTrie.longestNonOverlapping(
      trie.allMatches(in: stream, tokens: tokens, scalars: scalars).filter { !$0.fuzzy })
    for match in candidates {
      let first = match.firstToken
      let opensLine = first == 0 || tokens[first].lineStart || Self.endsLine(tokens[first - 1])
      guard opensLine else { continue }
      let next = match.lastToken + 1
      var end = next
      if next < tokens.count && (tokens[next].normalized == ":" || tokens[next].normalized == "：") {
        end = next + 1
      } else {
        let alone = next >= tokens.count || tokens[next].lineStart
        let capitals = (first...match.lastToken).allSatisfy { index in
          let span = tokens[index].span
          return !scalars.scalars[span.start..<span.end].contains { $0.properties.isLowercase }
        }
        guard alone && capitals else { continue }
      }
      found.append((first, end, headers[match.phrase]))
    }
    var sections: [Section] = []
    let textEnd = scalars.count
    func spanStart(_ token: Int) -> Int { token < tokens.count ? tokens[token].span.start : textEnd }
    if found.first?.first ?? tokens.count > 0 {
      let end = found.first?.first ?? tokens.count
      sections.append(
        Section(
          category: "none", role: .other, header: nil,
          span: TextSpan(start: 0, end: spanStart(end)), firstToken: 0, endToken: end,
          bodyStartToken: 0))
    }
    for (index, header) in found.enumerated() {
      let end = index + 1 < found.count ? found[index + 1].first : tokens.count
      let start = sections.isEmpty ? 0 : tokens[header.first].span.start
      sections.append(
        Section(
          category: header.entry.section, role: header.entry.role,
          header: TextSpan(start: tokens[header.first].span.start, end: tokens[header.end - 1].span.end),
          span: TextSpan(start: start, end: spanStart(end)), firstToken: header.first, endToken: end,
          bodyStartToken: header.end))
    }
    if sections.isEmpty {
      sections.append(
        Section(
          category: "none", role: .other, header: nil, span: TextSpan(start: 0, end: textEnd),
          firstToken: 0, endToken: 0, bodyStartToken: 0))
    }
    return sections
  }

  /// Whether a token ends a run-in header's line: `.`, `|` or `*` (compared as one byte: an array
  /// of strings built per call cost more than the rest of the check).
  private static func endsLine(_ token: Token) -> Bool {
    let normalized = token.normalized.utf8
    guard normalized.count == 1, let byte = normalized.first else { return false }
    return byte == UInt8(ascii: ".") || byte == UInt8(ascii: "|") || byte == UInt8(ascii: "*")
  }
}
