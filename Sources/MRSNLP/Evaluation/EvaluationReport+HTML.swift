extension EvaluationReport {
  /// A self-contained page (no external resources, restrictive Content-Security-Policy) with the
  /// main figures, the confusion matrix and the disagreeing documents; every text is escaped.
  public func html(title: String) -> String {
    let e = HTMLEscape.escape
    var page = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <title>\(e(title))</title>
      <style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}th{background:#eee}td.l{text-align:left}</style>
      </head><body><h1>\(e(title))</h1>
      <p>\(outcomes.count) documents, \(unscored.count) unscored.</p>
      <h2>Main figures</h2><table><tr><th>figure</th><th>value</th><th>95% interval</th></tr>
      """
    for (name, value) in main {
      let interval = intervals[name].map { "\(Self.fixed($0.0)) – \(Self.fixed($0.1))" } ?? ""
      page += "<tr><td class=l>\(e(name))</td><td>\(Self.fixed(value))</td><td>\(e(interval))</td></tr>\n"
    }
    page += "</table><h2>Decision confusion (rows gold, columns predicted)</h2><table><tr><th></th>"
    for predicted in Decision.allCases { page += "<th>\(e(predicted.rawValue))</th>" }
    page += "</tr>\n"
    for gold in Decision.allCases {
      page += "<tr><th>\(e(gold.rawValue))</th>"
      for predicted in Decision.allCases {
        page += "<td>\(confusion[gold.rawValue]?[predicted.rawValue] ?? 0)</td>"
      }
      page += "</tr>\n"
    }
    page += "</table><h2>Disagreeing documents</h2><table><tr><th>id</th><th>gold</th><th>predicted</th><th>rules</th></tr>\n"
    for outcome in outcomes where !outcome.agrees {
      let gold = "\(outcome.goldDecision.rawValue) \(outcome.goldIndications.sorted() + outcome.goldOthers.sorted())"
      let predicted = "\(outcome.predictedDecision.rawValue) \(outcome.predictedIndications.sorted() + outcome.predictedOthers.sorted())"
      page += "<tr><td class=l>\(e(outcome.id))</td><td class=l>\(e(gold))</td><td class=l>\(e(predicted))</td><td class=l>\(outcome.explanation.map(e).joined(separator: "<br>"))</td></tr>\n"
    }
    page += "</table></body></html>\n"
    return page
  }
}
