import Foundation
import Testing
@testable import MRSNLP

/// The phrases DOMAIN.md lists for each concept (Fixtures/domain-phrases.tsv), one per line.
let domainPhrases: [(concept: String, phrase: String, category: String?)] = {
  let url = repositoryRoot.appendingPathComponent("Tests/MRSNLPTests/Fixtures/domain-phrases.tsv")
  guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
  return text.split(separator: "\n").compactMap { line in
    guard !line.hasPrefix("#") else { return nil }
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    guard fields.count >= 2 else { return nil }
    return (fields[0], fields[1], fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil)
  }
}()

@Suite("Every phrase DOMAIN.md lists is found as its concept")
struct DomainPhraseTests {
  @Test("the fixture is there and large")
  func fixture() {
    #expect(domainPhrases.count > 300)
  }

  @Test("each phrase, alone, is one mention of its concept covering the whole phrase")
  func phrases() {
    var missing: [String] = []
    for (concept, phrase, category) in domainPhrases {
      let result = classify(phrase)
      let whole = TextSpan(start: 0, end: result.text.scalars.count)
      let found = (result.mentions + result.cues).contains {
        $0.concept == concept && $0.span == whole && (category == nil || $0.category == category)
      }
      if !found {
        let got = (result.mentions + result.cues).map { "\(result.text.text($0.span))=\($0.concept)\($0.category.map { ":" + $0 } ?? "")" }
        missing.append("\(concept)\(category.map { ":" + $0 } ?? "") «\(phrase)» got \(got)")
      }
    }
    #expect(missing.isEmpty, "\(missing.count) phrases not found:\n\(missing.joined(separator: "\n"))")
  }
}
