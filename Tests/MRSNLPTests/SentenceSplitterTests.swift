import Testing
@testable import MRSNLP

@Suite("Sentence splitter and sections")
struct SentenceSplitterTests {
  func sentences(_ text: String) -> [String] {
    let analysis = TextAnalysis(document: Document(id: "s", text: text), lexicon: embeddedLexicon)
    return analysis.sentences.map { analysis.text($0.span) }
  }

  func sections(_ text: String) -> [String] {
    let analysis = TextAnalysis(document: Document(id: "s", text: text), lexicon: embeddedLexicon)
    return analysis.sentences.map { analysis.sections[$0.section].category }
  }

  @Test("decimals and abbreviations do not end a sentence")
  func decimalsAndAbbreviations() {
    #expect(sentences("Cho/NAA 2.3 in the lesion. Seen by Dr. Smith approx. 2 cm vs. necrosis. Done.")
      == ["Cho/NAA 2.3 in the lesion.", "Seen by Dr. Smith approx. 2 cm vs. necrosis.", "Done."])
    #expect(sentences("Ddx e.g. abscess. Next.") == ["Ddx e.g. abscess.", "Next."])
  }

  @Test("enumerations keep their number with the item")
  func enumerations() {
    #expect(sentences("IMPRESSION:\n1. Enhancing lesion.\n2. No hydrocephalus.")
      == ["IMPRESSION:", "1. Enhancing lesion.", "2. No hydrocephalus."])
  }

  @Test("line breaks end terse fragments but not wrapped lines")
  func lineBreaks() {
    #expect(sentences("GBM s/p XRT\nnew enhancement\nR/O RECURRENCE") == ["GBM s/p XRT", "new enhancement", "R/O RECURRENCE"])
    #expect(sentences("The lesion has grown and there is\nnew surrounding edema.") == ["The lesion has grown and there is\nnew surrounding edema."])
    #expect(sentences("Line one\r\n\r\nline two") == ["Line one", "line two"])
  }

  @Test("a question mark before a word stays inside the clause")
  func questionMarks() {
    #expect(sentences("new lesion, ? neoplasm vs ?abscess") == ["new lesion, ? neoplasm vs ?abscess"])
    #expect(sentences("progression vs RN? Eval with MRS.") == ["progression vs RN?", "Eval with MRS."])
  }

  @Test("section headers start sections and their own sentence")
  func headers() {
    let text = "EXAM: MRI brain with MRS\nINDICATION: GBM s/p XRT. New enhancement.\nTECHNIQUE: PRESS TE 144.\nIMPRESSION: No recurrence."
    #expect(sentences(text) == ["EXAM:", "MRI brain with MRS", "INDICATION:", "GBM s/p XRT.", "New enhancement.", "TECHNIQUE:", "PRESS TE 144.", "IMPRESSION:", "No recurrence."])
    #expect(sections(text) == ["exam", "exam", "indication", "indication", "indication", "technique", "technique", "impression", "impression"])
  }

  @Test("a capitalized header alone on its line counts; a lower-case word alone does not")
  func headersAlone() {
    #expect(sections("CLINICAL HISTORY\nglioma s/p resection") == ["history", "history"])
    #expect(sections("findings\nsomething") == ["none", "none"])
  }

  @Test("template junk after a header is just text")
  func templateJunk() {
    let analysis = TextAnalysis(document: Document(id: "s", text: "Pertinent hx: ___\nReason for exam: [ ]"), lexicon: embeddedLexicon)
    #expect(analysis.sections.map(\.category) == ["history", "indication"])
  }
}
