/// Which way a trigger's scope reaches from the trigger phrase.
public enum ScopeDirection: String, Sendable, Hashable, CaseIterable {
  /// Toward the end of the sentence ("no evidence of X").
  case forward
  /// Toward the start of the sentence ("X was ruled out").
  case backward
  /// Both ways ("X vs Y").
  case both
  /// No scope: pseudo-triggers and termination terms.
  case none
}

/// What a context phrase does.
public enum ContextTriggerKind: Sendable, Hashable {
  /// Sets an assertion flag on the mentions in its scope.
  case modifier(AssertionFlag)
  /// Looks like a trigger but is not one ("no increase", "gram negative"); it blocks the shorter
  /// trigger inside it because the longest phrase wins.
  case pseudo
  /// Ends the scope of any trigger that reaches it ("but", "however").
  case terminate
  /// Starts the present story ("new", "now"): in a past-history or family section, the mentions
  /// from this phrase on no longer take the section's flag ("PMH: HTN, DM. New R frontal lesion").
  case current

  /// The category name used in `context.tsv`.
  public var name: String {
    switch self {
    case .modifier(let flag): return flag.rawValue
    case .pseudo: return "pseudo"
    case .terminate: return "terminate"
    case .current: return "current"
    }
  }

  /// Parses a `context.tsv` category name.
  public init?(name: String) {
    switch name {
    case "pseudo": self = .pseudo
    case "terminate": self = .terminate
    case "current": self = .current
    default:
      guard let flag = AssertionFlag(rawValue: name) else { return nil }
      self = .modifier(flag)
    }
  }
}

/// One ConText rule: a literal trigger phrase with its category, direction and maximum scope.
public struct ContextTrigger: Sendable, Hashable {
  /// The literal phrase.
  public var phrase: String
  /// What the phrase does.
  public var kind: ContextTriggerKind
  /// Which way its scope reaches.
  public var direction: ScopeDirection
  /// The maximum scope in words, or nil for the rest of the sentence.
  public var maxScope: Int?
  /// The concepts the trigger may modify, or nil for every concept (medspaCy's `allowed_types`).
  public var appliesTo: Set<String>?
  /// Where the rule came from (file name), for evidence.
  public var file: String
  /// The source line.
  public var line: Int

  /// Creates a trigger.
  public init(
    phrase: String, kind: ContextTriggerKind, direction: ScopeDirection, maxScope: Int?,
    appliesTo: Set<String>? = nil, file: String = "", line: Int = 0
  ) {
    self.phrase = phrase
    self.kind = kind
    self.direction = direction
    self.maxScope = maxScope
    self.appliesTo = appliesTo
    self.file = file
    self.line = line
  }
}
