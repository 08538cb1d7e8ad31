/// Reads FHIR R4 ServiceRequests into `InputRecord`s: one resource, a Bundle, or NDJSON.
///
/// The input is one JSON value (a ServiceRequest, or a Bundle whose ServiceRequest entries are
/// read and whose other entries are skipped) or, when it does not parse as one value, NDJSON with
/// one resource per line. The document text is built from labelled lines (a line with no content
/// is left out):
///
///     Procedure: <code.text, else the first coding display>
///     Reason for exam: <each reasonCode as 'ICD-10-CM code text', joined by '; '>
///     Comments:
///     <note[].text, one per line>
///     Reasons referenced: <reasonReference[].display, joined by '; '>
///
/// An R5-style `reason` (CodeableReference) is read like `reasonCode` and `reasonReference`.
/// Unknown elements are ignored. The id is `id`, else "resource N"; `line` is the 1-based
/// resource index (the entry index in a Bundle, the line number in NDJSON). A resource that
/// cannot be read gives a record with an error (never quoting the clinical text), and reading goes
/// on with the next one.
public struct FHIRReader: Sendable {
  /// The CPT coding system URI.
  static let cptSystem = "http://www.ama-assn.org/go/cpt"

  /// Creates a reader.
  public init() {}

  /// Reads every ServiceRequest in `bytes`; no records for an empty input.
  public func records(_ bytes: [UInt8]) -> [InputRecord] {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    guard let firstByte = body.first(where: { !Self.isSpace($0) }) else { return [] }
    let (text, replaced) = JSONLRecordReader.decode(body)
    let warnings = replaced ? ["invalid UTF-8 replaced with U+FFFD"] : []
    let whole: JSONValue
    do {
      whole = try JSONParser.parse(Array(text.utf8))
    } catch {
      if firstByte == 0x7B, let lines = ndjsonLines(body) {
        return lines.flatMap { ndjsonRecords($0.bytes, line: $0.number) }
      }
      return [
        InputRecord(
          id: "resource 1", line: 1, error: "input is not valid JSON: \(error)", warnings: warnings)
      ]
    }
    return resourceRecords(whole, place: .resource(1), warnings: warnings)
  }

  /// Where a resource sits in the input, for ids, `line` and messages.
  enum Place {
    /// The Nth resource of the input (or of a Bundle read at the top level).
    case resource(Int)
    /// A whole NDJSON line.
    case line(Int)
    /// Entry `entry` of a Bundle on NDJSON line `line`.
    case lineEntry(line: Int, entry: Int)

    /// The value of `InputRecord.line`.
    var line: Int {
      switch self {
      case .resource(let index), .line(let index), .lineEntry(line: let index, entry: _):
        return index
      }
    }

    /// The id used when the resource has none.
    var fallbackID: String {
      switch self {
      case .resource(let index), .line(let index): return "resource \(index)"
      case .lineEntry(let line, let entry): return "resource \(line).\(entry)"
      }
    }

    /// The place named in a message.
    var name: String {
      switch self {
      case .resource(let index): return "resource \(index)"
      case .line(let index): return "line \(index)"
      case .lineEntry(let line, let entry): return "line \(line) entry \(entry)"
      }
    }
  }

  /// The non-blank lines of `body` with their 1-based numbers, when the input reads as NDJSON:
  /// the first non-blank line is a JSON object, or at least half of two or more lines are.
  private func ndjsonLines(_ body: ArraySlice<UInt8>) -> [(number: Int, bytes: ArraySlice<UInt8>)]?
  {
    var lines: [(number: Int, bytes: ArraySlice<UInt8>)] = []
    for (offset, raw) in body.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
    {
      var line = raw
      while let last = line.last, Self.isSpace(last) { line = line.dropLast() }
      while let first = line.first, Self.isSpace(first) { line = line.dropFirst() }
      if !line.isEmpty { lines.append((offset + 1, line)) }
    }
    func isObject(_ bytes: ArraySlice<UInt8>) -> Bool {
      let text = JSONLRecordReader.decode(bytes).text
      if case .object = try? JSONParser.parse(Array(text.utf8)) { return true }
      return false
    }
    guard let first = lines.first else { return nil }
    if isObject(first.bytes) { return lines }
    let objects = lines.filter { isObject($0.bytes) }.count
    return lines.count >= 2 && objects * 2 >= lines.count ? lines : nil
  }

