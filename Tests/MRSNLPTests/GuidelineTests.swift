import Testing
@testable import MRSNLP

@Suite("Guideline decisions: the edge cases of ANNOTATION.md")
struct GuidelineTests {
  static let recurrence = "recurrence-vs-treatment-effect"
  static let tumorVersusNonTumor = "tumor-vs-non-tumor"

  @Test("the first indication", arguments: [
    "recurrence vs radiation necrosis",
    "GBM s/p chemoradiation, new enhancement",
    "s/p resection of metastasis, evaluate for residual tumor",
    "GBM s/p chemoradiation, surveillance for recurrence",
    "hx GBM s/p XRT/TMZ, ? pseudoprogression",
    "breast ca brain mets s/p SRS; RN vs recurrence",
    "History of glioblastoma treated with resection and radiation; now new enhancement at the cavity.",
  ])
  func firstIndication(text: String) {
    let result = classify(text)
    #expect(result.indications == [Self.recurrence], "\(text)")
    #expect(result.decision == .meetsCriteria)
  }

  @Test("the second indication", arguments: [
    "Ring-enhancing lesion: abscess vs necrotic tumor.",
    "HIV+, basal ganglia lesion, lymphoma vs toxoplasmosis",
    "tumefactive demyelination vs glioma",
    "new L frontal lesion, ? neoplasm",
    "indeterminate mass, characterize",
  ])
  func secondIndication(text: String) {
    let result = classify(text)
    #expect(result.indications == [Self.tumorVersusNonTumor], "\(text)")
  }

  @Test("both indications at once")
  func both() {
    let result = classify("Treated metastasis s/p SRS, new ring-enhancing lesion: recurrence vs radiation necrosis vs abscess.")
    #expect(result.indications == [Self.recurrence, Self.tumorVersusNonTumor])
  }

  @Test("negated recurrence with another purpose does not meet")
  func negatedRecurrence() {
    let result = classify("No evidence of recurrence on last MRI, now MRS for seizure focus.")
    #expect(result.decision == .doesNotMeet)
    #expect(result.otherIndications == ["epilepsy"])
  }

  @Test("family history never supports an indication")
  func familyHistory() {
    let result = classify("Mother had glioblastoma. Patient with headaches.")
    #expect(result.indications.isEmpty)
  }

  @Test("hypothetical future text supports nothing")
  func hypothetical() {
    let result = classify("If recurrence is suspected, consider MRS.")
    #expect(result.indications.isEmpty)
    #expect(result.decision == .needsReview)
  }

  @Test("historical tumor with a present question meets; without one it needs review")
  func historicalTumor() {
    #expect(classify("History of GBM s/p resection and XRT; new enhancing nodule, recurrence vs treatment effect.").decision == .meetsCriteria)
    #expect(classify("History of GBM s/p resection and XRT. Routine follow-up.").decision == .needsReview)
  }

  @Test("an untreated known tumor followed for growth is not the first indication")
  func untreatedTumor() {
    #expect(classify("Known meningioma, follow growth.").indications.isEmpty)
  }

  @Test("lesions outside the brain never qualify", arguments: [
    ("Breast cancer s/p lumpectomy and RT, recurrence vs fat necrosis.", "breast"),
    ("Prostate MRSI for rising PSA.", "prostate"),
    ("Liver lesion, hepatic steatosis, fat fraction.", "liver"),
  ])
  func nonBrain(text: String, category: String) {
    let result = classify(text)
    #expect(result.decision == .doesNotMeet, "\(text)")
    #expect(result.otherIndications.contains(category), "\(text): \(result.otherIndications)")
  }

  @Test("no purpose stated needs review", arguments: ["MRS brain", "per neurosurgery", "see attached", "L frontal lesion. MRS."])
  func noPurpose(text: String) {
    #expect(classify(text).decision == .needsReview, "\(text)")
  }

  @Test("a differential between tumor types only needs review", arguments: ["GBM vs solitary metastasis", "enhancing mass, PCNSL vs GBM"])
  func tumorVersusTumor(text: String) {
    #expect(classify(text).decision == .needsReview, "\(text)")
  }

  @Test("looking for a tumor with no lesion is screening: other")
  func screening() {
    let result = classify("Headaches, r/o tumor.")
    #expect(result.decision == .doesNotMeet)
    #expect(result.otherIndications.contains("other"))
  }

  @Test("a purpose stated only as an ICD-10 code")
  func codeOnlyPurpose() {
    let result = classify("MRS brain. Dx: G40.909")
    #expect(result.decision == .doesNotMeet)
    #expect(result.otherIndications == ["epilepsy"])
  }

