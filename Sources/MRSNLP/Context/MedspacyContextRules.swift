/// Reads medspaCy's context rules JSON (`{"context_rules": [...]}`) into ConText triggers, so people
/// can measure or use rule sets they already maintain.
///
/// Keys read: `literal`, `category`, `direction`, `max_scope`. Categories map to flags
/// (`NEGATED_EXISTENCE` → negated, `POSSIBLE_EXISTENCE` → uncertain, `HISTORICAL`, `HYPOTHETICAL`,
/// `FAMILY`); direction `TERMINATE` makes a termination term and `PSEUDO` a pseudo-trigger,
/// `BIDIRECTIONAL` is both ways. A rule with a spaCy token `pattern` is refused (this engine matches
/// literal phrases only), as are rules using `terminated_by`, whose meaning this engine cannot
/// honour; `allowed_types` become the concepts a trigger may modify (lower-cased). Each refusal is reported with the rule's index and literal.
public enum MedspacyContextRules {
  /// The triggers read, and one message per rule refused.
  public static func read(_ bytes: [UInt8], file: String) throws(LexiconLoadError) -> (
    triggers: [ContextTrigger], refused: [LexiconDiagnostic]
  ) {
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw LexiconLoadError(diagnostics: [LexiconDiagnostic(file: file, line: 0, message: "not valid JSON: \(error)")])
    }
    guard let rules = root["context_rules"]?.arrayValue else {
      throw LexiconLoadError(diagnostics: [LexiconDiagnostic(file: file, line: 0, message: "expected an object with a 'context_rules' array")])
    }
    var triggers: [ContextTrigger] = []
    var refused: [LexiconDiagnostic] = []
    for (index, rule) in rules.enumerated() {
      let literal = rule["literal"]?.stringValue ?? ""
      func refuse(_ why: String) {
        refused.append(LexiconDiagnostic(file: file, line: index + 1, severity: .warning, message: "rule \(index) '\(literal)' refused: \(why)"))
      }
      if let pattern = rule["pattern"], pattern != .null {
        refuse("it has a spaCy token pattern; only literal rules are supported")
        continue
      }
      var appliesTo: Set<String>?
      if let types = rule["allowed_types"], types != .null {
        guard let list = types.arrayValue?.compactMap(\.stringValue) else {
          refuse("allowed_types is not a list of strings")
          continue
        }
        appliesTo = Set(list.map { $0.lowercased() })
      }
      if let terminatedBy = rule["terminated_by"], terminatedBy != .null {
        refuse("terminated_by is not supported")
        continue
      }
      guard !literal.isEmpty else {
        refuse("no literal")
        continue
      }
      let direction = (rule["direction"]?.stringValue ?? "FORWARD").uppercased()
      let category = (rule["category"]?.stringValue ?? "").uppercased()
      var kind: ContextTriggerKind
      switch category {
      case "NEGATED_EXISTENCE", "DEFINITE_NEGATED_EXISTENCE", "PROBABLE_NEGATED_EXISTENCE": kind = .modifier(.negated)
      case "POSSIBLE_EXISTENCE", "PROBABLE_EXISTENCE", "INDICATION": kind = .modifier(.uncertain)
      case "HISTORICAL": kind = .modifier(.historical)
      case "HYPOTHETICAL": kind = .modifier(.hypothetical)
      case "FAMILY": kind = .modifier(.family)
      case "TERMINATE", "CONJ": kind = .terminate
      case "PSEUDO", "PSEUDO_NEGATION": kind = .pseudo
      default:
        refuse("unknown category '\(category)'")
        continue
      }
      var scopeDirection: ScopeDirection
      switch direction {
      case "FORWARD": scopeDirection = .forward
      case "BACKWARD": scopeDirection = .backward
      case "BIDIRECTIONAL", "BOTH": scopeDirection = .both
      case "TERMINATE":
        kind = .terminate
        scopeDirection = .none
      case "PSEUDO":
        kind = .pseudo
        scopeDirection = .none
      default:
        refuse("unknown direction '\(direction)'")
        continue
      }
      let scope = rule["max_scope"]?.numberValue.map { Int($0) }
      triggers.append(
        ContextTrigger(
          phrase: literal, kind: kind, direction: kind == .terminate || kind == .pseudo ? .none : scopeDirection,
          maxScope: scope, appliesTo: appliesTo, file: file, line: index + 1))
    }
    return (triggers, refused)
  }
}
