/// Writes classifications as one self-contained HTML page for reviewers: each document with its
/// decision, the indications and the rules behind them, and its text with every mention highlighted
/// by concept (struck through and dimmed when negated). No scripts, fonts or external resources; a
/// Content-Security-Policy forbids them; every piece of input text is escaped.
public enum HTMLReport {
  static let colors: [(concept: String, color: String)] = [
    ("brain-tumor", "#f8c9c9"), ("treatment", "#cfe3fa"), ("treatment-effect", "#fde2b8"),
    ("recurrence", "#f3c6ef"), ("brain-lesion", "#d5f0d0"), ("non-tumor-diagnosis", "#e4d8f7"),
    ("other-indication", "#e8e8e8"), ("spectroscopy", "#c8f0ee"), ("measurement", "#fff3a8"),
  ]

  /// The page's head, style, legend and opening of the document list.
  public static func header(title: String, provenance: String) -> String {
    let e = HTMLEscape.escape
    var css = "body{font:14px system-ui,sans-serif;margin:2em;max-width:70em}"
    css += "section{border:1px solid #ccc;border-radius:6px;padding:0.8em 1em;margin:1em 0}"
    css += ".decision{font-weight:bold;padding:2px 8px;border-radius:4px}"
    css += ".meets-criteria{background:#c8efc8}.does-not-meet{background:#f6d0d0}.needs-review{background:#f8ecc0}.error{background:#ddd}"
    css += ".text{white-space:pre-wrap;font-family:ui-monospace,monospace;background:#fafafa;padding:0.6em;border-radius:4px}"
    css += "mark{padding:0 1px;border-radius:2px}mark.negated{text-decoration:line-through;opacity:0.55}"
    css += "mark.uncertain{border-bottom:2px dotted #555}mark.hypothetical,mark.family{opacity:0.55;font-style:italic}"
    for (concept, color) in colors { css += "mark.c-\(concept){background:\(color)}" }
    var legend = ""
    for (concept, _) in colors { legend += "<mark class=\"c-\(concept)\">\(e(concept))</mark> " }
    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <title>\(e(title))</title><style>\(css)</style></head><body>
      <h1>\(e(title))</h1>
      <p>\(e(provenance))</p>
      <p>Legend: \(legend)<mark class="c-brain-tumor negated">negated</mark> <mark class="c-brain-tumor uncertain">uncertain</mark> <mark class="c-brain-tumor hypothetical">hypothetical or family</mark></p>

      """
  }

  /// One document's section.
  public static func document(_ classification: Classification, warnings: [String]) -> String {
    let e = HTMLEscape.escape
    let text = classification.text
    var html = "<section><h2>\(e(classification.document.id)) <small>(\(e(classification.document.kind.rawValue)))</small> "
    html += "<span class=\"decision \(classification.decision.rawValue)\">\(e(classification.decision.rawValue))</span></h2>\n<ul>"
    var shown = Set<String>()
    for evaluation in classification.evidence {
      guard let label = evaluation.label, shown.insert(label).inserted else { continue }
      let quotes = evaluation.mentions.map { "«" + e(text.text(classification.mentions[$0].span)) + "»" }
        + evaluation.cues.map { "«" + e(text.text(classification.cues[$0].span)) + "»" }
      html += "<li>\(e(label)) by rule <code>\(e(evaluation.rule.id))</code>: \(quotes.joined(separator: " "))</li>"
    }
    if classification.evidence.isEmpty { html += "<li>no rule concluded a purpose; a person should read the order</li>" }
    if let finding = classification.spectroscopyFinding { html += "<li>spectroscopy finding: \(e(finding))</li>" }
    for reason in classification.routedToReview { html += "<li><strong>routed to a person:</strong> \(e(reason))</li>" }
    for flag in classification.flags { html += "<li>flag <code>\(e(flag.name))</code>: \(e(flag.reason))</li>" }
    for warning in warnings { html += "<li>warning: \(e(warning))</li>" }
    html += "</ul>\n<div class=\"text\">"
    var cursor = 0
    for mention in classification.mentions.sorted(by: { $0.span < $1.span }) where mention.span.start >= cursor {
      html += e(text.text(TextSpan(start: cursor, end: mention.span.start)))
      let flags = AssertionFlag.allCases.filter { mention.flags.has($0) }.map(\.rawValue)
      var title = mention.concept + (mention.category.map { ": \($0)" } ?? "")
      for evidence in mention.assertionEvidence { title += "; \(evidence.flag.rawValue) by '\(evidence.trigger)'" }
      let classes = (["c-" + mention.concept] + flags).joined(separator: " ")
      html += "<mark class=\"\(e(classes))\" title=\"\(e(title))\">"
      html += e(text.text(mention.span)) + "</mark>"
      cursor = mention.span.end
    }
    html += e(text.text(TextSpan(start: cursor, end: text.scalars.count)))
    html += "</div></section>\n"
    return html
  }

  /// The section of a record that could not be read.
  public static func error(id: String, message: String) -> String {
    let e = HTMLEscape.escape
    return "<section><h2>\(e(id)) <span class=\"decision error\">error</span></h2><p>\(e(message))</p></section>\n"
  }

  /// A closing section listing a worklist summary (counts and the ids that need a person).
  public static func summary(_ lines: [String]) -> String {
    "<section><h2>Worklist summary</h2><pre>\(HTMLEscape.escape(lines.joined(separator: "\n")))</pre></section>\n"
  }

  /// Closes the page.
  public static let footer = "</body></html>\n"
}
