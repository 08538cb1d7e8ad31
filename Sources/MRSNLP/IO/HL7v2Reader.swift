/// Reads HL7 v2 imaging orders (ORM^O01, OMI^O23) into `InputRecord`s, one per message.
///
/// Segments may end with CR, LF or CRLF; a message starts at each MSH segment; MLLP framing bytes
/// (0x0B, 0x1C) and batch envelope segments (FHS, BHS, BTS, FTS) are skipped. The delimiters
/// declared in MSH-1/MSH-2 are honoured, and the escapes `\F\ \S\ \T\ \R\ \E\` are undone; `\.br\`
/// becomes a line break. MSH-18 `8859/1` is read as Latin-1, anything else as UTF-8.
///
/// The document text is built from labelled lines, in this order (a line with no content is left
/// out; with several OBR segments the first four repeat for each):
///
///     Procedure: <OBR-4 text>
///     Reason for exam: <OBR-31 repetitions as 'code text', joined by '; '>
///     Clinical history: <OBR-13>
///     Comments:
///     <NTE-3 after the OBR, one per line>
///     Diagnoses: <DG1-3 as 'code text', joined by '; '>
///
/// OBR-13 and NTE-3 are read as raw text: a `^`, `~` or `&` a clinician typed is kept. The record
/// id is MSH-10, or "message N"; `line` is the 1-based index of the message in the input. A
/// message that is not an order, has no OBR or has a malformed MSH gives a record with an error
/// (which never quotes the clinical text), and reading goes on with the next message.
public struct HL7v2Reader: Sendable {
  /// Creates a reader.
  public init() {}

  /// Reads every message in `bytes`; no records for an empty input.
  public func records(_ bytes: [UInt8]) -> [InputRecord] {
    HL7MessageSplitter.messages(bytes).enumerated().map { offset, message in
      record(message, index: offset + 1)
    }
  }

  /// Reads one message (its segments, in order) numbered `index`.
  func record(_ message: HL7MessageSplitter.Message, index: Int) -> InputRecord {
    let fallbackID = "message \(index)"
    guard let msh = message.segments.first, message.startsWithMSH else {
      return InputRecord(
        id: fallbackID, line: index,
        error: "message \(index) has no MSH segment: the text before the first MSH is not a message"
      )
    }
    let delimiters: HL7Delimiters
    switch HL7Delimiters.read(msh: msh) {
    case .success(let read): delimiters = read
    case .failure(let problem):
      return InputRecord(id: fallbackID, line: index, error: "message \(index): \(problem.message)")
    }
    let header = HL7Segment(msh, delimiters: delimiters)
    var decoder = HL7Decoder(delimiters: delimiters, charset: header.field(18))
    let id = OrderTextLines.trimmed(decoder.text(decoder.firstComponent(header.field(10))))
    let recordID = id.isEmpty ? fallbackID : id
    var warnings: [String] = []
    switch checkType(header, decoder: &decoder, index: index) {
    case .failure(let problem):
      return InputRecord(id: recordID, line: index, error: problem.message)
    case .success(let warning?): warnings.append(warning)
    case .success(nil): break
    }
    let segments = message.segments.dropFirst().map { HL7Segment($0, delimiters: delimiters) }
    let order = HL7Order(segments: segments)
    guard !order.requests.isEmpty else {
      return InputRecord(id: recordID, line: index, error: "message \(index) has no OBR segment")
    }
    warnings.append(contentsOf: order.orderControlWarnings(decoder: &decoder))
    let text = order.text(decoder: &decoder)
    if !order.isSpectroscopy(decoder: &decoder) {
      warnings.append(
        SpectroscopyOrderCheck.warning(procedure: order.procedureNames(decoder: &decoder)))
    }
    if decoder.replacedInvalidUTF8 { warnings.append("invalid UTF-8 replaced with U+FFFD") }
    guard !text.isEmpty else {
      return InputRecord(
        id: recordID, line: index,
        error: "message \(index) has no order text (OBR-4, OBR-13, OBR-31, NTE and DG1 are empty)",
        warnings: warnings)
    }
    return InputRecord(
      id: recordID, line: index, document: Document(id: recordID, kind: .order, text: text),
      warnings: warnings)
  }

