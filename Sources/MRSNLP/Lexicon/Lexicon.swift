/// A loaded, validated and compiled lexicon set: every vocabulary and rule the pipeline uses.
///
/// Build one from the embedded defaults (`Lexicon.embedded()`) or from a folder of edited files;
/// it is compiled once into tries and shared, read-only, by every document (a class, so that the
/// pipeline stages holding it share one instance instead of copying its thirty members).
public final class Lexicon: Sendable {
  /// Declared concepts by id.
  public let concepts: [String: ConceptDefinition]
  /// Term rows of every term file.
  public let terms: [TermEntry]
  /// ICD-10-CM code rows.
  public let codes: [ICDCodeEntry]
  /// ConText trigger rows.
  public let triggers: [ContextTrigger]
  /// Section header rows.
  public let sectionHeaders: [SectionHeaderEntry]
  /// Abbreviations after which a period does not end a sentence (normalized, without the period).
  public let abbreviations: Set<String>
  /// Metabolite names.
  public let metabolites: [MetaboliteEntry]
  /// Guideline rules, in file order.
  public let rules: [GuidelineRule]
  /// Spectroscopy conclusion cue phrases.
  public let findingCues: [FindingCue]
  /// Words that are never taken as misspellings of a lexicon word.
  public let fuzzyStoplist: Set<String>
  /// Purposes whose MRS studies answer no tumour question (no `spectroscopy_finding` for them).
  public let noTumorQuestionCategories: Set<String>
  /// Published cut-offs of metabolite ratios, for readers.
  public let thresholds: [ReferenceThreshold]
  /// Lines of business and whether this guideline decides for them.
  public let programs: [ProgramPolicy]

  /// The program a line-of-business value names, or nil when it names none.
  public func program(named value: String) -> ProgramPolicy? {
    let key = ProgramPolicy.normalize(value)
    return programs.first { ProgramPolicy.normalize($0.program) == key || $0.aliases.contains(key) }
  }
  /// Warnings found while loading (a term under two concepts ...).
  public let warnings: [LexiconDiagnostic]
  /// FNV-1a digest of the files, so a decision can name the exact lexicon set behind it.
  public let digest: String
  /// The file names loaded.
  public let fileNames: [String]

  let vocabulary: Vocabulary
  let fuzzyIndex: FuzzyIndex
  let conceptTrie: PhraseTrie
  let conceptPhraseTerm: [Int]
  let cueTrie: PhraseTrie
  let cuePhraseTerm: [Int]
  let triggerTrie: PhraseTrie
  let triggerPhraseRow: [Int]
  let sectionDetector: SectionDetector
  let metaboliteTrie: PhraseTrie
  let metabolitePhraseRow: [Int]
  let findingTrie: PhraseTrie
  let findingPhraseRow: [Int]
  let codeIndex: [String: [Int]]

  /// Loads the lexicons compiled into the binary.
  public static func embedded() throws(LexiconLoadError) -> Lexicon {
    try Lexicon(files: LexiconSourceFile.embedded)
  }

  /// Parses, validates and compiles `files`; throws every error found, each with file and line.
  ///
  /// - Parameter contextTriggers: when given, these triggers replace those of the context files
  ///   (for example rules read from a medspaCy JSON file).
  public init(files: [LexiconSourceFile], contextTriggers: [ContextTrigger]? = nil) throws(LexiconLoadError) {
    var parsed = LexiconParser()
    parsed.parse(files)
    if let contextTriggers { parsed.triggers = contextTriggers }
    let errors = parsed.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else { throw LexiconLoadError(diagnostics: errors) }
    concepts = parsed.concepts
    terms = parsed.terms
    codes = parsed.codes
    triggers = parsed.triggers
    sectionHeaders = parsed.sectionHeaders
    abbreviations = parsed.abbreviations
    metabolites = parsed.metabolites
    rules = parsed.rules
    findingCues = parsed.findingCues
    fuzzyStoplist = parsed.fuzzyStoplist
    noTumorQuestionCategories = parsed.noTumorQuestionCategories
    thresholds = parsed.thresholds
    programs = parsed.programs
    warnings = parsed.diagnostics.filter { $0.severity == .warning }
    digest = LexiconSourceFile.digest(files)
    fileNames = files.map(\.name).sorted()

    var vocabulary = Vocabulary()
    var fuzzy = FuzzyIndex()
    var noFuzzy = FuzzyIndex()
    var conceptTrie = PhraseTrie()
    var conceptPhraseTerm: [Int] = []
    var cueTrie = PhraseTrie()
    var cuePhraseTerm: [Int] = []
    for (index, term) in terms.enumerated() {
      let isCue = parsed.concepts[term.concept]?.role == .cue
      if isCue {
        if cueTrie.insert(
          parsed.termTokens[index], caseSensitive: term.caseSensitive, fuzzy: term.fuzzy, plural: term.plural,
          vocabulary: &vocabulary, fuzzyIndex: &fuzzy) != nil
        {
          cuePhraseTerm.append(index)
        }
      } else if conceptTrie.insert(
        parsed.termTokens[index], caseSensitive: term.caseSensitive, fuzzy: term.fuzzy, plural: term.plural,
        vocabulary: &vocabulary, fuzzyIndex: &fuzzy) != nil
      {
        conceptPhraseTerm.append(index)
      }
    }
    /// Compiles literal phrases (no case, misspelling or plural variants) into a trie, returning
    /// for each trie phrase the index of the row it came from.
    func literalTrie(_ phrases: [String]) -> (PhraseTrie, [Int]) {
      var trie = PhraseTrie()
      var rows: [Int] = []
      for (index, phrase) in phrases.enumerated() {
        if trie.insert(
          phrase, caseSensitive: false, fuzzy: false, plural: false, vocabulary: &vocabulary,
          fuzzyIndex: &noFuzzy) != nil
        {
          rows.append(index)
        }
      }
      return (trie, rows)
    }
    let (triggerTrie, triggerPhraseRow) = literalTrie(parsed.triggers.map(\.phrase))
    let (sectionTrie, sectionRowIndexes) = literalTrie(parsed.sectionHeaders.map(\.phrase))
    let headers = parsed.sectionHeaders
    let sectionRows = sectionRowIndexes.map { headers[$0] }
    let (metaboliteTrie, metabolitePhraseRow) = literalTrie(parsed.metabolites.map(\.term))
    let (findingTrie, findingPhraseRow) = literalTrie(parsed.findingCues.map(\.phrase))
    for word in parsed.fuzzyStoplist { fuzzy.block(word) }
    fuzzy.seal()
    var codeIndex: [String: [Int]] = [:]
    for (index, code) in codes.enumerated() { codeIndex[code.code, default: []].append(index) }

    self.vocabulary = vocabulary
    self.fuzzyIndex = fuzzy
    self.conceptTrie = conceptTrie
    self.conceptPhraseTerm = conceptPhraseTerm
    self.cueTrie = cueTrie
    self.cuePhraseTerm = cuePhraseTerm
    self.triggerTrie = triggerTrie
    self.triggerPhraseRow = triggerPhraseRow
    self.sectionDetector = SectionDetector(trie: sectionTrie, headers: sectionRows)
    self.metaboliteTrie = metaboliteTrie
    self.metabolitePhraseRow = metabolitePhraseRow
    self.findingTrie = findingTrie
    self.findingPhraseRow = findingPhraseRow
    self.codeIndex = codeIndex
  }
}
