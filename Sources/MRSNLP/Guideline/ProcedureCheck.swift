/// Flags an ordered procedure that is not MR spectroscopy, and a body site outside the brain.
///
/// The procedure is named by an `exam`-category section of the text (HL7 OBR-4 and FHIR `code` are
/// written as a "Procedure:" line by their readers) or by a `procedure` field of the record; it is
/// MR spectroscopy when a `spectroscopy` mention (CPT 76390 included) stands there. The body site
/// is outside the brain when a `non-brain-site` cue stands in the procedure, or anywhere in a text
/// that names nothing in the brain (no `brain-site` cue, brain tumor or brain lesion).
struct ProcedureCheck {
  let lexicon: Lexicon

  func flags(_ classification: Classification) -> [ReviewFlag] {
    var flags: [ReviewFlag] = []
    let text = classification.text
    let examSections = Set(text.sections.indices.filter { text.sections[$0].category == "exam" })
    let affirmed = { (mention: Mention) in !mention.flags.has(.negated) && !mention.flags.has(.hypothetical) }
    let spectroscopyInExam = classification.mentions.contains {
      $0.concept == "spectroscopy" && examSections.contains($0.section) && affirmed($0)
    }
    if let procedure = classification.document.procedure {
      let named = TextAnalysis(document: Document(id: "procedure", text: procedure), lexicon: lexicon)
      let found = ConceptMatcher(lexicon: lexicon).match(named).mentions.contains { $0.concept == "spectroscopy" }
      if !found {
        flags.append(ReviewFlag(name: "procedure-not-mrs", reason: "the ordered procedure '\(procedure)' is not MR spectroscopy (CPT 76390)", span: nil))
      }
    } else if let section = examSections.sorted().first, !spectroscopyInExam {
      let span = text.sections[section].span
      flags.append(ReviewFlag(name: "procedure-not-mrs", reason: "the ordered procedure named in the text is not MR spectroscopy (CPT 76390)", span: span))
    }
    let sites = classification.cues.filter { $0.concept == "non-brain-site" && affirmed($0) }
    let brain =
      classification.cues.contains { $0.concept == "brain-site" && affirmed($0) }
      || classification.mentions.contains { ($0.concept == "brain-tumor" || $0.concept == "brain-lesion") && affirmed($0) }
    if let site = sites.first(where: { examSections.contains($0.section) }) ?? (brain ? nil : sites.first) {
      flags.append(ReviewFlag(name: "body-site-not-brain", reason: "the exam's body site is outside the brain: \(text.text(site.span))", span: site.span))
    }
    return flags
  }
}
