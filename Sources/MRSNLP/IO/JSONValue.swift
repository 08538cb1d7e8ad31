/// A parsed JSON value.
public indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// The member `key` of an object, or nil.
  public subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  /// The string value, or nil.
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The number value, or nil.
  public var numberValue: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The array elements, or nil.
  public var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// The value written as a string id: strings as they are, whole numbers without a fraction.
  public var idText: String? {
    switch self {
    case .string(let value): return value
    case .number(let value):
      return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    default: return nil
    }
  }

  /// A short name of the value's type, for error messages.
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}

/// Why a JSON text could not be parsed, with the byte offset.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
  /// What was wrong.
  public var message: String
  /// 0-based byte offset in the input where parsing stopped.
  public var byteOffset: Int
  public var description: String { "\(message) at byte \(byteOffset + 1)" }
}

/// A strict RFC 8259 JSON parser over UTF-8 bytes, with a nesting limit.
public struct JSONParser {
  /// The deepest nesting of arrays and objects accepted.
  public static let maximumDepth = 512

  private let bytes: [UInt8]
  private var index = 0
  private var depth = 0

  /// Members of the top-level object to keep; nil keeps all.
  private let keptMembers: [String]?

  /// Parses one JSON value that must fill `bytes` (surrounding whitespace allowed).
  ///
  /// With `keepingMembers`, a top-level object holds only those members; the others are still
  /// checked for well-formedness but not built, which saves a reader that needs a few fields from
  /// building large nested values it would throw away.
  public static func parse(
    _ bytes: [UInt8], keepingMembers: [String]? = nil
  ) throws(JSONParseError) -> JSONValue {
    var parser = JSONParser(bytes: bytes, keptMembers: keepingMembers)
    parser.skipSpace()
    let value = try parser.value(build: true)
    parser.skipSpace()
    if parser.index != bytes.count { throw parser.fail("unexpected text after the JSON value") }
    return value
  }

  private init(bytes: [UInt8], keptMembers: [String]?) {
    self.bytes = bytes
    self.keptMembers = keptMembers
  }

  private func fail(_ message: String) -> JSONParseError {
    JSONParseError(message: message, byteOffset: index)
  }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  /// Parses the value at `index`; without `build` it only checks it and returns `.null`.
  private mutating func value(build: Bool) throws(JSONParseError) -> JSONValue {
    guard index < bytes.count else { throw fail("unexpected end of input") }
    switch bytes[index] {
    case 0x7B: return try object(build: build)
    case 0x5B: return try array(build: build)
    case 0x22:
      let text = try string(build: build)
      return build ? .string(text) : .null
    case 0x74: try literal("true"); return .bool(true)
    case 0x66: try literal("false"); return .bool(false)
    case 0x6E: try literal("null"); return .null
    default:
      let number = try number(build: build)
      return build ? .number(number) : .null
    }
  }

  private mutating func literal(_ word: String) throws(JSONParseError) {
    for byte in word.utf8 {
      guard index < bytes.count, bytes[index] == byte else { throw fail("invalid literal") }
      index += 1
    }
  }

  private mutating func enter() throws(JSONParseError) {
    depth += 1
    if depth > Self.maximumDepth { throw fail("nested deeper than \(Self.maximumDepth) levels") }
  }

  private mutating func object(build: Bool) throws(JSONParseError) -> JSONValue {
    try enter()
    index += 1
    var members: [String: JSONValue] = [:]
    skipSpace()
    if index < bytes.count && bytes[index] == 0x7D {
      index += 1
      depth -= 1
      return build ? .object(members) : .null
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == 0x22 else { throw fail("expected a member name") }
      let key = try string(build: build)
      skipSpace()
      guard index < bytes.count, bytes[index] == 0x3A else { throw fail("expected ':'") }
      index += 1
      skipSpace()
      let keep = build && (depth > 1 || keptMembers?.contains(key) ?? true)
      let member = try value(build: keep)
      if keep { members[key] = member }
      skipSpace()
      guard index < bytes.count else { throw fail("unterminated object") }
      if bytes[index] == 0x2C {
        index += 1
        continue
      }
      guard bytes[index] == 0x7D else { throw fail("expected ',' or '}'") }
      index += 1
      depth -= 1
      return build ? .object(members) : .null
    }
  }

