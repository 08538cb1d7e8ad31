/// Asserts one target span of a document: the engine behind `mrs-nlp assert`.
public enum TargetAssertion {
  /// The outcome: the asserted target as a mention, or what was wrong.
  public enum Outcome: Sendable {
    case success(Mention)
    case failure(String)
  }

  /// Finds the target (`start`/`end` offsets, or the first case-insensitive occurrence of
  /// `target`) and returns it with the flags the ConText triggers in its sentence give it.
  public static func assert(
    document: Document, json: JSONValue, lexicon: Lexicon, detector: AssertionDetector
  ) -> Outcome {
    let text = TextAnalysis(document: document, lexicon: lexicon)
    let span: TextSpan
    if let start = json["start"]?.numberValue, let end = json["end"]?.numberValue {
      guard start >= 0, end > start, Int(end) <= text.scalars.count, start == start.rounded(), end == end.rounded() else {
        return .failure("the span \(start)..<\(end) is not inside the text (\(text.scalars.count) scalars)")
      }
      span = TextSpan(start: Int(start), end: Int(end))
    } else if let target = json["target"]?.stringValue {
      guard let found = firstOccurrence(of: target, in: text.scalars.scalars) else {
        return .failure("the target is not in the text")
      }
      span = found
    } else {
      return .failure("the record needs 'target' or 'start' and 'end'")
    }
    guard let first = text.tokens.firstIndex(where: { $0.span.end > span.start }),
      let last = text.tokens.lastIndex(where: { $0.span.start < span.end }), first <= last
    else {
      return .failure("the target covers no token")
    }
    let sentence = Int(text.sentenceOfToken[first])
    let mention = Mention(
      concept: "target", role: .mention, span: span, firstToken: first, lastToken: last,
      sentence: sentence, section: text.sentences[sentence].section, category: nil,
      isSymptom: false, fuzzy: false, source: .construction("assert target"))
    return .success(detector.assert([mention], in: text)[0])
  }

  /// The first case-insensitive occurrence of `target`, comparing scalars one to one.
  static func firstOccurrence(of target: String, in scalars: [Unicode.Scalar]) -> TextSpan? {
    func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
      let lower = scalar.properties.lowercaseMapping.unicodeScalars
      return lower.count == 1 ? lower.first! : scalar
    }
    let needle = target.unicodeScalars.map(fold)
    guard !needle.isEmpty, needle.count <= scalars.count else { return nil }
    let haystack = scalars.map(fold)
    for start in 0...(haystack.count - needle.count)
    where haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle) {
      return TextSpan(start: start, end: start + needle.count)
    }
    return nil
  }
}
