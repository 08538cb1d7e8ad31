/// Reads lexicon files of every format into entries, collecting `file:line` diagnostics.
struct LexiconParser {
  var diagnostics: [LexiconDiagnostic] = []
  var concepts: [String: ConceptDefinition] = [:]
  var terms: [TermEntry] = []
  /// Each term of `terms` tokenized, tokenized once for the duplicate check and the tries.
  var termTokens: [PhraseTokens] = []
  var codes: [ICDCodeEntry] = []
  var triggers: [ContextTrigger] = []
  var sectionHeaders: [SectionHeaderEntry] = []
  var abbreviations: Set<String> = []
  var metabolites: [MetaboliteEntry] = []
  var rules: [GuidelineRule] = []
  var findingCues: [FindingCue] = []
  var fuzzyStoplist: Set<String> = []
  var noTumorQuestionCategories: Set<String> = []
  var thresholds: [ReferenceThreshold] = []
  var programs: [ProgramPolicy] = []

  static let expectedColumns: [String: [String]] = [
    "mrs-concepts": ["concept", "role", "description"],
    "mrs-terms": ["concept", "term", "attributes", "note"],
    "mrs-icd10": ["code", "concept", "attributes", "note"],
    "mrs-context": ["phrase", "category", "direction", "scope", "applies-to", "note"],
    "mrs-sections": ["phrase", "section", "role", "note"],
    "mrs-abbreviations": ["abbreviation", "note"],
    "mrs-metabolites": ["term", "canonical", "note"],
    "mrs-rules": ["keyword", "value", "constraints"],
    "mrs-findings": ["phrase", "effect", "note"],
    "mrs-fuzzy-stoplist": ["word", "note"],
    "mrs-thresholds": ["analyte", "threshold", "favors", "source"],
    "mrs-programs": ["program", "policy", "aliases", "reason"],
  ]

  mutating func error(_ file: String, _ line: Int, _ message: String) {
    diagnostics.append(LexiconDiagnostic(file: file, line: line, message: message))
  }

  mutating func warning(_ file: String, _ line: Int, _ message: String) {
    diagnostics.append(LexiconDiagnostic(file: file, line: line, severity: .warning, message: message))
  }

  mutating func parse(_ files: [LexiconSourceFile]) {
    var tables: [TSVTable] = []
    for file in files.sorted(by: { $0.name < $1.name }) {
      guard let table = TSVTable.parse(file: file.name, bytes: file.bytes, diagnostics: &diagnostics)
      else { continue }
      guard let expected = Self.expectedColumns[table.format] else {
        error(
          table.file, 1,
          "unknown @format '\(table.format)'; expected one of \(Self.expectedColumns.keys.sorted().joined(separator: ", "))"
        )
        continue
      }
      if table.columns != expected {
        error(
          table.file, 1,
          "@columns for \(table.format) must be '\(expected.joined(separator: " "))', not '\(table.columns.joined(separator: " "))'"
        )
        continue
      }
      tables.append(table)
    }
    if !tables.contains(where: { $0.format == "mrs-concepts" }) {
      error("concepts.tsv", 0, "no concepts file (@format mrs-concepts) in the lexicon set")
    }
    for table in tables where table.format == "mrs-concepts" { parseConcepts(table) }
    for table in tables {
      switch table.format {
      case "mrs-terms": parseTerms(table)
      case "mrs-icd10": parseCodes(table)
      case "mrs-context": parseContext(table)
      case "mrs-sections": parseSections(table)
      case "mrs-abbreviations":
        for row in table.rows { abbreviations.insert(Normalizer.normalize(row.fields[0])) }
      case "mrs-metabolites": parseMetabolites(table)
      case "mrs-rules": parseRules(table)
      case "mrs-findings": parseFindings(table)
      case "mrs-thresholds": parseThresholds(table)
      case "mrs-programs": parsePrograms(table)
      case "mrs-fuzzy-stoplist":
        for row in table.rows { fuzzyStoplist.insert(Normalizer.normalize(row.fields[0])) }
      default: break
      }
    }
    checkDuplicateTerms()
  }