  /// Checks MSH-9: an ORM or OMI message passes (with a warning for an unusual trigger event).
  private func checkType(
    _ header: HL7Segment, decoder: inout HL7Decoder, index: Int
  ) -> Result<String?, HL7MessageError> {
    let components = decoder.components(header.field(9))
    func part(_ position: Int) -> String {
      position < components.count
        ? OrderTextLines.trimmed(decoder.text(components[position])).uppercased() : ""
    }
    let code = part(0)
    let trigger = part(1)
    guard !code.isEmpty else {
      return .failure(HL7MessageError("message \(index) has no message type (MSH-9)"))
    }
    let type = trigger.isEmpty ? code : "\(code)^\(trigger)"
    let expected = ["ORM": "O01", "OMI": "O23"]
    guard let expectedTrigger = expected[code] else {
      return .failure(
        HL7MessageError(
          "message \(index) has type \(Self.shortened(type)), expected ORM^O01 or OMI^O23"))
    }
    if trigger == expectedTrigger { return .success(nil) }
    return .success(
      "message type \(Self.shortened(type)) read as an order (expected \(code)^\(expectedTrigger))")
  }

  /// A message type cut to a length fit for a one-line error.
  private static func shortened(_ text: String) -> String {
    text.unicodeScalars.count <= 20
      ? text : String(String.UnicodeScalarView(text.unicodeScalars.prefix(20))) + "..."
  }
}

/// A problem that makes a whole HL7 v2 message unreadable.
struct HL7MessageError: Error {
  /// What was wrong (never the clinical text).
  var message: String

  init(_ message: String) { self.message = message }
}

/// Cuts an HL7 v2 byte stream into segments and groups them into messages at each MSH.
enum HL7MessageSplitter {
  /// One message: its segments in order (the first is MSH unless `startsWithMSH` is false).
  struct Message {
    /// The segments, each without its terminator and without leading blanks.
    var segments: [ArraySlice<UInt8>]
    /// False for stray segments before the first MSH.
    var startsWithMSH: Bool
  }

  /// The messages of `bytes`. CR, LF, 0x0B and 0x1C all end a segment; blank segments, a leading
  /// byte-order mark and batch envelope segments (FHS, BHS, BTS, FTS) are dropped.
  static func messages(_ bytes: [UInt8]) -> [Message] {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    var messages: [Message] = []
    var start = body.startIndex
    for index in body.indices where isTerminator(body[index]) {
      add(body[start..<index], to: &messages)
      start = index + 1
    }
    add(body[start..<body.endIndex], to: &messages)
    return messages
  }

  private static func isTerminator(_ byte: UInt8) -> Bool {
    byte == 0x0D || byte == 0x0A || byte == 0x0B || byte == 0x1C
  }

  private static func add(_ raw: ArraySlice<UInt8>, to messages: inout [Message]) {
    var segment = raw
    while let first = segment.first, first == 0x20 || first == 0x09 || first == 0x00 {
      segment = segment.dropFirst()
    }
    while let last = segment.last, last == 0x20 || last == 0x09 || last == 0x00 {
      segment = segment.dropLast()
    }
    guard !segment.isEmpty, !isBatchEnvelope(segment) else { return }
    if segment.starts(with: Array("MSH".utf8)) {
      messages.append(Message(segments: [segment], startsWithMSH: true))
    } else if messages.isEmpty {
      messages.append(Message(segments: [segment], startsWithMSH: false))
    } else {
      messages[messages.count - 1].segments.append(segment)
    }
  }

  private static func isBatchEnvelope(_ segment: ArraySlice<UInt8>) -> Bool {
    let names = ["FHS", "BHS", "BTS", "FTS"].map { Array($0.utf8) }
    guard segment.count >= 3, names.contains(Array(segment.prefix(3))) else { return false }
    guard segment.count > 3 else { return true }
    let next = segment[segment.startIndex + 3]
    return !HL7Delimiters.isWordByte(next)
  }
}

/// The delimiters a message declares in MSH-1 and MSH-2.
struct HL7Delimiters: Sendable {
  /// Separates fields (MSH-1, usually `|`).
  var field: UInt8
  /// Separates components (usually `^`).
  var component: UInt8
  /// Separates repetitions (usually `~`), when declared.
  var repetition: UInt8?
  /// Starts and ends an escape sequence (usually `\`), when declared.
  var escape: UInt8?
  /// Separates subcomponents (usually `&`), when declared.
  var subcomponent: UInt8?

