import MRSNLP

/// Counts of a batch for the worklist summary: never any clinical text, only labels and ids.
struct WorklistSummary {
  private var decisions: [String: Int] = [:]
  private var indications: [String: Int] = [:]
  private var others: [String: Int] = [:]
  private var flags: [String: Int] = [:]
  private var needPerson: [String] = []
  private var errors: [String] = []
  private var total = 0

  mutating func add(_ classification: Classification) {
    total += 1
    decisions[classification.decision.rawValue, default: 0] += 1
    for label in classification.indications { indications[label, default: 0] += 1 }
    for label in classification.otherIndications { others[label, default: 0] += 1 }
    for flag in classification.flags { flags[flag.name, default: 0] += 1 }
    if classification.decision != .meetsCriteria { needPerson.append(classification.document.id) }
  }

  mutating func addError(_ id: String) {
    total += 1
    errors.append(id)
  }

  var lines: [String] {
    func counts(_ title: String, _ table: [String: Int]) -> String {
      "\(title): " + (table.isEmpty ? "none" : table.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }
    return [
      "worklist summary: \(total) record(s)",
      counts("decisions", decisions), counts("indications", indications),
      counts("other indications", others), counts("flags", flags),
      "need a person (\(needPerson.count)): \(needPerson.isEmpty ? "none" : needPerson.joined(separator: ", "))",
      "could not be read (\(errors.count)): \(errors.isEmpty ? "none" : errors.joined(separator: ", "))",
    ]
  }
}
