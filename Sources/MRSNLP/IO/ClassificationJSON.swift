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
    writer.string(classification.document.id, key: Key.id)
    writer.string(classification.document.kind.rawValue, key: Key.kind)
    writer.string(classification.decision.rawValue, key: Key.decision)
    writer.strings(classification.indications, key: Key.indications)
    writer.strings(classification.otherIndications, key: Key.otherIndications)
    writer.string(classification.spectroscopyFinding, key: Key.spectroscopyFinding)
    writer.beginArray(Key.measurements)
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
    writer.beginArray(Key.mentions)
    // From the array's storage: a `for in` loop or an array subscript copies each mention (and
    // retains its strings) to write it.
    classification.mentions.withUnsafeBufferPointer { mentions in
      for index in mentions.indices { writeMention(mentions, index, text: text, into: &writer) }
    }
    writer.endArray()
    writer.beginArray(Key.cues)
    classification.cues.withUnsafeBufferPointer { cues in
      for index in cues.indices { writeMention(cues, index, text: text, into: &writer) }
    }
    writer.endArray()
    writer.beginArray(Key.evidence)
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
    writer.beginArray(Key.flags)
    for flag in classification.flags {
      writer.beginObject()
      writer.string(flag.name, key: Key.flag)
      writer.string(flag.reason, key: Key.reason)
      if let span = flag.span {
        writer.int(span.start, key: Key.start)
        writer.int(span.end, key: Key.end)
        writer.string(text.scalars, span, key: Key.text)
      }
      writer.endObject()
    }
    writer.endArray()
    if let program = classification.program {
      writer.beginObject(Key.program)
      writer.string(classification.document.lineOfBusiness, key: Key.lineOfBusiness)
      writer.string(program.program, key: Key.program)
      writer.string(program.guidelineApplies ? "guideline" : "review", key: Key.policy)
      writer.string(program.reason, key: Key.reason)
      writer.endObject()
    }
    if !classification.routedToReview.isEmpty {
      writer.strings(classification.routedToReview, key: Key.routedToReview)
      writer.string(classification.guidelineDecision.rawValue, key: Key.guidelineDecision)
      writer.strings(classification.guidelineIndications, key: Key.guidelineIndications)
      writer.strings(classification.guidelineOtherIndications, key: Key.guidelineOtherIndications)
    }
    if let lexiconDigest {
      writer.beginObject(Key.provenance)
      writer.string(GuidelineVocabulary.guidelineID, key: Key.guideline)
      writer.string(GuidelineVocabulary.guidelineRevision, key: Key.revised)
      writer.string(lexiconDigest, key: Key.lexiconDigest)
      writer.endObject()
    }
    if !warnings.isEmpty { writer.strings(warnings, key: Key.warnings) }
    writer.endObject()
  }

  /// The member names of a record, each made once (see `JSONKey`) rather than once per record,
  /// mention, trigger or piece of evidence.
  private enum Key {
    static let analyte: JSONKey = "analyte"
    static let category: JSONKey = "category"
    static let concept: JSONKey = "concept"
    static let cues: JSONKey = "cues"
    static let decision: JSONKey = "decision"
    static let end: JSONKey = "end"
    static let evidence: JSONKey = "evidence"
    static let flag: JSONKey = "flag"
    static let flags: JSONKey = "flags"
    static let fuzzy: JSONKey = "fuzzy"
    static let guideline: JSONKey = "guideline"
    static let guidelineDecision: JSONKey = "guideline_decision"
    static let guidelineIndications: JSONKey = "guideline_indications"
    static let guidelineOtherIndications: JSONKey = "guideline_other_indications"
    static let id: JSONKey = "id"
    static let indication: JSONKey = "indication"
    static let indications: JSONKey = "indications"
    static let kind: JSONKey = "kind"
    static let lexiconDigest: JSONKey = "lexicon_digest"
    static let lineOfBusiness: JSONKey = "line_of_business"
    static let measurements: JSONKey = "measurements"
    static let mentions: JSONKey = "mentions"
    static let otherIndication: JSONKey = "other_indication"
    static let otherIndications: JSONKey = "other_indications"
    static let policy: JSONKey = "policy"
    static let program: JSONKey = "program"
    static let provenance: JSONKey = "provenance"
    static let reason: JSONKey = "reason"
    static let revised: JSONKey = "revised"
    static let routedToReview: JSONKey = "routed_to_review"
    static let rule: JSONKey = "rule"
    static let source: JSONKey = "source"
    static let spectroscopyFinding: JSONKey = "spectroscopy_finding"
    static let start: JSONKey = "start"
    static let symptom: JSONKey = "symptom"
    static let text: JSONKey = "text"
    static let trigger: JSONKey = "trigger"
    static let triggers: JSONKey = "triggers"
    static let value: JSONKey = "value"
    static let warnings: JSONKey = "warnings"
  }

  /// The assertion flag members for every combination of flags, indexed by `AssertionFlags.rawValue`.
  private static let flagMembers = (0..<(1 << AssertionFlag.allCases.count)).map { bits in
    JSONBoolMembers(AssertionFlag.allCases.map { ($0.rawValue, bits & (1 << Int($0.bitIndex)) != 0) })
  }

  /// Writes `mentions[index]`, reading its members in place (passing the mention itself copied it).
  private static func writeMention(
    _ mentions: UnsafeBufferPointer<Mention>, _ index: Int, text: TextAnalysis, into writer: inout JSONWriter
  ) {
    writer.beginObject()
    writer.string(mentions[index].concept, key: Key.concept)
    writer.string(text.scalars, mentions[index].span, key: Key.text)
    writer.int(mentions[index].span.start, key: Key.start)
    writer.int(mentions[index].span.end, key: Key.end)
    writer.bools(flagMembers[Int(mentions[index].flags.rawValue) & (flagMembers.count - 1)])
    if let category = mentions[index].category { writer.string(category, key: Key.category) }
    if mentions[index].isSymptom { writer.bool(true, key: Key.symptom) }
    if mentions[index].fuzzy { writer.bool(true, key: Key.fuzzy) }
    switch mentions[index].source {
    case .term(let file, let line): writer.string(file, ":", line, key: Key.source)
    case .code(let code): writer.string("icd10:\(code)", key: Key.source)
    case .construction(let what): writer.string(what, key: Key.source)
    }
    if !mentions[index].assertionEvidence.isEmpty { writeTriggers(mentions[index].assertionEvidence, into: &writer) }
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
