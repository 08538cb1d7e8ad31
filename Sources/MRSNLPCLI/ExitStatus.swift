/// The exit statuses of the command-line contract.
public enum ExitStatus: Int32, Sendable {
  /// Every record was processed (or a check passed).
  case success = 0
  /// Some records had errors, or a check failed (a regression, a failed lexicon check).
  case failure = 1
  /// A usage error, or a lexicon that cannot be loaded.
  case usage = 2
}

/// A usage error: printed with the command's usage line and a pointer to its help.
struct UsageError: Error {
  var message: String
}
