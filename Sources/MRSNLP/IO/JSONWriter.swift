/// Writes JSON text directly into a byte buffer: no intermediate dictionaries, stable key order.
public struct JSONWriter: Sendable {
  /// Written bytes in `storage[..<length]`; the rest is room to write into, so that a string is
  /// escaped and copied in one pass rather than appended a byte at a time.
  private var storage: [UInt8]
  private var length = 0
  /// Open arrays and objects (0 at the top level); at most `maximumDepth`.
  private var depth = 0
  /// Bit `d` is set once the container at depth `d` holds an item, so the next needs a comma.
  private var hasItems: UInt64 = 0
  private let indentStep: Int?

  /// The deepest nesting the writer holds (the records it writes nest five levels).
  public static let maximumDepth = 63

  /// Creates a writer; `indent` spaces per level pretty-prints, nil writes one line; `capacity`
  /// bytes are reserved at once (the buffer grows as needed).
  public init(indent: Int? = nil, capacity: Int = 4096) {
    self.indentStep = indent
    storage = [UInt8](repeating: 0, count: max(capacity, 16))
  }

  /// The bytes written so far.
  public var bytes: [UInt8] { Array(storage[..<length]) }

  /// Appends the bytes written so far to `target`, without building an array of them first.
  public func append(to target: inout [UInt8]) { target += storage[..<length] }

  /// Forgets what was written, keeping the room, so that one writer serves record after record.
  public mutating func removeAll() {
    length = 0
    depth = 0
    hasItems = 0
  }

  /// Makes room for `count` more bytes.
  private mutating func reserve(_ count: Int) {
    let needed = length + count
    guard needed > storage.count else { return }
    storage.append(contentsOf: repeatElement(0, count: max(needed, storage.count * 2) - storage.count))
  }

  /// Writes in place: makes room for at most `count` bytes, then `body` writes from the given
  /// position and returns the position after what it wrote.
  private mutating func write(
    reserving count: Int, _ body: (UnsafeMutableBufferPointer<UInt8>, Int) -> Int
  ) {
    reserve(count)
    let at = length
    length = storage.withUnsafeMutableBufferPointer { body($0, at) }
  }

  private mutating func put(_ byte: UInt8) {
    if length == storage.count { reserve(1) }
    storage[length] = byte
    length += 1
  }

  private mutating func put(_ source: UnsafeBufferPointer<UInt8>) {
    guard let base = source.baseAddress, source.count > 0 else { return }
    write(reserving: source.count) { target, at in
      (target.baseAddress! + at).update(from: base, count: source.count)
      return at + source.count
    }
  }

