/// A phrase found in a document by a `PhraseTrie`.
public struct PhraseMatch: Sendable, Hashable {
  /// Index of the phrase in the trie's insertion order.
  public var phrase: Int
  /// First and last document token covered (indexes into the token array), inclusive.
  public var firstToken: Int
  /// Last document token covered, inclusive.
  public var lastToken: Int
  /// Whether a misspelled word was matched to reach this phrase.
  public var fuzzy: Bool
}

/// A trie over interned token ids holding literal phrases; finds every phrase in a token stream.
///
/// Phrases are tokenized like documents. Each phrase is also stored joined across its hyphens
/// (`post-treatment` → `posttreatment`) and, unless told otherwise, with a plural ending on its last
/// word. Matching walks the trie from each position, so its cost depends on the phrase depth,
/// not on the number of phrases.
public struct PhraseTrie: Sendable {
  struct Phrase: Sendable {
    var caseTokens: [[Unicode.Scalar]]?
    var allowFuzzy: Bool
  }

  private var edges = EdgeTable()
  private var hasChildren: [Bool] = [false]
  /// By node: the one phrase ending there, -1 when none does, -2 when several do (then
  /// `terminals` lists them). Most nodes end one phrase or none, and this dense array spares the
  /// walk a cache miss on `terminals`, whose per-node arrays live apart on the heap.
  private var soleTerminal: [Int32] = [-1]
  private var terminals: [[Int32]] = [[]]
  private var phrases: [Phrase] = []
  /// By vocabulary id: the node a phrase starting with the word leads to, or -1, so that matching
  /// skips the positions where no phrase starts and takes the first step without hashing.
  private var rootChildren: [Int32] = []
  /// By vocabulary id, one bit each: whether some phrase starts with the word. The scan of every
  /// position tests these bits, which stay in the first-level cache, before `rootChildren`.
  private var startBits: [UInt64] = []
  /// By phrase: whether it matches as a plain phrase (misspellings allowed, any letter case), so
  /// that most terminals are recorded without reading `phrases`.
  private var isPlain: [Bool] = []

  /// Creates an empty trie.
  public init() {}

  /// The number of phrases inserted.
  public var phraseCount: Int { phrases.count }

  /// Inserts a phrase; returns its index, or nil when it has no tokens.
  @discardableResult
  mutating func insert(
    _ text: String, caseSensitive: Bool, fuzzy: Bool, plural: Bool, vocabulary: inout Vocabulary,
    fuzzyIndex: inout FuzzyIndex
  ) -> Int? {
    insert(
      PhraseTokens(text, keepOriginal: caseSensitive), caseSensitive: caseSensitive, fuzzy: fuzzy, plural: plural,
      vocabulary: &vocabulary, fuzzyIndex: &fuzzyIndex)
  }

  /// Inserts a phrase already tokenized; returns its index, or nil when it has no tokens.
  @discardableResult
  mutating func insert(
    _ tokens: PhraseTokens, caseSensitive: Bool, fuzzy: Bool, plural: Bool,
    vocabulary: inout Vocabulary, fuzzyIndex: inout FuzzyIndex
  ) -> Int? {
    let normalized = tokens.normalized
    guard !normalized.isEmpty else { return nil }
    let index = Int32(phrases.count)
    phrases.append(Phrase(caseTokens: caseSensitive ? tokens.original : nil, allowFuzzy: fuzzy))
    isPlain.append(!caseSensitive && fuzzy)
    let joined = tokens.joined.flatMap { $0 == normalized ? nil : $0 }
    // The spelled forms first, then each with its plural endings, in the order matches rely on.
    addPath(normalized[...], last: nil, phrase: index, indexSpelling: fuzzy, &vocabulary, &fuzzyIndex)
    if let joined { addPath(joined[...], last: nil, phrase: index, indexSpelling: fuzzy, &vocabulary, &fuzzyIndex) }
    if plural && !caseSensitive {
      for variant in [normalized, joined] {
        guard let variant, let lastWord = variant.last else { continue }
        for ending in Self.pluralEndings(lastWord) {
          // Plural forms stay out of the misspelling index: "necrosus" is one edit from both
          // "necrosis" and "necroses", and that tie would hide the match.
          addPath(variant.dropLast(), last: ending, phrase: index, indexSpelling: false, &vocabulary, &fuzzyIndex)
        }
      }
    }
    return Int(index)
  }

