import MRSNLP

/// classify's way from records read to results written: one record at a time on one job; on more,
/// batches on worker threads with the results written in input order.
///
/// Batches of 128 records (or 256 KB of text) a job, at most 1,024 records (or 2 MB), make
/// hand-overs rare, and memory stays bounded: at most two batches run while a third is read.
/// `drain()` finishes and writes all that is held: at the end, before an error is reported, and
/// when a stream pauses, so that an interactive pipe gets the results of what it sent before the
/// tool waits for more.
final class ResultStream {
  private(set) var output: RecordOutput
  /// Counts for `--summary`, when asked for.
  private(set) var summary: WorklistSummary?
  /// Records that could not be classified.
  private(set) var failures = 0
  private let runner: BatchRunner
  private let jobs: Int
  private let batchSize: Int
  private let batchTextBytes: Int
  private var batch: [InputRecord] = []
  private var textBytes = 0
  /// One job's output record, reused.
  private var rendered: [UInt8] = []

  init(classifier: Classifier, jobs: Int, output: RecordOutput, summary: WorklistSummary?) {
    self.output = output
    self.summary = summary
    self.jobs = jobs
    runner = BatchRunner(classifier: classifier, jobs: jobs, keepsClassifications: summary != nil)
    batchSize = min(128 * jobs, 1024)
    batchTextBytes = min((256 << 10) * jobs, 2 << 20)
  }

  /// Writes what opens the output (the JSON array's bracket, the HTML page's head).
  func begin() { output.begin() }

  /// Classifies `record` and writes its result, now (one job) or with its batch.
  func add(_ record: InputRecord) {
    if jobs == 1 {
      rendered.removeAll(keepingCapacity: true)
      count(record, runner.runHere(record, renderer: output.renderer, into: &rendered))
      output.write(rendered: rendered[...], by: output.renderer)
      output.send()
      return
    }
    textBytes += record.document?.text.utf8.count ?? 0
    batch.append(record)
    if batch.count >= batchSize || textBytes >= batchTextBytes { submit() }
  }

  /// Later records come from a CSV input with these columns; those read before keep the old ones.
  func csvHeader(_ header: [String]) {
    submit()
    output.renderer.passthroughColumns = CSVReader.passthroughColumns(header)
  }

  /// Classifies and writes out every record held.
  func drain() {
    submit()
    while let finished = runner.finishOldest() { write(finished) }
    output.flush()
  }

  /// Writes the worklist summary (HTML output only) and what closes the output.
  func end(summaryLines: [String]?) {
    if let summaryLines { output.summary(summaryLines) }
    output.end()
  }

  // The batch just read starts before the one before it is written, so that workers go on from
  // one to the next while this thread writes and reads.
  private func submit() {
    if !batch.isEmpty {
      runner.start(batch, renderer: output.renderer)
      batch.removeAll(keepingCapacity: true)
      textBytes = 0
    }
    while runner.running > 1, let finished = runner.finishOldest() { write(finished) }
  }

  private func write(_ finished: FinishedBatch) {
    for (index, record) in finished.records.enumerated() {
      let (bytes, classification) = finished.result(index)
      count(record, classification)
      output.write(rendered: bytes, by: finished.renderer)
    }
    output.send()
  }

  private func count(_ record: InputRecord, _ classification: Classification?) {
    if record.document == nil {
      failures += 1
      summary?.addError(record.id)
    } else if let classification {
      summary?.add(classification)
    }
  }
}
