/// Renders a classification for people: the decision, each indication with the rule and the
/// quoted evidence, the measurements, and every mention with its assertion.
public enum TextReport {
  /// The report for one classification; `explain` adds every rule considered and why.
  public static func render(
    _ classification: Classification, explain: Bool = false, thresholds: [ReferenceThreshold] = []
  ) -> String {
    let text = classification.text
    func quote(_ mention: Mention) -> String {
      var flags = AssertionFlag.allCases.filter { mention.flags.has($0) }.map(\.rawValue)
      if mention.fuzzy { flags.append("misspelled") }
      let suffix = flags.isEmpty ? "" : " [\(flags.joined(separator: ", "))]"
      return "«\(text.text(mention.span))» \(mention.concept)\(mention.category.map { ":\($0)" } ?? "")\(suffix)"
    }
    var lines: [String] = []
    lines.append("\(classification.document.id) (\(classification.document.kind.rawValue)): \(classification.decision.rawValue)")
    var shown = Set<String>()
    for evaluation in classification.evidence {
      guard let label = evaluation.label, shown.insert(label).inserted else { continue }
      let used =
        evaluation.mentions.map { quote(classification.mentions[$0]) }
        + evaluation.cues.map { quote(classification.cues[$0]) }
      let kind: String
      if case .indication = evaluation.rule.outcome { kind = "indication" } else { kind = "other" }
      lines.append("  \(kind) \(label) by rule \(evaluation.rule.id)")
      for item in used { lines.append("    \(item)") }
      let others = classification.evidence.filter { $0.label == label && $0.rule.id != evaluation.rule.id }
      if !others.isEmpty {
        lines.append("    also supported by: \(others.map(\.rule.id).joined(separator: ", "))")
      }
    }
    for reason in classification.routedToReview {
      lines.append("  routed to a person: \(reason)")
    }
    if !classification.routedToReview.isEmpty {
      let labels = classification.guidelineIndications + classification.guidelineOtherIndications
      lines.append("  the guideline rules alone: \(classification.guidelineDecision.rawValue)\(labels.isEmpty ? "" : " " + labels.joined(separator: ", "))")
    }
    for flag in classification.flags {
      lines.append("  flag \(flag.name)\(flag.span.map { " «\(text.text($0))»" } ?? ""): \(flag.reason)")
    }
    if classification.evidence.isEmpty {
      lines.append("  no rule concluded a covered or non-covered purpose; a person should read the order")
    }
    if let finding = classification.spectroscopyFinding {
      lines.append("  spectroscopy finding: \(finding)")
      if let sentence = classification.findingSentence { lines.append("    from «\(text.text(sentence))»") }
    }
    if !classification.measurements.isEmpty {
      lines.append("  measurements:")
      for measurement in classification.measurements {
        lines.append("    \(measurement.analyte) = \(measurement.value)  «\(text.text(measurement.span))»")
        for threshold in thresholds where threshold.analyte == measurement.analyte {
          let side = measurement.value > threshold.value ? "above" : "at or below"
          let meaning = measurement.value > threshold.value ? threshold.favors : "not \(threshold.favors)"
          lines.append("      \(side) the published cut-off \(threshold.value) (\(meaning); information only): \(threshold.source)")
        }
      }
    }
    let mentions = classification.mentions.filter { $0.concept != "measurement" }
    if !mentions.isEmpty {
      lines.append("  mentions:")
      for mention in mentions {
        var line = "    \(quote(mention))"
        let triggers = mention.assertionEvidence.map { "\($0.flag.rawValue) by «\(text.text($0.span))»" }
        if !triggers.isEmpty { line += "  (\(triggers.joined(separator: "; ")))" }
        lines.append(line)
      }
    }
    if explain {
      lines.append("  rules considered:")
      for evaluation in classification.evaluations {
        let status = evaluation.fired ? "FIRED" : "no"
        lines.append("    [\(status)] \(evaluation.rule.id) → \(evaluation.rule.outcome.name): \(evaluation.reason)")
        if !evaluation.rule.explanation.isEmpty { lines.append("        \(evaluation.rule.explanation)") }
      }
      lines.append("  sentences:")
      for sentence in text.sentences {
        let section = text.sections[sentence.section]
        lines.append("    [\(section.category)/\(section.role.rawValue)] «\(text.text(sentence.span))»")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