  /// Adds the path of `words` (then `last`, when given) ending at `phrase`.
  private mutating func addPath(
    _ words: ArraySlice<String>, last: String?, phrase: Int32, indexSpelling: Bool,
    _ vocabulary: inout Vocabulary, _ fuzzyIndex: inout FuzzyIndex
  ) {
    var node: Int32 = 0
    func step(_ word: String, _ trie: inout PhraseTrie) {
      let id = vocabulary.intern(word)
      if indexSpelling && word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
        fuzzyIndex.add(word, id: id)
      }
      if let next = trie.edges.child(node, id) {
        node = next
        return
      }
      let next = Int32(trie.terminals.count)
      trie.hasChildren.append(false)
      trie.soleTerminal.append(-1)
      trie.terminals.append([])
      trie.edges.set(node, id, next)
      trie.hasChildren[Int(node)] = true
      if node == 0 {
        if trie.rootChildren.count <= Int(id) {
          trie.rootChildren.append(contentsOf: repeatElement(-1, count: Int(id) + 1 - trie.rootChildren.count))
        }
        trie.rootChildren[Int(id)] = next
        if trie.startBits.count <= Int(id) >> 6 {
          trie.startBits.append(contentsOf: repeatElement(0, count: Int(id) >> 6 + 1 - trie.startBits.count))
        }
        trie.startBits[Int(id) >> 6] |= 1 << UInt64(id & 63)
      }
      node = next
    }
    for word in words { step(word, &self) }
    if let last { step(last, &self) }
    if !terminals[Int(node)].contains(phrase) { terminals[Int(node)].append(phrase) }
    soleTerminal[Int(node)] = terminals[Int(node)].count == 1 ? terminals[Int(node)][0] : -2
  }

  /// Regular plural spellings of a word: `lesion` → `lesions`, `metastasis` → `metastases`.
  static func pluralEndings(_ word: String) -> [String] {
    var word = word
    return word.withUTF8 { bytes in
      guard bytes.count >= 3, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [] }
      /// The word's first `keep` bytes followed by `suffix`.
      func spelled(keeping keep: Int, _ suffix: StaticString) -> String {
        String(unsafeUninitializedCapacity: keep + suffix.utf8CodeUnitCount) { buffer in
          for offset in 0..<keep { buffer[offset] = bytes[offset] }
          for offset in 0..<suffix.utf8CodeUnitCount { buffer[keep + offset] = suffix.utf8Start[offset] }
          return keep + suffix.utf8CodeUnitCount
        }
      }
      let count = bytes.count
      let endsInS = bytes[count - 1] == 0x73
      var endings: [String] = []
      endings.reserveCapacity(3)
      if !endsInS { endings.append(spelled(keeping: count, "s")) }
      endings.append(spelled(keeping: count, "es"))
      if endsInS && bytes[count - 2] == 0x69 { endings.append(spelled(keeping: count - 2, "es")) }
      if bytes[count - 1] == 0x79 { endings.append(spelled(keeping: count - 1, "ies")) }
      return endings
    }
  }

  /// Every phrase occurrence in `stream` (overlapping ones included).
  ///
  /// - Parameter scalars: the document text, to check case-sensitive phrases.
  /// - Parameter tokens: the document tokens.
  func allMatches(in stream: TokenStream, tokens: [Token], scalars: ScalarText) -> [PhraseMatch] {
    var found: [PhraseMatch] = []
    found.reserveCapacity(16)
    func startsPhrase(_ id: Int32) -> Bool {
      id >= 0 && Int(id) >> 6 < startBits.count && startBits[Int(id) >> 6] & (1 << UInt64(id & 63)) != 0
    }
    for start in 0..<stream.count
    where startsPhrase(stream.ids[start]) || startsPhrase(stream.fuzzyIds[start])
      || startsPhrase(stream.joinedIds[start])
    {
      walk(
        node: 0, position: start, start: start, fuzzy: false, joined: false, stream: stream,
        tokens: tokens, scalars: scalars, found: &found)
    }
    return found
  }

  private func walk(
    node: Int32, position: Int, start: Int, fuzzy: Bool, joined: Bool, stream: TokenStream,
    tokens: [Token], scalars: ScalarText, found: inout [PhraseMatch]
  ) {
    if node != 0 && soleTerminal[Int(node)] != -1 {
      /// Records `phraseIndex` ending here, unless a misspelling or the letter case rules it out.
      func visit(_ phraseIndex: Int32) {
        if !isPlain[Int(phraseIndex)] {
          if fuzzy && !phrases[Int(phraseIndex)].allowFuzzy { return }
          if let caseTokens = phrases[Int(phraseIndex)].caseTokens {
            if joined || caseTokens.count != position - start { return }
            for offset in 0..<caseTokens.count {
              let span = tokens[stream.tokenIndex[start + offset]].span
              if !scalars.scalars[span.start..<span.end].elementsEqual(caseTokens[offset]) { return }
            }
          }
        }
        found.append(
          PhraseMatch(
            phrase: Int(phraseIndex), firstToken: stream.tokenIndex[start],
            lastToken: stream.tokenIndex[position - 1], fuzzy: fuzzy))
      }
      let sole = soleTerminal[Int(node)]
      if sole >= 0 {
        visit(sole)
      } else {
        for phraseIndex in terminals[Int(node)] { visit(phraseIndex) }
      }
    }
    guard position < stream.count, stream.segment[position] == stream.segment[start] else { return }
    guard hasChildren[Int(node)] else { return }
    let id = stream.ids[position]
    if id >= 0, let next = child(node, id) {
      walk(
        node: next, position: position + 1, start: start, fuzzy: fuzzy, joined: joined,
        stream: stream, tokens: tokens, scalars: scalars, found: &found)
    } else if stream.fuzzyIds[position] >= 0, let next = child(node, stream.fuzzyIds[position]) {
      walk(
        node: next, position: position + 1, start: start, fuzzy: true, joined: joined,
        stream: stream, tokens: tokens, scalars: scalars, found: &found)
    }
    let joinedId = stream.joinedIds[position]
    if joinedId >= 0, position + 1 < stream.count, let next = child(node, joinedId) {
      walk(
        node: next, position: position + 2, start: start, fuzzy: fuzzy, joined: true,
        stream: stream, tokens: tokens, scalars: scalars, found: &found)
    }
  }

  /// The child of `node` along word `id` (not negative): from the root by array, below it by hash.
  private func child(_ node: Int32, _ id: Int32) -> Int32? {
    guard node == 0 else { return edges.child(node, id) }
    guard Int(id) < rootChildren.count else { return nil }
    let next = rootChildren[Int(id)]
    return next >= 0 ? next : nil
  }

  /// Keeps the longest matches that do not overlap; among equal lengths the earlier phrase wins.
  ///
  /// - Complexity: O(m log m) in the number of matches.
  static func longestNonOverlapping(_ matches: consuming [PhraseMatch]) -> [PhraseMatch] {
    // Most tries find no phrase or one in a document: nothing to choose between.
    if matches.count < 2 { return matches }
    // Sorted and filtered in the array given (the callers' own, so no copy is made): a new array
    // costs an allocation and a run-time type lookup.
    var ordered = matches
    ordered.sort { a, b in
      let lengthA = a.lastToken - a.firstToken
      let lengthB = b.lastToken - b.firstToken
      if lengthA != lengthB { return lengthA > lengthB }
      if a.firstToken != b.firstToken { return a.firstToken < b.firstToken }
      if a.fuzzy != b.fuzzy { return !a.fuzzy }
      return a.phrase < b.phrase
    }
    guard let lastToken = ordered.lazy.map(\.lastToken).max() else { return [] }
    var taken = [Bool](repeating: false, count: lastToken + 1)
    var kept = 0
    for index in ordered.indices {
      let match = ordered[index]
      if taken[match.firstToken...match.lastToken].contains(true) { continue }
      for token in match.firstToken...match.lastToken { taken[token] = true }
      ordered[kept] = match
      kept += 1
    }
    ordered.removeLast(ordered.count - kept)
    ordered.sort { $0.firstToken < $1.firstToken }
    return ordered
  }
}
