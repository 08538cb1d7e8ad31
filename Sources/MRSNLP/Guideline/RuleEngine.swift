/// Applies the declarative guideline rules to a document's mentions and cues.
///
/// Covered-indication rules run first; rules marked `unless indication` run only when none fired.
/// A rule fires when, inside one unit of its proximity (a sentence, a section, the document), every
/// `require` row is met by a different piece of evidence and no piece of evidence meets a `forbid`
/// row. Evidence in sections whose role is `ignore` is never read; a rule scoped to `purpose`
/// sections reads only those when the document has any.
public struct RuleEngine: Sendable {
  let lexicon: Lexicon
  /// The rules in evaluation order: indication rules, then `unless indication` rules.
  private let ordered: [GuidelineRule]
  /// `ordered`'s require rows and forbid rows, compiled.
  private let compiled: [(requirements: [CompiledRow], exclusions: [CompiledRow])]
  private let numbers: ConceptNumbers

  /// Creates an engine over the lexicon's rules.
  public init(lexicon: Lexicon) {
    self.lexicon = lexicon
    let ordered = lexicon.rules.filter { !$0.unlessIndication } + lexicon.rules.filter(\.unlessIndication)
    let numbers = ConceptNumbers(rules: ordered)
    self.ordered = ordered
    self.numbers = numbers
    compiled = ordered.map { rule in
      (rule.requirements.map { CompiledRow($0, numbers: numbers) },
       rule.exclusions.map { CompiledRow($0, numbers: numbers) })
    }
  }

  /// The evidence rules read: mentions then cues, with what the rows test and where each came
  /// from (the mentions themselves are read in place, never copied).
  private struct Evidence {
    /// What the rows test of one piece of evidence.
    struct Item {
      var isCue: Bool
      var sourceIndex: Int
      var conceptBit: UInt64
      var flags: AssertionFlags
      var isSymptom: Bool
      var sentence: Int
      var section: Int
    }

    let mentions: [Mention]
    let cues: [Mention]
    var items: [Item] = []

    /// Collects the mentions and cues outside `ignore` sections.
    init(mentions: [Mention], cues: [Mention], sections: [Section], numbers: ConceptNumbers) {
      self.mentions = mentions
      self.cues = cues
      items.reserveCapacity(mentions.count + cues.count)
      for (list, isCue) in [(mentions, false), (cues, true)] {
        for index in list.indices where sections[list[index].section].role != .ignore {
          items.append(
            Item(
              isCue: isCue, sourceIndex: index, conceptBit: numbers.bit(list[index].concept),
              flags: list[index].flags, isSymptom: list[index].isSymptom, sentence: list[index].sentence,
              section: list[index].section))
        }
      }
    }

    var count: Int { items.count }

    /// The list item `index` came from (mentions or cues).
    private func list(_ index: Int) -> [Mention] { items[index].isCue ? cues : mentions }

    /// Item `index` itself.
    func item(_ index: Int) -> Mention { list(index)[items[index].sourceIndex] }

    /// The `other_indications` category of item `index`.
    func category(_ index: Int) -> String? { list(index)[items[index].sourceIndex].category }

    /// The concept of item `index`.
    func concept(_ index: Int) -> String { list(index)[items[index].sourceIndex].concept }

    /// Whether item `index` satisfies `row`.
    func meets(_ row: CompiledRow, _ index: Int) -> Bool {
      row.accepts(concept: items[index].conceptBit, flags: items[index].flags, isSymptom: items[index].isSymptom)
    }
  }

