/// The whole pipeline: text → mentions → assertions → measurements → rules → decision.
///
/// A classifier is a value built once from a lexicon; `classify` is pure and safe to call from
/// many threads.
public struct Classifier: Sendable {
  /// The lexicon set in use.
  public let lexicon: Lexicon
  let matcher: ConceptMatcher
  let assertions: AssertionDetector
  let measurementExtractor: MeasurementExtractor
  let rules: RuleEngine
  let findings: SpectroscopyFindingDetector

  /// Creates a classifier.
  public init(lexicon: Lexicon) {
    self.lexicon = lexicon
    matcher = ConceptMatcher(lexicon: lexicon)
    assertions = AssertionDetector(lexicon: lexicon)
    measurementExtractor = MeasurementExtractor(lexicon: lexicon)
    rules = RuleEngine(lexicon: lexicon)
    findings = SpectroscopyFindingDetector(lexicon: lexicon)
  }

  /// Classifies one document.
  public func classify(_ document: Document) -> Classification {
    var memo = SpellingMemo()
    return classify(document, memo: &memo)
  }

  /// Classifies one document with a thread's spelling memo, kept from document to document (the
  /// result is the same as without it; the memo saves repeating misspelling lookups).
  public func classify(_ document: Document, memo: inout SpellingMemo) -> Classification {
    let text = TextAnalysis(document: document, lexicon: lexicon, memo: &memo)
    let found = matcher.match(text)
    let measurements = measurementExtractor.measurements(in: text)
    var mentions = found.mentions
    for measurement in measurements {
      let first = text.tokens.firstIndex { $0.span.start == measurement.span.start } ?? 0
      let last = text.tokens.firstIndex { $0.span.end == measurement.span.end } ?? first
      mentions.append(
        Mention(
          concept: "measurement", role: .mention, span: measurement.span, firstToken: first,
          lastToken: last, sentence: measurement.sentence,
          section: text.sentences[measurement.sentence].section, category: nil, isSymptom: false,
          fuzzy: false, source: .construction("metabolite ratio")))
    }
    mentions.sort { $0.span < $1.span }
    let context = assertions.context(in: text)
    let assertedMentions = assertions.assert(mentions, in: text, context: context)
    let assertedCues = assertions.assert(found.cues, in: text, context: context)
    let evaluations = rules.evaluate(mentions: assertedMentions, cues: assertedCues, text: text)
    var indications: [String] = []
    var others = Set<String>()
    for evaluation in evaluations where evaluation.fired {
      guard let label = evaluation.label else { continue }
      if case .indication = evaluation.rule.outcome {
        if !indications.contains(label) { indications.append(label) }
      } else if label != "review" {
        others.insert(label)
      }
    }
    // A contradiction withdraws the indication it contradicts and sends the record to a person.
    let vetoed = Set(evaluations.filter(\.fired).flatMap(\.rule.vetoes))
    let contradicted = indications.contains(where: vetoed.contains)
    indications = GuidelineVocabulary.indications.filter { indications.contains($0) && !vetoed.contains($0) }
    let otherIndications = contradicted && indications.isEmpty ? [] : others.sorted()
    let finding = findings.finding(
      text: text, mentions: assertedMentions, cues: assertedCues, measurements: measurements,
      indications: indications, assertionContext: context, nonTumorPurpose: indications.isEmpty && !otherIndications.isEmpty
        && otherIndications.allSatisfy(lexicon.noTumorQuestionCategories.contains))
    var classification = Classification(
      text: text, decision: Decision(indications: indications, otherIndications: otherIndications),
      indications: indications, otherIndications: otherIndications,
      spectroscopyFinding: finding?.finding, findingSentence: finding?.sentence,
      measurements: measurements, mentions: assertedMentions, cues: assertedCues,
      evaluations: evaluations, guidelineDecision: Decision(indications: indications, otherIndications: otherIndications),
      guidelineIndications: indications, guidelineOtherIndications: otherIndications)
    route(&classification)
    return classification
  }

  /// Flags from the rules and the procedure check, and the line-of-business policy; a flag from a
  /// rule or a program that follows other rules sends the record to a person.
  func route(_ classification: inout Classification) {
    for evaluation in classification.evaluations where evaluation.fired && !evaluation.rule.flags.isEmpty {
      let span = (evaluation.cues.map { classification.cues[$0].span } + evaluation.mentions.map { classification.mentions[$0].span }).min()
      for flag in evaluation.rule.flags {
        classification.flags.append(ReviewFlag(name: flag, reason: evaluation.rule.explanation, span: span))
        classification.routedToReview.append("\(flag) (rule \(evaluation.rule.id))")
      }
    }
    classification.flags += ProcedureCheck(lexicon: lexicon).flags(classification)
    if let value = classification.document.lineOfBusiness, let program = lexicon.program(named: value) {
      classification.program = program
      if !program.guidelineApplies {
        classification.routedToReview.append("line of business \(program.program): \(program.reason)")
      }
    }
    if !classification.routedToReview.isEmpty {
      classification.decision = .needsReview
      classification.indications = []
      classification.otherIndications = []
    }
  }
}
