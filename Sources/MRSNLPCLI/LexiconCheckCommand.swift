import MRSNLP

/// `mrs-nlp lexicon check`: validates a lexicon set and reports what a reviewer needs to know.
enum LexiconCheckCommand {
  static func run(_ arguments: [String], io: ToolIO) throws -> ExitStatus {
    let parsed = try ParsedArguments(arguments, valued: [], flags: ["--strict"])
    guard parsed.positionals.count <= 1 else { throw UsageError(message: "Give at most one folder.") }
    let files: [LexiconSourceFile]
    let name: String
    if let directory = parsed.positionals.first {
      do {
        files = try LexiconSourceFile.directory(directory)
      } catch {
        throw UsageError(message: "Cannot read the lexicon folder '\(directory)': \(error.reason).")
      }
      name = directory
    } else {
      files = LexiconSourceFile.embedded
      name = "embedded lexicons"
    }
    let lexicon: Lexicon
    do {
      lexicon = try Lexicon(files: files)
    } catch {
      io.err(error.description + "\n")
      io.out("\(name): \(error.diagnostics.count) error(s)\n")
      return .usage
    }
    let report = LexiconReport(lexicon: lexicon)
    io.out("\(name): \(files.count) files, digest fnv1a-64 \(lexicon.digest)\n")
    io.out("terms per concept:\n")
    for (concept, count) in report.termCounts { io.out("  \(concept)\t\(count)\n") }
    io.out("icd-10 codes: \(lexicon.codes.count)  context triggers: \(lexicon.triggers.count)  section headers: \(lexicon.sectionHeaders.count)  metabolite names: \(lexicon.metabolites.count)  rules: \(lexicon.rules.count)  finding cues: \(lexicon.findingCues.count)\n")
    for warning in lexicon.warnings { io.err(warning.description + "\n") }
    for problem in report.unmatchable { io.err(problem.description + "\n") }
    io.out("\(lexicon.warnings.count) warning(s), \(report.unmatchable.count) term(s) that never match as written\n")
    if !report.unmatchable.isEmpty { return .failure }
    if parsed.options["--strict"] != nil && !lexicon.warnings.isEmpty { return .failure }
    return .success
  }
}
