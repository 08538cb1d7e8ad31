import MRSNLP

/// `mrs-nlp agree`: Cohen's kappa per label between two annotations of the same documents.
enum AgreeCommand {
  static func run(_ arguments: [String], io: ToolIO) throws -> ExitStatus {
    let parsed = try ParsedArguments(arguments, valued: ["--format"], flags: [])
    let format = try parsed.choice("--format", ["text", "json"]) ?? "text"
    guard parsed.positionals.count == 2 else {
      throw UsageError(message: "Expected two annotation files, got \(parsed.positionals.count).")
    }
    var annotations: [[String: GoldLabels]] = []
    for path in parsed.positionals {
      let sources = try InputSources.resolve([path], explicitInput: "jsonl", io: io)
      var labels: [String: GoldLabels] = [:]
      var problems: [String] = []
      try InputSources.forEachRecord(sources, kind: .order, id: nil, io: io) { record in
        guard let json = record.json else {
          problems.append("\(path): record \(record.line): \(record.error ?? "unreadable")")
          return
        }
        switch GoldLabels.read(json) {
        case .success(let gold): labels[record.id] = gold
        case .failure(let error): problems.append("\(path): record \(record.line) (\(record.id)): \(error.message)")
        }
      }
      if !problems.isEmpty { throw UsageError(message: problems.joined(separator: "\n")) }
      annotations.append(labels)
    }
    let agreement = Agreement(annotations[0], annotations[1])
    if format == "json" {
      var writer = JSONWriter(indent: 2)
      writer.beginObject()
      writer.int(agreement.documents, key: "documents")
      writer.strings(agreement.onlyInOne, key: "ids_in_one_file_only")
      writer.beginObject("labels")
      for row in agreement.rows {
        writer.beginObject(JSONKey(row.label))
        writer.double((row.kappa * 10000).rounded() / 10000, key: "kappa")
        writer.double((row.observed * 10000).rounded() / 10000, key: "observed_agreement")
        writer.int(row.positivesA, key: "count_a")
        writer.int(row.positivesB, key: "count_b")
        writer.endObject()
      }
      writer.endObject()
      writer.endObject()
      io.out(writer.bytes + [0x0A])
    } else {
      io.out("documents in both: \(agreement.documents); in one file only: \(agreement.onlyInOne.count)\n")
      io.out("label".padded(to: 46) + "kappa   agreement  count A  count B\n")
      for row in agreement.rows {
        let kappa = EvaluationReport.fixed(row.kappa)
        let observed = EvaluationReport.fixed(row.observed)
        io.out("\(row.label.padded(to: 46))\(kappa)   \(observed)      \(row.positivesA)       \(row.positivesB)\n")
      }
    }
    return .success
  }
}
