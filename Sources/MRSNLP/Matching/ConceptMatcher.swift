/// Finds concept mentions and rule cues: lexicon terms (longest match wins), ICD-10-CM codes
/// written in the text, and the `/` or `or` between two different concepts that makes a
/// differential ("abscess/tumor", "tumor or abscess").
public struct ConceptMatcher: Sendable {
  let lexicon: Lexicon
  /// The role of each term row's concept, looked up once here rather than per match.
  private let termRoles: [ConceptRole]

  /// Creates a matcher over a lexicon.
  public init(lexicon: Lexicon) {
    self.lexicon = lexicon
    termRoles = lexicon.terms.map { lexicon.concepts[$0.concept]?.role ?? .mention }
  }

  /// Mentions and cues of an analysed text, each sorted by position.
  public func match(_ text: TextAnalysis) -> (mentions: [Mention], cues: [Mention]) {
    var mentions = termMentions(trie: lexicon.conceptTrie, rows: lexicon.conceptPhraseTerm, text)
    let cues = termMentions(trie: lexicon.cueTrie, rows: lexicon.cuePhraseTerm, text)
    var codeCues: [Mention] = []
    for mention in codeMentions(text) {
      if mention.role == .cue { codeCues.append(mention) } else { mentions.append(mention) }
    }
    mentions.sort { $0.span < $1.span }
    // A cue inside a tumor's name is part of the name, not separate evidence: "breast" in
    // "breast ca brain mets" names the primary, not a body site outside the brain.
    // (By index and in place: filtering copies every mention it keeps.)
    let tumorNames = mentions.indices.filter { mentions[$0].concept == "brain-tumor" }.map { mentions[$0].span }
    var allCues = cues
    if !tumorNames.isEmpty {
      allCues.removeAll { cue in
        tumorNames.contains { $0.start <= cue.span.start && cue.span.end <= $0.end }
      }
    }
    allCues += codeCues
    allCues += differentialConnectors(mentions, text)
    allCues.sort { $0.span < $1.span }
    return (mentions, allCues)
  }

  private func makeMention(
    concept: String, role: ConceptRole? = nil, first: Int, last: Int, category: String?,
    isSymptom: Bool, fuzzy: Bool, source: MentionSource, _ text: TextAnalysis
  ) -> Mention {
    let sentence = Int(text.sentenceOfToken.isEmpty ? 0 : text.sentenceOfToken[first])
    return Mention(
      concept: concept, role: role ?? lexicon.concepts[concept]?.role ?? .mention,
      span: text.span(first, last), firstToken: first, lastToken: last, sentence: sentence,
      section: text.sentences.isEmpty ? 0 : text.sentences[sentence].section, category: category,
      isSymptom: isSymptom, fuzzy: fuzzy, source: source)
  }

  private func termMentions(trie: PhraseTrie, rows: [Int], _ text: TextAnalysis) -> [Mention] {
    let matches = PhraseTrie.longestNonOverlapping(
      trie.allMatches(in: text.stream, tokens: text.tokens, scalars: text.scalars))
    return matches.map { match in
      let row = rows[match.phrase]
      return makeMention(
        concept: lexicon.terms[row].concept, role: termRoles[row], first: match.firstToken,
        last: match.lastToken, category: lexicon.terms[row].category,
        isSymptom: lexicon.terms[row].isSymptom, fuzzy: match.fuzzy,
        source: .term(file: lexicon.terms[row].file, line: lexicon.terms[row].line), text)
    }
  }

