import MRSNLP

/// `mrs-nlp assert`: the assertion of one target phrase per JSONL record.
enum AssertCommand {
  static func run(_ arguments: [String], io: ToolIO) throws -> ExitStatus {
    let parsed = try ParsedArguments(arguments, valued: ["--input", "--lexicons", "--context-rules"], flags: [])
    _ = try parsed.choice("--input", ["jsonl"])
    let lexicon = try MRSNLPCommandLine.loadLexicon(parsed, io: io)
    let detector = AssertionDetector(lexicon: lexicon)
    let sources = try InputSources.resolve(parsed.positionals, explicitInput: "jsonl", io: io)
    var failures = 0
    try InputSources.forEachRecord(sources, kind: .order, id: nil, io: io) { record in
      var writer = JSONWriter()
      guard let document = record.document, let json = record.json else {
        failures += 1
        ClassificationJSON.writeError(id: record.id, line: record.line, error: record.error ?? "unreadable record", into: &writer)
        io.out(writer.bytes + [0x0A])
        return
      }
      let result = TargetAssertion.assert(document: document, json: json, lexicon: lexicon, detector: detector)
      switch result {
      case .failure(let message):
        failures += 1
        ClassificationJSON.writeError(id: record.id, line: record.line, error: message, into: &writer)
      case .success(let mention):
        writer.beginObject()
        writer.string(record.id, key: "id")
        for flag in AssertionFlag.allCases { writer.bool(mention.flags.has(flag), key: JSONKey(flag.rawValue)) }
        writer.int(mention.span.start, key: "start")
        writer.int(mention.span.end, key: "end")
        ClassificationJSON.writeTriggers(mention.assertionEvidence, into: &writer)
        writer.endObject()
      }
      io.out(writer.bytes + [0x0A])
    }
    if failures > 0 {
      io.err("mrs-nlp: \(failures) record(s) had errors; see their \"error\" field.\n")
      return .failure
    }
    return .success
  }
}
