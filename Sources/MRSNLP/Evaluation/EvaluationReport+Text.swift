extension EvaluationReport {
  static func percent(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 10
    return String(scaled)
  }

  static func row(_ label: String, _ counts: Counts) -> String {
    let name = label.padded(to: 34)
    return "  \(name) P \(fixed(counts.precision))  R \(fixed(counts.recall))  F1 \(fixed(counts.f1))  support \(counts.support)  (tp \(counts.truePositives) fp \(counts.falsePositives) fn \(counts.falseNegatives))"
  }

  /// `value` with three decimals, as `%.3f` writes it.
  public static func fixed(_ value: Double) -> String {
    let rounded = (value * 1000).rounded() / 1000
    var text = String(rounded)
    while text.split(separator: ".").last.map({ $0.count < 3 }) ?? false { text += "0" }
    return text
  }

  /// The report for people; `errors` limits the list of disagreeing documents.
  public func text(errors: Int) -> String {
    var lines: [String] = []
    lines.append("documents: \(outcomes.count) (\(outcomes.filter(\.hasGoldMentions).count) with gold mentions), unscored: \(unscored.count)")
    lines.append("")
    lines.append("main figures (95% bootstrap interval, 1000 resamples, seed 20261129):")
    for (name, value) in main {
      let interval = intervals[name].map { " [\(Self.fixed($0.0)), \(Self.fixed($0.1))]" } ?? ""
      lines.append("  \(name.padded(to: 44)) \(Self.fixed(value))\(interval)")
    }
    func section(_ title: String, _ labels: [String: Counts]) {
      lines.append("")
      lines.append("\(title):")
      for (label, counts) in labels.sorted(by: { $0.key < $1.key }) where counts.support > 0 || counts.falsePositives > 0 {
        lines.append(Self.row(label, counts))
      }
      lines.append(Self.row("micro", Self.micro(labels)))
      lines.append("  macro F1 \(Self.fixed(Self.macroF1(labels)))")
    }
    section("decision", decision)
    lines.append("")
    lines.append("decision confusion (rows gold, columns predicted):")
    lines.append("  " + "".padded(to: 16) + Decision.allCases.map { $0.rawValue.padded(to: 16) }.joined())
    for gold in Decision.allCases {
      let cells = Decision.allCases.map { String(confusion[gold.rawValue]?[$0.rawValue] ?? 0).padded(to: 16) }
      lines.append("  " + gold.rawValue.padded(to: 16) + cells.joined())
    }
    section("indications", indications)
    section("other indications", others)
    section("spectroscopy finding (reports)", findings)
    lines.append("")
    lines.append("measurements:")
    lines.append(Self.row("analyte and value", measurements))
    lines.append("")
    lines.append("mentions (documents with gold mentions; measurement mentions excluded):")
    lines.append(Self.row("exact span, same concept", mentionExact))
    lines.append(Self.row("overlapping span, same concept", mentionOverlap))
    lines.append(Self.row("exact span, any concept", spanExact))
    lines.append(Self.row("overlapping span, any concept", spanOverlap))
    for (concept, counts) in perConcept.sorted(by: { $0.key < $1.key }) {
      lines.append(Self.row("  \(concept)", counts))
    }
    lines.append("")
    lines.append("assertion (gold mentions matched by a predicted mention of the same concept):")
    for flag in AssertionFlag.allCases {
      let counts = assertion[flag.rawValue] ?? Counts()
      lines.append(Self.row("\(flag.rawValue) (accuracy \(Self.fixed(assertionAccuracy[flag.rawValue] ?? 0)))", counts))
    }
    let disagreeing = outcomes.filter { !$0.agrees }
    lines.append("")
    lines.append("disagreeing documents: \(disagreeing.count)\(disagreeing.count > errors ? " (first \(errors) shown)" : "")")
    for outcome in disagreeing.prefix(errors) {
      lines.append("  \(outcome.id): gold \(outcome.goldDecision.rawValue) \(outcome.goldIndications.sorted() + outcome.goldOthers.sorted()) \(outcome.goldFinding ?? "-")  predicted \(outcome.predictedDecision.rawValue) \(outcome.predictedIndications.sorted() + outcome.predictedOthers.sorted()) \(outcome.predictedFinding ?? "-")")
      for line in outcome.explanation { lines.append("      \(line)") }
    }
    for item in unscored { lines.append("  unscored \(item.id): \(item.reason)") }
    return lines.joined(separator: "\n") + "\n"
  }
}