  /// Reads the delimiters of an MSH segment, or says why they cannot be read.
  static func read(msh: ArraySlice<UInt8>) -> Result<HL7Delimiters, HL7MessageError> {
    guard msh.count >= 8 else {
      return .failure(HL7MessageError("MSH segment is shorter than 8 characters"))
    }
    let field = msh[msh.startIndex + 3]
    guard isDelimiter(field) else {
      return .failure(HL7MessageError("MSH segment has no field separator after 'MSH'"))
    }
    let encoding = msh[(msh.startIndex + 4)...].prefix { $0 != field }.prefix(4)
    guard let component = encoding.first else {
      return .failure(HL7MessageError("MSH-2 declares no encoding characters"))
    }
    let declared = [field] + Array(encoding)
    guard declared.allSatisfy(isDelimiter), Set(declared).count == declared.count else {
      return .failure(HL7MessageError("MSH-2 encoding characters are not distinct punctuation"))
    }
    let characters = Array(encoding)
    return .success(
      HL7Delimiters(
        field: field, component: component, repetition: characters.count > 1 ? characters[1] : nil,
        escape: characters.count > 2 ? characters[2] : nil,
        subcomponent: characters.count > 3 ? characters[3] : nil))
  }

  /// Whether `byte` may be a delimiter: printable ASCII that is not a letter, digit or space.
  static func isDelimiter(_ byte: UInt8) -> Bool {
    byte > 0x20 && byte < 0x7F && !isWordByte(byte)
  }

  /// Whether `byte` is an ASCII letter or digit.
  static func isWordByte(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }
}

/// One segment cut into fields (still escaped).
struct HL7Segment {
  /// The segment name ("OBR").
  var name: String
  /// The raw fields; element 0 is the name. For MSH, element 1 is MSH-2 (MSH-1 is the separator).
  var fields: [ArraySlice<UInt8>]

  /// Cuts `raw` at the field separator.
  init(_ raw: ArraySlice<UInt8>, delimiters: HL7Delimiters) {
    fields = raw.split(separator: delimiters.field, omittingEmptySubsequences: false)
    name = String(decoding: fields.first ?? [], as: UTF8.self)
  }

  /// Field `number` in HL7 numbering (OBR-4, MSH-10), empty when absent.
  func field(_ number: Int) -> ArraySlice<UInt8> {
    let position = name == "MSH" ? number - 1 : number
    guard position >= 1, position < fields.count else { return [] }
    return fields[position]
  }
}

/// Splits fields into repetitions and components and turns escaped bytes into text.
struct HL7Decoder {
  /// The message's delimiters.
  let delimiters: HL7Delimiters
  /// Whether the message declares ISO 8859-1 (MSH-18 `8859/1`).
  let latin1: Bool
  /// Set when some text was not valid UTF-8 and was replaced with U+FFFD.
  private(set) var replacedInvalidUTF8 = false

  /// A decoder for a message with MSH-18 `charset`.
  init(delimiters: HL7Delimiters, charset: ArraySlice<UInt8>) {
    self.delimiters = delimiters
    let name = String(decoding: charset, as: UTF8.self).uppercased()
    latin1 = name.hasPrefix("8859/1") && !name.hasPrefix("8859/15")
  }

  /// The repetitions of a field (one when no repetition separator is declared).
  func repetitions(_ field: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    guard let separator = delimiters.repetition else { return [field] }
    return field.split(separator: separator, omittingEmptySubsequences: false)
  }

  /// The components of one repetition.
  func components(_ value: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    value.split(separator: delimiters.component, omittingEmptySubsequences: false)
  }

  /// The first component of a field's first repetition.
  func firstComponent(_ field: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    components(repetitions(field).first ?? []).first ?? []
  }

  /// Component `number` (1-based) of `components`, as trimmed text; empty when absent.
  mutating func component(_ number: Int, of components: [ArraySlice<UInt8>]) -> String {
    guard number >= 1, number <= components.count else { return "" }
    return OrderTextLines.trimmed(text(components[number - 1]))
  }

  /// A whole field read as free text: nothing is split, escapes are undone, and empty components
  /// at either end (`^text` sent as a coded value) are dropped.
  mutating func rawText(_ field: ArraySlice<UInt8>) -> String {
    var value = field
    let blank: Set<UInt8> = [0x20, 0x09, delimiters.component]
    while let first = value.first, blank.contains(first) { value = value.dropFirst() }
    while let last = value.last, blank.contains(last) { value = value.dropLast() }
    return OrderTextLines.trimmed(text(value))
  }

