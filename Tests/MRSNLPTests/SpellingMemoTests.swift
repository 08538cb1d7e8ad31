import Testing
@testable import MRSNLP

@Suite("Spelling memo")
struct SpellingMemoTests {
  static let documents = [
    "Known glioblastoma s/p resecton and chemoradation; new enhancment, recurence vs radionecrosis?",
    "Ring enhancing lesoin, abcess vs tumr. tum0r vs absce55 ??",
    "Recurence vs radionecrosis after chemoradation; glioblastoma resecton bed.",
    "MRS brain, evaluation of memory complaints, contrast study unremarkable.",
  ]

  @Test("a memo kept across documents gives the same classifications as a fresh one per document")
  func sameResults() {
    var memo = SpellingMemo()
    for (index, text) in (Self.documents + Self.documents).enumerated() {
      let document = Document(id: "m\(index)", kind: .order, text: text)
      var shared = JSONWriter()
      ClassificationJSON.write(classifier.classify(document, memo: &memo), into: &shared)
      var fresh = JSONWriter()
      ClassificationJSON.write(classifier.classify(document), into: &fresh)
      #expect(shared.bytes == fresh.bytes, "document \(index)")
    }
    #expect(memo.count > 0, "the memo remembered the misspellings it looked up")
  }

  @Test("the memo computes a word once and answers from memory after")
  func remembers() {
    var memo = SpellingMemo()
    var calls = 0
    #expect(memo.id(for: "resecton") { calls += 1; return 7 } == 7)
    #expect(memo.id(for: "resecton") { calls += 1; return 9 } == 7)
    #expect(memo.id(for: "chemoradation") { calls += 1; return -1 } == -1)
    #expect(calls == 2)
    #expect(memo.count == 2)
  }

  @Test("a full memo starts over, so its size stays bounded")
  func bounded() {
    var memo = SpellingMemo(capacity: 2)
    for word in ["aaaaaaa", "bbbbbbb", "ccccccc", "ddddddd", "eeeeeee"] { _ = memo.id(for: word) { 1 } }
    #expect(memo.count <= 2)
    var calls = 0
    _ = memo.id(for: "aaaaaaa") { calls += 1; return 1 }
    #expect(calls == 1, "a forgotten word is computed again")
  }
}
