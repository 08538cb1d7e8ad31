import Testing
@testable import MRSNLP

@Suite("Tokenizer")
struct TokenizerTests {
  @Test("clinical shorthand stays whole", arguments: [
    ("GBM s/p XRT", ["GBM", "s/p", "XRT"]),
    ("h/o glioma, r/o recurrence", ["h/o", "glioma", ",", "r/o", "recurrence"]),
    ("mass c/w abscess w/ edema", ["mass", "c/w", "abscess", "w/", "edema"]),
    ("MRI w/o contrast", ["MRI", "w/o", "contrast"]),
    ("S.P. resection e.g. GTR", ["S.P.", "resection", "e.g.", "GTR"]),
  ])
  func shorthand(text: String, expected: [String]) {
    #expect(tokenTexts(text) == expected)
  }

  @Test("slashes between words, numbers and units split", arguments: [
    ("Cho/NAA 2.3", ["Cho", "/", "NAA", "2.3"]),
    ("T2/FLAIR", ["T2", "/", "FLAIR"]),
    ("XRT/TMZ", ["XRT", "/", "TMZ"]),
    ("60 Gy/30 fx", ["60", "Gy", "/", "30", "fx"]),
    ("2/3/2024", ["2", "/", "3", "/", "2024"]),
  ])
  func slashes(text: String, expected: [String]) {
    #expect(tokenTexts(text) == expected)
  }

  @Test("decimals and ICD-10 codes are single tokens", arguments: [
    ("C71.1 Z85.841 G40.909 G35", ["C71.1", "Z85.841", "G40.909", "G35"]),
    ("ratio 2.30, 1,8 and 0.95.", ["ratio", "2.30", ",", "1,8", "and", "0.95", "."]),
    ("1,000 voxels", ["1", ",", "000", "voxels"]),
  ])
  func numbersAndCodes(text: String, expected: [String]) {
    #expect(tokenTexts(text) == expected)
  }

  @Test("hyphens, bullets, pipes and question marks are their own tokens")
  func punctuation() {
    #expect(tokenTexts("post-treatment • ?recurrence|OBR") == ["post", "-", "treatment", "•", "?", "recurrence", "|", "OBR"])
  }

  @Test("offsets count Unicode scalars on non-ASCII text")
  func nonASCIIOffsets() {
    let text = "Café-au-lait 🧠 e\u{301}dème — 脳腫瘍 NAA/Cr ≥ 1.5 µmol"
    let scalars = Array(text.unicodeScalars)
    let tokens = Tokenizer().tokenize(ScalarText(text))
    for token in tokens {
      let piece = String(String.UnicodeScalarView(scalars[token.span.start..<token.span.end]))
      #expect(!piece.isEmpty)
      #expect(!piece.unicodeScalars.contains { $0.properties.isWhitespace })
    }
    let brain = tokens.first { String(String.UnicodeScalarView(scalars[$0.span.start..<$0.span.end])) == "🧠" }
    #expect(brain?.span == TextSpan(start: 13, end: 14))
    // A decomposed accent stays inside its word.
    #expect(tokens.contains { String(String.UnicodeScalarView(scalars[$0.span.start..<$0.span.end])) == "e\u{301}dème" })
    #expect(tokens.last.map { $0.span.end } == scalars.count)
  }