  /// Escaped bytes as text.
  mutating func text(_ raw: ArraySlice<UInt8>) -> String {
    let bytes = unescape(raw)
    if latin1 {
      var scalars = String.UnicodeScalarView()
      for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
      return String(scalars)
    }
    if let valid = String(validating: bytes, as: UTF8.self) { return valid }
    replacedInvalidUTF8 = true
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Undoes escape sequences; an unknown or unterminated sequence is kept as it is.
  func unescape(_ raw: ArraySlice<UInt8>) -> [UInt8] {
    guard let escape = delimiters.escape, raw.contains(escape) else { return Array(raw) }
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var index = raw.startIndex
    while index < raw.endIndex {
      let byte = raw[index]
      guard byte == escape,
        let close = raw[(index + 1)...].firstIndex(of: escape),
        let replacement = expansion(of: raw[(index + 1)..<close])
      else {
        out.append(byte)
        index += 1
        continue
      }
      out.append(contentsOf: replacement)
      index = close + 1
    }
    return out
  }

  /// What an escape sequence body stands for, or nil when it is not a known sequence.
  private func expansion(of body: ArraySlice<UInt8>) -> [UInt8]? {
    guard let first = body.first else { return nil }
    if body.count == 1 {
      switch first {
      case 0x46: return [delimiters.field]  // F
      case 0x53: return [delimiters.component]  // S
      case 0x54: return delimiters.subcomponent.map { [$0] }  // T
      case 0x52: return delimiters.repetition.map { [$0] }  // R
      case 0x45: return delimiters.escape.map { [$0] }  // E
      case 0x48, 0x4E: return []  // H, N: highlighting on and off
      default: return nil
      }
    }
    switch first {
    case 0x2E: return formatting(body.dropFirst())
    case 0x58: return hexadecimal(body.dropFirst())  // X
    case 0x43, 0x4D, 0x5A:  // C, M, Z: character-set switches and local escapes
      return body.dropFirst().allSatisfy(HL7Delimiters.isWordByte) ? [] : nil
    default: return nil
    }
  }

  /// A formatted-text command (`.br`, `.sp 2`, `.in +4` ...): line breaks stay, the rest goes.
  private func formatting(_ command: ArraySlice<UInt8>) -> [UInt8]? {
    let name = String(decoding: command.prefix(2), as: UTF8.self).lowercased()
    let argument = command.dropFirst(2)
    guard
      argument.allSatisfy({ $0 == 0x20 || $0 == 0x2B || $0 == 0x2D || (0x30...0x39).contains($0) })
    else { return nil }
    switch name {
    case "br", "sp", "ce": return [0x0A]
    case "sk": return [0x20]
    case "fi", "nf", "in", "ti": return []
    default: return nil
    }
  }

  /// `\Xhhhh\`: the bytes written in hexadecimal; control bytes other than line ends are dropped.
  private func hexadecimal(_ digits: ArraySlice<UInt8>) -> [UInt8]? {
    guard !digits.isEmpty, digits.count % 2 == 0 else { return nil }
    var out: [UInt8] = []
    var index = digits.startIndex
    while index < digits.endIndex {
      guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else {
        return nil
      }
      let byte = high << 4 | low
      if byte == 0x0D || byte == 0x0A {
        out.append(0x0A)
      } else if byte >= 0x20 && byte != 0x7F {
        out.append(byte)
      }
      index += 2
    }
    return out
  }

  private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: return byte - 0x30
    case 0x41...0x46: return byte - 0x41 + 10
    case 0x61...0x66: return byte - 0x61 + 10
    default: return nil
    }
  }
}

/// The order content of one message: its OBR segments with their notes, and its diagnoses.
struct HL7Order {
  /// One OBR segment with the NTE segments that belong to it.
  struct Request {
    /// The OBR segment.
    var obr: HL7Segment
    /// The NTE segments after the OBR (not those after an OBX, which annotate the observation).
    var notes: [HL7Segment]
  }

  /// The ORC segments, in order.
  var controls: [HL7Segment] = []
  /// The OBR groups, in order.
  var requests: [Request] = []
  /// The DG1 segments, in order.
  var diagnoses: [HL7Segment] = []

  /// Groups the segments after MSH.
  init(segments: [HL7Segment]) {
    var notesBelongToRequest = false
    for segment in segments {
      switch segment.name {
      case "OBR":
        requests.append(Request(obr: segment, notes: []))
        notesBelongToRequest = true
      case "NTE":
        if notesBelongToRequest, !requests.isEmpty {
          requests[requests.count - 1].notes.append(segment)
        }
      case "DG1":
        diagnoses.append(segment)
      case "ORC":
        controls.append(segment)
        notesBelongToRequest = false
      case "OBX", "SPM", "IPC", "TQ1", "TQ2", "PID", "PV1":
        notesBelongToRequest = false
      default:
        break
      }
    }
  }

