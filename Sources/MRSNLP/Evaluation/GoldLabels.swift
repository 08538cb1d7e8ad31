/// A document's gold labels as the corpus format (ANNOTATION.md) writes them.
public struct GoldLabels: Sendable {
  /// A gold mention: span, concept and flags.
  public struct GoldMention: Sendable, Hashable {
    /// The span, in Unicode scalars.
    public var span: TextSpan
    /// The concept.
    public var concept: String
    /// The flags that are true.
    public var flags: AssertionFlags
  }

  /// The gold decision.
  public var decision: Decision
  /// Covered indications.
  public var indications: [String]
  /// Non-covered purposes.
  public var otherIndications: [String]
  /// The MRS finding, or nil.
  public var spectroscopyFinding: String?
  /// Metabolite ratios as (analyte, value).
  public var measurements: [(analyte: String, value: Double)]
  /// Mentions, or nil when the document was not annotated at mention level.
  public var mentions: [GoldMention]?

  /// Reads the `gold` object of a corpus record; nil with a reason when it is malformed.
  public static func read(_ record: JSONValue) -> Result<GoldLabels, GoldError> {
    guard let gold = record["gold"], case .object = gold else {
      return .failure(GoldError(message: "the record has no 'gold' object"))
    }
    guard let decisionName = gold["decision"]?.stringValue, let decision = Decision(rawValue: decisionName)
    else {
      return .failure(GoldError(message: "gold 'decision' is missing or not one of meets-criteria, does-not-meet, needs-review"))
    }
    func strings(_ key: String) -> [String] { gold[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    var measurements: [(String, Double)] = []
    for item in gold["measurements"]?.arrayValue ?? [] {
      guard let analyte = item["analyte"]?.stringValue, let value = item["value"]?.numberValue else {
        return .failure(GoldError(message: "a gold measurement lacks 'analyte' or a numeric 'value'"))
      }
      measurements.append((analyte, value))
    }
    var mentions: [GoldMention]?
    if let list = gold["mentions"]?.arrayValue {
      var parsed: [GoldMention] = []
      for item in list {
        guard let start = item["start"]?.numberValue, let end = item["end"]?.numberValue, end >= start,
          let concept = item["concept"]?.stringValue
        else {
          return .failure(GoldError(message: "a gold mention lacks 'start', 'end' or 'concept'"))
        }
        var flags: AssertionFlags = []
        for flag in AssertionFlag.allCases where item[flag.rawValue] == .bool(true) {
          flags.insert(AssertionFlags(flag))
        }
        parsed.append(GoldMention(span: TextSpan(start: Int(start), end: Int(end)), concept: concept, flags: flags))
      }
      mentions = parsed
    }
    return .success(
      GoldLabels(
        decision: decision, indications: strings("indications"),
        otherIndications: strings("other_indications"),
        spectroscopyFinding: gold["spectroscopy_finding"]?.stringValue, measurements: measurements,
        mentions: mentions))
  }
}

/// A malformed gold annotation.
public struct GoldError: Error, Sendable {
  /// What is wrong.
  public var message: String
}
