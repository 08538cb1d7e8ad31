/// Applies the declarative guideline rules to a document's mentions and cues.
///
/// Covered-indication rules run first; rules marked `unless indication` run only when none fired.
/// A rule fires when, inside one unit of its proximity (a sentence, a section, the document), every
/// `require` row is met by a different piece of evidence and no piece of evidence meets a `forbid`
/// row. Evidence in sections whose role is `ignore` is never read; a rule scoped to `purpose`
/// sections reads only those when the document has any.
public struct RuleEngine: Sendable {
  let lexicon: Lexicon

  /// Creates an engine over the lexicon's rules.
  public init(lexicon: Lexicon) { self.lexicon = lexicon }

  /// Evaluates every rule, in file order (indication rules before `unless indication` rules).
  public func evaluate(mentions: [Mention], cues: [Mention], text: TextAnalysis) -> [RuleEvaluation] {
    var evidence: [(item: Mention, isCue: Bool, index: Int)] = []
    for (index, mention) in mentions.enumerated() { evidence.append((mention, false, index)) }
    for (index, cue) in cues.enumerated() { evidence.append((cue, true, index)) }
    evidence.removeAll { text.sections[$0.item.section].role == .ignore }
    let hasPurposeSection = text.sections.contains { $0.role == .purpose || $0.role == .past }

    var results: [RuleEvaluation] = []
    var indicationFound = false
    let ordered = lexicon.rules.filter { !$0.unlessIndication } + lexicon.rules.filter(\.unlessIndication)
    for rule in ordered {
      if let kind = rule.kind, kind != text.document.kind {
        results.append(RuleEvaluation(rule: rule, fired: false, mentions: [], cues: [], label: nil,
          reason: "applies to \(kind.rawValue)s only"))
        continue
      }
      if rule.unlessIndication && indicationFound {
        results.append(RuleEvaluation(rule: rule, fired: false, mentions: [], cues: [], label: nil,
          reason: "skipped: a covered indication was already found"))
        continue
      }
      var pool = evidence
      if rule.sections == .purpose && text.document.kind == .report {
        // A report's findings and impression answer the question; they do not ask it.
        if hasPurposeSection {
          pool.removeAll { ![.purpose, .past].contains(text.sections[$0.item.section].role) }
        } else {
          pool.removeAll { text.sections[$0.item.section].role == .result }
        }
      }
      if rule.outcome == .categoryOfEvidence {
        // One evaluation per category, so that every stated purpose is reported.
        let categories = Set(pool.compactMap { item in
          rule.requirements.contains { $0.accepts(item.item) } ? item.item.category : nil
        }).sorted()
        var firedAny = false
        for category in categories {
          let evaluation = evaluateUnits(rule, pool: pool, text: text, category: category)
          if evaluation.fired {
            results.append(evaluation)
            firedAny = true
          }
        }
        if !firedAny { results.append(evaluateUnits(rule, pool: pool, text: text)) }
        continue
      }
      let evaluation = evaluateUnits(rule, pool: pool, text: text)
      results.append(evaluation)
      if evaluation.fired, case .indication = rule.outcome { indicationFound = true }
    }
    return results
  }

  /// Evaluates a rule unit by unit; with `category`, only evidence of that `other_indications`
  /// category (or none) may satisfy the requirements, while the forbid rows see everything.
  private func evaluateUnits(
    _ rule: GuidelineRule, pool: [(item: Mention, isCue: Bool, index: Int)], text: TextAnalysis,
    category: String? = nil
  ) -> RuleEvaluation {
    do {
      var units: [[Int]] = []
      switch rule.proximity {
      case .document: units = [Array(pool.indices)]
      case .sentence:
        units = Dictionary(grouping: pool.indices, by: { pool[$0].item.sentence }).sorted { $0.key < $1.key }.map(\.value)
      case .section:
        units = Dictionary(grouping: pool.indices, by: { pool[$0].item.section }).sorted { $0.key < $1.key }.map(\.value)
      }
      var fired: RuleEvaluation?
      var closest = (met: -1, missing: rule.requirements.first, blockedBy: nil as Mention?)
      for unit in units {
        let exclusions = rule.exclusions.filter { exclusion in
          !unit.contains { exclusion.unless.contains(pool[$0].item.concept) && !pool[$0].item.flags.has(.negated) }
        }
        if let blocker = unit.first(where: { index in exclusions.contains { $0.accepts(pool[index].item) } }) {
          if rule.requirements.count > closest.met {
            closest = (rule.requirements.count, nil, pool[blocker].item)
          }
          continue
        }
        var chosen: [Int] = []
        let candidates = category.map { wanted in
          unit.filter { pool[$0].item.category == nil || pool[$0].item.category == wanted }
        } ?? unit
        if Self.assign(rule.requirements, 0, candidates, pool.map(\.item), &chosen) {
          let label: String
          switch rule.outcome {
          case .indication(let id): label = id
          case .otherIndication(let category): label = category
          case .categoryOfEvidence:
            label = chosen.lazy.compactMap { pool[$0].item.category }.first ?? "other"
          case .review: label = "review"
          }
          fired = RuleEvaluation(
            rule: rule, fired: true,
            mentions: chosen.filter { !pool[$0].isCue }.map { pool[$0].index }.sorted(),
            cues: chosen.filter { pool[$0].isCue }.map { pool[$0].index }.sorted(), label: label,
            reason: "every requirement was met in one \(rule.proximity.rawValue)")
          break
        }
        let met = rule.requirements.prefix { requirement in
          unit.contains { requirement.accepts(pool[$0].item) }
        }.count
        if met > closest.met {
          closest = (met, rule.requirements.dropFirst(met).first, nil)
        }
      }
      if let fired {
        return fired
      } else {
        let reason: String
        if let blocker = closest.blockedBy {
          reason = "blocked: '\(text.text(blocker.span))' (\(blocker.concept)) matches a forbid row"
        } else if let missing = closest.missing {
          reason = "missing in any one \(rule.proximity.rawValue): \(Self.describe(missing)) (rules line \(missing.line))"
        } else {
          reason = "no evidence"
        }
        return RuleEvaluation(rule: rule, fired: false, mentions: [], cues: [], label: nil, reason: reason)
      }
    }
  }

  /// Finds distinct evidence for requirements `from...` by backtracking (rules have few rows).
  static func assign(
    _ requirements: [EvidenceRequirement], _ from: Int, _ unit: [Int], _ items: [Mention],
    _ chosen: inout [Int]
  ) -> Bool {
    if from == requirements.count { return true }
    let requirement = requirements[from]
    let candidates = unit.filter { !chosen.contains($0) && requirement.accepts(items[$0]) }
      .sorted { (requirement.concepts.firstIndex(of: items[$0].concept) ?? 0, $0) < (requirement.concepts.firstIndex(of: items[$1].concept) ?? 0, $1) }
    for index in candidates {
      chosen.append(index)
      if assign(requirements, from + 1, unit, items, &chosen) { return true }
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
