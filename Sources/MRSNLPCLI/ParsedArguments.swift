/// A command's options and positional arguments, parsed by hand from a declared option table.
struct ParsedArguments {
  /// The value of each option given (flags map to "true"); repeated options keep the last value.
  var options: [String: String] = [:]
  /// The positional arguments, in order.
  var positionals: [String] = []

  /// Parses `arguments` against the options the command accepts.
  ///
  /// - Parameter valued: options that take a value (`--format json` or `--format=json`).
  /// - Parameter flags: options that take none.
  init(_ arguments: [String], valued: Set<String>, flags: Set<String>) throws(UsageError) {
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      var name = argument
      var inlineValue: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      if valued.contains(name) {
        if let inlineValue {
          options[name] = inlineValue
        } else {
          guard index < arguments.count else {
            throw UsageError(message: "Missing value for option '\(name)'.")
          }
          options[name] = arguments[index]
          index += 1
        }
      } else if flags.contains(name) {
        guard inlineValue == nil else {
          throw UsageError(message: "Option '\(name)' takes no value.")
        }
        options[name] = "true"
      } else {
        var message = "Unknown option '\(name)'."
        if let suggestion = Self.closest(name, in: valued.union(flags)) {
          message += " Did you mean '\(suggestion)'?"
        }
        throw UsageError(message: message)
      }
    }
  }

  /// A value restricted to `allowed`, or nil when absent.
  func choice(_ name: String, _ allowed: [String]) throws(UsageError) -> String? {
    guard let value = options[name] else { return nil }
    guard allowed.contains(value) else {
      throw UsageError(
        message: "The value '\(value)' is invalid for '\(name)'. Please provide one of \(allowed.map { "'\($0)'" }.joined(separator: ", ")).")
    }
    return value
  }

  /// The closest known option by edit distance, when close enough to be a typo.
  static func closest(_ name: String, in known: Set<String>) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
      var previous = Array(0...b.count)
      for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
          current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
      }
      return previous[b.count]
    }
    let scored = known.map { ($0, distance(Array(name), Array($0))) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    guard let best = scored.first, best.1 <= 3 else { return nil }
    return best.0
  }
}
