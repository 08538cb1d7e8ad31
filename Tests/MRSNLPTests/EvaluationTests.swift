import Testing
@testable import MRSNLP

@Suite("Evaluation metrics against hand-computed values")
struct EvaluationTests {
  @Test("precision, recall and F1 from counts")
  func counts() {
    let counts = Counts(truePositives: 6, falsePositives: 2, falseNegatives: 4)
    #expect(counts.precision == 0.75)
    #expect(counts.recall == 0.6)
    #expect(abs(counts.f1 - 2 * 0.75 * 0.6 / 1.35) < 1e-12)
    #expect(Counts().precision == 1 && Counts().recall == 1)
    #expect(Counts(truePositives: 0, falsePositives: 3, falseNegatives: 0).precision == 0)
  }

  @Test("Cohen's kappa on a textbook table")
  func kappa() {
    // 50 items: both yes 20, both no 15, A yes B no 5, A no B yes 10 → po 0.7, pe 0.5, κ 0.4.
    let a = Array(repeating: "y", count: 20) + Array(repeating: "n", count: 15) + Array(repeating: "y", count: 5) + Array(repeating: "n", count: 10)
    let b = Array(repeating: "y", count: 20) + Array(repeating: "n", count: 15) + Array(repeating: "n", count: 5) + Array(repeating: "y", count: 10)
    #expect(abs(CohenKappa.kappa(a, b) - 0.4) < 1e-12)
    #expect(CohenKappa.kappa(["x", "x"], ["x", "x"]) == 1)
  }

  static func outcome(_ id: String, gold: Decision, predicted: Decision, goldIndications: Set<String> = [], predictedIndications: Set<String> = []) -> DocumentOutcome {
    DocumentOutcome(
      id: id, kind: .order, goldDecision: gold, predictedDecision: predicted,
      goldIndications: goldIndications, predictedIndications: predictedIndications, goldOthers: [],
      predictedOthers: [], goldFinding: nil, predictedFinding: nil, measurements: Counts(),
      hasGoldMentions: false, mentionExact: Counts(), mentionOverlap: Counts(), spanExact: Counts(),
      spanOverlap: Counts(), perConcept: [:], flagPairs: [], explanation: [])
  }

  @Test("confusion matrix, accuracy and per-label scores of a tiny set")
  func tinySet() {
    let r = "recurrence-vs-treatment-effect"
    let outcomes = [
      Self.outcome("1", gold: .meetsCriteria, predicted: .meetsCriteria, goldIndications: [r], predictedIndications: [r]),
      Self.outcome("2", gold: .meetsCriteria, predicted: .needsReview, goldIndications: [r]),
      Self.outcome("3", gold: .needsReview, predicted: .meetsCriteria, predictedIndications: [r]),
      Self.outcome("4", gold: .doesNotMeet, predicted: .doesNotMeet),
    ]
    let report = EvaluationReport(outcomes: outcomes, unscored: [], resamples: 50)
    #expect(report.confusion["meets-criteria"]?["needs-review"] == 1)
    #expect(report.confusion["needs-review"]?["meets-criteria"] == 1)
    #expect(report.main.first { $0.0 == "decision_accuracy" }?.1 == 0.5)
    #expect(report.decision["meets-criteria"] == Counts(truePositives: 1, falsePositives: 1, falseNegatives: 1))
    #expect(report.indications[r] == Counts(truePositives: 1, falsePositives: 1, falseNegatives: 1))
    #expect(report.main.first { $0.0 == "meets_criteria_precision" }?.1 == 0.5)
    let interval = report.intervals["decision_accuracy"]
    #expect(interval.map { $0.0 <= 0.5 && 0.5 <= $0.1 } == true)
  }

  @Test("mention and measurement matching of one document")
  func documentMatching() {
    let document = Document(id: "m", kind: .report, text: "GBM with Cho/NAA 2.3 and abscess.")
    let gold = GoldLabels(
      decision: .needsReview, indications: [], otherIndications: [], spectroscopyFinding: nil,
      measurements: [("Cho/NAA", 2.30), ("Cho/Cr", 1.0)],
      mentions: [
        .init(span: TextSpan(start: 0, end: 3), concept: "brain-tumor", flags: []),
        .init(span: TextSpan(start: 25, end: 32), concept: "brain-lesion", flags: []),
      ])
    let outcome = Evaluator(classifier: classifier).outcome(document: document, gold: gold)
    #expect(outcome.measurements == Counts(truePositives: 1, falsePositives: 0, falseNegatives: 1))
    #expect(outcome.mentionExact.truePositives == 1)
    #expect(outcome.spanExact.truePositives == 2)
  }

  @Test("a baseline comparison flags a drop beyond the tolerance only")
  func baseline() throws {
    let baseline = JSONValue.object(["main": .object(["a": .number(0.9), "b": .number(0.8)])])
    let comparison = try BaselineComparison(current: [("a", 0.897), ("b", 0.7)], baseline: baseline, tolerance: 0.005)
    #expect(comparison.changes.map(\.regressed) == [false, true])
  }
}
