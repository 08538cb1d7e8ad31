// libFuzzer target: every input reader (JSONL line, CSV, HL7 v2, FHIR) on any bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReaders(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = JSONLRecordReader().read(bytes[...], line: 1)
  _ = CSVReader().read(bytes)
  _ = HL7v2Reader().records(bytes)
  _ = FHIRReader().records(bytes)
  return 0
}
