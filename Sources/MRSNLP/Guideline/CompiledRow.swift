/// A `require` or `forbid` row compiled to integers: concepts as bits of a mask, so that testing a
/// piece of evidence costs a few instructions instead of string comparisons.
struct CompiledRow: Sendable {
  /// Bit `i` set: the concept numbered `i` by `ConceptNumbers` satisfies the row.
  var concepts: UInt64
  var required: AssertionFlags
  var forbidden: AssertionFlags
  var symptom: Bool?
  /// For a `forbid` row: concepts whose (not negated) evidence in the unit lifts the row.
  var unless: UInt64
  var documentWide: Bool

  init(_ row: EvidenceRequirement, numbers: ConceptNumbers) {
    concepts = numbers.mask(row.concepts)
    required = row.required
    forbidden = row.forbidden
    symptom = row.symptom
    unless = numbers.mask(row.unless)
    documentWide = row.documentWide
  }

  /// Whether evidence of concept bit `concept`, with `flags` and symptom role `isSymptom`,
  /// satisfies the row.
  func accepts(concept: UInt64, flags: AssertionFlags, isSymptom: Bool) -> Bool {
    concepts & concept != 0 && flags.isSuperset(of: required) && flags.isDisjoint(with: forbidden)
      && (symptom == nil || symptom == isSymptom)
  }
}

/// Numbers the concepts the rules name, each a bit of a 64-bit mask (bit 0 is "no rule names it").
struct ConceptNumbers: Sendable {
  /// The most concepts the rules may name (bit 0 is reserved); the rules parser enforces it.
  static let capacity = 63
  /// The concept names, interned in the order the rules name them: id `i` is concept number
  /// `i + 1` (an FNV table, cheaper per lookup than a `Dictionary` of strings).
  private var names = Vocabulary()

  init(rules: [GuidelineRule]) {
    for rule in rules {
      for row in rule.requirements + rule.exclusions {
        for concept in row.concepts + row.unless where names.id(concept) == nil {
          precondition(names.count < Self.capacity, "the rules name more than \(Self.capacity) concepts")
          _ = names.intern(concept)
        }
      }
    }
  }

  /// The number of `concept` (1...63), or 0 for a concept no rule names.
  private func number(_ concept: String) -> Int { names.id(concept).map { Int($0) + 1 } ?? 0 }

  /// The bit of `concept`; bit 0 for a concept no rule names.
  func bit(_ concept: String) -> UInt64 { 1 << UInt64(number(concept)) }

  /// The bits of `concepts`.
  func mask(_ concepts: [String]) -> UInt64 {
    concepts.reduce(0) { mask, concept in
      let number = number(concept)
      return number == 0 ? mask : mask | 1 << UInt64(number)
    }
  }
}
