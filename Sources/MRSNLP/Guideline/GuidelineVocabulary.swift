/// The label vocabularies fixed by the annotation guideline and the command-line contract.
///
/// These are the output contract, not clinical knowledge: which text supports which label lives in
/// the lexicon and rules files.
public enum GuidelineVocabulary {
  /// The covered indications, in the order the guideline lists them (and outputs keep).
  public static let indications = ["recurrence-vs-treatment-effect", "tumor-vs-non-tumor"]
  /// The `other_indications` vocabulary.
  public static let otherIndications: Set<String> = [
    "epilepsy", "dementia", "movement-disorder", "multiple-sclerosis", "psychiatric",
    "neurometabolic", "muscle", "prostate", "breast", "chest-pain", "liver", "brain-injury",
    "neonatal-hie", "tumor-grading", "other",
  ]
  /// The `spectroscopy_finding` values.
  public static let findings = [
    "favors-tumor", "favors-treatment-effect", "favors-non-tumor", "indeterminate",
  ]
  /// The mention concepts of the annotation guideline.
  public static let mentionConcepts: Set<String> = [
    "brain-tumor", "treatment", "treatment-effect", "recurrence", "brain-lesion",
    "non-tumor-diagnosis", "other-indication", "spectroscopy", "measurement",
  ]
  /// The guideline this tool applies.
  public static let guideline = "Florida Blue MCG 04-70540-07 (Magnetic Resonance Spectroscopy)"
  /// The guideline's identifier.
  public static let guidelineID = "04-70540-07"
  /// The guideline revision the rules encode.
  public static let guidelineRevision = "2026-05-15"

  /// One line naming the guideline, its revision and the lexicon set behind a decision.
  public static func provenance(lexiconDigest: String) -> String {
    "\(guideline), revised \(guidelineRevision); lexicons fnv1a-64 \(lexiconDigest)"
  }
}
