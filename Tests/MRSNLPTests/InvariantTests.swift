import Testing
@testable import MRSNLP

@Suite("Invariants on random input (fixed seed)")
struct InvariantTests {
  static let pieces: [String] = [
    "GBM", " s/p ", "XRT/TMZ", ", ", "new enhancement", ": ", "recurrence", " vs ", "radiation necrosis",
    ". ", "\n", "\r\n", "IMPRESSION:", " no evidence of ", "abscess", " ? ", "Cho/NAA 2.3", " 1,8 ",
    "C71.1", "é", "e\u{301}", "🧠", "脳", "\u{0}", "\u{FFFD}", "—", "r/o", " h/o ", "(", ")", "|", "^",
    "\t", "Mother had glioma", "if progression", "mets", "MS", "ms", "2/3/2024", "60 Gy/30 fx", "  ",
  ]

  @Test("offsets stay inside the text and slice back to each mention's text; classify never fails")
  func randomDocuments() {
    var generator = SplitMix64(seed: 20_261_129)
    for round in 0..<300 {
      var text = ""
      for _ in 0..<Int(generator.next() % 40) {
        text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
      }
      let result = classifier.classify(Document(id: "r\(round)", kind: round % 2 == 0 ? .order : .report, text: text))
      let scalars = Array(text.unicodeScalars)
      for mention in result.mentions + result.cues {
        #expect(mention.span.start >= 0 && mention.span.start < mention.span.end && mention.span.end <= scalars.count)
        let slice = String(String.UnicodeScalarView(scalars[mention.span.start..<mention.span.end]))
        #expect(result.text.text(mention.span) == slice)
      }
      for sentence in result.text.sentences { #expect(sentence.span.end <= scalars.count) }
      var writer = JSONWriter()
      ClassificationJSON.write(result, into: &writer)
      #expect((try? JSONParser.parse(writer.bytes)) != nil, "the record is valid JSON")
      #expect(result.decision == Decision(indications: result.indications, otherIndications: result.otherIndications) || !result.routedToReview.isEmpty)
      #expect(classifier.classify(Document(id: "r\(round)", kind: round % 2 == 0 ? .order : .report, text: text)).decision == result.decision)
    }
  }
}
