/// Builds the labelled text of an order read from a structured message (HL7 v2, FHIR).
///
/// Each part becomes a line `Label: content` that a person and the section detector can read;
/// a part with empty content is left out. A block (comments) puts its label alone on a line and
/// each entry on a line of its own, so that a header a clinician typed at the start of a note
/// ("Reason for exam: ...") still starts a line.
struct OrderTextLines {
  private var lines: [String] = []

  /// Adds `Label: content` unless the content is empty.
  mutating func add(_ label: String, _ content: String) {
    let trimmed = OrderTextLines.trimmed(content)
    guard !trimmed.isEmpty else { return }
    lines.append("\(label): \(trimmed)")
  }

  /// Adds `Label: item; item ...` from the non-empty items, unless there are none.
  mutating func add(_ label: String, items: [String]) {
    add(label, items.map(OrderTextLines.trimmed).filter { !$0.isEmpty }.joined(separator: "; "))
  }

  /// Adds `Label:` on its own line and each non-empty entry on its own line after it.
  mutating func addBlock(_ label: String, entries: [String]) {
    let kept = entries.map(OrderTextLines.trimmed).filter { !$0.isEmpty }
    guard !kept.isEmpty else { return }
    lines.append("\(label):")
    lines.append(contentsOf: kept)
  }

  /// Whether no line was added.
  var isEmpty: Bool { lines.isEmpty }

  /// The lines joined with line feeds.
  var text: String { lines.joined(separator: "\n") }

  /// `text` without leading and trailing white space (Unicode White_Space scalars).
  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }

  /// `code text`, either part left out when empty.
  static func codeAndText(_ code: String, _ text: String) -> String {
    [trimmed(code), trimmed(text)].filter { !$0.isEmpty }.joined(separator: " ")
  }
}

/// Decides whether an ordered procedure is MR spectroscopy: CPT 76390, or a name containing
/// "spectro" or the word "MRS" / "MRSI" (case-insensitive).
enum SpectroscopyOrderCheck {
  /// The CPT code of MR spectroscopy.
  static let cptCode = "76390"

  /// Whether `code` is CPT 76390, with or without a modifier ("76390-26").
  static func isSpectroscopyCode(_ code: String) -> Bool {
    let bytes = Array(OrderTextLines.trimmed(code).utf8)
    let cpt = Array(cptCode.utf8)
    guard bytes.starts(with: cpt) else { return false }
    return bytes.count == cpt.count || bytes[cpt.count] == 0x2D || bytes[cpt.count] == 0x20
  }

  /// Whether `text` names spectroscopy: contains "spectro", or the word MRS or MRSI.
  static func namesSpectroscopy(_ text: String) -> Bool {
    var word: [UInt8] = []
    var lowered: [UInt8] = []
    var found = false
    func endWord() {
      if word == Array("mrs".utf8) || word == Array("mrsi".utf8) { found = true }
      word.removeAll(keepingCapacity: true)
    }
    for scalar in text.unicodeScalars {
      let isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      let byte: UInt8 =
        scalar.isASCII ? UInt8(scalar.value) | (scalar.properties.isUppercase ? 0x20 : 0) : 0xFF
      lowered.append(byte)
      if isWordScalar {
        word.append(byte)
      } else {
        endWord()
      }
    }
    endWord()
    if found { return true }
    let spectro = Array("spectro".utf8)
    guard lowered.count >= spectro.count else { return false }
    for start in 0...(lowered.count - spectro.count)
    where lowered[start..<(start + spectro.count)].elementsEqual(spectro) {
      return true
    }
    return false
  }

  /// The warning for an order whose procedure is not spectroscopy.
  static func warning(procedure: String) -> String {
    let name = OrderTextLines.trimmed(procedure)
    return
      "ordered procedure is not MR spectroscopy: \(name.isEmpty ? "(no procedure named)" : name)"
  }
}

/// Recognises ICD-10 codes by their shape and coding-system tags by their spelling.
enum ICD10CodeShape {
  /// Whether `code` has the shape of an ICD-10 code: a letter, a digit, a letter or digit, then
  /// optionally a dot and up to four letters or digits ("C71.1", "C711", "Z92.3", "C7A.00").
  static func matches(_ code: String) -> Bool {
    let bytes = Array(OrderTextLines.trimmed(code).utf8)
    guard bytes.count >= 3, bytes.count <= 8, isLetter(bytes[0]), isDigit(bytes[1]),
      isLetter(bytes[2]) || isDigit(bytes[2])
    else { return false }
    var rest = bytes[3...]
    if rest.first == 0x2E {
      rest = rest.dropFirst()
      guard !rest.isEmpty else { return false }
    }
    return rest.count <= 4 && rest.allSatisfy { isLetter($0) || isDigit($0) }
  }

  /// Whether an HL7 v2 coding-system tag names ICD-10: I10, I10C, ICD10, ICD-10-CM and the like.
  static func isSystemTag(_ tag: String) -> Bool {
    let letters = OrderTextLines.trimmed(tag).uppercased().utf8.filter {
      $0 != 0x2D && $0 != 0x20 && $0 != 0x5F
    }
    let known = ["I10", "I10C", "I10CM", "ICD10", "ICD10CM"].map { Array($0.utf8) }
    return known.contains(Array(letters))
  }

  /// Whether a FHIR coding system URI is ICD-10-CM (or WHO ICD-10).
  static func isSystemURI(_ uri: String) -> Bool {
    let trimmed = OrderTextLines.trimmed(uri).lowercased()
    return trimmed == "http://hl7.org/fhir/sid/icd-10-cm"
      || trimmed == "http://hl7.org/fhir/sid/icd-10"
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
}
