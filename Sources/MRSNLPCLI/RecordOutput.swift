import MRSNLP

/// Writes classify's rendered output records in input order, with what goes around and between
/// them: the JSON array's brackets and commas, the CSV header, the HTML page.
struct RecordOutput {
  let io: ToolIO
  /// Renders each record; its passthrough columns change when a CSV input's header is read.
  var renderer: RecordRenderer
  private var count = 0
  private var wroteCSVHeader = false
  /// Records written since the last `send()`, handed to the output in one piece.
  private var pending: [UInt8] = []

  init(renderer: RecordRenderer, io: ToolIO) {
    self.renderer = renderer
    self.io = io
  }

  var format: String { renderer.format }

  mutating func begin() {
    switch format {
    case "json": pending += "[".utf8
    case "html": pending += HTMLReport.header(title: "mrs-nlp pre-screening results", provenance: renderer.provenance).utf8
    default: break
    }
  }

  mutating func end() {
    if format == "csv" { csvHeaderIfNeeded(renderer) }
    if format == "json" { pending += (count == 0 ? "]\n" : "\n]\n").utf8 }
    if format == "html" { pending += HTMLReport.footer.utf8 }
    flush()
  }

  /// Writes the CSV header before the first row, with the columns of the renderer that made it.
  private mutating func csvHeaderIfNeeded(_ renderer: RecordRenderer) {
    guard !wroteCSVHeader else { return }
    wroteCSVHeader = true
    pending += renderer.csvHeader.utf8
  }

  /// Writes one record's bytes as `renderer` made them.
  mutating func write(rendered bytes: ArraySlice<UInt8>, by renderer: RecordRenderer) {
    switch format {
    case "csv": csvHeaderIfNeeded(renderer)
    case "json": pending += (count == 0 ? "\n" : ",\n").utf8
    default: break
    }
    count += 1
    pending += bytes
  }

  /// Hands the records written so far to the output, which writes them out when its buffer is
  /// full, or at `flush()`.
  mutating func send() {
    io.out(pending)
    pending.removeAll(keepingCapacity: true)
  }

  /// Writes out everything written so far.
  mutating func flush() {
    send()
    io.flush()
  }

  mutating func summary(_ lines: [String]) {
    pending += HTMLReport.summary(lines).utf8
  }
}