  /// The labelled document text.
  func text(decoder: inout HL7Decoder) -> String {
    var lines = OrderTextLines()
    for request in requests {
      lines.add("Procedure", procedureName(request.obr, decoder: &decoder))
      lines.add("Reason for exam", items: reasons(request.obr, decoder: &decoder))
      lines.add("Clinical history", decoder.rawText(request.obr.field(13)))
      lines.addBlock(
        "Comments", entries: request.notes.map { decoder.rawText($0.field(3)) })
    }
    lines.add("Diagnoses", items: diagnoses.map { diagnosis(of: $0, decoder: &decoder) })
    return lines.text
  }

  /// The procedure names of all requests, joined by '; ' (for the not-spectroscopy warning).
  func procedureNames(decoder: inout HL7Decoder) -> String {
    requests.map { procedureName($0.obr, decoder: &decoder) }.filter { !$0.isEmpty }
      .joined(separator: "; ")
  }

  /// Whether some request's OBR-4 or OBR-44 names MR spectroscopy (CPT 76390 or its name).
  func isSpectroscopy(decoder: inout HL7Decoder) -> Bool {
    for request in requests {
      for number in [4, 44] {
        for repetition in decoder.repetitions(request.obr.field(number)) {
          let components = decoder.components(repetition)
          for position in 1...max(1, components.count) {
            let value = decoder.component(position, of: components)
            if (position == 1 || position == 4) && SpectroscopyOrderCheck.isSpectroscopyCode(value)
            {
              return true
            }
            if SpectroscopyOrderCheck.namesSpectroscopy(value) { return true }
          }
        }
      }
    }
    return false
  }

  /// A warning for each ORC whose order control code (ORC-1) is not NW (a new order).
  func orderControlWarnings(decoder: inout HL7Decoder) -> [String] {
    var warnings: [String] = []
    for control in controls {
      let code = decoder.component(1, of: decoder.components(control.field(1))).uppercased()
      guard !code.isEmpty, code != "NW", code.unicodeScalars.count <= 4 else { continue }
      let warning = "order control code is \(code), not NW (new order)"
      if !warnings.contains(warning) { warnings.append(warning) }
    }
    return warnings
  }

  /// OBR-4 text (component 2, else 1), or OBR-44's when OBR-4 is empty.
  private func procedureName(_ obr: HL7Segment, decoder: inout HL7Decoder) -> String {
    for number in [4, 44] {
      let components = decoder.components(decoder.repetitions(obr.field(number)).first ?? [])
      let text = decoder.component(2, of: components)
      if !text.isEmpty { return text }
      let code = decoder.component(1, of: components)
      if !code.isEmpty { return code }
    }
    return ""
  }

  /// OBR-31 repetitions as 'code text': the code is kept when it is ICD-10 (by its coding-system
  /// tag or its shape) or when there is no text.
  private func reasons(_ obr: HL7Segment, decoder: inout HL7Decoder) -> [String] {
    decoder.repetitions(obr.field(31)).map { repetition in
      let components = decoder.components(repetition)
      var text = decoder.component(2, of: components)
      if text.isEmpty { text = decoder.component(5, of: components) }
      if text.isEmpty { text = decoder.component(9, of: components) }
      var code = ""
      for (codeAt, systemAt) in [(1, 3), (4, 6)] {
        let candidate = decoder.component(codeAt, of: components)
        let system = decoder.component(systemAt, of: components)
        if !candidate.isEmpty,
          ICD10CodeShape.isSystemTag(system) || ICD10CodeShape.matches(candidate)
        {
          code = candidate
          break
        }
      }
      if code.isEmpty && text.isEmpty { code = decoder.component(1, of: components) }
      return OrderTextLines.codeAndText(code, text)
    }
  }

  /// DG1-3 as 'code text' (the text from DG1-4 when DG1-3 has none).
  private func diagnosis(of segment: HL7Segment, decoder: inout HL7Decoder) -> String {
    let components = decoder.components(decoder.repetitions(segment.field(3)).first ?? [])
    var text = decoder.component(2, of: components)
    if text.isEmpty { text = decoder.rawText(segment.field(4)) }
    return OrderTextLines.codeAndText(decoder.component(1, of: components), text)
  }
}
