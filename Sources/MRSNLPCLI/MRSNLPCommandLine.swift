import MRSNLP

/// The `mrs-nlp` command line: dispatches to subcommands, prints errors, returns the exit status.
public enum MRSNLPCommandLine {
  /// Runs the tool with `arguments` (without the program name).
  public static func run(_ arguments: [String], io: ToolIO) -> Int32 {
    guard let first = arguments.first else {
      io.out(HelpText.main)
      return ExitStatus.success.rawValue
    }
    let rest = Array(arguments.dropFirst())
    let status: ExitStatus
    switch first {
    case "-h", "--help":
      io.out(HelpText.main)
      status = .success
    case "--version":
      status = version(io)
    case "help":
      status = help(rest, io)
    case "classify":
      status = command("classify", HelpText.classify, rest, io) { try ClassifyCommand.run($0, io: io) }
    case "assert":
      status = command("assert", HelpText.assertion, rest, io) { try AssertCommand.run($0, io: io) }
    case "eval":
      status = command("eval", HelpText.eval, rest, io) { try EvalCommand.run($0, io: io) }
    case "agree":
      status = command("agree", HelpText.agree, rest, io) { try AgreeCommand.run($0, io: io) }
    case "lexicon":
      if rest.first == "check" {
        status = command("lexicon check", HelpText.lexiconCheck, Array(rest.dropFirst()), io) {
          try LexiconCheckCommand.run($0, io: io)
        }
      } else {
        io.err("Error: 'lexicon' needs a subcommand: check.\nUsage: mrs-nlp lexicon check [<dir>]\nSee 'mrs-nlp help lexicon check' for more information.\n")
        status = .usage
      }
    default:
      var message = "Error: Unknown subcommand '\(first)'."
      if let suggestion = ParsedArguments.closest(first, in: ["classify", "assert", "eval", "agree", "lexicon", "help"]) {
        message += " Did you mean '\(suggestion)'?"
      }
      io.err(message + "\nSee 'mrs-nlp --help' for the subcommands.\n")
      status = .usage
    }
    return status.rawValue
  }

  static func command(
    _ name: String, _ help: String, _ arguments: [String], _ io: ToolIO,
    _ body: ([String]) throws -> ExitStatus
  ) -> ExitStatus {
    if arguments.contains("-h") || arguments.contains("--help") {
      io.out(help)
      return .success
    }
    do {
      return try body(arguments)
    } catch let error as UsageError {
      let usage = help.split(separator: "\n").first { $0.hasPrefix("USAGE:") }.map { "Usage:" + $0.dropFirst(6) } ?? ""
      io.err("Error: \(error.message)\n\(usage)\nSee 'mrs-nlp help \(name)' for more information.\n")
      return .usage
    } catch let error as LexiconLoadError {
      io.err(error.description + "\nmrs-nlp: the lexicon set could not be loaded.\n")
      return .usage
    } catch {
      io.err("Error: \(error)\n")
      return .usage
    }
  }

  static func help(_ arguments: [String], _ io: ToolIO) -> ExitStatus {
    switch arguments.joined(separator: " ") {
    case "": io.out(HelpText.main)
    case "classify": io.out(HelpText.classify)
    case "assert": io.out(HelpText.assertion)
    case "eval": io.out(HelpText.eval)
    case "agree": io.out(HelpText.agree)
    case "lexicon", "lexicon check": io.out(HelpText.lexiconCheck)
    default:
      io.err("Error: No help for '\(arguments.joined(separator: " "))'.\nSee 'mrs-nlp --help' for the subcommands.\n")
      return .usage
    }
    return .success
  }

  static func version(_ io: ToolIO) -> ExitStatus {
    let digest = LexiconSourceFile.digest(LexiconSourceFile.embedded)
    io.out("mrs-nlp \(HelpText.version)\nguideline: \(GuidelineVocabulary.guideline), revised \(GuidelineVocabulary.guidelineRevision)\nembedded lexicons: fnv1a-64 \(digest)\n")
    return .success
  }

  /// Loads the lexicons named by `--lexicons`, or the embedded ones; `--context-rules` replaces
  /// the ConText triggers with a medspaCy JSON rule file.
  static func loadLexicon(_ parsed: ParsedArguments, io: ToolIO) throws -> Lexicon {
    var files = LexiconSourceFile.embedded
    if let directory = parsed.options["--lexicons"] {
      do {
        files = try LexiconSourceFile.directory(directory)
      } catch {
        throw UsageError(message: "Cannot read the lexicon folder '\(directory)': \(error.reason).")
      }
      if files.isEmpty { throw UsageError(message: "The lexicon folder '\(directory)' holds no .tsv file.") }
    }
    var triggers: [ContextTrigger]?
    if let path = parsed.options["--context-rules"] {
      let bytes: [UInt8]
      do {
        bytes = try FileSystem.read(path)
      } catch {
        throw UsageError(message: "Cannot read the context rules '\(path)': \(error.reason).")
      }
      let read = try MedspacyContextRules.read(bytes, file: FileSystem.lastComponent(path))
      for refusal in read.refused { io.err(refusal.description + "\n") }
      io.err("mrs-nlp: \(read.triggers.count) context rules read from \(path), \(read.refused.count) refused.\n")
      triggers = read.triggers
    }
    return try Lexicon(files: files, contextTriggers: triggers)
  }
}
