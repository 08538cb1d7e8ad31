/// Writes JSON text directly into a byte buffer: no intermediate dictionaries, stable key order.
public struct JSONWriter: Sendable {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []
  private var needsComma: [Bool] = [false]
  private let indentStep: Int?

  /// Creates a writer; `indent` spaces per level pretty-prints, nil writes one line.
  public init(indent: Int? = nil) {
    self.indentStep = indent
    bytes.reserveCapacity(1024)
  }

  private mutating func newline() {
    guard let indentStep else { return }
    bytes.append(0x0A)
    bytes.append(contentsOf: repeatElement(0x20, count: indentStep * (needsComma.count - 1)))
  }

  private mutating func separate() {
    if needsComma[needsComma.count - 1] { bytes.append(0x2C) }
    needsComma[needsComma.count - 1] = true
    if needsComma.count > 1 { newline() }
  }

  /// Opens an object (as a value, or as the value of `key`).
  public mutating func beginObject(_ key: String? = nil) {
    if let key { self.key(key) } else { separate() }
    bytes.append(0x7B)
    needsComma.append(false)
  }

  /// Closes the current object.
  public mutating func endObject() {
    let hadItems = needsComma.removeLast()
    if hadItems { newline() }
    bytes.append(0x7D)
  }

  /// Opens an array (as a value, or as the value of `key`).
  public mutating func beginArray(_ key: String? = nil) {
    if let key { self.key(key) } else { separate() }
    bytes.append(0x5B)
    needsComma.append(false)
  }

  /// Closes the current array.
  public mutating func endArray() {
    let hadItems = needsComma.removeLast()
    if hadItems { newline() }
    bytes.append(0x5D)
  }

  private mutating func key(_ key: String) {
    separate()
    writeString(key)
    bytes.append(0x3A)
    if indentStep != nil { bytes.append(0x20) }
    needsComma[needsComma.count - 1] = true
  }

  /// Writes a string member or element.
  public mutating func string(_ value: String?, key: String? = nil) {
    if let key { self.key(key) } else { separate() }
    if let value { writeString(value) } else { bytes.append(contentsOf: Array("null".utf8)) }
  }

  /// Writes an integer member or element.
  public mutating func int(_ value: Int, key: String? = nil) {
    if let key { self.key(key) } else { separate() }
    bytes.append(contentsOf: Array(String(value).utf8))
  }

  /// Writes a number member or element (finite values only; others are written as null).
  public mutating func double(_ value: Double, key: String? = nil) {
    if let key { self.key(key) } else { separate() }
    if value.isFinite {
      if value == value.rounded() && abs(value) < 1e15 {
        bytes.append(contentsOf: Array(String(Int(value)).utf8))
      } else {
        bytes.append(contentsOf: Array(String(value).utf8))
      }
    } else {
      bytes.append(contentsOf: Array("null".utf8))
    }
  }

  /// Writes a boolean member or element.
  public mutating func bool(_ value: Bool, key: String? = nil) {
    if let key { self.key(key) } else { separate() }
    bytes.append(contentsOf: Array((value ? "true" : "false").utf8))
  }

  /// Writes an array of strings.
  public mutating func strings(_ values: [String], key: String) {
    beginArray(key)
    for value in values { string(value) }
    endArray()
  }

  private mutating func writeString(_ value: String) {
    bytes.append(0x22)
    for byte in value.utf8 {
      switch byte {
      case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
      case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
      case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
      case 0..<0x20, 0x7F:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
      default: bytes.append(byte)
      }
    }
    bytes.append(0x22)
  }
}