  private mutating func array(build: Bool) throws(JSONParseError) -> JSONValue {
    try enter()
    index += 1
    var elements: [JSONValue] = []
    skipSpace()
    if index < bytes.count && bytes[index] == 0x5D {
      index += 1
      depth -= 1
      return build ? .array(elements) : .null
    }
    while true {
      skipSpace()
      let element = try value(build: build)
      if build { elements.append(element) }
      skipSpace()
      guard index < bytes.count else { throw fail("unterminated array") }
      if bytes[index] == 0x2C {
        index += 1
        continue
      }
      guard bytes[index] == 0x5D else { throw fail("expected ',' or ']'") }
      index += 1
      depth -= 1
      return build ? .array(elements) : .null
    }
  }

  private mutating func hex4() throws(JSONParseError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw fail("truncated \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: throw fail("invalid \\u escape")
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }

  /// Where the run of string bytes needing no care (no quote, backslash or control byte) that
  /// starts at `start` ends.
  private func plainRunEnd(from start: Int) -> Int {
    bytes.withUnsafeBufferPointer { buffer in
      var end = start
      // Eight bytes at a time while none of them can stop the run (a report's text is most of a
      // line).
      if let base = buffer.baseAddress {
        while end + 8 <= buffer.count {
          let word = WordBytes.load(base + end)
          if WordBytes.contains(0x22, in: word) || WordBytes.contains(0x5C, in: word)
            || WordBytes.containsByte(below: 0x20, in: word)
          {
            break
          }
          end += 8
        }
      }
      while end < buffer.count {
        let byte = buffer[end]
        if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
        end += 1
      }
      return end
    }
  }

  private mutating func string(build: Bool) throws(JSONParseError) -> String {
    index += 1
    let start = index
    index = plainRunEnd(from: index)
    if index < bytes.count && bytes[index] == 0x22 {
      // No escape: the common case decodes straight from the input.
      index += 1
      if !build { return "" }
      return bytes.withUnsafeBufferPointer { buffer in
        String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<index - 1]), as: UTF8.self)
      }
    }
    var out = Array(bytes[start..<index])
    while true {
      guard index < bytes.count else { throw fail("unterminated string") }
      let byte = bytes[index]
      if byte == 0x22 {
        index += 1
        return String(decoding: out, as: UTF8.self)
      }
      if byte < 0x20 { throw fail("unescaped control character in a string") }
      if byte != 0x5C {
        // A run of plain bytes up to the next quote, escape or control byte, copied at once.
        let run = index
        index = plainRunEnd(from: index)
        out.append(contentsOf: bytes[run..<index])
        continue
      }
      index += 1
      guard index < bytes.count else { throw fail("unterminated escape") }
      let escape = bytes[index]
      index += 1
      switch escape {
      case 0x22: out.append(0x22)
      case 0x5C: out.append(0x5C)
      case 0x2F: out.append(0x2F)
      case 0x62: out.append(0x08)
      case 0x66: out.append(0x0C)
      case 0x6E: out.append(0x0A)
      case 0x72: out.append(0x0D)
      case 0x74: out.append(0x09)
      case 0x75:
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code) {
          if index + 6 <= bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 {
            index += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else {
              code = 0xFFFD
            }
          } else {
            code = 0xFFFD
          }
        } else if (0xDC00..<0xE000).contains(code) {
          code = 0xFFFD
        }
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        out.append(contentsOf: String(scalar).utf8)
      default: throw fail("invalid escape")
      }
    }
  }

  private mutating func number(build: Bool) throws(JSONParseError) -> Double {
    let start = index
    if index < bytes.count && bytes[index] == 0x2D { index += 1 }
    var digits = 0
    while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
      index += 1
      digits += 1
    }
    guard digits > 0 else { throw fail("invalid value") }
    if index < bytes.count && bytes[index] == 0x2E {
      index += 1
      var fraction = 0
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
        index += 1
        fraction += 1
      }
      guard fraction > 0 else { throw fail("invalid number") }
    }
    if index < bytes.count && (bytes[index] == 0x65 || bytes[index] == 0x45) {
      index += 1
      if index < bytes.count && (bytes[index] == 0x2B || bytes[index] == 0x2D) { index += 1 }
      var exponent = 0
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
        index += 1
        exponent += 1
      }
      guard exponent > 0 else { throw fail("invalid number") }
    }
    if !build { return 0 }
    guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
      throw fail("invalid number")
    }
    return value
  }
}