  /// Evaluates every rule, in file order (indication rules before `unless indication` rules).
  public func evaluate(mentions: [Mention], cues: [Mention], text: TextAnalysis) -> [RuleEvaluation] {
    let evidence = Evidence(mentions: mentions, cues: cues, sections: text.sections, numbers: numbers)
    let hasPurposeSection = text.sections.contains { $0.role == .purpose || $0.role == .past }
    let everything = Array(0..<evidence.count)
    // A report's findings and impression answer the question; they do not ask it.
    let purposeOnly = everything.filter { index in
      let role = text.sections[evidence.items[index].section].role
      return hasPurposeSection ? role == .purpose || role == .past : role != .result
    }

    // The concepts present in each pool, so that a rule none of whose first requirement's and
    // forbid rows' concepts occur is settled without reading the evidence.
    let concepts = (
      everything: everything.reduce(0 as UInt64) { $0 | evidence.items[$1].conceptBit },
      purposeOnly: purposeOnly.reduce(0 as UInt64) { $0 | evidence.items[$1].conceptBit })
    var results: [RuleEvaluation] = []
    results.reserveCapacity(ordered.count)
    var indicationFound = false
    // Units depend only on the pool and the proximity: six combinations at most.
    var unitCache = [[ArraySlice<Int>]?](repeating: nil, count: 6)
    var masks = EvidenceMasks(count: evidence.count)
    for (rule, rows) in zip(ordered, compiled) {
      if let kind = rule.kind, kind != text.document.kind {
        results.append(RuleEvaluation(rule: rule, fired: false, mentions: [], cues: [], label: nil,
          cause: .otherKind(kind)))
        continue
      }
      if rule.unlessIndication && indicationFound {
        results.append(RuleEvaluation(rule: rule, fired: false, mentions: [], cues: [], label: nil,
          cause: .skippedAfterIndication))
        continue
      }
      let purposeScoped = rule.sections == .purpose && text.document.kind == .report
      let pool = purposeScoped ? purposeOnly : everything
      let poolConcepts = purposeScoped ? concepts.purposeOnly : concepts.everything
      if let first = rows.requirements.first, first.concepts & poolConcepts == 0,
        rows.exclusions.allSatisfy({ $0.concepts & poolConcepts == 0 })
      {
        // Every unit misses the first requirement and nothing blocks: what the unit-by-unit
        // search below concludes, without it.
        results.append(RuleEvaluation(rule: rule, fired: false, mentions: [], cues: [], label: nil,
          cause: .missing(rule.requirements[0], rule.proximity)))
        continue
      }
      let cacheKey = (purposeScoped ? 3 : 0) + RuleProximity.allCases.firstIndex(of: rule.proximity)!
      if unitCache[cacheKey] == nil { unitCache[cacheKey] = units(pool, rule.proximity, evidence) }
      let poolUnits = unitCache[cacheKey]!
      if rule.outcome == .categoryOfEvidence {
        // One evaluation per category, so that every stated purpose is reported.
        let categories = Set(pool.compactMap { index in
          rows.requirements.contains { evidence.meets($0, index) } ? evidence.category(index) : nil
        }).sorted()
        var firedAny = false
        for category in categories {
          let evaluation = evaluateUnits(rule, rows, pool: pool, units: poolUnits, evidence: evidence, text: text, masks: &masks, category: category)
          if evaluation.fired {
            results.append(evaluation)
            firedAny = true
          }
        }
        if !firedAny { results.append(evaluateUnits(rule, rows, pool: pool, units: poolUnits, evidence: evidence, text: text, masks: &masks)) }
        continue
      }
      let evaluation = evaluateUnits(
        rule, rows, pool: pool, units: poolUnits, evidence: evidence, text: text, masks: &masks)
      if evaluation.fired, case .indication = rule.outcome { indicationFound = true }
      results.append(evaluation)
    }
    return results
  }

  /// The pool split into the rule's proximity units (sentences or sections in text order, or the
  /// whole document). The units are slices of one sorted array, so that a document costs one allocation per
  /// proximity rather than one per sentence.
  private func units(_ pool: [Int], _ proximity: RuleProximity, _ evidence: Evidence) -> [ArraySlice<Int>] {
    let bySentence: Bool
    switch proximity {
    case .document: return [pool[...]]
    case .sentence: bySentence = true
    case .section: bySentence = false
    }
    let items = evidence.items
    let key = { (index: Int) in bySentence ? items[index].sentence : items[index].section }
    let sorted = pool.sorted { (key($0), $0) < (key($1), $1) }
    var units: [ArraySlice<Int>] = []
    var unitStart = 0
    for position in sorted.indices.dropFirst() where key(sorted[position]) != key(sorted[position - 1]) {
      units.append(sorted[unitStart..<position])
      unitStart = position
    }
    if !sorted.isEmpty { units.append(sorted[unitStart...]) }
    return units
  }