  /// The records of one NDJSON line.
  private func ndjsonRecords(_ bytes: ArraySlice<UInt8>, line: Int) -> [InputRecord] {
    let (text, replaced) = JSONLRecordReader.decode(bytes)
    let warnings = replaced ? ["invalid UTF-8 replaced with U+FFFD"] : []
    do {
      let value = try JSONParser.parse(Array(text.utf8))
      return resourceRecords(value, place: .line(line), warnings: warnings)
    } catch {
      return [
        InputRecord(
          id: Place.line(line).fallbackID, line: line,
          error: "line \(line) is not valid JSON: \(error)", warnings: warnings)
      ]
    }
  }

  /// The records of one resource: a ServiceRequest gives one, a Bundle one per ServiceRequest.
  func resourceRecords(_ value: JSONValue, place: Place, warnings: [String]) -> [InputRecord] {
    func failure(_ message: String) -> [InputRecord] {
      let id = value["id"]?.idText ?? place.fallbackID
      return [InputRecord(id: id, line: place.line, error: message, warnings: warnings)]
    }
    guard case .object = value else {
      return failure("\(place.name) is \(value.typeName), expected a JSON object")
    }
    guard let type = value["resourceType"]?.stringValue else {
      return failure("\(place.name) has no resourceType")
    }
    switch type {
    case "ServiceRequest":
      return [ServiceRequestText.record(value, place: place, warnings: warnings)]
    case "Bundle":
      return bundleRecords(value, place: place, warnings: warnings)
    default:
      let shown = type.unicodeScalars.count <= 40 ? type : "an unknown resource"
      return failure("\(place.name) is a \(shown), expected a ServiceRequest or a Bundle")
    }
  }

  /// The ServiceRequest entries of a Bundle; other resources are skipped.
  private func bundleRecords(_ bundle: JSONValue, place: Place, warnings: [String]) -> [InputRecord]
  {
    guard let entryValue = bundle["entry"] else { return [] }
    guard let entries = entryValue.arrayValue else {
      return [
        InputRecord(
          id: bundle["id"]?.idText ?? place.fallbackID, line: place.line,
          error: "\(place.name): Bundle entry is \(entryValue.typeName), expected an array",
          warnings: warnings)
      ]
    }
    var records: [InputRecord] = []
    for (offset, entry) in entries.enumerated() {
      let entryPlace: Place
      switch place {
      case .resource: entryPlace = .resource(offset + 1)
      case .line(let line), .lineEntry(let line, _):
        entryPlace = .lineEntry(line: line, entry: offset + 1)
      }
      func refuse(_ message: String) {
        records.append(
          InputRecord(id: entryPlace.fallbackID, line: entryPlace.line, error: message, warnings: warnings))
      }
      guard case .object = entry else {
        refuse("\(entryPlace.name) is \(entry.typeName), expected a Bundle entry object")
        continue
      }
      guard let resource = entry["resource"] else { continue }
      guard case .object = resource else {
        refuse("\(entryPlace.name) resource is \(resource.typeName), expected a JSON object")
        continue
      }
      guard resource["resourceType"]?.stringValue == "ServiceRequest" else { continue }
      records.append(ServiceRequestText.record(resource, place: entryPlace, warnings: warnings))
    }
    return records
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }
}

