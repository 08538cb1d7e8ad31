// libFuzzer target: tokenizer, sections and sentence splitter, then the full classifier, on any
// bytes decoded as UTF-8 (invalid sequences replaced). Checks the offset invariants.
let fuzzLexicon: Lexicon = {
  do { return try Lexicon.embedded() } catch { fatalError("embedded lexicons do not load: \(error)") }
}()
let fuzzClassifier = Classifier(lexicon: fuzzLexicon)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let text = String(decoding: bytes, as: UTF8.self)
  let result = fuzzClassifier.classify(Document(id: "fuzz", kind: size % 2 == 0 ? .order : .report, text: text))
  let count = result.text.scalars.count
  for token in result.text.tokens { precondition(token.span.start < token.span.end && token.span.end <= count) }
  for mention in result.mentions + result.cues { precondition(mention.span.start < mention.span.end && mention.span.end <= count) }
  for measurement in result.measurements { precondition(measurement.span.end <= count) }
  var writer = JSONWriter()
  ClassificationJSON.write(result, into: &writer)
  _ = HTMLReport.document(result, warnings: [])
  return 0
}
