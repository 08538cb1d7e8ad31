import Testing
@testable import MRSNLP

@Suite("Program exceptions, re-imaging, procedure and body-site flags")
struct ProgramAndFlagTests {
  static let covered = "GBM s/p XRT/TMZ, new enhancement: recurrence vs radiation necrosis"

  func classify(_ text: String, lineOfBusiness: String? = nil, procedure: String? = nil) -> Classification {
    classifier.classify(Document(id: "p", text: text, lineOfBusiness: lineOfBusiness, procedure: procedure))
  }

  @Test("each line of business", arguments: [
    ("commercial", Decision.meetsCriteria, true),
    ("COMMERCIAL PPO", .meetsCriteria, true),
    ("fep", .needsReview, false),
    ("Federal Employee Program", .needsReview, false),
    ("MEDICARE ADVANTAGE", .needsReview, false),
    ("medicare_advantage", .needsReview, false),
    ("Medicare", .needsReview, false),
    ("medicaid", .needsReview, false),
  ])
  func programs(value: String, decision: Decision, applies: Bool) {
    let result = classify(Self.covered, lineOfBusiness: value)
    #expect(result.decision == decision, "\(value)")
    #expect(result.program?.guidelineApplies == applies)
    #expect(result.guidelineDecision == .meetsCriteria)
    if !applies {
      #expect(result.indications.isEmpty)
      #expect(result.routedToReview.first?.contains("line of business") == true)
    }
  }

  @Test("an unknown line of business names no program")
  func unknownProgram() {
    #expect(embeddedLexicon.program(named: "platinum-plus") == nil)
  }

  @Test("a repeat for a technically limited exam is flagged and goes to a person", arguments: [
    "Repeat MRS, prior study non-diagnostic due to motion. GBM s/p XRT, recurrence vs RN.",
    "Redo MRS brain, poor shim on the first attempt.",
    "Technically limited exam last week; please repeat the spectroscopy.",
  ])
  func reimaging(text: String) {
    let result = classify(text)
    #expect(result.flags.contains { $0.name == "repeat-technically-limited" }, "\(text)")
    #expect(result.decision == .needsReview)
  }

  @Test("near misses of the re-imaging rule are not flagged", arguments: [
    "Repeat MRS in 3 months for surveillance of treated GBM.",
    "GBM s/p XRT; suboptimal response to therapy; recurrence vs radiation necrosis.",
  ])
  func reimagingNearMiss(text: String) {
    #expect(!classify(text).flags.contains { $0.name == "repeat-technically-limited" }, "\(text)")
  }

  @Test("a named procedure that is not MR spectroscopy is flagged")
  func procedure() {
    #expect(classify("EXAM: MRI brain w/wo contrast\nINDICATION: GBM s/p XRT, recurrence vs RN").flags.contains { $0.name == "procedure-not-mrs" })
    #expect(!classify("EXAM: MRI brain w/wo with MR spectroscopy\nINDICATION: GBM s/p XRT, recurrence vs RN").flags.contains { $0.name == "procedure-not-mrs" })
    #expect(classify(Self.covered, procedure: "70553").flags.contains { $0.name == "procedure-not-mrs" })
    #expect(!classify(Self.covered, procedure: "70553;76390").flags.contains { $0.name == "procedure-not-mrs" })
  }

  @Test("a body site outside the brain is flagged; a brain metastasis of that cancer is not")
  func bodySite() {
    #expect(classify("Prostate MRSI for rising PSA.").flags.contains { $0.name == "body-site-not-brain" })
    #expect(!classify("Breast cancer brain metastasis s/p SRS, recurrence vs RN.").flags.contains { $0.name == "body-site-not-brain" })
  }
}