  /// Evaluates a rule unit by unit; with `category`, only evidence of that `other_indications`
  /// category (or none) may satisfy the requirements, while the forbid rows see everything.
  private func evaluateUnits(
    _ rule: GuidelineRule, _ rows: (requirements: [CompiledRow], exclusions: [CompiledRow]), pool: [Int],
    units: [ArraySlice<Int>], evidence: Evidence, text: TextAnalysis, masks: inout EvidenceMasks,
    category: String? = nil
  ) -> RuleEvaluation {
    masks.fill(rows, pool: pool, evidence: evidence)
    let requirementCount = rule.requirements.count
    let allRequirements: UInt64 = requirementCount == 64 ? ~0 : (1 << UInt64(requirementCount)) - 1
    var closest = (met: -1, missing: rule.requirements.first, blockedBy: nil as Int?)
    // Rows marked within=document read the whole pool, once, whatever the unit.
    var documentRows: UInt64 = 0
    for (row, exclusion) in rows.exclusions.enumerated() where exclusion.documentWide {
      documentRows |= 1 << UInt64(row)
    }
    var documentLifted: UInt64 = 0
    for index in pool { documentLifted |= masks.lifts[index] & documentRows }
    let documentBlocker = documentRows == 0
      ? nil : pool.first { masks.blocks[$0] & documentRows & ~documentLifted != 0 }
    for unit in units {
      var lifted: UInt64 = 0
      var present: UInt64 = 0
      for index in unit {
        lifted |= masks.lifts[index]
        present |= masks.accepts[index]
      }
      let unitBlocker = unit.first { masks.blocks[$0] & ~documentRows & ~lifted != 0 }
      if let blocker = unitBlocker ?? documentBlocker {
        if requirementCount > closest.met {
          closest = (requirementCount, nil, blocker)
        }
        continue
      }
      if present & allRequirements == allRequirements {
        var chosen: [Int] = []
        let candidates = category.map { wanted in
          unit.filter { index in
            let category = evidence.category(index)
            return category == nil || category == wanted
          }[...]
        } ?? unit
        if Self.assign(rule.requirements, 0, candidates, evidence, masks.accepts, &chosen) {
          let label: String
          switch rule.outcome {
          case .indication(let id): label = id
          case .otherIndication(let category): label = category
          case .categoryOfEvidence:
            label = chosen.lazy.compactMap { evidence.category($0) }.first ?? "other"
          case .review: label = "review"
          }
          return RuleEvaluation(
            rule: rule, fired: true,
            mentions: chosen.filter { !evidence.items[$0].isCue }.map { evidence.items[$0].sourceIndex }.sorted(),
            cues: chosen.filter { evidence.items[$0].isCue }.map { evidence.items[$0].sourceIndex }.sorted(),
            label: label,
            cause: .met(rule.proximity))
        }
      }
      let met = min((~present).trailingZeroBitCount, requirementCount)
      if met > closest.met {
        closest = (met, rule.requirements.dropFirst(met).first, nil)
      }
    }
    let reason: RuleEvaluationReason
    if let blockerIndex = closest.blockedBy {
      let blocker = evidence.item(blockerIndex)
      reason = .blocked(phrase: text.text(blocker.span), concept: blocker.concept)
    } else if let missing = closest.missing {
      reason = .missing(missing, rule.proximity)
    } else {
      reason = .noEvidence
    }
    return RuleEvaluation(rule: rule, fired: false, mentions: [], cues: [], label: nil, cause: reason)
  }

  /// Which of a rule's rows each piece of evidence meets, computed once per rule and document, so
  /// that units and the backtracking search test bits instead of strings.
  private struct EvidenceMasks {
    /// Bit k: the item meets `require` row k.
    var accepts: [UInt64]
    /// Bit k: the item meets `forbid` row k.
    var blocks: [UInt64]
    /// Bit k: the item (not negated) is of a concept named by `unless=` of `forbid` row k.
    var lifts: [UInt64]