  mutating func parseConcepts(_ table: TSVTable) {
    for row in table.rows {
      let id = row.fields[0]
      guard let role = ConceptRole(rawValue: row.fields[1]) else {
        error(table.file, row.line, "'\(row.fields[1])' is not a concept role; expected 'mention' or 'cue'")
        continue
      }
      if id.isEmpty { error(table.file, row.line, "empty concept id") }
      if concepts[id] != nil { error(table.file, row.line, "concept '\(id)' is declared twice") }
      concepts[id] = ConceptDefinition(id: id, role: role, description: row.fields[2])
    }
  }

  struct Attributes {
    var caseSensitive = false
    var fuzzy = true
    var plural = true
    var prefix = false
    var category: String?
    var isSymptom = false
  }

  mutating func parseAttributes(_ text: String, file: String, line: Int, allowPrefix: Bool)
    -> Attributes?
  {
    var attributes = Attributes()
    if text.isEmpty { return attributes }
    var ok = true
    for bytes in text.utf8.split(separator: 0x20) {
      // The usual words are recognized on their bytes; only the others become strings.
      if bytes.elementsEqual("nofuzzy".utf8) {
        attributes.fuzzy = false
        continue
      } else if bytes.elementsEqual("noplural".utf8) {
        attributes.plural = false
        continue
      } else if bytes.elementsEqual("case".utf8) {
        attributes.caseSensitive = true
        continue
      }
      let word = String(decoding: bytes, as: UTF8.self)
      switch word {
      case "prefix" where allowPrefix: attributes.prefix = true
      case "role=symptom": attributes.isSymptom = true
      case "role=purpose": attributes.isSymptom = false
      default:
        if word.hasPrefix("category=") {
          let category = String(word.dropFirst("category=".count))
          if GuidelineVocabulary.otherIndications.contains(category) {
            attributes.category = category
          } else {
            error(
              file, line,
              "'\(category)' is not an other_indications category; expected one of \(GuidelineVocabulary.otherIndications.sorted().joined(separator: ", "))"
            )
            ok = false
          }
        } else {
          error(
            file, line,
            "unknown attribute '\(word)'; expected case, nofuzzy, noplural, \(allowPrefix ? "prefix, " : "")category=..., role=symptom|purpose"
          )
          ok = false
        }
      }
    }
    return ok ? attributes : nil
  }

  mutating func checkConcept(_ concept: String, category: String?, file: String, line: Int) -> Bool {
    guard concepts[concept] != nil else {
      error(
        file, line,
        "unknown concept '\(concept)'; declared concepts are \(concepts.keys.sorted().joined(separator: ", "))"
      )
      return false
    }
    if concept == "other-indication" && category == nil {
      error(file, line, "an other-indication row needs category=<other_indications id>")
      return false
    }
    if concept != "other-indication" && category != nil {
      error(file, line, "category= is only for other-indication rows")
      return false
    }
    return true
  }

  mutating func parseTerms(_ table: TSVTable) {
    for row in table.rows {
      let concept = row.fields[0]
      let term = row.fields[1]
      guard !term.isEmpty else {
        error(table.file, row.line, "empty term")
        continue
      }
      guard
        let attributes = parseAttributes(
          row.fields[2], file: table.file, line: row.line, allowPrefix: false),
        checkConcept(concept, category: attributes.category, file: table.file, line: row.line)
      else { continue }
      let tokens = PhraseTokens(term, keepOriginal: attributes.caseSensitive)
      if tokens.normalized.isEmpty {
        error(table.file, row.line, "term '\(term)' has no word the tokenizer can match")
        continue
      }
      termTokens.append(tokens)
      terms.append(
        TermEntry(
          concept: concept, term: term, caseSensitive: attributes.caseSensitive,
          fuzzy: attributes.fuzzy, plural: attributes.plural, category: attributes.category,
          isSymptom: attributes.isSymptom, file: table.file, line: row.line))
    }
  }