  /// ICD-10-CM codes: exact rows first, then the longest `prefix` row; a code whose dot was lost
  /// (`C7931`) is read with the dot put back.
  private func codeMentions(_ text: TextAnalysis) -> [Mention] {
    var result: [Mention] = []
    // By index: a `for token in` loop copies every token (and retains its string) to read a byte.
    for index in text.tokens.indices where text.tokens[index].kind == .word {
      // Only a letter then a digit can start a code; check the bytes before building a string.
      let startsLikeCode = text.tokens[index].normalized.withUTF8Bytes { bytes in
        bytes.count >= 2 && (0x61...0x7A).contains(bytes[0]) && (0x30...0x39).contains(bytes[1])
      }
      guard startsLikeCode else { continue }
      guard let code = Self.canonicalCode(text.text(text.tokens[index].span)) else { continue }
      var candidate = code
      var found: ICDCodeEntry?
      while candidate.count >= 3 {
        if let rows = lexicon.codeIndex[candidate] {
          let entries = rows.map { lexicon.codes[$0] }
          if candidate == code, let exact = entries.first {
            found = exact
          } else {
            found = entries.first(where: \.isPrefix)
          }
          if found != nil { break }
        }
        candidate.removeLast()
        if candidate.hasSuffix(".") { candidate.removeLast() }
      }
      guard let entry = found else { continue }
      result.append(
        makeMention(
          concept: entry.concept, first: index, last: index, category: entry.category,
          isSymptom: entry.isSymptom, fuzzy: false, source: .code(code), text))
    }
    return result
  }

  /// The upper-case, dotted form of a token shaped like an ICD-10-CM code, or nil.
  static func canonicalCode(_ raw: String) -> String? {
    let upper = raw.uppercased()
    let scalars = Array(upper.unicodeScalars)
    guard scalars.count >= 3, scalars.count <= 8, ("A"..."Z").contains(scalars[0]),
      ("0"..."9").contains(scalars[1]),
      ("0"..."9").contains(scalars[2]) || ("A"..."Z").contains(scalars[2])
    else { return nil }
    let rest = scalars.dropFirst(3)
    if rest.isEmpty { return upper }
    if rest.first == "." {
      let tail = rest.dropFirst()
      guard !tail.isEmpty, tail.count <= 4,
        tail.allSatisfy({ ("0"..."9").contains($0) || ("A"..."Z").contains($0) })
      else { return nil }
      return upper
    }
    guard rest.count <= 4, rest.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
    return String(String.UnicodeScalarView(scalars.prefix(3))) + "." + String(String.UnicodeScalarView(rest))
  }

  /// An `or` between two mentions, or a `/` between mentions of different concepts, in one sentence.
  private func differentialConnectors(_ mentions: [Mention], _ text: TextAnalysis) -> [Mention] {
    guard lexicon.concepts["differential"] != nil, mentions.count > 1 else { return [] }
    var result: [Mention] = []
    for rightIndex in mentions.indices.dropFirst() {
      // The two mentions are read in place; only the pairs that qualify are looked at further.
      let left = (sentence: mentions[rightIndex - 1].sentence, lastToken: mentions[rightIndex - 1].lastToken)
      let right = (sentence: mentions[rightIndex].sentence, firstToken: mentions[rightIndex].firstToken)
      guard left.sentence == right.sentence && right.firstToken > left.lastToken + 1
        && right.firstToken <= left.lastToken + 4
      else { continue }
      // "A or B" sets any two alternatives against each other ("glioma or single metastasis?",
      // "abscess or a necrotic metastasis?"), with at most two more words between; a slash does so only between different concepts
      // directly, since "XRT/TMZ" lists two treatments.
      let gap = (left.lastToken + 1)..<right.firstToken
      let words = gap.map { text.tokens[$0].normalized }
      let connector: Int
      // A list's comma may stand right before the "or" ("radiation injury, or an abscess").
      if let or = gap.first(where: { text.tokens[$0].normalized == "or" }),
        gap.allSatisfy({ $0 == or || text.tokens[$0].kind == .word
          || ($0 == or - 1 && text.tokens[$0].normalized == ",") })
      {
        connector = or
      } else if words == ["/"] && mentions[rightIndex - 1].concept != mentions[rightIndex].concept {
        connector = gap.lowerBound
      } else {
        continue
      }
      let word = text.tokens[connector].normalized
      result.append(
        makeMention(
          concept: "differential", first: connector, last: connector, category: nil,
          isSymptom: false, fuzzy: false, source: .construction("\(word) between two concepts"),
          text))
    }
    return result
  }
}