  @Test("MS as the mimic supports the second indication; MS as the purpose does not meet")
  func multipleSclerosisRoles() {
    #expect(classify("tumefactive MS vs glioma").indications == [Self.tumorVersusNonTumor])
    let monitoring = classify("MS follow-up, assess disease activity with MRS")
    #expect(monitoring.decision == .doesNotMeet)
    #expect(monitoring.otherIndications == ["multiple-sclerosis"])
  }

  @Test("seizure as a symptom does not block the second indication")
  func seizureSymptom() {
    let result = classify("New seizure, L frontal mass, tumor vs cerebritis.")
    #expect(result.indications == [Self.tumorVersusNonTumor])
  }

  @Test("grading a known untreated tumor is tumor-grading")
  func grading() {
    let result = classify("Newly diagnosed glioma, grade the tumor and target biopsy.")
    #expect(result.decision == .doesNotMeet)
    #expect(result.otherIndications == ["tumor-grading"])
  }

  @Test("every indication names its rule and the mentions behind it")
  func evidence() {
    let result = classify("GBM s/p XRT, new enhancement: recurrence vs radiation necrosis")
    let first = result.evidence.first
    #expect(first?.label == Self.recurrence)
    #expect(first.map { !$0.mentions.isEmpty } == true)
    #expect(first.map { $0.mentions.allSatisfy { $0 < result.mentions.count } } == true)
  }

  @Test("a report's purpose comes from its indication, not from its impression")
  func reportSections() {
    let report = """
      INDICATION: Headache.
      FINDINGS: Ring-enhancing lesion. Differential includes abscess versus necrotic tumor.
      IMPRESSION: Ring-enhancing lesion, abscess vs tumor.
      """
    #expect(classify(report, kind: .report).indications.isEmpty)
  }

  @Test("a recurrence question about an organ outside the brain does not meet; a brain metastasis of that cancer does")
  func organOutsideTheBrain() {
    let liver = classify("HCC s/p TACE. Liver MRS: residual viable tumor vs treatment effect?")
    #expect(liver.indications.isEmpty)
    #expect(liver.otherIndications == ["liver"])
    let brain = classify("Breast cancer, brain metastasis s/p SRS; residual tumor vs treatment effect?")
    #expect(brain.indications == [Self.recurrence])
  }

  @Test("an organ outside the brain named in another sentence still blocks a sentence rule (within=document)")
  func organInAnotherSentence() {
    let liver = classify("HCC seg 7 s/p TACE x2. Residual enhancing rim: viable tumour or post-embolisation necrosis?")
    #expect(liver.indications.isEmpty)
    #expect(liver.evaluations.contains { !$0.fired && $0.rule.id == "recurrence-versus-treatment-effect" && $0.reason.contains("blocked: 'HCC'") })
    // A brain word anywhere lifts the document-wide row.
    let brain = classify("Breast ca s/p mastectomy. Brain met s/p SRS. Residual tumor vs radiation necrosis?")
    #expect(brain.indications == [Self.recurrence])
  }

  @Test("'newly diagnosed' is not a new finding")
  func newlyDiagnosed() {
    #expect(!classify("Newly diagnosed glioblastoma s/p biopsy, radiation planned.").cues.contains { $0.concept == "new-finding" })
  }

  @Test("a report without an indication section does not take its impression as the question")
  func reportWithoutPurpose() {
    let report = "Outside MRS review. No clinical history available.\nFINDINGS: Left thalamic lesion.\nIMPRESSION: Lesion, neoplasm favored."
    #expect(classify(report, kind: .report).decision == .needsReview)
  }

  @Test("a recurrence question for a tumor the text says was never treated is a contradiction for a person")
  func contradiction() {
    let result = classify("Reason: recurrence vs radiation necrosis. History: new mass, no prior surgery or radiation; biopsy next week.")
    #expect(result.decision == .needsReview)
    #expect(result.evaluations.contains { $0.fired && $0.rule.id == "recurrence-question-without-treatment" })
    let treated = classify("GBM resected and irradiated; no bevacizumab. Progression vs treatment effect?")
    #expect(treated.decision == .meetsCriteria)
  }

  @Test("symptoms and abbreviations that look like tumor progression do not approve", arguments: [
    ("68M, tremor and bradykinesia, ?PD vs MSA-P. PMH: vestibular schwannoma s/p GK 2017, stable. MRS of the putamen.", "movement-disorder"),
    ("Pituitary macroadenoma s/p resection 2008. Progressive memory loss; MRS for an Alzheimer pattern.", "dementia"),
  ])
  func lookalikes(text: String, purpose: String) {
    let result = classify(text)
    #expect(result.decision == .doesNotMeet)
    #expect(result.otherIndications == [purpose])
  }