  @Test("each token carries the FNV-1a hash of its normalized form, ASCII or not, and keeps it when changed")
  func normalizedHash() {
    let text = "S/P Café-au-lait 🧠 e\u{301}dème ÉDÈME 脳腫瘍 NAA/Cr ≥ 1.5 C71.1 s.p. x"
    var tokens = Tokenizer().tokenize(ScalarText(text))
    #expect(tokens.count > 10)
    for token in tokens { #expect(token.normalizedHash == FNV1a.hash(token.normalized), "\(token.normalized)") }
    tokens[0].normalized = "changed"
    #expect(tokens[0].normalizedHash == FNV1a.hash("changed"))
  }

  @Test("normalized form folds case and diacritics, and drops shorthand punctuation")
  func normalization() {
    let tokens = Tokenizer().tokenize(ScalarText("ŒDÈME S/P s.p. Sp C71.1"))
    #expect(tokens.map(\.normalized) == ["œdeme", "sp", "sp", "sp", "c71.1"])
  }

  @Test("CRLF, tabs and lone CR are whitespace and mark line starts")
  func lineEnds() {
    let tokens = Tokenizer().tokenize(ScalarText("MRS\r\nbrain\tlesion\rnext"))
    #expect(tokens.map(\.lineStart) == [true, true, false, true])
    #expect(tokens[1].span == TextSpan(start: 5, end: 10))
  }

  @Test("every scalar is either inside a token or whitespace, on random input")
  func randomInputKeepsOffsets() {
    var generator = SplitMix64(seed: 7)
    let alphabet: [Unicode.Scalar] = Array("aZ9 ./-?:|\n\r\té🧠\u{301}µ≥脳\u{0}\u{FFFD}".unicodeScalars)
    for _ in 0..<200 {
      let length = Int(generator.next() % 60)
      var view = String.UnicodeScalarView()
      for _ in 0..<length { view.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
      let text = String(view)
      let scalars = ScalarText(text)
      let tokens = Tokenizer().tokenize(scalars)
      var covered = [Bool](repeating: false, count: scalars.count)
      var previousEnd = 0
      for token in tokens {
        #expect(token.span.start >= previousEnd && token.span.end <= scalars.count && token.span.length > 0)
        previousEnd = token.span.end
        for index in token.span.start..<token.span.end { covered[index] = true }
      }
      for (index, scalar) in scalars.scalars.enumerated() where !covered[index] {
        #expect(ScalarClass.of(scalar) == .space || ScalarClass.of(scalar) == .control)
      }
    }
  }

  @Test("tokenizing, sections and sentence splitting are linear: 8 MB costs about eight times 1 MB")
  func linearTime() {
    let unit = "GBM s/p XRT/TMZ, new enhancement: recurrence vs radiation necrosis. Cho/NAA 2.3.\n"
    let small = String(repeating: unit, count: 1_000_000 / unit.utf8.count)
    let large = String(repeating: unit, count: 8_000_000 / unit.utf8.count)
    let clock = ContinuousClock()
    let smallTime = clock.measure {
      _ = TextAnalysis(document: Document(id: "s", text: small), lexicon: embeddedLexicon)
    }
    let largeTime = clock.measure {
      _ = TextAnalysis(document: Document(id: "l", text: large), lexicon: embeddedLexicon)
    }
    // Quadratic work would make the ratio about 64; allow generous noise around 8.
    #expect(largeTime / smallTime < 24)
  }

  @Test("text decodes to the same scalars as Swift's view, for every UTF-8 width; spans slice back")
  func scalarTextDecoding() {
    let text = "a é \u{301}e 脳 🧠\u{0}\r\n\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF} z"
    let scalars = ScalarText(text)
    #expect(scalars.scalars == Array(text.unicodeScalars))
    #expect(scalars.string(TextSpan(start: 0, end: scalars.count)) == text)
    #expect(scalars.string(TextSpan(start: 2, end: 8)) == "é \u{301}e 脳")
    #expect(scalars.string(TextSpan(start: 3, end: 3)) == "")
  }

  @Test("decoding takes ASCII eight bytes at a time and still gets every scalar at every offset")
  func scalarDecodingOffsets() {
    let pieces = ["é", "脳", "🧠", "\u{301}", "\n", "\u{7F}"]
    for length in 0..<24 {
      for piece in pieces {
        for position in 0...length {
          let ascii = String(repeating: "abcdefgh", count: 3).prefix(length)
          let text = String(ascii.prefix(position)) + piece + String(ascii.dropFirst(position))
          #expect(ScalarText(text).scalars == Array(text.unicodeScalars), "\(text.debugDescription)")
        }
      }
    }
  }

  @Test("the ASCII check reads eight bytes at a time and finds a high byte at any offset")
  func asciiCheckOffsets() {
    for length in 0..<24 {
      let ascii = [UInt8](repeating: 0x61, count: length)
      #expect(ascii.withUnsafeBufferPointer(WordBytes.allASCII))
      for position in 0..<length {
        var bytes = ascii
        bytes[position] = 0x80
        #expect(!bytes.withUnsafeBufferPointer(WordBytes.allASCII), "high byte at \(position) of \(length)")
        // A JSONL line with an invalid byte there is read with U+FFFD and a warning.
        let line = Array(#"{"text":""#.utf8) + bytes.map { $0 == 0x80 ? 0xFF : $0 } + Array(#" x"}"#.utf8)
        let record = JSONLRecordReader(keepsWholeObject: false).read(line[...], line: 2)
        #expect(record?.document?.text.unicodeScalars.contains("\u{FFFD}") == true)
        #expect(record?.warnings == ["invalid UTF-8 replaced with U+FFFD"])
      }
    }
  }
}
