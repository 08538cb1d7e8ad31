/// Reads metabolite ratios with their values, in every notation reports use.
///
/// A ratio is a metabolite name from `metabolites.tsv`, a separator (`/`, `:`, `-`, `to`,
/// `-to-`), and a second metabolite name; `(Lip+Lac)` joins two names into `LipLac`. The value is
/// the first number after the ratio within a few connecting words (`ratio`, `of`, `=`, `:`, `(`,
/// `up to` ...). A range (`2-3`, `2 to 3`), a slashed pair (`1500/135`), a percentage, a ppm
/// position, or a comparison with a bound (`< 1.0`) is not a measurement, and a number with no
/// ratio before it never is.
///
/// - Complexity: O(n) in the number of tokens.
public struct MeasurementExtractor: Sendable {
  let lexicon: Lexicon

  /// Words that may stand between a ratio and its value. They are grammar, not clinical content.
  static let connectors: Set<String> = [
    "ratio", "ratios", "of", "=", ":", "(", "is", "was", "were", "measured", "measures",
    "measuring", "approximately", "approx", "about", "~", "up", "to", "value", "values", "at",
    "reaching", "reached", "reaches", "reach", "peak", "max", "maximum", "maximal", "mean",
    "elevated", "increased", "reduced", "decreased", "calculated", "estimated", "≈", "-", "around",
    "measure", "now", "ratio:",
  ]

  /// Words that may label a further value of the same ratio: "(control 1.62)", "0.58, right 0.86",
  /// "3.1 (white matter) and 2.8 (basal ganglia)", "1.02 versus 1.41".
  static let comparisonWords: Set<String> = [
    ",", "and", "vs", "versus", "(", ")", "right", "left", "control", "controls", "reference",
    "baseline", "prior", "previous", "previously", "contralateral", "normal-appearing", "lesion",
    "lesional", "white", "matter", "gray", "grey", "basal", "ganglia", "cortex", "anterior",
    "posterior", "medial", "lateral", "central", "peripheral", "voxel", "side", "hemisphere",
    "region", "in", "the", "on", "at", "was", "is", "compared", "with", "to", "from", "of",
  ]

  /// Units after a number that make it something other than a ratio value.
  static let units: Set<String> = [
    "ms", "mm", "cm", "cc", "ml", "mm3", "t", "ppm", "%", "months", "month", "years", "year",
    "weeks", "week", "days", "day", "hours", "mmol", "mm/l", "mg", "gy", "fx", "x",
  ]

  /// Creates an extractor over the lexicon's metabolite names.
  public init(lexicon: Lexicon) { self.lexicon = lexicon }

  private struct Name {
    var canonical: String
    var first: Int
    var last: Int
  }

  /// Every measurement in the text, in text order.
  public func measurements(in text: TextAnalysis) -> [Measurement] {
    let tokens = text.tokens
    let matches = PhraseTrie.longestNonOverlapping(
      lexicon.metaboliteTrie.allMatches(in: text.stream, tokens: tokens, scalars: text.scalars))
    // Most documents name no metabolite: nothing to scan.
    guard !matches.isEmpty else { return [] }
    // By token: the metabolite name starting there (an array, read for every token below).
    var nameAt = [Name?](repeating: nil, count: tokens.count + 2)
    var startsName = [Bool](repeating: false, count: tokens.count + 2)
    for match in matches {
      let canonical = lexicon.metabolites[lexicon.metabolitePhraseRow[match.phrase]].canonical
      nameAt[match.firstToken] = Name(canonical: canonical, first: match.firstToken, last: match.lastToken)
      startsName[match.firstToken] = true
    }
    func word(_ index: Int) -> String? { index < tokens.count ? tokens[index].normalized : nil }
    func sentence(_ index: Int) -> Int32 { text.sentenceOfToken[index] }

    /// A metabolite name at `index`, joining `Lip+Lac` and skipping an opening parenthesis.
    func name(at index: Int) -> Name? {
      // Most tokens start no name, with or without a parenthesis: skip them before reading words.
      guard startsName[index] || startsName[index + 1] else { return nil }
      var start = index
      var openedParenthesis = false
      if word(start) == "(" {
        start += 1
        openedParenthesis = true
      }
      guard start < tokens.count, var name = nameAt[start] else { return nil }
      if word(name.last + 1) == "+", let second = nameAt[name.last + 2],
        Set([name.canonical, second.canonical]) == ["Lip", "Lac"]
      {
        name = Name(canonical: "LipLac", first: name.first, last: second.last)
      }
      if openedParenthesis {
        guard word(name.last + 1) == ")" else { return nil }
        name.first = index
        name.last += 1
      }
      return name
    }

    var result: [Measurement] = []
    var index = 0
    while index < tokens.count {
      guard let numerator = name(at: index) else {
        index += 1
        continue
      }
      var cursor = numerator.last + 1
      var separator = false
      while let w = word(cursor), ["/", ":", "-", "–", "to"].contains(w),
        sentence(cursor) == sentence(numerator.first)
      {
        separator = true
        cursor += 1
      }
      guard separator, let denominator = name(at: cursor), denominator.canonical != numerator.canonical,
        sentence(denominator.last) == sentence(numerator.first)
      else {
        index = numerator.last + 1
        continue
      }
      if word(denominator.last + 1) == "+" {
        index = denominator.last + 1
        continue
      }
      let analyte = "\(numerator.canonical)/\(denominator.canonical)"
      cursor = denominator.last + 1
      var steps = 0
      var values: [(Double, Int)] = []
      scan: while cursor < tokens.count, steps < 6, sentence(cursor) == sentence(numerator.first) {
        let token = tokens[cursor]
        if token.kind == .number {
          if let value = Self.value(at: cursor, tokens: tokens, text: text) {
            values.append((value, cursor))
          }
          break scan
        }
        if nameAt[cursor] != nil || !Self.connectors.contains(token.normalized) {
          if nameAt[cursor] == nil, let anchored = Self.anchoredValue(from: cursor, sentence: sentence(numerator.first), text: text, startsName: { nameAt[$0] != nil }) {
            values.append(anchored)
          }
          break
        }
        cursor += 1
        steps += 1
      }
      if let first = values.first {
        values += Self.furtherValues(after: first.1, sentence: sentence(numerator.first), text: text, startsName: { nameAt[$0] != nil })
      }
      for (value, valueToken) in values {
        result.append(
          Measurement(
            analyte: analyte, value: value, span: text.span(numerator.first, valueToken),
            sentence: Int(sentence(numerator.first))))
      }
      // A pair of names with no value ("reduced NAA: Cho/NAA 3.6") may hide the real ratio that
      // starts at its second name, so the scan resumes there.
      index = values.last.map { $0.1 + 1 } ?? numerator.last + 1
    }
    return result
  }

