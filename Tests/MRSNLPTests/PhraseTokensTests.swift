import Testing
@testable import MRSNLP

@Suite("Phrase tokens")
struct PhraseTokensTests {
  @Test(
    "plain phrases (ASCII letters and spaces) give what the tokenizer gives",
    arguments: ["Glioblastoma Multiforme", "  two  spaces ", "MRS", "a", "", "GBM", "s p", "Z"])
  func plainPhrasesMatchTheTokenizer(_ phrase: String) {
    let scalars = ScalarText(phrase)
    let tokens = Tokenizer().tokenize(scalars)
    let phraseTokens = PhraseTokens(phrase, keepOriginal: true)
    #expect(phraseTokens.normalized == tokens.map(\.normalized))
    #expect(phraseTokens.original == tokens.map { Array(scalars.scalars[$0.span.start..<$0.span.end]) })
    #expect(phraseTokens.joined == nil)
    #expect(PhraseTokens(phrase, keepOriginal: false).original.isEmpty)
  }

  @Test("other phrases go through the tokenizer: shorthand, hyphens, digits, accents")
  func otherPhrases() {
    #expect(PhraseTokens("s/p resection", keepOriginal: false).normalized == ["sp", "resection"])
    let hyphenated = PhraseTokens("post-treatment change", keepOriginal: false)
    #expect(hyphenated.normalized == ["post", "treatment", "change"])
    #expect(hyphenated.joined == ["posttreatment", "change"])
    #expect(PhraseTokens("Cho/NAA 2.5", keepOriginal: false).normalized == ["cho", "/", "naa", "2.5"])
    #expect(PhraseTokens("Ménière", keepOriginal: false).normalized == ["meniere"])
  }
}

@Suite("Plural forms of lexicon words")
struct PluralEndingTests {
  @Test("regular plurals: -s, -es, -is to -es, -y to -ies; none for short or non-letter words")
  func endings() {
    #expect(PhraseTrie.pluralEndings("lesion") == ["lesions", "lesiones"])
    #expect(PhraseTrie.pluralEndings("metastasis") == ["metastasises", "metastases"])
    #expect(PhraseTrie.pluralEndings("biopsy") == ["biopsys", "biopsyes", "biopsies"])
    #expect(PhraseTrie.pluralEndings("mass") == ["masses"])
    #expect(PhraseTrie.pluralEndings("ct").isEmpty)
    #expect(PhraseTrie.pluralEndings("Mass").isEmpty)
    #expect(PhraseTrie.pluralEndings("t2w").isEmpty)
  }
}
