extension EvaluationReport {
  static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

  static func write(_ counts: Counts, key: JSONKey? = nil, into writer: inout JSONWriter) {
    writer.beginObject(key)
    writer.int(counts.truePositives, key: "tp")
    writer.int(counts.falsePositives, key: "fp")
    writer.int(counts.falseNegatives, key: "fn")
    writer.double(rounded(counts.precision), key: "precision")
    writer.double(rounded(counts.recall), key: "recall")
    writer.double(rounded(counts.f1), key: "f1")
    writer.int(counts.support, key: "support")
    writer.endObject()
  }

  static func writeLabels(_ labels: [String: Counts], key: JSONKey, into writer: inout JSONWriter) {
    writer.beginObject(key)
    writer.beginObject("labels")
    for (label, counts) in labels.sorted(by: { $0.key < $1.key }) { write(counts, key: JSONKey(label), into: &writer) }
    writer.endObject()
    write(micro(labels), key: "micro", into: &writer)
    writer.double(rounded(macroF1(labels)), key: "macro_f1")
    writer.endObject()
  }

  /// The report as JSON with a stable key order and no timestamps, so a committed baseline shows
  /// every change as a diff.
  public func json(tool: String, lexiconDigest: String, corpus: [String], corpusDigest: String) -> [UInt8] {
    var writer = JSONWriter(indent: 2)
    writer.beginObject()
    writer.string(tool, key: "tool")
    writer.string(lexiconDigest, key: "lexicon_digest")
    writer.strings(corpus, key: "corpus")
    writer.string(corpusDigest, key: "corpus_digest")
    writer.int(outcomes.count, key: "documents")
    writer.int(outcomes.filter { $0.hasGoldMentions }.count, key: "documents_with_gold_mentions")
    writer.int(unscored.count, key: "unscored")
    writer.beginObject("main")
    for (name, value) in main { writer.double(Self.rounded(value), key: JSONKey(name)) }
    writer.endObject()
    writer.beginObject("intervals_95")
    for (name, _) in main {
      guard let (low, high) = intervals[name] else { continue }
      writer.beginArray(JSONKey(name))
      writer.double(Self.rounded(low))
      writer.double(Self.rounded(high))
      writer.endArray()
    }
    writer.endObject()
    writer.beginObject("decision")
    let correct = outcomes.filter { $0.goldDecision == $0.predictedDecision }.count
    writer.double(Self.rounded(outcomes.isEmpty ? 0 : Double(correct) / Double(outcomes.count)), key: "accuracy")
    writer.endObject()
    Self.writeLabels(decision, key: "decision_labels", into: &writer)
    writer.beginObject("confusion")
    for gold in Decision.allCases {
      writer.beginObject(JSONKey(gold.rawValue))
      for predicted in Decision.allCases {
        writer.int(confusion[gold.rawValue]?[predicted.rawValue] ?? 0, key: JSONKey(predicted.rawValue))
      }
      writer.endObject()
    }
    writer.endObject()
    Self.writeLabels(indications, key: "indications", into: &writer)
    Self.writeLabels(others, key: "other_indications", into: &writer)
    Self.writeLabels(findings, key: "spectroscopy_finding", into: &writer)
    Self.write(measurements, key: "measurements", into: &writer)
    writer.beginObject("mentions")
    Self.write(mentionExact, key: "exact_span_same_concept", into: &writer)
    Self.write(mentionOverlap, key: "overlapping_span_same_concept", into: &writer)
    Self.write(spanExact, key: "exact_span_any_concept", into: &writer)
    Self.write(spanOverlap, key: "overlapping_span_any_concept", into: &writer)
    writer.beginObject("per_concept")
    for (concept, counts) in perConcept.sorted(by: { $0.key < $1.key }) {
      Self.write(counts, key: JSONKey(concept), into: &writer)
    }
    writer.endObject()
    writer.endObject()
    writer.beginObject("assertion")
    for flag in AssertionFlag.allCases {
      writer.beginObject(JSONKey(flag.rawValue))
      writer.double(Self.rounded(assertionAccuracy[flag.rawValue] ?? 0), key: "accuracy")
      Self.write(assertion[flag.rawValue] ?? Counts(), key: "counts", into: &writer)
      writer.endObject()
    }
    writer.endObject()
    writer.beginArray("disagreements")
    for outcome in outcomes where !outcome.agrees {
      writer.beginObject()
      writer.string(outcome.id, key: "id")
      writer.string("\(outcome.goldDecision.rawValue) \(outcome.goldIndications.sorted() + outcome.goldOthers.sorted()) \(outcome.goldFinding ?? "-")", key: "gold")
      writer.string("\(outcome.predictedDecision.rawValue) \(outcome.predictedIndications.sorted() + outcome.predictedOthers.sorted()) \(outcome.predictedFinding ?? "-")", key: "predicted")
      writer.strings(outcome.explanation, key: "rules")
      writer.endObject()
    }
    writer.endArray()
    writer.beginArray("unscored")
    for item in unscored {
      writer.beginObject()
      writer.string(item.id, key: "id")
      writer.string(item.reason, key: "reason")
      writer.endObject()
    }
    writer.endArray()
    writer.endObject()
    return writer.bytes + [0x0A]
  }
}