  private mutating func put(_ literal: StaticString) {
    put(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }

  private mutating func newline() {
    guard let indentStep else { return }
    put(0x0A)
    for _ in 0..<(indentStep * depth) { put(0x20) }
  }

  /// Records that the current container holds one more item; returns whether one came before it
  /// (so a comma is due).
  private mutating func markItem() -> Bool {
    let bit: UInt64 = 1 << UInt64(depth)
    defer { hasItems |= bit }
    return hasItems & bit != 0
  }

  private mutating func separate() {
    if markItem() { put(0x2C) }
    if depth > 0 { newline() }
  }

  private mutating func open(_ bracket: UInt8) {
    precondition(depth < Self.maximumDepth, "JSONWriter nested deeper than \(Self.maximumDepth)")
    put(bracket)
    depth += 1
    hasItems &= ~(1 << UInt64(depth))
  }

  private mutating func close(_ bracket: UInt8) {
    let hadItems = hasItems & (1 << UInt64(depth)) != 0
    depth -= 1
    if hadItems { newline() }
    put(bracket)
  }

  /// Opens an object (as a value, or as the value of `key`).
  public mutating func beginObject(_ key: JSONKey? = nil) {
    if let key { self.key(key) } else { separate() }
    open(0x7B)
  }

  /// Closes the current object.
  public mutating func endObject() { close(0x7D) }

  /// Opens an array (as a value, or as the value of `key`).
  public mutating func beginArray(_ key: JSONKey? = nil) {
    if let key { self.key(key) } else { separate() }
    open(0x5B)
  }

  /// Closes the current array.
  public mutating func endArray() { close(0x5D) }

  private mutating func key(_ key: JSONKey) {
    if indentStep == nil, let name = key.plainName {
      // One line, a name that needs no escape: comma, quoted name and colon in one copy.
      let comma = markItem()
      write(reserving: name.count + 4) { target, at in Self.writeName(name, comma: comma, into: target, at: at) }
      return
    }
    let plain = key.plainName
    separate()
    switch key.storage {
    case .literal(let literal, _):
      put(0x22)
      if let name = plain {
        put(name)
      } else {
        appendEscaped(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
      }
      put(0x22)
    case .computed(let quoted): quoted.withUnsafeBufferPointer { put($0) }
    }
    put(0x3A)
    if indentStep != nil { put(0x20) }
  }

  /// Writes `,"name":` (without the comma when `comma` is false) at `out`; returns the position
  /// after it. The caller has reserved `name.count + 4` bytes.
  @inline(__always)
  private static func writeName(
    _ name: UnsafeBufferPointer<UInt8>, comma: Bool, into target: UnsafeMutableBufferPointer<UInt8>, at out: Int
  ) -> Int {
    var out = out
    if comma {
      target[out] = 0x2C
      out += 1
    }
    target[out] = 0x22
    (target.baseAddress! + out + 1).update(from: name.baseAddress!, count: name.count)
    target[out + name.count + 1] = 0x22
    target[out + name.count + 2] = 0x3A
    return out + name.count + 3
  }

  /// Writes a member (with `key`) or an element, whose value `body` writes in place into at most
  /// `count` reserved bytes; on one line with a plain name, the name and the value take one write.
  private mutating func member(
    _ key: JSONKey?, reserving count: Int, _ body: (UnsafeMutableBufferPointer<UInt8>, Int) -> Int
  ) {
    if let key, indentStep == nil, let name = key.plainName {
      let comma = markItem()
      write(reserving: name.count + 4 + count) { target, at in
        body(target, Self.writeName(name, comma: comma, into: target, at: at))
      }
      return
    }
    if let key { self.key(key) } else { separate() }
    write(reserving: count, body)
  }

  /// Writes a string member or element.
  public mutating func string(_ value: String?, key: JSONKey? = nil) {
    guard let value else {
      if let key { self.key(key) } else { separate() }
      put("null")
      return
    }
    /// Quotes and escaped text in one pass into reserved room.
    func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
      member(key, reserving: 6 * utf8.count + 2) { target, at in Self.writeQuoted(utf8, into: target, at: at) }
    }
    value.withUTF8Bytes(quoted)
  }

  /// Writes `utf8` quoted and escaped at `out` (6 bytes per byte and 2 reserved); returns the
  /// position after it.
  @inline(__always)
  private static func writeQuoted(
    _ utf8: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>, at out: Int
  ) -> Int {
    target[out] = 0x22
    let end = writeEscaped(utf8, into: target, at: out + 1)
    target[end] = 0x22
    return end + 1
  }

  /// Writes `prefix`, `separator` and `number` as one string (`"tumors.tsv:12"`) without building it.
  public mutating func string(
    _ prefix: String, _ separator: StaticString, _ number: Int, key: JSONKey? = nil
  ) {
    var prefix = prefix
    let separator = UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount)
    prefix.withUTF8 { prefix in
      // One pass: quotes, escaped text, number (at most 20 bytes).
      member(key, reserving: 2 + 6 * (prefix.count + separator.count) + 20) { target, at in
        var out = at
        target[out] = 0x22
        out += 1
        out = Self.writeEscaped(prefix, into: target, at: out)
        for byte in separator { out = Self.writeEscaped(byte, into: target, at: out) }
        out = Self.writeDecimal(number, into: target, at: out)
        target[out] = 0x22
        return out + 1
      }
    }
  }

  /// Writes the text of `span` of `text` as a string member or element, without building a String.
  public mutating func string(_ text: ScalarText, _ span: TextSpan, key: JSONKey? = nil) {
    // At most 6 bytes per scalar (a \u escape), so the whole span is written in one pass.
    member(key, reserving: 2 + 6 * span.length) { target, at in
      var out = at
      target[out] = 0x22
      out += 1
      for scalar in text.scalars[span.start..<span.end] {
        let value = scalar.value
        if value < 0x80 {
          out = Self.writeEscaped(UInt8(value), into: target, at: out)
        } else {
          for byte in UTF8.encode(scalar)! {
            target[out] = byte
            out += 1
          }
        }
      }
      target[out] = 0x22
      return out + 1
    }
  }

  /// Writes an integer member or element.
  public mutating func int(_ value: Int, key: JSONKey? = nil) {
    member(key, reserving: 20) { target, at in Self.writeDecimal(value, into: target, at: at) }
  }

