/// Scores classifications against gold labels: the engine behind `mrs-nlp eval`.
public struct Evaluator: Sendable {
  let classifier: Classifier

  /// Creates an evaluator around a classifier.
  public init(classifier: Classifier) { self.classifier = classifier }

  /// Compares one document's classification with its gold labels.
  public func outcome(document: Document, gold: GoldLabels) -> DocumentOutcome {
    let result = classifier.classify(document)
    var measurementCounts = Counts()
    var remaining = gold.measurements.map { ($0.analyte, ($0.value * 1_000_000).rounded()) }
    for measurement in result.measurements {
      let key = (measurement.analyte, (measurement.value * 1_000_000).rounded())
      if let index = remaining.firstIndex(where: { $0 == key }) {
        remaining.remove(at: index)
        measurementCounts.truePositives += 1
      } else {
        measurementCounts.falsePositives += 1
      }
    }
    measurementCounts.falseNegatives = remaining.count

    let predictedMentions = result.mentions.filter { $0.concept != "measurement" }
    var outcome = DocumentOutcome(
      id: document.id, kind: document.kind, goldDecision: gold.decision,
      predictedDecision: result.decision, goldIndications: Set(gold.indications),
      predictedIndications: Set(result.indications), goldOthers: Set(gold.otherIndications),
      predictedOthers: Set(result.otherIndications), goldFinding: gold.spectroscopyFinding,
      predictedFinding: result.spectroscopyFinding, measurements: measurementCounts,
      hasGoldMentions: gold.mentions != nil, mentionExact: Counts(), mentionOverlap: Counts(),
      spanExact: Counts(), spanOverlap: Counts(), perConcept: [:], flagPairs: [],
      explanation: [])
    if let goldMentions = gold.mentions?.filter({ $0.concept != "measurement" }) {
      func count(_ match: (GoldLabels.GoldMention, Mention) -> Bool) -> Counts {
        let found = goldMentions.filter { g in predictedMentions.contains { match(g, $0) } }.count
        let correct = predictedMentions.filter { p in goldMentions.contains { match($0, p) } }.count
        return Counts(
          truePositives: found, falsePositives: predictedMentions.count - correct,
          falseNegatives: goldMentions.count - found)
      }
      outcome.mentionExact = count { $0.span == $1.span && $0.concept == $1.concept }
      outcome.mentionOverlap = count { $0.span.overlaps($1.span) && $0.concept == $1.concept }
      outcome.spanExact = count { $0.span == $1.span }
      outcome.spanOverlap = count { $0.span.overlaps($1.span) }
      let concepts = Set(goldMentions.map(\.concept)).union(predictedMentions.map(\.concept))
      for concept in concepts {
        let g = goldMentions.filter { $0.concept == concept }
        let p = predictedMentions.filter { $0.concept == concept }
        let found = g.filter { gm in p.contains { $0.span.overlaps(gm.span) } }.count
        let correct = p.filter { pm in g.contains { $0.span.overlaps(pm.span) } }.count
        outcome.perConcept[concept] = Counts(
          truePositives: found, falsePositives: p.count - correct, falseNegatives: g.count - found)
      }
      for goldMention in goldMentions {
        if let match = predictedMentions.first(where: {
          $0.concept == goldMention.concept && $0.span.overlaps(goldMention.span)
        }) {
          outcome.flagPairs.append((goldMention.flags, match.flags))
        }
      }
    }
    for evaluation in result.evaluations where evaluation.fired {
      let used = evaluation.mentions.map { "«\(result.text.text(result.mentions[$0].span))»" }
        + evaluation.cues.map { "«\(result.text.text(result.cues[$0].span))»" }
      outcome.explanation.append("\(evaluation.rule.id) → \(evaluation.label ?? "") \(used.joined(separator: " "))")
    }
    return outcome
  }
}
