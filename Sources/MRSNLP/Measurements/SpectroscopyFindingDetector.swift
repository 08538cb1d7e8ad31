/// Decides what a report's MRS result concludes (`spectroscopy_finding`), from `findings.tsv`.
///
/// Sentences are read in order of authority: the impression, then spectroscopy sections, then
/// other result sections, then the rest. The first sentence that says something decides:
/// a `no-result` cue (non-diagnostic study) means no finding; a concluding verb ("favor",
/// "consistent with") is decided by the concept that follows it, with its assertion (a negated
/// tumor favors treatment effect after treatment, a non-tumor diagnosis otherwise); otherwise finding cues ("elevated choline",
/// "nonspecific") and concepts in a sentence about spectroscopy vote, and a split vote is
/// `indeterminate`. Orders, reports with no MRS result, and reports whose every stated purpose asks
/// no tumour question (`no-tumor-question` rows: epilepsy, dementia, neonatal ...) get no finding.
public struct SpectroscopyFindingDetector: Sendable {
  let lexicon: Lexicon
  private let assertions: AssertionDetector

  /// Creates a detector over the lexicon's finding cues.
  public init(lexicon: Lexicon) {
    self.lexicon = lexicon
    assertions = AssertionDetector(lexicon: lexicon)
  }

  /// The finding and the span of the sentence that decided it, or nil.
  public func finding(
    text: TextAnalysis, mentions: [Mention], cues: [Mention], measurements: [Measurement],
    indications: [String], assertionContext: AssertionDetector.Context? = nil, nonTumorPurpose: Bool
  ) -> (finding: String, sentence: TextSpan)? {
    guard text.document.kind == .report, !nonTumorPurpose else { return nil }
    // What "no tumor" concludes depends on the question: after treatment it favors treatment
    // effect; for a lesion of unknown nature it favors a non-tumor diagnosis.
    let treatedContext =
      indications.contains("recurrence-vs-treatment-effect")
      || (!indications.contains("tumor-vs-non-tumor")
        && mentions.contains { $0.concept == "treatment" && !$0.flags.has(.negated) })
    let noTumor = treatedContext ? "favors-treatment-effect" : "favors-non-tumor"
    func vote(_ mention: Mention) -> String? { Self.vote(for: mention, noTumor: noTumor) }
    let hasResult =
      !measurements.isEmpty || mentions.contains { $0.concept == "spectroscopy" }
    guard hasResult else { return nil }

    let matches = PhraseTrie.longestNonOverlapping(
      lexicon.findingTrie.allMatches(in: text.stream, tokens: text.tokens, scalars: text.scalars))
    var findingCues: [(cue: FindingCue, mention: Mention)] = matches.map { match in
      let cue = lexicon.findingCues[lexicon.findingPhraseRow[match.phrase]]
      let sentence = Int(text.sentenceOfToken[match.firstToken])
      return (
        cue,
        Mention(
          concept: "finding-cue", role: .cue, span: text.span(match.firstToken, match.lastToken),
          firstToken: match.firstToken, lastToken: match.lastToken, sentence: sentence,
          section: text.sentences[sentence].section, category: nil, isSymptom: false,
          fuzzy: false, source: .term(file: "findings.tsv", line: cue.line))
      )
    }
    let asserted = assertions.assert(
      findingCues.map(\.mention), in: text, context: assertionContext ?? assertions.context(in: text))
    for index in findingCues.indices { findingCues[index].mention = asserted[index] }

    let measuredSentences = Set(measurements.map(\.sentence))
    let spectroscopySentences = Set(mentions.filter { $0.concept == "spectroscopy" }.map(\.sentence))
    func speaksOfSpectroscopy(_ index: Int) -> Bool {
      measuredSentences.contains(index) || spectroscopySentences.contains(index)
    }
    // A report that says its MRS was not performed or was non-diagnostic states no MRS result.
    if findingCues.contains(where: {
      $0.cue.effect == .noResult && !$0.mention.flags.has(.negated) && speaksOfSpectroscopy($0.mention.sentence)
    }) {
      return nil
    }
    func tier(_ index: Int) -> Int {
      let section = text.sections[text.sentences[index].section]
      switch section.category {
      case "impression": return speaksOfSpectroscopy(index) ? 0 : 2
      case "spectroscopy": return 1
      default: return section.role == .result ? 3 : (section.role == .ignore ? 9 : 4)
      }
    }
    let tiers = text.sentences.indices.map(tier)
    let order = text.sentences.indices.sorted { (tiers[$0], $0) < (tiers[$1], $1) }
    for sentenceIndex in order where tiers[sentenceIndex] < 9 {
      let sentenceCues = findingCues.filter { $0.mention.sentence == sentenceIndex }
      let concepts = mentions.filter { $0.sentence == sentenceIndex } + cues.filter {
        $0.sentence == sentenceIndex && $0.concept == "viable-tumor"
      }
      let span = text.sentences[sentenceIndex].span
      if sentenceCues.contains(where: {
        $0.cue.effect == .noResult && !$0.mention.flags.has(.negated)
      }) {
        return nil
      }
      let aboutSpectroscopy =
        measuredSentences.contains(sentenceIndex)
        || concepts.contains { $0.concept == "spectroscopy" }
        || text.sections[text.sentences[sentenceIndex].section].category == "spectroscopy"
      // A hedge in the deciding sentence ("nonspecific", "mixed") outweighs any concluding verb.
      if sentenceCues.contains(where: {
        $0.cue.effect == .finding("indeterminate") && !$0.mention.flags.has(.negated)
      }) && (aboutSpectroscopy || tiers[sentenceIndex] <= 2) {
        return ("indeterminate", span)
      }
      var votes: [String] = []
      if let conclusion = sentenceCues.first(where: { $0.cue.effect == .conclusion }) {
        if let decided = concepts.sorted(by: { $0.span < $1.span }).first(where: {
          $0.firstToken > conclusion.mention.lastToken && vote($0) != nil
        }), let decision = vote(decided) {
          votes.append(decision)
        }
      }
      if votes.isEmpty && (aboutSpectroscopy || tiers[sentenceIndex] <= 1) {
        for (cue, mention) in sentenceCues where !mention.flags.has(.negated) {
          if case .finding(let value) = cue.effect { votes.append(value) }
        }
        if aboutSpectroscopy {
          votes += concepts.compactMap(vote)
        }
      }
      let distinct = Set(votes)
      if distinct.contains("indeterminate") || distinct.count > 1 {
        return ("indeterminate", span)
      }
      if let only = distinct.first { return (only, span) }
    }
    return nil
  }

  /// What one concept mention says about the result, with its assertion; `noTumor` is what a
  /// negated tumor concludes in this report.
  static func vote(for mention: Mention, noTumor: String) -> String? {
    if mention.flags.has(.hypothetical) || mention.flags.has(.family) || mention.flags.has(.historical) {
      return nil
    }
    let negated = mention.flags.has(.negated)
    switch mention.concept {
    case "recurrence", "brain-tumor", "viable-tumor":
      return negated ? noTumor : "favors-tumor"
    case "treatment-effect": return negated ? nil : "favors-treatment-effect"
    case "non-tumor-diagnosis": return negated ? nil : "favors-non-tumor"
    default: return nil
    }
  }
}
