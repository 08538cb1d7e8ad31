import MRSNLP

/// `mrs-nlp eval`: scores classify against annotated corpora.
enum EvalCommand {
  static func run(_ arguments: [String], io: ToolIO) throws -> ExitStatus {
    let parsed = try ParsedArguments(
      arguments, valued: ["--format", "--compare", "--tolerance", "--write-baseline", "--errors", "--lexicons"],
      flags: [])
    let format = try parsed.choice("--format", ["text", "json", "html"]) ?? "text"
    guard !parsed.positionals.isEmpty else { throw UsageError(message: "Missing expected argument '<corpus.jsonl>'.") }
    let tolerance = try number(parsed, "--tolerance", default: 0.005)
    let errors = Int(try number(parsed, "--errors", default: 50))
    let lexicon = try MRSNLPCommandLine.loadLexicon(parsed, io: io)
    let evaluator = Evaluator(classifier: Classifier(lexicon: lexicon))
    var outcomes: [DocumentOutcome] = []
    var unscored: [(id: String, reason: String)] = []
    var corpusBytes: [LexiconSourceFile] = []
    let sources = try InputSources.resolve(parsed.positionals, explicitInput: "jsonl", io: io)
    for case .file(let path, _) in sources {
      corpusBytes.append(LexiconSourceFile(name: FileSystem.lastComponent(path), bytes: (try? FileSystem.read(path)) ?? []))
    }
    try InputSources.forEachRecord(sources, kind: .order, id: nil, io: io) { record in
      guard let document = record.document, let json = record.json else {
        unscored.append((record.id, record.error ?? "unreadable record"))
        return
      }
      switch GoldLabels.read(json) {
      case .failure(let error): unscored.append((record.id, error.message))
      case .success(let gold): outcomes.append(evaluator.outcome(document: document, gold: gold))
      }
    }
    let report = EvaluationReport(outcomes: outcomes, unscored: unscored)
    let json = report.json(
      tool: "mrs-nlp \(HelpText.version)", lexiconDigest: lexicon.digest,
      corpus: parsed.positionals.map { FileSystem.lastComponent($0) },
      corpusDigest: LexiconSourceFile.digest(corpusBytes))
    switch format {
    case "json": io.out(json)
    case "html": io.out(report.html(title: "mrs-nlp eval: \(parsed.positionals.joined(separator: ", "))"))
    default: io.out(report.text(errors: errors))
    }
    if let path = parsed.options["--write-baseline"] {
      do {
        try FileSystem.write(json, to: path)
      } catch {
        throw UsageError(message: "Cannot write '\(path)': \(error.reason).")
      }
    }
    var status = ExitStatus.success
    if let path = parsed.options["--compare"] {
      let bytes: [UInt8]
      do {
        bytes = try FileSystem.read(path)
      } catch {
        throw UsageError(message: "Cannot read the baseline '\(path)': \(error.reason).")
      }
      let baseline: JSONValue
      do {
        baseline = try JSONParser.parse(bytes)
      } catch {
        throw UsageError(message: "The baseline '\(path)' is not JSON: \(error)")
      }
      let comparison = try BaselineComparison(current: report.main, baseline: baseline, tolerance: tolerance)
      io.err("comparison with \(path) (tolerance \(tolerance)):\n")
      for change in comparison.changes {
        let mark = change.regressed ? "REGRESSED" : (change.current > change.baseline ? "improved" : "ok")
        io.err("  \(change.name): \(change.baseline) -> \(change.current)  \(mark)\n")
      }
      if comparison.hasRegression {
        io.err("mrs-nlp: a main figure dropped by more than \(tolerance) against the baseline.\n")
        status = .failure
      }
    }
    if !unscored.isEmpty {
      io.err("mrs-nlp: \(unscored.count) record(s) could not be scored.\n")
      status = .failure
    }
    return status
  }

  static func number(_ parsed: ParsedArguments, _ name: String, default value: Double) throws(UsageError) -> Double {
    guard let text = parsed.options[name] else { return value }
    guard let number = Double(text), number >= 0 else {
      throw UsageError(message: "The value '\(text)' is invalid for '\(name)'. Please provide a non-negative number.")
    }
    return number
  }
}