  /// Words that, right before a number, make it the value of a ratio named a few words earlier:
  /// "Cho/Cr symmetric at 0.8", "NAA/Cr in the mesial temporal tissue measures 1.02".
  static let valueAnchors: Set<String> = ["at", "measures", "measured", "measuring", "of", "(", "=", ":", "is", "was", "reaches", "reaching"]

  /// A value up to ten words after a ratio when an anchor word stands right before it and no
  /// other number, metabolite name or clause break comes between.
  static func anchoredValue(
    from start: Int, sentence: Int32, text: TextAnalysis, startsName: (Int) -> Bool
  ) -> (Double, Int)? {
    let tokens = text.tokens
    var cursor = start
    while cursor < tokens.count, cursor - start <= 10, text.sentenceOfToken[cursor] == sentence,
      !startsName(cursor)
    {
      let token = tokens[cursor]
      if token.kind == .number {
        guard cursor > start, valueAnchors.contains(tokens[cursor - 1].normalized) else { return nil }
        return value(at: cursor, tokens: tokens, text: text).map { ($0, cursor) }
      }
      if [";", ",", "<", ">", "≤", "≥"].contains(token.normalized) { return nil }
      cursor += 1
    }
    return nil
  }

  /// Further values of the same ratio after its first value, joined by comparison words.
  static func furtherValues(
    after first: Int, sentence: Int32, text: TextAnalysis, startsName: (Int) -> Bool
  ) -> [(Double, Int)] {
    let tokens = text.tokens
    var found: [(Double, Int)] = []
    var cursor = first + 1
    var words = 0
    while cursor < tokens.count, text.sentenceOfToken[cursor] == sentence, words <= 4,
      !startsName(cursor)
    {
      let token = tokens[cursor]
      if token.kind == .number {
        guard let value = value(at: cursor, tokens: tokens, text: text) else { break }
        found.append((value, cursor))
        words = 0
      } else if comparisonWords.contains(token.normalized) {
        if token.kind == .word { words += 1 }
      } else {
        break
      }
      cursor += 1
    }
    return found
  }

  /// The number at `index` as a ratio value, or nil when it is a range, a pair or a position.
  static func value(at index: Int, tokens: [Token], text: TextAnalysis) -> Double? {
    let raw = text.text(tokens[index].span).replacingOccurrences(",", with: ".")
    guard let value = Double(raw) else { return nil }
    if index > 0, ["<", ">", "≤", "≥"].contains(tokens[index - 1].normalized) { return nil }
    if index + 1 < tokens.count {
      let next = tokens[index + 1].normalized
      if ["-", "–", "/", "to", "%"].contains(next), index + 2 < tokens.count,
        tokens[index + 2].kind == .number || next == "%"
      {
        return nil
      }
      if units.contains(next) { return nil }
    }
    return value
  }
}

extension String {
  fileprivate func replacingOccurrences(_ target: Character, with replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
