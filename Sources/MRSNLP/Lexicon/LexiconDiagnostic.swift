/// A problem found in a lexicon or rules file, located by file and line.
public struct LexiconDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
  /// How bad the problem is.
  public enum Severity: String, Sendable { case error, warning }

  /// The file name (relative to the lexicon folder).
  public var file: String
  /// The 1-based line number, or 0 when the problem concerns the whole file.
  public var line: Int
  /// Error or warning.
  public var severity: Severity
  /// What is wrong, naming the offending text.
  public var message: String

  /// Creates a diagnostic.
  public init(file: String, line: Int, severity: Severity = .error, message: String) {
    self.file = file
    self.line = line
    self.severity = severity
    self.message = message
  }

  /// `file:line: severity: message`, the one print format for lexicon problems.
  public var description: String { "\(file):\(line): \(severity.rawValue): \(message)" }
}

/// Thrown when a lexicon set cannot be loaded; carries every error found.
public struct LexiconLoadError: Error, Sendable, CustomStringConvertible {
  /// The errors, in file and line order.
  public var diagnostics: [LexiconDiagnostic]
  /// One line per problem.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
