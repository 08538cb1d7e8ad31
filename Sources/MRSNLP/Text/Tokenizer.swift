/// Splits text into whitespace-free tokens with exact Unicode-scalar offsets.
///
/// Clinical shorthand stays whole: `s/p`, `h/o`, `r/o`, `c/w`, `w/`, `w/o` and dotted forms such as
/// `s.p.` or `e.g.` are one token; decimals (`2.3`, `1,8`) and ICD-10 codes (`C71.1`, `Z85.841`) are
/// one token; `Cho/NAA`, `T2/FLAIR` and `XRT/TMZ` split at the slash; every other punctuation or
/// symbol scalar is a token of its own.
///
/// - Complexity: O(n) in the number of scalars.
public struct Tokenizer: Sendable {
  /// Creates a tokenizer.
  public init() {}

  /// Tokenizes the scalars of a text.
  public func tokenize(_ text: ScalarText) -> [Token] {
    let s = text.scalars
    let n = s.count
    var tokens: [Token] = []
    tokens.reserveCapacity(n / 4)
    // The ASCII table is read once here, not through the lazy static on every scalar.
    let ascii = ScalarClass.ascii
    let classes = [ScalarClass](unsafeUninitializedCapacity: n) { buffer, count in
      for (index, scalar) in s.enumerated() {
        buffer[index] = scalar.value < 128 ? ascii[Int(scalar.value)] : ScalarClass.nonASCII(scalar)
      }
      count = n
    }

    func cls(_ i: Int) -> ScalarClass { i < n ? classes[i] : .space }

    var i = 0
    var spaceBefore = true
    var lineStart = true
    while i < n {
      let c = classes[i]
      if c == .space || c == .control {
        spaceBefore = true
        if s[i] == "\n" || s[i] == "\r" { lineStart = true }
        i += 1
        continue
      }
      let start = i
      var kind: TokenKind
      if c.isAlphanumeric {
        var j = i
        var allDigits = true
        var hasDigit = false
        while j < n && (classes[j].isAlphanumeric || classes[j] == .mark) {
          if classes[j] == .letter { allDigits = false }
          if classes[j] == .digit { hasDigit = true }
          j += 1
        }
        let runLength = j - i
        let singleLetter = runLength == 1 && classes[i] == .letter
        if allDigits {
          // Decimals: 2.3, 1,8 (a European decimal), 0.95.
          while j + 1 < n && (s[j] == "." || s[j] == ",") && classes[j + 1] == .digit {
            var k = j + 1
            while k < n && classes[k] == .digit { k += 1 }
            // "1,8" is a European decimal; "1,000" is a thousands separator and splits.
            if s[j] == "," && k - j - 1 > 2 { break }
            j = k
          }
          kind = .number
        } else {
          kind = .word
          if hasDigit && classes[i] == .letter && j + 1 < n && s[j] == "."
            && cls(j + 1).isAlphanumeric
          {
            // ICD-10 style codes: C71.1, Z85.841, G35.A.
            j += 1
            while j < n && classes[j].isAlphanumeric { j += 1 }
          } else if singleLetter && j < n && s[j] == "/" {
            if cls(j + 1) == .letter && !cls(j + 2).isAlphanumeric && cls(j + 2) != .mark {
              j += 2  // s/p, h/o, r/o, c/w, w/o
            } else if !cls(j + 1).isAlphanumeric {
              j += 1  // w/
            }
          } else if singleLetter && j + 2 < n && s[j] == "." && cls(j + 1) == .letter
            && s[j + 2] == "." && !cls(j + 3).isAlphanumeric
          {
            // Dotted abbreviations: s.p., e.g., i.e., r.o.
            j += 3
            while j + 2 < n && cls(j) == .letter && s[j + 1] == "." && !cls(j + 2).isAlphanumeric
              && s[j - 1] == "."
            {
              j += 2
            }
          }
        }
        i = j
      } else {
        kind = c == .punctuation ? .punctuation : .symbol
        i += 1
        while i < n && classes[i] == .mark { i += 1 }
      }
      let (normalized, hash) = s.withUnsafeBufferPointer { all in
        Normalizer.normalizeAndHash(UnsafeBufferPointer(rebasing: all[start..<i]))
      }
      tokens.append(
        Token(
          span: TextSpan(start: start, end: i), kind: kind, normalized: normalized,
          normalizedHash: hash, spaceBefore: spaceBefore, lineStart: lineStart))
      spaceBefore = false
      lineStart = false
    }
    return tokens
  }
}