  mutating func checkDuplicateTerms() {
    // Two terms are duplicates when they agree on layer and words. Mentions and cues are matched
    // in separate layers, so a phrase may be both.
    func layer(_ index: Int) -> String { concepts[terms[index].concept]?.role.rawValue ?? "" }
    /// The words a term is matched on: as written for a case-sensitive term, normalized otherwise.
    func words(_ index: Int) -> [String] {
      terms[index].caseSensitive
        ? termTokens[index].original.map { String(String.UnicodeScalarView($0)) }
        : termTokens[index].normalized
    }
    // Terms grouped by an FNV-1a hash of layer and words, compared only within a group: no key
    // strings are built for the usual term.
    var seen: [UInt64: [Int]] = [:]
    seen.reserveCapacity(terms.count)
    for index in terms.indices {
      let term = terms[index]
      var hasher = FNV1a()
      hasher.add(layer(index).utf8)
      hasher.add(0x7C)
      for word in term.caseSensitive ? words(index) : termTokens[index].normalized {
        hasher.add(word.utf8)
        hasher.add(0x20)
      }
      let key = hasher.value
      if let earlierIndex = seen[key]?.first(where: { layer($0) == layer(index) && words($0) == words(index) }) {
        let earlier = terms[earlierIndex]
        if earlier.concept == term.concept {
          error(
            term.file, term.line,
            "duplicate term '\(term.term)' for \(term.concept) (also \(earlier.file):\(earlier.line))")
        } else {
          warning(
            term.file, term.line,
            "term '\(term.term)' is listed under \(term.concept) and under \(earlier.concept) (\(earlier.file):\(earlier.line)); the earlier row wins"
          )
        }
      } else {
        seen[key, default: []].append(index)
      }
    }
  }

  static func isCodeShape(_ code: String) -> Bool {
    let scalars = Array(code.unicodeScalars)
    guard scalars.count >= 3, ("A"..."Z").contains(scalars[0]),
      ("0"..."9").contains(scalars[1])
    else { return false }
    return scalars.dropFirst().allSatisfy { ("0"..."9").contains($0) || ("A"..."Z").contains($0) || $0 == "." }
  }

  mutating func parseCodes(_ table: TSVTable) {
    for row in table.rows {
      let code = row.fields[0]
      guard Self.isCodeShape(code) else {
        error(table.file, row.line, "'\(code)' is not an ICD-10-CM code (upper case, like C71.1)")
        continue
      }
      guard
        let attributes = parseAttributes(
          row.fields[2], file: table.file, line: row.line, allowPrefix: true),
        checkConcept(row.fields[1], category: attributes.category, file: table.file, line: row.line)
      else { continue }
      codes.append(
        ICDCodeEntry(
          code: code, concept: row.fields[1], isPrefix: attributes.prefix,
          category: attributes.category, isSymptom: attributes.isSymptom, file: table.file,
          line: row.line))
    }
  }

  mutating func parseContext(_ table: TSVTable) {
    for row in table.rows {
      let phrase = row.fields[0]
      guard !phrase.isEmpty else {
        error(table.file, row.line, "empty trigger phrase")
        continue
      }
      guard let kind = ContextTriggerKind(name: row.fields[1]) else {
        error(
          table.file, row.line,
          "'\(row.fields[1])' is not a context category; expected negated, uncertain, historical, hypothetical, family, pseudo, terminate or current"
        )
        continue
      }
      guard let direction = ScopeDirection(rawValue: row.fields[2]) else {
        error(
          table.file, row.line,
          "'\(row.fields[2])' is not a direction; expected forward, backward, both or none")
        continue
      }
      if case .modifier = kind, direction == .none {
        error(table.file, row.line, "a \(kind.name) trigger needs a direction (forward, backward or both)")
        continue
      }
      var scope: Int?
      if !row.fields[3].isEmpty && row.fields[3] != "-" {
        guard let value = Int(row.fields[3]), value > 0 else {
          error(table.file, row.line, "scope '\(row.fields[3])' is not a positive number of tokens or '-'")
          continue
        }
        scope = value
      }
      var appliesTo: Set<String>?
      if !row.fields[4].isEmpty {
        let names = Set(row.fields[4].split(separator: " ").map(String.init))
        if let unknown = names.first(where: { concepts[$0] == nil }) {
          error(table.file, row.line, "applies-to names unknown concept '\(unknown)'")
          continue
        }
        appliesTo = names
      }
      triggers.append(
        ContextTrigger(
          phrase: phrase, kind: kind, direction: direction, maxScope: scope, appliesTo: appliesTo,
          file: table.file, line: row.line))
    }
  }

