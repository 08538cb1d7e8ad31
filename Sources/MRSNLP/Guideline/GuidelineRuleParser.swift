/// Parses `rules.tsv` blocks into `GuidelineRule` values.
///
/// A block starts with `rule<TAB>id` and takes rows until the next `rule`:
/// `yields` (an indication id, `other:<category>`, `other:*` or `review`), `within`
/// (`sentence`, `section`, `document`), `sections` (`all`, `purpose`), `kind` (`order`, `report`),
/// `unless` (`indication`), `require` and `forbid` (concept ids, then constraints such as
/// `not=negated,family is=uncertain role=symptom`), and `explain` (text for reviewers).
extension LexiconParser {
  mutating func parseRules(_ table: TSVTable) {
    var current: GuidelineRule?
    var seenIDs = Set<String>()
    func finish(_ rule: GuidelineRule?, into parser: inout LexiconParser) {
      guard let rule else { return }
      if !(rule.vetoes.isEmpty && rule.flags.isEmpty) && rule.outcome != .review {
        parser.error(rule.file, rule.line, "rule '\(rule.id)' vetoes an indication or raises a flag, so it must yield review")
        return
      }
      if rule.requirements.isEmpty {
        parser.error(rule.file, rule.line, "rule '\(rule.id)' requires nothing; add at least one 'require' row")
        return
      }
      // The engine tests rows as bits of a 64-bit mask.
      if rule.requirements.count > 64 || rule.exclusions.count > 64 {
        parser.error(rule.file, rule.line, "rule '\(rule.id)' has over 64 'require' or 'forbid' rows; split it")
        return
      }
      if rule.outcome == .categoryOfEvidence
        && !rule.requirements.contains(where: { $0.concepts.contains("other-indication") })
      {
        parser.error(rule.file, rule.line, "rule '\(rule.id)' yields other:* but requires no other-indication")
        return
      }
      for requirement in rule.requirements {
        for exclusion in rule.exclusions
        where Set(exclusion.concepts).isSuperset(of: requirement.concepts)
          && exclusion.required.isSubset(of: requirement.required)
          && exclusion.forbidden.isSubset(of: requirement.forbidden) && exclusion.symptom == nil
          && exclusion.unless.isEmpty
        {
          parser.error(
            rule.file, exclusion.line,
            "rule '\(rule.id)' can never fire: this 'forbid' row excludes every piece of evidence the 'require' row on line \(requirement.line) accepts"
          )
          return
        }
      }
      parser.rules.append(rule)
    }
    for row in table.rows {
      let keyword = row.fields[0]
      let value = row.fields[1]
      if keyword == "rule" {
        finish(current, into: &self)
        guard !value.isEmpty else {
          error(table.file, row.line, "a rule needs an id")
          current = nil
          continue
        }
        if !seenIDs.insert(value).inserted { error(table.file, row.line, "rule id '\(value)' is used twice") }
        current = GuidelineRule(
          id: value, outcome: .review, proximity: .document, sections: .all, kind: nil,
          unlessIndication: false, requirements: [], exclusions: [], explanation: "",
          file: table.file, line: row.line)
        continue
      }
      guard var rule = current else {
        error(table.file, row.line, "'\(keyword)' comes before any 'rule' row")
        continue
      }
      switch keyword {
      case "yields":
        if GuidelineVocabulary.indications.contains(value) {
          rule.outcome = .indication(value)
        } else if value == "other:*" {
          rule.outcome = .categoryOfEvidence
        } else if value.hasPrefix("other:"),
          GuidelineVocabulary.otherIndications.contains(String(value.dropFirst(6)))
        {
          rule.outcome = .otherIndication(String(value.dropFirst(6)))
        } else if value == "review" {
          rule.outcome = .review
        } else {
          error(
            table.file, row.line,
            "unknown indication '\(value)'; expected \(GuidelineVocabulary.indications.joined(separator: ", ")), other:<category>, other:* or review"
          )
        }
      case "within":
        if let proximity = RuleProximity(rawValue: value) {
          rule.proximity = proximity
        } else {
          error(table.file, row.line, "'\(value)' is not a proximity; expected sentence, section or document")
        }
      case "sections":
        if let scope = RuleSectionScope(rawValue: value) {
          rule.sections = scope
        } else {
          error(table.file, row.line, "'\(value)' is not a section scope; expected all or purpose")
        }
      case "kind":
        if let kind = DocumentKind(rawValue: value) {
          rule.kind = kind
        } else {
          error(table.file, row.line, "'\(value)' is not a document kind; expected order or report")
        }
      case "unless":
        if value == "indication" {
          rule.unlessIndication = true
        } else {
          error(table.file, row.line, "'unless' takes 'indication', not '\(value)'")
        }
      case "require", "forbid":
        if let requirement = parseRequirement(
          concepts: value, constraints: row.fields[2], file: table.file, line: row.line)
        {
          if keyword == "require" {
            if requirement.documentWide {
              error(table.file, row.line, "within=document applies to forbid rows only")
            }
            rule.requirements.append(requirement)
          } else {
            rule.exclusions.append(requirement)
          }
        }
      case "vetoes":
        guard GuidelineVocabulary.indications.contains(value) else {
          error(table.file, row.line, "'vetoes' names unknown indication '\(value)'")
          break
        }
        rule.vetoes.append(value)
      case "flag":
        guard !value.isEmpty, value.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }) else {
          error(table.file, row.line, "a flag name is lower-case words joined by hyphens, not '\(value)'")
          break
        }
        rule.flags.append(value)
      case "explain":
        rule.explanation = rule.explanation.isEmpty ? value : rule.explanation + " " + value
      default:
        error(
          table.file, row.line,
          "unknown keyword '\(keyword)'; expected rule, yields, within, sections, kind, unless, require, forbid, vetoes, flag or explain"
        )
      }
      current = rule
    }
    finish(current, into: &self)
    let named = Set(rules.flatMap { rule in (rule.requirements + rule.exclusions).flatMap { $0.concepts + $0.unless } })
    if named.count > ConceptNumbers.capacity {
      error(table.file, 1, "the rules name \(named.count) concepts; the engine handles at most \(ConceptNumbers.capacity)")
    }
  }

  mutating func parseRequirement(concepts text: String, constraints: String, file: String, line: Int)
    -> EvidenceRequirement?
  {
    var names: [String] = []
    for name in text.split(separator: " ").map(String.init) where !names.contains(name) { names.append(name) }
    guard !names.isEmpty else {
      error(file, line, "a require/forbid row names no concept")
      return nil
    }
    for name in names where self.concepts[name] == nil {
      error(
        file, line,
        "unknown concept '\(name)'; declared concepts are \(self.concepts.keys.sorted().joined(separator: ", "))"
      )
      return nil
    }
    var requirement = EvidenceRequirement(
      concepts: names, required: [], forbidden: [], symptom: nil, line: line)
    for part in constraints.split(separator: " ") {
      let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
      guard pieces.count == 2 else {
        error(file, line, "constraint '\(part)' should look like not=negated,family or is=uncertain")
        return nil
      }
      switch pieces[0] {
      case "not", "is":
        for flagName in pieces[1].split(separator: ",") {
          guard let flag = AssertionFlag(rawValue: String(flagName)) else {
            error(
              file, line,
              "'\(flagName)' is not an assertion flag; expected negated, uncertain, historical, hypothetical or family"
            )
            return nil
          }
          if pieces[0] == "not" {
            requirement.forbidden.insert(AssertionFlags(flag))
          } else {
            requirement.required.insert(AssertionFlags(flag))
          }
        }
      case "unless":
        let names = pieces[1].split(separator: ",").map(String.init)
        for name in names where self.concepts[name] == nil {
          error(file, line, "unless= names unknown concept '\(name)'")
          return nil
        }
        requirement.unless = names
      case "within":
        guard pieces[1] == "document" else {
          error(file, line, "within= takes document (a forbid row that reads the whole document), not '\(pieces[1])'")
          return nil
        }
        requirement.documentWide = true
      case "role":
        guard pieces[1] == "symptom" || pieces[1] == "purpose" else {
          error(file, line, "role must be symptom or purpose, not '\(pieces[1])'")
          return nil
        }
        requirement.symptom = pieces[1] == "symptom"
      default:
        error(file, line, "unknown constraint '\(pieces[0])'; expected not=, is=, role=, unless= or within=")
        return nil
      }
    }
    if !requirement.required.isDisjoint(with: requirement.forbidden) {
      error(file, line, "a flag is both required and forbidden; the row can never match")
      return nil
    }
    return requirement
  }
}
