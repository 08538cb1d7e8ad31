/// Inter-annotator agreement between two annotations of the same documents, label by label.
public struct Agreement: Sendable {
  /// One label's agreement.
  public struct Row: Sendable {
    /// The label (`decision`, `indication:<id>`, `other:<category>`, `spectroscopy_finding`).
    public var label: String
    /// Cohen's kappa.
    public var kappa: Double
    /// The share of documents where the two agree.
    public var observed: Double
    /// Documents where annotator A has the label (for multi-class labels: the document count).
    public var positivesA: Int
    /// Documents where annotator B has the label.
    public var positivesB: Int
  }

  /// Documents annotated in both.
  public let documents: Int
  /// Ids found in only one of the two.
  public let onlyInOne: [String]
  /// The rows, decision first.
  public let rows: [Row]

  /// Compares two annotations keyed by document id.
  public init(_ a: [String: GoldLabels], _ b: [String: GoldLabels]) {
    let shared = Set(a.keys).intersection(b.keys).sorted()
    documents = shared.count
    onlyInOne = Set(a.keys).symmetricDifference(b.keys).sorted()
    let pairs = shared.map { (a[$0]!, b[$0]!) }
    func row<T: Hashable>(_ label: String, _ value: (GoldLabels) -> T, positive: ((T) -> Bool)? = nil) -> Row {
      let left = pairs.map { value($0.0) }
      let right = pairs.map { value($0.1) }
      let observed = pairs.isEmpty ? 1 : Double(zip(left, right).filter { $0 == $1 }.count) / Double(pairs.count)
      return Row(
        label: label, kappa: CohenKappa.kappa(left, right), observed: observed,
        positivesA: positive.map { p in left.filter(p).count } ?? left.count,
        positivesB: positive.map { p in right.filter(p).count } ?? right.count)
    }
    var rows = [row("decision", { $0.decision.rawValue })]
    for indication in GuidelineVocabulary.indications {
      rows.append(row("indication:\(indication)", { $0.indications.contains(indication) }, positive: { $0 }))
    }
    let categories = Set(pairs.flatMap { $0.0.otherIndications + $0.1.otherIndications }).sorted()
    for category in categories {
      rows.append(row("other:\(category)", { $0.otherIndications.contains(category) }, positive: { $0 }))
    }
    rows.append(row("other_indications (any)", { !$0.otherIndications.isEmpty }, positive: { $0 }))
    rows.append(row("spectroscopy_finding", { $0.spectroscopyFinding ?? "absent" }))
    self.rows = rows
  }
}
