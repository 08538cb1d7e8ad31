/// Writes a classification as one JSON record with every key of the command-line contract.
public enum ClassificationJSON {
  /// Writes the record for `classification` into `writer`.
  ///
  /// - Parameter warnings: reader warnings to report in the record (`warnings`).
  /// - Parameter lexiconDigest: the digest of the lexicon set, for provenance.
  public static func write(
    _ classification: Classification, warnings: [String] = [], lexiconDigest: String? = nil,
    into writer: inout JSONWriter
  ) {
    let text = classification.text
    writer.beginObject()
    writer.string(classification.document.id, key: "id")
    writer.string(classification.document.kind.rawValue, key: "kind")
    writer.string(classification.decision.rawValue, key: "decision")
    writer.strings(classification.indications, key: "indications")
    writer.strings(classification.otherIndications, key: "other_indications")
    writer.string(classification.spectroscopyFinding, key: "spectroscopy_finding")
    writer.beginArray("measurements")
    for measurement in classification.measurements {
      writer.beginObject()
      writer.string(measurement.analyte, key: Key.analyte)
      writer.double(measurement.value, key: Key.value)
      writer.int(measurement.span.start, key: Key.start)
      writer.int(measurement.span.end, key: Key.end)
      writer.string(text.scalars, measurement.span, key: Key.text)
      writer.endObject()
    }
    writer.endArray()
    writer.beginArray("mentions")
    for mention in classification.mentions { writeMention(mention, text: text, into: &writer) }
    writer.endArray()
    writer.beginArray("cues")
    for cue in classification.cues { writeMention(cue, text: text, into: &writer) }
    writer.endArray()
    writer.beginArray("evidence")
    for evaluation in classification.evidence {
      writer.beginObject()
      if case .indication = evaluation.rule.outcome {
        writer.string(evaluation.label, key: Key.indication)
      } else {
        writer.string(evaluation.label, key: Key.otherIndication)
      }
      writer.string(evaluation.rule.id, key: Key.rule)
      writer.beginArray(Key.mentions)
      for index in evaluation.mentions { writer.int(index) }
      writer.endArray()
      writer.beginArray(Key.cues)
      for index in evaluation.cues { writer.int(index) }
      writer.endArray()
      writer.endObject()
    }
    writer.endArray()
    writer.beginArray("flags")
    for flag in classification.flags {
      writer.beginObject()
      writer.string(flag.name, key: "flag")
      writer.string(flag.reason, key: "reason")
      if let span = flag.span {
        writer.int(span.start, key: "start")
        writer.int(span.end, key: "end")
        writer.string(text.scalars, span, key: "text")
      }
      writer.endObject()
    }
    writer.endArray()
    if let program = classification.program {
      writer.beginObject("program")
      writer.string(classification.document.lineOfBusiness, key: "line_of_business")
      writer.string(program.program, key: "program")
      writer.string(program.guidelineApplies ? "guideline" : "review", key: "policy")
      writer.string(program.reason, key: "reason")
      writer.endObject()
    }
    if !classification.routedToReview.isEmpty {
      writer.strings(classification.routedToReview, key: "routed_to_review")
      writer.string(classification.guidelineDecision.rawValue, key: "guideline_decision")
      writer.strings(classification.guidelineIndications, key: "guideline_indications")
      writer.strings(classification.guidelineOtherIndications, key: "guideline_other_indications")
    }
    if let lexiconDigest {
      writer.beginObject("provenance")
      writer.string(GuidelineVocabulary.guidelineID, key: "guideline")
      writer.string(GuidelineVocabulary.guidelineRevision, key: "revised")
      writer.string(lexiconDigest, key: "lexicon_digest")
      writer.endObject()
    }
    if !warnings.isEmpty { writer.strings(warnings, key: "warnings") }
    writer.endObject()
  }

  /// The member names written once per measurement, mention, trigger or piece of evidence, made
  /// once (see `JSONKey`).
  private enum Key {
    static let analyte: JSONKey = "analyte"
    static let category: JSONKey = "category"
    static let concept: JSONKey = "concept"
    static let cues: JSONKey = "cues"
    static let end: JSONKey = "end"
    static let flag: JSONKey = "flag"
    static let fuzzy: JSONKey = "fuzzy"
    static let indication: JSONKey = "indication"
    static let mentions: JSONKey = "mentions"
    static let otherIndication: JSONKey = "other_indication"
    static let rule: JSONKey = "rule"
    static let source: JSONKey = "source"
    static let start: JSONKey = "start"
    static let symptom: JSONKey = "symptom"
    static let text: JSONKey = "text"
    static let trigger: JSONKey = "trigger"
    static let triggers: JSONKey = "triggers"
    static let value: JSONKey = "value"
  }

  /// The assertion flag members for every combination of flags, indexed by `AssertionFlags.rawValue`.
  private static let flagMembers = (0..<(1 << AssertionFlag.allCases.count)).map { bits in
    JSONBoolMembers(AssertionFlag.allCases.map { ($0.rawValue, bits & (1 << Int($0.bitIndex)) != 0) })
  }

  static func writeMention(_ mention: Mention, text: TextAnalysis, into writer: inout JSONWriter) {
    writer.beginObject()
    writer.string(mention.concept, key: Key.concept)
    writer.string(text.scalars, mention.span, key: Key.text)
    writer.int(mention.span.start, key: Key.start)
    writer.int(mention.span.end, key: Key.end)
    writer.bools(flagMembers[Int(mention.flags.rawValue) & (flagMembers.count - 1)])
    if let category = mention.category { writer.string(category, key: Key.category) }
    if mention.isSymptom { writer.bool(true, key: Key.symptom) }
    if mention.fuzzy { writer.bool(true, key: Key.fuzzy) }
    switch mention.source {
    case .term(let file, let line): writer.string(file, ":", line, key: Key.source)
    case .code(let code): writer.string("icd10:\(code)", key: Key.source)
    case .construction(let what): writer.string(what, key: Key.source)
    }
    if !mention.assertionEvidence.isEmpty { writeTriggers(mention.assertionEvidence, into: &writer) }
    writer.endObject()
  }

  /// Writes `triggers`: the flag, phrase and span of each trigger that set a flag.
  public static func writeTriggers(_ evidence: [AssertionEvidence], into writer: inout JSONWriter) {
    writer.beginArray(Key.triggers)
    for item in evidence {
      writer.beginObject()
      writer.string(item.flag.rawValue, key: Key.flag)
      writer.string(item.trigger, key: Key.trigger)
      writer.int(item.span.start, key: Key.start)
      writer.int(item.span.end, key: Key.end)
      writer.endObject()
    }
    writer.endArray()
  }

  /// Writes the record of an input that could not be classified: its id and what was wrong.
  public static func writeError(id: String, line: Int, error: String, into writer: inout JSONWriter) {
    writer.beginObject()
    writer.string(id, key: "id")
    writer.int(line, key: "line")
    writer.string(error, key: "error")
    writer.endObject()
  }
}
