import Foundation
import MRSNLP

/// The repository root, found from this file's path (as swift-argument-parser's snapshots do).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// The embedded default lexicons, loaded once for all tests.
let embeddedLexicon: Lexicon = {
  do {
    return try Lexicon.embedded()
  } catch {
    fatalError("the embedded lexicons do not load: \(error)")
  }
}()

/// One classifier over the embedded lexicons.
let classifier = Classifier(lexicon: embeddedLexicon)

/// Classifies an order (or a report) over the embedded lexicons.
func classify(_ text: String, kind: DocumentKind = .order) -> Classification {
  classifier.classify(Document(id: "t", kind: kind, text: text))
}

/// The mention whose text is `surface` (first one), or nil.
func mention(_ surface: String, in result: Classification) -> Mention? {
  result.mentions.first { result.text.text($0.span) == surface }
}

/// The texts of the tokens of `text`.
func tokenTexts(_ text: String) -> [String] {
  let scalars = ScalarText(text)
  return Tokenizer().tokenize(scalars).map { scalars.string($0.span) }
}

/// A lexicon built from the embedded files with some files replaced or added.
func lexicon(replacing files: [String: String]) throws(LexiconLoadError) -> Lexicon {
  var sources = LexiconSourceFile.embedded.filter { files[$0.name] == nil }
  for (name, content) in files { sources.append(LexiconSourceFile(name: name, bytes: Array(content.utf8))) }
  return try Lexicon(files: sources)
}
