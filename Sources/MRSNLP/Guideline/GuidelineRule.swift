/// How close the pieces of evidence of a rule must stand.
public enum RuleProximity: String, Sendable, Hashable, CaseIterable {
  /// All in one sentence.
  case sentence
  /// All in one section.
  case section
  /// Anywhere in the document.
  case document
}

/// What a rule concludes when it fires.
public enum RuleOutcome: Sendable, Hashable {
  /// A covered indication of the guideline.
  case indication(String)
  /// A stated purpose that is not covered, with its `other_indications` category.
  case otherIndication(String)
  /// The `other_indications` category of the `other-indication` evidence the rule matched.
  case categoryOfEvidence
  /// Nothing is concluded; the rule documents why a person must read the record.
  case review

  /// The text form used in the rules file.
  public var name: String {
    switch self {
    case .indication(let id): return id
    case .otherIndication(let category): return "other:\(category)"
    case .categoryOfEvidence: return "other:*"
    case .review: return "review"
    }
  }
}

/// One line of evidence a rule needs (or forbids): any of some concepts, with assertion constraints.
public struct EvidenceRequirement: Sendable, Hashable {
  /// Concept ids (mention concepts or cues), in the order written; any one satisfies the
  /// requirement, and an earlier one is preferred as evidence.
  public var concepts: [String]
  /// Flags the evidence must carry.
  public var required: AssertionFlags
  /// Flags the evidence must not carry.
  public var forbidden: AssertionFlags
  /// When set, only `other-indication` evidence with this symptom role counts.
  public var symptom: Bool?
  /// For a `forbid` row: the row does not apply when the unit holds evidence of one of these
  /// concepts (`unless=brain-site`).
  public var unless: [String] = []
  /// For a `forbid` row: it reads the rule's whole pool of evidence (`within=document`), not only
  /// the unit, so that a sentence rule can be blocked by evidence elsewhere in the document.
  public var documentWide = false
  /// The rules-file line, for diagnostics and `--explain`.
  public var line: Int

  /// Whether `mention` satisfies the requirement.
  public func accepts(_ mention: Mention) -> Bool {
    concepts.contains(mention.concept) && mention.flags.isSuperset(of: required)
      && mention.flags.isDisjoint(with: forbidden)
      && (symptom == nil || symptom == mention.isSymptom)
  }
}

/// Which sections a rule reads.
public enum RuleSectionScope: String, Sendable, Hashable {
  /// Every section except those whose role is `ignore`.
  case all
  /// Only sections whose role is `purpose`, when the document has any; otherwise as `all`.
  case purpose
}

/// A declarative guideline rule from `rules.tsv`: the evidence that supports an outcome.
///
/// The fields live in one shared, copy-on-write box: every evaluation of every document carries
/// its rule, and copying a rule then costs one reference count instead of one per string and array.
public struct GuidelineRule: Sendable, Hashable {
  /// The stored fields.
  private struct Fields: Sendable, Hashable {
    var id: String
    var outcome: RuleOutcome
    var proximity: RuleProximity
    var sections: RuleSectionScope
    var kind: DocumentKind?
    var unlessIndication: Bool
    var requirements: [EvidenceRequirement]
    var exclusions: [EvidenceRequirement]
    var vetoes: [String]
    var flags: [String]
    var explanation: String
    var file: String
    var line: Int
  }

  /// The box; only written through `fields`, which copies it first when it is shared.
  private final class Box: @unchecked Sendable {
    var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var box: Box

  private var fields: Fields {
    get { box.fields }
    _modify {
      if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
      yield &box.fields
    }
  }

  /// Creates a rule.
  public init(
    id: String, outcome: RuleOutcome, proximity: RuleProximity, sections: RuleSectionScope,
    kind: DocumentKind?, unlessIndication: Bool, requirements: [EvidenceRequirement],
    exclusions: [EvidenceRequirement], vetoes: [String] = [], flags: [String] = [],
    explanation: String, file: String, line: Int
  ) {
    box = Box(
      Fields(
        id: id, outcome: outcome, proximity: proximity, sections: sections, kind: kind,
        unlessIndication: unlessIndication, requirements: requirements, exclusions: exclusions,
        vetoes: vetoes, flags: flags, explanation: explanation, file: file, line: line))
  }

  public static func == (lhs: GuidelineRule, rhs: GuidelineRule) -> Bool {
    lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

  /// Stable id, printed in evidence and `--explain`.
  public var id: String {
    get { box.fields.id }
    set { fields.id = newValue }
  }
  /// What the rule concludes.
  public var outcome: RuleOutcome {
    get { box.fields.outcome }
    set { fields.outcome = newValue }
  }
  /// How close the evidence must stand.
  public var proximity: RuleProximity {
    get { box.fields.proximity }
    set { fields.proximity = newValue }
  }
  /// Which sections are read.
  public var sections: RuleSectionScope {
    get { box.fields.sections }
    set { fields.sections = newValue }
  }
  /// Restricts the rule to orders or reports; nil for both.
  public var kind: DocumentKind? {
    get { box.fields.kind }
    set { fields.kind = newValue }
  }
  /// The rule is skipped when a covered indication was already found.
  public var unlessIndication: Bool {
    get { box.fields.unlessIndication }
    set { fields.unlessIndication = newValue }
  }
  /// Every requirement needs its own piece of evidence in the same unit.
  public var requirements: [EvidenceRequirement] {
    get { box.fields.requirements }
    set { fields.requirements = newValue }
    _modify { yield &fields.requirements }
  }
  /// No piece of evidence in the unit may satisfy any of these.
  public var exclusions: [EvidenceRequirement] {
    get { box.fields.exclusions }
    set { fields.exclusions = newValue }
    _modify { yield &fields.exclusions }
  }
  /// Covered indications withdrawn when this (`review`) rule fires: the text contradicts them,
  /// so a person must read it.
  public var vetoes: [String] {
    get { box.fields.vetoes }
    set { fields.vetoes = newValue }
    _modify { yield &fields.vetoes }
  }
  /// Flags reported when this (`review`) rule fires; a flagged record goes to a person.
  public var flags: [String] {
    get { box.fields.flags }
    set { fields.flags = newValue }
    _modify { yield &fields.flags }
  }
  /// A sentence for reviewers: what the rule stands for in the guideline.
  public var explanation: String {
    get { box.fields.explanation }
    set { fields.explanation = newValue }
  }
  /// Source file.
  public var file: String {
    get { box.fields.file }
    set { fields.file = newValue }
  }
  /// Line of the `rule` row.
  public var line: Int {
    get { box.fields.line }
    set { fields.line = newValue }
  }
}