  @Test("a cancer outside the brain and a brain lesion in one sentence still ask the brain question")
  func organAndBrainInOneSentence() {
    #expect(classify("Hx thyroid cancer; new R frontal ring lesion, abscess vs metastasis?").indications == ["tumor-vs-non-tumor"])
    #expect(classify("Pancreatic cancer s/p Whipple, recurrence vs post-surgical change? MRS").indications.isEmpty)
  }

  @Test("a progression question about a tumor the text calls untreated goes to a person")
  func progressionOfAnUntreatedTumor() {
    let untreated = classify("Grade 2 astrocytoma, untreated, watch and wait; slight growth. MRS: higher grade transformation?")
    #expect(untreated.decision == .needsReview)
    #expect(untreated.evaluations.contains { $0.fired && $0.rule.id == "recurrence-question-for-an-untreated-tumor" })
    // "untreated" about something else does not block a treated tumor's question.
    let treated = classify("GBM s/p resection; untreated hypertension; recurrence vs radiation necrosis")
    #expect(treated.indications == [Self.recurrence])
  }

  @Test("a recurrence question while the text says the patient never had a tumor goes to a person")
  func deniedTumor() {
    let denied = classify("Indication: recurrence vs radiation necrosis, GBM s/p Stupp. Pt states she never had a brain tumor.")
    #expect(denied.decision == .needsReview)
    #expect(denied.guidelineIndications.isEmpty)
    #expect(denied.evaluations.contains { $0.fired && $0.rule.id == "recurrence-question-for-a-denied-tumor" })
    // Denying a prior tumor before a new lesion is history, not a contradiction.
    #expect(classify("No history of cancer. New ring-enhancing lesion: abscess vs tumor?").indications == ["tumor-vs-non-tumor"])
  }

  @Test("'new' is a new finding only with an imaging word: not a new doctor or a new patient")
  func newWithoutFinding() {
    #expect(classify("Remote history of pilocytic astrocytoma, resected in 2003. Establishing care with a new PCP.").decision == .needsReview)
    #expect(classify("Pilocytic astrocytoma resected in 2003; new enhancing nodule at the cavity.").indications == [Self.recurrence])
  }

  @Test("a symptom of another category does not add to a stated purpose")
  func symptomBesideAPurpose() {
    let result = classify("MRS for concussion follow-up; persistent headaches.")
    #expect(result.otherIndications == ["brain-injury"])
  }

  @Test("'X or Y?' between a tumor and a mimic is a differential even where the question mark reaches one side")
  func orDifferential() {
    #expect(classify("3 cm right frontal ring-enhancing lesion: abscess or necrotic tumor?").indications == [Self.tumorVersusNonTumor])
  }

  @Test("a spaced dash ends a negation: 'no -- high grade glioma' keeps the glioma")
  func dashEndsScope() {
    let result = classify("Hx: pilomyxoid? no -- high grade glioma, resected + proton RT. New enhancing nodule: progression vs radiation-induced change.")
    #expect(mention("high grade glioma", in: result)?.flags.has(.negated) == false)
    #expect(result.indications == [Self.recurrence])
  }
}

@Suite("Guideline rule values")
struct GuidelineRuleValueTests {
  @Test("a rule is a value: changing a copy leaves the original, equality and hashing follow the fields")
  func valueSemantics() throws {
    let original = try #require(embeddedLexicon.rules.first)
    var copy = original
    #expect(copy == original && copy.hashValue == original.hashValue)
    copy.id += "-changed"
    copy.requirements.removeAll()
    copy.vetoes.append("tumor-vs-non-tumor")
    #expect(copy != original)
    #expect(original.id == embeddedLexicon.rules.first?.id)
    #expect(original.requirements == embeddedLexicon.rules.first?.requirements)
    #expect(!original.requirements.isEmpty)
    var rebuilt = GuidelineRule(
      id: original.id, outcome: original.outcome, proximity: original.proximity,
      sections: original.sections, kind: original.kind, unlessIndication: original.unlessIndication,
      requirements: original.requirements, exclusions: original.exclusions, vetoes: original.vetoes,
      flags: original.flags, explanation: original.explanation, file: original.file, line: original.line)
    #expect(rebuilt == original && rebuilt.hashValue == original.hashValue)
    rebuilt.line += 1
    #expect(rebuilt != original)
  }
}
