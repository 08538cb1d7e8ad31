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
    if let value { writeString(value) } else { bytes.append(contentsOf: "null".utf8) }
  }

  /// Writes the text of `span` of `text` as a string member or element, without building a String.
  public mutating func string(_ text: ScalarText, _ span: TextSpan, key: String? = nil) {
    if let key { self.key(key) } else { separate() }
    bytes.append(0x22)
    for scalar in text.scalars[span.start..<span.end] {
      let value = scalar.value
      if value < 0x80 {
        appendEscaped(UInt8(value))
      } else {
        bytes.append(contentsOf: UTF8.encode(scalar)!)
      }
    }
    bytes.append(0x22)
  }

  /// Writes an integer member or element.
  public mutating func int(_ value: Int, key: String? = nil) {
    if let key { self.key(key) } else { separate() }
    appendDecimal(value)
  }

  private mutating func appendDecimal(_ value: Int) {
    if value < 0 {
      bytes.append(0x2D)
      if value == Int.min {
        bytes.append(contentsOf: String(value).utf8.dropFirst())
        return
      }
    }
    var magnitude = value.magnitude
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[19 - count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
        magnitude /= 10
        count += 1
      } while magnitude > 0
      bytes.append(contentsOf: buffer[(20 - count)...])
    }
  }

  /// Writes a number member or element (finite values only; others are written as null).
  public mutating func double(_ value: Double, key: String? = nil) {
    if let key { self.key(key) } else { separate() }
    if value.isFinite {
      if value == value.rounded() && abs(value) < 1e15 {
        appendDecimal(Int(value))
      } else {
        bytes.append(contentsOf: String(value).utf8)
      }
    } else {
      bytes.append(contentsOf: "null".utf8)
    }
  }

  /// Writes a boolean member or element.
  public mutating func bool(_ value: Bool, key: String? = nil) {
    if let key { self.key(key) } else { separate() }
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  /// Writes an array of strings.
  public mutating func strings(_ values: [String], key: String) {
    beginArray(key)
    for value in values { string(value) }
    endArray()
  }

  private mutating func writeString(_ value: String) {
    bytes.append(0x22)
    let copied = value.utf8.withContiguousStorageIfAvailable { utf8 in
      appendEscaped(utf8)
    }
    // Strings without contiguous UTF-8 (bridged ones) are copied first.
    if copied == nil { appendEscaped(Array(value.utf8)[...]) }
    bytes.append(0x22)
  }

  /// Appends UTF-8 bytes, copying runs that need no escape at once.
  private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
    var runStart = 0
    for index in 0..<utf8.count {
      let byte = utf8[index]
      guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F else { continue }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
      appendEscaped(byte)
      runStart = index + 1
    }
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
  }

  private mutating func appendEscaped(_ utf8: ArraySlice<UInt8>) {
    utf8.withUnsafeBufferPointer { appendEscaped($0) }
  }

  /// Appends one ASCII byte, escaped when JSON requires it (and DEL, for safety in terminals).
  private mutating func appendEscaped(_ byte: UInt8) {
    switch byte {
    case 0x22: bytes.append(0x5C); bytes.append(0x22)
    case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
    case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
    case 0x0D: bytes.append(0x5C); bytes.append(0x72)
    case 0x09: bytes.append(0x5C); bytes.append(0x74)
    case 0..<0x20, 0x7F:
      let hex: StaticString = "0123456789abcdef"
      bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
      bytes.append(hex.utf8Start[Int(byte >> 4)])
      bytes.append(hex.utf8Start[Int(byte & 15)])
    default: bytes.append(byte)
    }
  }
}