  mutating func parseSections(_ table: TSVTable) {
    for row in table.rows {
      guard let role = SectionRole(rawValue: row.fields[2]) else {
        error(
          table.file, row.line,
          "'\(row.fields[2])' is not a section role; expected purpose, result, ignore, family, past or other")
        continue
      }
      if row.fields[0].isEmpty || row.fields[1].isEmpty {
        error(table.file, row.line, "a section row needs a phrase and a section name")
        continue
      }
      sectionHeaders.append(
        SectionHeaderEntry(phrase: row.fields[0], section: row.fields[1], role: role, line: row.line))
    }
  }

  static let canonicalMetabolites: Set<String> = [
    "NAA", "Cho", "Cr", "mI", "Lac", "Lip", "Glx", "Ala", "2HG", "LipLac",
  ]

  mutating func parseMetabolites(_ table: TSVTable) {
    for row in table.rows {
      guard Self.canonicalMetabolites.contains(row.fields[1]) else {
        error(
          table.file, row.line,
          "'\(row.fields[1])' is not a normalized metabolite; expected one of \(Self.canonicalMetabolites.sorted().joined(separator: ", "))"
        )
        continue
      }
      metabolites.append(MetaboliteEntry(term: row.fields[0], canonical: row.fields[1], line: row.line))
    }
  }

  mutating func parsePrograms(_ table: TSVTable) {
    var seen = Set<String>()
    for row in table.rows {
      guard row.fields[1] == "guideline" || row.fields[1] == "review" else {
        error(table.file, row.line, "policy '\(row.fields[1])' is not guideline or review")
        continue
      }
      let names = [row.fields[0]] + row.fields[2].split(separator: " ").map(String.init)
      for name in names.map(ProgramPolicy.normalize) where !seen.insert(name).inserted {
        error(table.file, row.line, "line of business '\(name)' is named twice")
      }
      guard !row.fields[3].isEmpty else {
        error(table.file, row.line, "a program needs its reason")
        continue
      }
      programs.append(
        ProgramPolicy(
          program: row.fields[0], guidelineApplies: row.fields[1] == "guideline",
          aliases: Array(names.dropFirst()).map(ProgramPolicy.normalize), reason: row.fields[3]))
    }
  }

  mutating func parseThresholds(_ table: TSVTable) {
    for row in table.rows {
      let parts = row.fields[0].split(separator: "/").map(String.init)
      guard parts.count == 2, parts.allSatisfy(Self.canonicalMetabolites.contains) else {
        error(table.file, row.line, "'\(row.fields[0])' is not a ratio of normalized metabolites (NUM/DEN)")
        continue
      }
      guard let value = Double(row.fields[1]), value > 0 else {
        error(table.file, row.line, "threshold '\(row.fields[1])' is not a positive number")
        continue
      }
      guard GuidelineVocabulary.findings.contains(row.fields[2]) else {
        error(table.file, row.line, "'\(row.fields[2])' is not a spectroscopy finding")
        continue
      }
      guard !row.fields[3].isEmpty else {
        error(table.file, row.line, "a threshold needs its source")
        continue
      }
      thresholds.append(ReferenceThreshold(analyte: row.fields[0], value: value, favors: row.fields[2], source: row.fields[3]))
    }
  }

  mutating func parseFindings(_ table: TSVTable) {
    for row in table.rows {
      let effect: FindingCue.Effect
      switch row.fields[1] {
      case "conclusion": effect = .conclusion
      case "no-result": effect = .noResult
      case "no-tumor-question":
        guard GuidelineVocabulary.otherIndications.contains(row.fields[0]) else {
          error(table.file, row.line, "'\(row.fields[0])' is not an other_indications category")
          continue
        }
        noTumorQuestionCategories.insert(row.fields[0])
        continue
      case let value where GuidelineVocabulary.findings.contains(value): effect = .finding(value)
      default:
        error(
          table.file, row.line,
          "'\(row.fields[1])' is not a finding effect; expected conclusion, no-result, \(GuidelineVocabulary.findings.joined(separator: ", "))"
        )
        continue
      }
      findingCues.append(FindingCue(phrase: row.fields[0], effect: effect, line: row.line))
    }
  }
}
