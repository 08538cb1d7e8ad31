import Testing
@testable import MRSNLP

@Suite("Concept matcher")
struct ConceptMatcherTests {
  func concepts(_ text: String) -> [String] {
    let result = classify(text)
    return result.mentions.map { "\(result.text.text($0.span))=\($0.concept)" }
  }

  func found(_ text: String, _ surface: String, _ concept: String) -> Bool {
    concepts(text).contains("\(surface)=\(concept)")
  }

  @Test("case and punctuation variants", arguments: [
    ("POST-TREATMENT CHANGE", "POST-TREATMENT CHANGE", "treatment-effect"),
    ("post treatment change", "post treatment change", "treatment-effect"),
    ("posttreatment change", "posttreatment change", "treatment-effect"),
    ("radionecrosis", "radionecrosis", "treatment-effect"),
    ("radio-necrosis", "radio-necrosis", "treatment-effect"),
    ("Glioblastoma Multiforme", "Glioblastoma Multiforme", "brain-tumor"),
  ])
  func variants(text: String, surface: String, concept: String) {
    #expect(found(text, surface, concept), "\(concepts(text))")
  }

  @Test("simple inflection", arguments: [
    ("brain metastases", "brain metastases", "brain-tumor"),
    ("metastasis", "metastasis", "brain-tumor"),
    ("mets", "mets", "brain-tumor"),
    ("two lesions", "lesions", "brain-lesion"),
    ("recurrent", "recurrent", "recurrence"),
    ("recurrence", "recurrence", "recurrence"),
  ])
  func inflection(text: String, surface: String, concept: String) {
    #expect(found(text, surface, concept), "\(concepts(text))")
  }

  @Test("misspellings of long words match by edit distance", arguments: [
    ("glioblastona", "brain-tumor"),
    ("necrosus", "treatment-effect"),
    ("abcsess", "non-tumor-diagnosis"),
    ("pseudoprogressoin", "treatment-effect"),
    ("toxoplasmosys", "non-tumor-diagnosis"),
  ])
  func misspellings(text: String, concept: String) {
    let result = classify(text)
    let hit = result.mentions.first { result.text.text($0.span) == text }
    #expect(hit?.concept == concept, "\(concepts(text))")
    #expect(hit?.fuzzy == true)
  }

  @Test("misspellings listed in DOMAIN.md are found as their concept", arguments: [
    ("glioblastma", "brain-tumor"), ("necorsis", "treatment-effect"), ("absess", "non-tumor-diagnosis"),
    ("psuedoprogression", "treatment-effect"), ("temozolamide", "treatment"),
  ])
  func listedMisspellings(text: String, concept: String) {
    #expect(classify(text).mentions.first?.concept == concept, "\(concepts(text))")
  }

  @Test("real words near a lexicon word are not taken as misspellings", arguments: [
    "metastatic", "necrotic", "resected", "gliosis", "lesional",
  ])
  func noFalseFuzzy(word: String) {
    let result = classify("The \(word) component.")
    #expect(!result.mentions.contains { $0.fuzzy }, "\(concepts("The \(word) component."))")
  }

  @Test("the longest match wins")
  func longestMatch() {
    #expect(found("radiation necrosis", "radiation necrosis", "treatment-effect"))
    #expect(!concepts("radiation necrosis").contains("radiation=treatment"))
    #expect(found("ring-enhancing lesion", "ring-enhancing lesion", "brain-lesion"))
  }

  @Test("no match inside a longer word", arguments: ["metastatic disease of the bone", "gliomatous", "MSH|^~"])
  func noPartialWords(text: String) {
    let result = classify(text)
    #expect(!result.mentions.contains { $0.concept == "brain-tumor" && result.text.text($0.span).count < 4 })
    #expect(!result.mentions.contains { $0.category == "multiple-sclerosis" })
  }

  @Test("MS is multiple sclerosis only in capitals; ms as milliseconds is not")
  func caseSensitiveMS() {
    #expect(classify("MRS for MS follow-up").mentions.contains { $0.category == "multiple-sclerosis" })
    #expect(!classify("TE 144 ms, TR 2000 ms").mentions.contains { $0.category == "multiple-sclerosis" })
  }

  @Test("ICD-10-CM codes in the text become evidence", arguments: [
    ("Dx C71.1", "brain-tumor", nil as String?),
    ("C79.31 noted", "brain-tumor", nil),
    ("G40.909", "other-indication", "epilepsy"),
    ("code G35", "other-indication", "multiple-sclerosis"),
    ("G30.9", "other-indication", "dementia"),
    ("R90.0", "brain-lesion", nil),
    ("C7931 (dot lost in Excel)", "brain-tumor", nil),
  ])
  func codes(text: String, concept: String, category: String?) {
    let result = classify(text)
    let codes = result.mentions.filter { if case .code = $0.source { return true } else { return false } }
    #expect(codes.contains { $0.concept == concept && $0.category == category }, "\(concepts(text))")
  }

  @Test("a slash or 'or' between two different concepts is a differential cue")
  func differentialConstruction() {
    let result = classify("abscess/tumor")
    #expect(result.cues.contains { $0.concept == "differential" && result.text.text($0.span) == "/" })
    let treatments = classify("XRT/TMZ")
    #expect(!treatments.cues.contains { $0.concept == "differential" })
  }
}
