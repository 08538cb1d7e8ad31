/// Every figure `mrs-nlp eval` reports, computed from the document outcomes.
public struct EvaluationReport: Sendable {
  /// The outcomes scored.
  public let outcomes: [DocumentOutcome]
  /// Records that could not be scored (unreadable, no gold), with their reason.
  public let unscored: [(id: String, reason: String)]
  /// Decision counts per label.
  public let decision: [String: Counts]
  /// Decision confusion matrix: gold → predicted → count.
  public let confusion: [String: [String: Int]]
  /// Counts per covered indication.
  public let indications: [String: Counts]
  /// Counts per non-covered purpose.
  public let others: [String: Counts]
  /// Counts per spectroscopy finding value (reports).
  public let findings: [String: Counts]
  /// Measurement matches.
  public let measurements: Counts
  /// Mention matches (documents with gold mentions only).
  public let mentionExact: Counts
  /// Mention matches with overlapping spans.
  public let mentionOverlap: Counts
  /// Span matches ignoring the concept.
  public let spanExact: Counts
  /// Overlapping span matches ignoring the concept.
  public let spanOverlap: Counts
  /// Overlapping-span matches per concept.
  public let perConcept: [String: Counts]
  /// Per flag: counts over gold mentions matched by a predicted mention of the same concept.
  public let assertion: [String: Counts]
  /// Per flag: accuracy over the same matched pairs.
  public let assertionAccuracy: [String: Double]
  /// The headline figures with their names.
  public let main: [(String, Double)]
  /// 95% bootstrap intervals of the headline figures.
  public let intervals: [String: (Double, Double)]

  /// The headline figures of a set of outcomes (used for the report and for each bootstrap sample).
  static func mainFigures(_ outcomes: [DocumentOutcome]) -> [(String, Double)] {
    let total = outcomes.count
    let correct = outcomes.filter { $0.goldDecision == $0.predictedDecision }.count
    var meets = Counts()
    for outcome in outcomes {
      meets = meets + Counts.sets(
        gold: [outcome.goldDecision], predicted: [outcome.predictedDecision], label: .meetsCriteria)
    }
    var figures: [(String, Double)] = [
      ("decision_accuracy", total == 0 ? 0 : Double(correct) / Double(total)),
      ("meets_criteria_precision", meets.precision),
    ]
    for indication in GuidelineVocabulary.indications {
      var counts = Counts()
      for outcome in outcomes {
        counts = counts + Counts.sets(gold: outcome.goldIndications, predicted: outcome.predictedIndications, label: indication)
      }
      figures.append(("indication_f1.\(indication)", counts.f1))
    }
    var other = Counts()
    var finding = Counts()
    var measurement = Counts()
    var mention = Counts()
    for outcome in outcomes {
      for label in outcome.goldOthers.union(outcome.predictedOthers) {
        other = other + Counts.sets(gold: outcome.goldOthers, predicted: outcome.predictedOthers, label: label)
      }
      finding = finding + findingCounts(outcome)
      measurement = measurement + outcome.measurements
      mention = mention + outcome.mentionOverlap
    }
    figures.append(("other_indications_micro_f1", other.f1))
    figures.append(("spectroscopy_finding_micro_f1", finding.f1))
    figures.append(("measurement_f1", measurement.f1))
    figures.append(("mention_overlap_f1", mention.f1))
    return figures
  }

  static func findingCounts(_ outcome: DocumentOutcome) -> Counts {
    var counts = Counts()
    if let predicted = outcome.predictedFinding {
      if predicted == outcome.goldFinding { counts.truePositives += 1 } else { counts.falsePositives += 1 }
    }
    if let gold = outcome.goldFinding, gold != outcome.predictedFinding { counts.falseNegatives += 1 }
    return counts
  }