/// Turns one ServiceRequest into a record: labelled text, warnings, or an error.
enum ServiceRequestText {
  /// The record of `resource` (a ServiceRequest object) found at `place`.
  static func record(
    _ resource: JSONValue, place: FHIRReader.Place, warnings inherited: [String]
  ) -> InputRecord {
    let id = resource["id"]?.idText.map(OrderTextLines.trimmed) ?? ""
    let recordID = id.isEmpty ? place.fallbackID : id
    var warnings = inherited
    let procedure = procedureName(resource["code"])
    var reasons = elements(resource["reasonCode"]).map(reason)
    var referenced = elements(resource["reasonReference"]).map { string($0["display"]) }
    for item in elements(resource["reason"]) {
      if let concept = item["concept"] { reasons.append(reason(concept)) }
      if let reference = item["reference"] { referenced.append(string(reference["display"])) }
    }
    var lines = OrderTextLines()
    lines.add("Procedure", procedure)
    lines.add("Reason for exam", items: reasons)
    lines.addBlock("Comments", entries: elements(resource["note"]).map { string($0["text"]) })
    lines.add("Reasons referenced", items: referenced)
    if !isSpectroscopy(resource["code"]) {
      warnings.append(SpectroscopyOrderCheck.warning(procedure: procedure))
    }
    if let status = resource["status"]?.stringValue,
      ["revoked", "entered-in-error"].contains(status)
    {
      warnings.append("request status is \(status)")
    }
    guard !lines.isEmpty else {
      return InputRecord(
        id: recordID, line: place.line,
        error: "\(place.name) has no text (code, reasonCode, note and reasonReference are empty)",
        warnings: warnings)
    }
    return InputRecord(
      id: recordID, line: place.line,
      document: Document(id: recordID, kind: .order, text: lines.text), warnings: warnings)
  }

  /// `code.text`, else the first coding display, else the first coding code.
  static func procedureName(_ code: JSONValue?) -> String {
    let text = string(code?["text"])
    if !text.isEmpty { return text }
    let codings = elements(code?["coding"])
    if let display = codings.map({ string($0["display"]) }).first(where: { !$0.isEmpty }) {
      return display
    }
    return codings.map { string($0["code"]) }.first { !$0.isEmpty } ?? ""
  }

  /// One reason as 'code text': the ICD-10-CM code (by system, or by shape when the coding has
  /// no system) and `text`, else the display of that coding or of the first one that has one.
  static func reason(_ concept: JSONValue) -> String {
    let codings = elements(concept["coding"])
    let icd = codings.first { coding in
      guard !string(coding["code"]).isEmpty else { return false }
      let system = string(coding["system"])
      return system.isEmpty
        ? ICD10CodeShape.matches(string(coding["code"])) : ICD10CodeShape.isSystemURI(system)
    }
    var text = string(concept["text"])
    if text.isEmpty, let icd { text = string(icd["display"]) }
    if text.isEmpty {
      text = codings.map { string($0["display"]) }.first { !$0.isEmpty } ?? ""
    }
    return OrderTextLines.codeAndText(icd.map { string($0["code"]) } ?? "", text)
  }

  /// Whether `code` carries CPT 76390 or names spectroscopy in its text or a display.
  static func isSpectroscopy(_ code: JSONValue?) -> Bool {
    let codings = elements(code?["coding"])
    for coding in codings {
      if string(coding["system"]) == FHIRReader.cptSystem,
        SpectroscopyOrderCheck.isSpectroscopyCode(string(coding["code"]))
      {
        return true
      }
    }
    let texts = [string(code?["text"])] + codings.map { string($0["display"]) }
    return texts.contains(where: SpectroscopyOrderCheck.namesSpectroscopy)
  }

  /// The elements of an array value; none for a missing or non-array value.
  static func elements(_ value: JSONValue?) -> [JSONValue] { value?.arrayValue ?? [] }

  /// A string value trimmed; empty for a missing or non-string value.
  static func string(_ value: JSONValue?) -> String {
    OrderTextLines.trimmed(value?.stringValue ?? "")
  }
}