  private mutating func appendDecimal(_ value: Int) {
    write(reserving: 20) { target, at in Self.writeDecimal(value, into: target, at: at) }
  }

  /// Writes `value` in decimal at `out` (20 bytes reserved); returns the position after it.
  private static func writeDecimal(_ value: Int, into target: UnsafeMutableBufferPointer<UInt8>, at out: Int) -> Int {
    var out = out
    if value < 0 {
      target[out] = 0x2D
      out += 1
    }
    var magnitude = value.magnitude
    // Digits counted by comparison: a division by a variable costs tens of cycles.
    var digits = 1
    var bound: UInt = 10
    while digits < 20 && magnitude >= bound {
      digits += 1
      bound = bound &* 10
    }
    for position in stride(from: out + digits - 1, through: out, by: -1) {
      target[position] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
      magnitude /= 10
    }
    return out + digits
  }

  /// Writes a number member or element (finite values only; others are written as null).
  public mutating func double(_ value: Double, key: JSONKey? = nil) {
    if let key { self.key(key) } else { separate() }
    if value.isFinite {
      if value == value.rounded() && abs(value) < 1e15 {
        appendDecimal(Int(value))
      } else {
        var text = String(value)
        text.withUTF8 { put($0) }
      }
    } else {
      put("null")
    }
  }

  /// Writes a boolean member or element.
  public mutating func bool(_ value: Bool, key: JSONKey? = nil) {
    if let key { self.key(key) } else { separate() }
    put(value ? "true" : "false")
  }

  /// Writes pre-rendered boolean members into the current object.
  public mutating func bools(_ rendered: JSONBoolMembers) {
    guard indentStep == nil, !rendered.compact.isEmpty else {
      for member in rendered.members { bool(member.value, key: JSONKey(member.key)) }
      return
    }
    separate()
    rendered.compact.withUnsafeBufferPointer { put($0) }
  }

  /// Writes an array of strings.
  public mutating func strings(_ values: [String], key: JSONKey) {
    beginArray(key)
    for value in values { string(value) }
    endArray()
  }

  /// Appends UTF-8 bytes, escaping what JSON requires, in one pass into reserved room.
  private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
    write(reserving: 6 * utf8.count) { target, at in
      var out = at
      out = Self.writeEscaped(utf8, into: target, at: out)
      return out
    }
  }

  /// Writes `utf8` at `out`, escaped where JSON requires it; returns the position after it. The
  /// caller has reserved 6 bytes per byte. Eight bytes are copied at once while none needs an escape.
  @inline(__always)
  private static func writeEscaped(
    _ utf8: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<UInt8>, at out: Int
  ) -> Int {
    var out = out
    var index = 0
    if let source = utf8.baseAddress, let destination = target.baseAddress {
      while index + 8 <= utf8.count {
        let word = WordBytes.load(source + index)
        if WordBytes.containsByte(below: 0x20, in: word) || WordBytes.contains(0x22, in: word)
          || WordBytes.contains(0x5C, in: word) || WordBytes.contains(0x7F, in: word)
        {
          for offset in 0..<8 { out = writeEscaped(source[index + offset], into: target, at: out) }
        } else {
          UnsafeMutableRawPointer(destination + out).storeBytes(of: word.littleEndian, as: UInt64.self)
          out += 8
        }
        index += 8
      }
    }
    while index < utf8.count {
      out = writeEscaped(utf8[index], into: target, at: out)
      index += 1
    }
    return out
  }

  /// Writes one byte at `out`, escaped when JSON requires it (and DEL, for safety in terminals);
  /// returns the position after it. The caller has reserved 6 bytes.
  @inline(__always)
  private static func writeEscaped(
    _ byte: UInt8, into target: UnsafeMutableBufferPointer<UInt8>, at out: Int
  ) -> Int {
    guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F else {
      target[out] = byte
      return out + 1
    }
    target[out] = 0x5C
    switch byte {
    case 0x22: target[out + 1] = 0x22
    case 0x5C: target[out + 1] = 0x5C
    case 0x0A: target[out + 1] = 0x6E
    case 0x0D: target[out + 1] = 0x72
    case 0x09: target[out + 1] = 0x74
    default:
      let hex: StaticString = "0123456789abcdef"
      target[out + 1] = 0x75
      target[out + 2] = 0x30
      target[out + 3] = 0x30
      target[out + 4] = hex.utf8Start[Int(byte >> 4)]
      target[out + 5] = hex.utf8Start[Int(byte & 15)]
      return out + 6
    }
    return out + 2
  }
}
