import Dispatch
import MRSNLP

/// Classifies and renders classify's records in batches on worker threads, while the caller reads
/// the next batch and writes the last one; results come back in input order.
///
/// Two batches may be in flight, so that workers done with one go straight on to the next while
/// the caller waits for the first. Workers claim a batch's records one by one, so a long report
/// holds up no other record; which worker took a record never changes what is written. With one
/// job, `runHere` classifies each record on the calling thread as it comes.
final class BatchRunner: @unchecked Sendable {
  let classifier: Classifier
  let jobs: Int
  /// Whether finished batches keep their classifications (the worklist summary reads them).
  let keepsClassifications: Bool
  private let scratch = ScratchPool()
  /// Started batches not yet finished, oldest first.
  private var inFlight: [RunningBatch] = []
  /// The calling thread's scratch, for `runHere`.
  private var callerScratch: Scratch?

  init(classifier: Classifier, jobs: Int, keepsClassifications: Bool) {
    self.classifier = classifier
    self.jobs = max(jobs, 1)
    self.keepsClassifications = keepsClassifications
  }

  /// How many started batches are not finished yet.
  var running: Int { inFlight.count }

  /// Starts classifying and rendering `records` on worker threads, after the batches already started.
  func start(_ records: [InputRecord], renderer: RecordRenderer) {
    let batch = RunningBatch(records: records, renderer: renderer, workers: min(jobs, records.count))
    inFlight.append(batch)
    for worker in 0..<batch.workers {
      DispatchQueue.global().async(group: batch.group) { [self] in work(batch, worker: worker) }
    }
  }

  /// Waits for the oldest started batch and hands over its results; nil when none is running.
  func finishOldest() -> FinishedBatch? {
    guard !inFlight.isEmpty else { return nil }
    let batch = inFlight.removeFirst()
    batch.group.wait()
    return FinishedBatch(records: batch.records, renderer: batch.renderer, outputs: batch.outputs)
  }

  /// Classifies and renders `record` on the calling thread, appending its output to `bytes`;
  /// returns its classification when kept. For one job, where batches would only add work.
  func runHere(_ record: InputRecord, renderer: RecordRenderer, into bytes: inout [UInt8]) -> Classification? {
    if callerScratch == nil { callerScratch = Scratch(json: renderer.makeJSONWriter()) }
    return process(record, renderer: renderer, scratch: &callerScratch!, into: &bytes)
  }

  private func work(_ batch: RunningBatch, worker: Int) {
    var scratch = self.scratch.take(batch.renderer)
    var output = WorkerOutput()
    while let index = batch.claim() {
      output.classifications.append(
        process(batch.records[index], renderer: batch.renderer, scratch: &scratch, into: &output.bytes))
      output.indices.append(index)
      output.ends.append(output.bytes.count)
    }
    batch.store(output, from: worker)
    self.scratch.give(scratch)
  }

  private func process(
    _ record: InputRecord, renderer: RecordRenderer, scratch: inout Scratch, into bytes: inout [UInt8]
  ) -> Classification? {
    guard let document = record.document else {
      renderer.renderError(record, json: &scratch.json, into: &bytes)
      return nil
    }
    let classification = classifier.classify(document, memo: &scratch.memo)
    renderer.render(classification, record: record, json: &scratch.json, into: &bytes)
    return keepsClassifications ? classification : nil
  }

  /// A batch being worked on: its records, the next one no worker has claimed yet, and each
  /// worker's output.
  private final class RunningBatch: @unchecked Sendable {
    let records: [InputRecord]
    let renderer: RecordRenderer
    let workers: Int
    let group = DispatchGroup()
    /// What each worker produced; read once `group` is done.
    private(set) var outputs: [WorkerOutput]
    private let lock = Lock()
    private var next = 0

    init(records: [InputRecord], renderer: RecordRenderer, workers: Int) {
      self.records = records
      self.renderer = renderer
      self.workers = workers
      outputs = Array(repeating: WorkerOutput(), count: workers)
    }

    /// Keeps worker `worker`'s output (under the lock: the array is shared by all workers).
    func store(_ output: WorkerOutput, from worker: Int) {
      lock.lock()
      outputs[worker] = output
      lock.unlock()
    }

    /// The index of a record no worker has taken yet, now taken by the caller; nil when none is left.
    func claim() -> Int? {
      lock.lock()
      defer { lock.unlock() }
      guard next < records.count else { return nil }
      next += 1
      return next - 1
    }
  }

  /// What a worker keeps from record to record: a spelling memo (which only saves work) and JSON
  /// scratch space. A worker takes one from the pool for a batch and gives it back after.
  private struct Scratch {
    var memo = SpellingMemo()
    var json: JSONWriter
  }

  private final class ScratchPool: @unchecked Sendable {
    private let lock = Lock()
    private var free: [Scratch] = []

    func take(_ renderer: RecordRenderer) -> Scratch {
      lock.lock()
      defer { lock.unlock() }
      return free.popLast() ?? Scratch(json: renderer.makeJSONWriter())
    }

    func give(_ scratch: Scratch) {
      lock.lock()
      free.append(scratch)
      lock.unlock()
    }
  }
}

/// What one worker produced for a batch: its records' bytes end to end, which records they are,
/// where each ends, and (when kept) their classifications.
struct WorkerOutput: Sendable {
  var bytes: [UInt8] = []
  var indices: [Int] = []
  var ends: [Int] = []
  var classifications: [Classification?] = []
}

/// A batch's records with their rendered output, in input order.
struct FinishedBatch: Sendable {
  let records: [InputRecord]
  /// What rendered them (its CSV columns are those of the input the records came from).
  let renderer: RecordRenderer
  private let outputs: [WorkerOutput]
  /// For each record, the worker that took it and its place in that worker's output.
  private let placements: [(worker: Int, slot: Int)]

  init(records: [InputRecord], renderer: RecordRenderer, outputs: [WorkerOutput]) {
    self.records = records
    self.renderer = renderer
    self.outputs = outputs
    var placements = [(worker: Int, slot: Int)](repeating: (0, 0), count: records.count)
    for (worker, output) in outputs.enumerated() {
      for (slot, index) in output.indices.enumerated() { placements[index] = (worker, slot) }
    }
    self.placements = placements
  }

  /// The rendered bytes of record `index` and, when kept, its classification.
  func result(_ index: Int) -> (bytes: ArraySlice<UInt8>, classification: Classification?) {
    let (worker, slot) = placements[index]
    let ends = outputs[worker].ends
    let start = slot == 0 ? 0 : ends[slot - 1]
    return (outputs[worker].bytes[start..<ends[slot]], outputs[worker].classifications[slot])
  }
}
