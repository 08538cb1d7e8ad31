import Foundation
import MRSNLP
import Testing
@testable import MRSNLPCLI

@Suite("Batches on worker threads")
struct BatchRunnerTests {
  /// Dev corpus records with unreadable ones between them.
  static func records() throws -> [InputRecord] {
    let corpus = try String(contentsOf: repositoryRoot.appendingPathComponent("corpora/dev.jsonl"), encoding: .utf8)
    let reader = JSONLRecordReader(keepsWholeObject: false)
    var records: [InputRecord] = []
    for (number, line) in corpus.split(separator: "\n").prefix(60).enumerated() {
      if let record = reader.read(Array(line.utf8)[...], line: number + 1) { records.append(record) }
      if number % 9 == 4 { records.append(InputRecord(id: "bad\(number)", line: number + 1, error: "unreadable")) }
    }
    return records
  }

  @Test("results come back in input order for any number of jobs, batch size and batches in flight")
  func order() throws {
    let records = try Self.records()
    let classifier = Classifier(lexicon: try Lexicon.embedded())
    for format in ["jsonl", "json", "csv", "text"] {
      let renderer = RecordRenderer(format: format, explain: format == "text", provenance: "test")
      var json = renderer.makeJSONWriter()
      var expected: [[UInt8]] = []
      for record in records {
        var bytes: [UInt8] = []
        if let document = record.document {
          renderer.render(classifier.classify(document), record: record, json: &json, into: &bytes)
        } else {
          renderer.renderError(record, json: &json, into: &bytes)
        }
        expected.append(bytes)
      }
      let here = BatchRunner(classifier: classifier, jobs: 1, keepsClassifications: false)
      for (record, bytes) in zip(records, expected) {
        var got: [UInt8] = [0x2A]
        #expect(here.runHere(record, renderer: renderer, into: &got) == nil)
        #expect(got == [0x2A] + bytes, "\(format), \(record.id) on the calling thread")
      }
      for jobs in [1, 2, 3, 5] {
        for batchSize in [1, 4, 17] {
          let runner = BatchRunner(classifier: classifier, jobs: jobs, keepsClassifications: true)
          var got: [[UInt8]] = []
          var kept: [String?] = []
          func collect(_ finished: FinishedBatch) {
            for index in finished.records.indices {
              let (bytes, classification) = finished.result(index)
              got.append(Array(bytes))
              kept.append(classification?.document.id)
            }
          }
          var start = 0
          while start < records.count {
            runner.start(Array(records[start..<min(start + batchSize, records.count)]), renderer: renderer)
            #expect(runner.running <= 2)
            if runner.running > 1, let finished = runner.finishOldest() { collect(finished) }
            start += batchSize
          }
          while let finished = runner.finishOldest() { collect(finished) }
          #expect(got == expected, "\(format), \(jobs) jobs, batches of \(batchSize)")
          #expect(kept == records.map { $0.document?.id }, "\(format), \(jobs) jobs, batches of \(batchSize)")
        }
      }
    }
  }

  @Test("classifications are dropped when the summary does not need them")
  func dropsClassifications() throws {
    let records = Array(try Self.records().prefix(10))
    let runner = BatchRunner(classifier: Classifier(lexicon: try Lexicon.embedded()), jobs: 2, keepsClassifications: false)
    runner.start(records, renderer: RecordRenderer(format: "jsonl", explain: false, provenance: "test"))
    let finished = try #require(runner.finishOldest())
    #expect(finished.records.indices.allSatisfy { finished.result($0).classification == nil })
    #expect(finished.records.indices.allSatisfy { !finished.result($0).bytes.isEmpty })
    #expect(runner.finishOldest() == nil)
  }
}
