import Testing
@testable import MRSNLP

/// The flags the embedded ConText rules give to `target` (first occurrence) in `text`.
func flags(_ text: String, _ target: String, lexicon: Lexicon = embeddedLexicon) -> Set<AssertionFlag> {
  let detector = AssertionDetector(lexicon: lexicon)
  let outcome = TargetAssertion.assert(
    document: Document(id: "a", text: text), json: .object(["target": .string(target)]),
    lexicon: lexicon, detector: detector)
  guard case .success(let mention) = outcome else { return [] }
  return Set(AssertionFlag.allCases.filter { mention.flags.has($0) })
}

@Suite("ConText assertion")
struct AssertionDetectorTests {
  @Test("negation, forward and backward", arguments: [
    ("No evidence of recurrence.", "recurrence"),
    ("There is no new enhancement.", "enhancement"),
    ("Negative for abscess.", "abscess"),
    ("Ring lesion without restricted diffusion.", "restricted diffusion"),
    ("Patient denies headache.", "headache"),
    ("Abscess was ruled out.", "Abscess"),
    ("Recurrence is unlikely.", "Recurrence"),
    ("The abscess has resolved.", "abscess"),
    ("IMPRESSION: No recurrence.", "recurrence"),
  ])
  func negated(text: String, target: String) {
    #expect(flags(text, target).contains(.negated), "\(text)")
  }

  @Test("order questions are uncertain, never negated", arguments: [
    ("Evaluate for recurrence.", "recurrence"),
    ("r/o abscess", "abscess"),
    ("Rule out tumor.", "tumor"),
    ("new lesion, ? neoplasm", "neoplasm"),
    ("progression vs RN?", "RN"),
    ("Concern for pseudoprogression.", "pseudoprogression"),
    ("Cannot exclude residual tumor.", "residual tumor"),
    ("Residual tumor cannot be excluded.", "Residual tumor"),
    ("recurrence vs radiation necrosis", "recurrence"),
    ("recurrence vs radiation necrosis", "radiation necrosis"),
    ("ddx abscess, glioma", "abscess"),
  ])
  func uncertain(text: String, target: String) {
    let result = flags(text, target)
    #expect(result.contains(.uncertain), "\(text)")
    #expect(!result.contains(.negated), "\(text)")
  }

  @Test("historical, forward and backward", arguments: [
    ("History of glioblastoma.", "glioblastoma"),
    ("h/o GBM", "GBM"),
    ("GBM s/p resection", "resection"),
    ("Prior radiation therapy.", "radiation therapy"),
    ("Gamma knife 3 years ago.", "Gamma knife"),
  ])
  func historical(text: String, target: String) {
    #expect(flags(text, target).contains(.historical), "\(text)")
  }

  @Test("a tumor before s/p is not historical")
  func tumorBeforeStatusPost() {
    #expect(!flags("GBM s/p resection", "GBM").contains(.historical))
  }

  @Test("hypothetical", arguments: [
    ("If recurrence is suspected, consider MRS.", "recurrence"),
    ("Should new enhancement develop, repeat imaging.", "enhancement"),
    ("MRS in case of progression.", "progression"),
  ])
  func hypothetical(text: String, target: String) {
    #expect(flags(text, target).contains(.hypothetical), "\(text)")
  }

  @Test("family", arguments: [
    ("Mother had glioblastoma.", "glioblastoma"),
    ("Family history of brain tumor.", "brain tumor"),
    ("FAMILY HISTORY: glioma in father.", "glioma"),
  ])
  func family(text: String, target: String) {
    #expect(flags(text, target).contains(.family), "\(text)")
  }

  @Test("pseudo-triggers block the trigger inside them", arguments: [
    ("No increase in the enhancing lesion.", "enhancing lesion"),
    ("No interval change in the mass.", "mass"),
    ("Gram negative bacteremia.", "bacteremia"),
    ("Not only edema but also mass effect.", "edema"),
  ])
  func pseudo(text: String, target: String) {
    #expect(!flags(text, target).contains(.negated), "\(text)")
  }

  @Test("termination terms end a scope")
  func termination() {
    #expect(!flags("No hemorrhage but new enhancement.", "enhancement").contains(.negated))
    #expect(!flags("No recurrence on last MRI; now seizure focus.", "seizure focus").contains(.negated))
    #expect(flags("No recurrence on last MRI; now seizure focus.", "recurrence").contains(.negated))
  }

  @Test("scope never crosses a sentence")
  func sentenceBoundary() {
    #expect(!flags("No hemorrhage. Enhancing mass.", "mass").contains(.negated))
    #expect(!flags("Rule out stroke.\nKnown glioma.", "glioma").contains(.uncertain))
  }

  @Test("a maximum scope limits a forward trigger")
  func maximumScope() {
    #expect(!flags("No acute findings in the brain parenchyma today except a small left frontal mass.", "mass").contains(.negated))
  }

  @Test("overlapping scopes give several flags")
  func overlappingScopes() {
    let result = flags("No family history of glioma.", "glioma")
    #expect(result.contains(.negated) && result.contains(.family))
    #expect(flags("Prior history of glioma, ? recurrence.", "recurrence") == [.historical, .uncertain])
  }

  @Test("a trigger limited to some concepts leaves the others alone")
  func appliesTo() {
    let result = classify("s/p XRT, RN vs recurrence")
    #expect(mention("XRT", in: result)?.flags.has(.historical) == true)
    #expect(mention("RN", in: result)?.flags.has(.historical) == false)
  }

  @Test("'no history of' denies the history rather than dating it")
  func noHistoryOf() {
    #expect(flags("No history of glioma.", "glioma") == [.negated])
  }

  @Test("a target inside a trigger phrase is not modified by that trigger")
  func targetInsideTrigger() {
    #expect(!flags("Family history reviewed.", "history").contains(.historical))
  }

  @Test("each flag carries the trigger that set it, with its offsets")
  func evidence() {
    let result = classify("No evidence of recurrence.")
    let recurrence = mention("recurrence", in: result)
    #expect(recurrence?.assertionEvidence.first.map { result.text.text($0.span) } == "No evidence of")
  }

  @Test("a past-history section stops dating mentions where the present story starts")
  func presentStoryInHistorySection() {
    let result = classify("PMH: HTN; meningioma, radiation 2015. New R frontal lesion, neoplasm vs demyelination?")
    #expect(mention("radiation", in: result)?.flags.has(.historical) == true)
    #expect(mention("lesion", in: result)?.flags.has(.historical) == false)
    #expect(result.indications == ["tumor-vs-non-tumor"])
    // Without a present-story phrase the whole section stays history.
    #expect(mention("GBM", in: classify("PMH: GBM s/p resection 2019, HTN."))?.flags.has(.historical) == true)
  }
}
