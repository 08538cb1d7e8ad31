import Testing
@testable import MRSNLP

@Suite("Letter folding")
struct LetterFoldsTests {
  func folded(_ text: String) -> [UInt32] {
    var output = String.UnicodeScalarView()
    LetterFolds.fold(text.unicodeScalars, into: &output)
    return output.map(\.value)
  }

  func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

  @Test("precomposed and decomposed accents fold to the bare lowercase letter")
  func accents() {
    #expect(folded("ÉDÈME") == scalars("edeme"))
    #expect(folded("e\u{301}de\u{300}me") == scalars("edeme"))
    #expect(folded("Ménière") == scalars("meniere"))
    #expect(folded("ǘ") == scalars("u"), "two marks on one letter")
    #expect(folded("Ø") == scalars("ø"), "a stroke is not a combining mark: lowercased, kept")
  }

  @Test("case folding beyond lowercase: sharp s, ligatures, micro sign, dotted I")
  func caseFolding() {
    #expect(folded("ß") == scalars("ss"))
    #expect(folded("ﬁbrous") == scalars("fibrous"))
    #expect(folded("µmol") == scalars("\u{3BC}mol"))
    #expect(folded("İ") == scalars("i"))
    #expect(folded("ΓΛΟΙΩΜΑ") == scalars("γλοιωμα"))
  }

  @Test("a combining mark with nothing before it is kept; other symbols pass unchanged")
  func leadingMarkAndSymbols() {
    #expect(folded("\u{301}a\u{301}") == scalars("\u{301}a"))
    #expect(folded("≥ ² ½ 脳 🧠") == scalars("≥ ² ½ 脳 🧠"))
  }

  @Test("the tables are sorted, as the binary searches need")
  func tablesSorted() {
    let keys = stride(from: 0, to: LetterFolds.singleFolds.count, by: 2).map { LetterFolds.singleFolds[$0] }
    #expect(keys == keys.sorted() && Set(keys).count == keys.count)
    let ranges = LetterFolds.removedAfterBase
    #expect(ranges.count % 2 == 0)
    #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0 <= $1 })
  }
}
