/// Whether a concept is reported as a mention or only used inside the guideline rules.
public enum ConceptRole: String, Sendable, Hashable {
  /// Reported in `mentions` (the concepts of the annotation guideline).
  case mention
  /// An internal cue (a new finding, a differential word ...) that rules use; reported in `cues`.
  case cue
}

/// A concept id declared in `concepts.tsv`.
public struct ConceptDefinition: Sendable, Hashable {
  /// The id, such as `brain-tumor` or `new-finding`.
  public var id: String
  /// Mention or cue.
  public var role: ConceptRole
  /// What the concept means, for reviewers.
  public var description: String
}

/// One row of a term file: a literal phrase that names a concept.
public struct TermEntry: Sendable, Hashable {
  /// The concept id.
  public var concept: String
  /// The phrase as written in the lexicon.
  public var term: String
  /// Match only with the exact capitalization written (for short ambiguous abbreviations).
  public var caseSensitive: Bool
  /// Whether misspellings of the phrase's long words may match.
  public var fuzzy: Bool
  /// Whether a plural ending on the last word may match.
  public var plural: Bool
  /// The `other_indications` category, for `other-indication` terms.
  public var category: String?
  /// Whether the phrase names a symptom rather than a stated purpose (`role=symptom`).
  public var isSymptom: Bool
  /// Where the row is, for diagnostics and evidence.
  public var file: String
  /// The 1-based line of the row.
  public var line: Int
}

/// One row of `icd10.tsv`: an ICD-10-CM code (or code prefix) and the concept it evidences.
public struct ICDCodeEntry: Sendable, Hashable {
  /// The code as ICD-10-CM prints it, upper case, with its dot (`C79.31`).
  public var code: String
  /// The concept id.
  public var concept: String
  /// Whether every code starting with `code` is covered.
  public var isPrefix: Bool
  /// The `other_indications` category, for `other-indication` codes.
  public var category: String?
  /// Whether the code names a symptom rather than a stated purpose (`role=symptom`).
  public var isSymptom: Bool
  /// Source file.
  public var file: String
  /// Source line.
  public var line: Int
}

/// One row of `sections.tsv`: a header phrase and the section it opens.
public struct SectionHeaderEntry: Sendable, Hashable {
  /// The header phrase, without its colon.
  public var phrase: String
  /// The section category, such as `indication` or `impression`.
  public var section: String
  /// How the guideline rules treat text in the section.
  public var role: SectionRole
  /// Source line.
  public var line: Int
}

/// How the guideline rules use the text of a section.
public enum SectionRole: String, Sendable, Hashable, CaseIterable {
  /// The section states why the exam is done (indication, history, reason, diagnoses).
  case purpose
  /// The section reports results (findings, impression, spectroscopy).
  case result
  /// The section never supports a decision (technique, comparison, signatures).
  case ignore
  /// The section speaks of relatives (family history): its mentions get the `family` flag.
  case family
  /// The section lists the patient's past (past medical or social history): its mentions get the
  /// `historical` flag, and the rules read it as purpose text.
  case past
  /// Anything else.
  case other
}

/// One row of `metabolites.tsv`: a metabolite name and its normalized spelling.
public struct MetaboliteEntry: Sendable, Hashable {
  /// The name as written in reports (`choline`, `tCho`, `N-acetylaspartate`).
  public var term: String
  /// The normalized spelling of ANNOTATION.md (`Cho`, `NAA`, `Cr`, `mI`, `LipLac` ...).
  public var canonical: String
  /// Source line.
  public var line: Int
}

/// One row of `programs.tsv`: a line of business and whether this guideline decides for it.
public struct ProgramPolicy: Sendable, Hashable {
  /// The program id (`commercial`, `fep`, `medicare-advantage` ...).
  public var program: String
  /// Whether this guideline applies (`true`), or the record goes to a person.
  public var guidelineApplies: Bool
  /// Other spellings that name the program.
  public var aliases: [String]
  /// Why, in words, shown to the reviewer.
  public var reason: String

  /// The normalized form of a line-of-business value: lower case, spaces and underscores as hyphens.
  public static func normalize(_ value: String) -> String {
    String(value.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
      .split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
  }
}