    /// Room for `count` pieces of evidence, reused rule after rule (allocating per rule cost more
    /// than filling).
    init(count: Int) {
      accepts = [UInt64](repeating: 0, count: count)
      blocks = [UInt64](repeating: 0, count: count)
      lifts = [UInt64](repeating: 0, count: count)
    }

    /// Sets the masks for one rule's rows.
    mutating func fill(
      _ rows: (requirements: [CompiledRow], exclusions: [CompiledRow]), pool: [Int], evidence: Evidence
    ) {
      precondition(rows.requirements.count <= 64 && rows.exclusions.count <= 64, "a rule has over 64 rows")
      for index in accepts.indices {
        accepts[index] = 0
        blocks[index] = 0
        lifts[index] = 0
      }
      // Evidence of a concept no row names meets no row and lifts none: skip it.
      var named: UInt64 = 0
      for row in rows.requirements { named |= row.concepts }
      for row in rows.exclusions { named |= row.concepts | row.unless }
      for index in pool where evidence.items[index].conceptBit & named != 0 {
        let concept = evidence.items[index].conceptBit
        let flags = evidence.items[index].flags
        let isSymptom = evidence.items[index].isSymptom
        for (row, requirement) in rows.requirements.enumerated()
        where requirement.accepts(concept: concept, flags: flags, isSymptom: isSymptom) {
          accepts[index] |= 1 << UInt64(row)
        }
        for (row, exclusion) in rows.exclusions.enumerated() {
          if exclusion.accepts(concept: concept, flags: flags, isSymptom: isSymptom) {
            blocks[index] |= 1 << UInt64(row)
          }
          if exclusion.unless & concept != 0 && !flags.has(.negated) { lifts[index] |= 1 << UInt64(row) }
        }
      }
    }
  }

  /// Finds distinct evidence for requirements `from...` by backtracking (rules have few rows);
  /// bit `from` of `accepts[i]` says whether item `i` meets requirement `from`.
  private static func assign(
    _ requirements: [EvidenceRequirement], _ from: Int, _ unit: ArraySlice<Int>, _ evidence: Evidence,
    _ accepts: [UInt64], _ chosen: inout [Int]
  ) -> Bool {
    if from == requirements.count { return true }
    let requirement = requirements[from]
    let bit: UInt64 = 1 << UInt64(from)
    var only: Int?
    var several = false
    for index in unit where accepts[index] & bit != 0 && !chosen.contains(index) {
      if only == nil { only = index } else { several = true }
    }
    // One candidate or none (the usual case): no list to build and rank.
    if !several {
      guard let only else { return false }
      chosen.append(only)
      if assign(requirements, from + 1, unit, evidence, accepts, &chosen) { return true }
      chosen.removeLast()
      return false
    }
    // Prefer the concept named first in the row, then the earlier evidence.
    let rank = { (index: Int) in requirement.concepts.firstIndex(of: evidence.concept(index)) ?? 0 }
    let candidates = unit.filter { accepts[$0] & bit != 0 && !chosen.contains($0) }
      .sorted { (rank($0), $0) < (rank($1), $1) }
    for index in candidates {
      chosen.append(index)
      if assign(requirements, from + 1, unit, evidence, accepts, &chosen) { return true }
      chosen.removeLast()
    }
    return false
  }

  /// A requirement in words: "brain-tumor or treatment-effect, not negated/family".
  static func describe(_ requirement: EvidenceRequirement) -> String {
    var text = requirement.concepts.joined(separator: " or ")
    let forbidden = AssertionFlag.allCases.filter { requirement.forbidden.has($0) }.map(\.rawValue)
    let required = AssertionFlag.allCases.filter { requirement.required.has($0) }.map(\.rawValue)
    if !required.isEmpty { text += ", \(required.joined(separator: "/"))" }
    if !forbidden.isEmpty { text += ", not \(forbidden.joined(separator: "/"))" }
    if let symptom = requirement.symptom { text += symptom ? ", as a symptom" : ", as a purpose" }
    return text
  }
}