  /// Computes every figure; `resamples` bootstrap samples with a fixed seed give the intervals.
  public init(outcomes: [DocumentOutcome], unscored: [(id: String, reason: String)], resamples: Int = 1000) {
    self.outcomes = outcomes
    self.unscored = unscored
    var decision: [String: Counts] = [:]
    var confusion: [String: [String: Int]] = [:]
    var indications: [String: Counts] = [:]
    var others: [String: Counts] = [:]
    var findings: [String: Counts] = [:]
    var measurements = Counts()
    var mentionExact = Counts()
    var mentionOverlap = Counts()
    var spanExact = Counts()
    var spanOverlap = Counts()
    var perConcept: [String: Counts] = [:]
    var assertion: [String: Counts] = [:]
    var agreeing: [String: Int] = [:]
    var pairs = 0
    for outcome in outcomes {
      for label in Decision.allCases {
        decision[label.rawValue, default: Counts()] = decision[label.rawValue, default: Counts()]
          + Counts.sets(gold: [outcome.goldDecision], predicted: [outcome.predictedDecision], label: label)
      }
      confusion[outcome.goldDecision.rawValue, default: [:]][outcome.predictedDecision.rawValue, default: 0] += 1
      for label in GuidelineVocabulary.indications {
        indications[label, default: Counts()] = indications[label, default: Counts()]
          + Counts.sets(gold: outcome.goldIndications, predicted: outcome.predictedIndications, label: label)
      }
      for label in outcome.goldOthers.union(outcome.predictedOthers) {
        others[label, default: Counts()] = others[label, default: Counts()]
          + Counts.sets(gold: outcome.goldOthers, predicted: outcome.predictedOthers, label: label)
      }
      for label in GuidelineVocabulary.findings {
        let gold: Set<String> = outcome.goldFinding.map { [$0] } ?? []
        let predicted: Set<String> = outcome.predictedFinding.map { [$0] } ?? []
        findings[label, default: Counts()] = findings[label, default: Counts()]
          + Counts.sets(gold: gold, predicted: predicted, label: label)
      }
      measurements = measurements + outcome.measurements
      guard outcome.hasGoldMentions else { continue }
      mentionExact = mentionExact + outcome.mentionExact
      mentionOverlap = mentionOverlap + outcome.mentionOverlap
      spanExact = spanExact + outcome.spanExact
      spanOverlap = spanOverlap + outcome.spanOverlap
      for (concept, counts) in outcome.perConcept {
        perConcept[concept, default: Counts()] = perConcept[concept, default: Counts()] + counts
      }
      for (gold, predicted) in outcome.flagPairs {
        pairs += 1
        for flag in AssertionFlag.allCases {
          let g = gold.has(flag)
          let p = predicted.has(flag)
          if g == p { agreeing[flag.rawValue, default: 0] += 1 }
          assertion[flag.rawValue, default: Counts()] = assertion[flag.rawValue, default: Counts()]
            + Counts(truePositives: g && p ? 1 : 0, falsePositives: !g && p ? 1 : 0, falseNegatives: g && !p ? 1 : 0)
        }
      }
    }
    self.decision = decision
    self.confusion = confusion
    self.indications = indications
    self.others = others
    self.findings = findings
    self.measurements = measurements
    self.mentionExact = mentionExact
    self.mentionOverlap = mentionOverlap
    self.spanExact = spanExact
    self.spanOverlap = spanOverlap
    self.perConcept = perConcept
    self.assertion = assertion
    var accuracy: [String: Double] = [:]
    for flag in AssertionFlag.allCases {
      accuracy[flag.rawValue] = pairs == 0 ? 0 : Double(agreeing[flag.rawValue] ?? 0) / Double(pairs)
    }
    self.assertionAccuracy = accuracy
    self.main = Self.mainFigures(outcomes)
    var samples: [String: [Double]] = [:]
    var generator = SplitMix64(seed: 20_261_129)
    if !outcomes.isEmpty {
      for _ in 0..<resamples {
        let sample = (0..<outcomes.count).map { _ in outcomes[Int(generator.next() % UInt64(outcomes.count))] }
        for (name, value) in Self.mainFigures(sample) { samples[name, default: []].append(value) }
      }
    }
    var intervals: [String: (Double, Double)] = [:]
    for (name, values) in samples {
      let sorted = values.sorted()
      let low = sorted[Int(Double(sorted.count - 1) * 0.025)]
      let high = sorted[Int(Double(sorted.count - 1) * 0.975)]
      intervals[name] = (low, high)
    }
    self.intervals = intervals
  }

  /// Micro-averaged counts over labels.
  public static func micro(_ labels: [String: Counts]) -> Counts { labels.values.reduce(Counts(), +) }

  /// Macro-averaged F1 over labels that occur in the gold or the predictions.
  public static func macroF1(_ labels: [String: Counts]) -> Double {
    let used = labels.values.filter { $0.support > 0 || $0.falsePositives > 0 }
    return used.isEmpty ? 0 : used.map(\.f1).reduce(0, +) / Double(used.count)
  }
}
