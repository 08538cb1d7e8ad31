/// A member name for `JSONWriter`: a literal in the source (copied as bytes, the common case) or a
/// name computed at run time (escaped like any string).
public struct JSONKey: Sendable, ExpressibleByStringLiteral {
  enum Storage: Sendable {
    case literal(StaticString)
    /// The name quoted and escaped, ready to copy.
    case computed([UInt8])
  }

  let storage: Storage

  /// A key written in the source.
  public init(stringLiteral value: StaticString) { storage = .literal(value) }

  /// A key computed at run time (a label, a flag name); escaped once, here, so that a key kept and
  /// reused costs one copy per use.
  public init(_ name: String) {
    var writer = JSONWriter(capacity: 2 + 6 * name.utf8.count)
    writer.string(name)
    storage = .computed(writer.bytes)
  }

  /// The name's bytes when it is a literal that needs no escape, else nil.
  var plainName: UnsafeBufferPointer<UInt8>? {
    guard case .literal(let literal) = storage else { return nil }
    let name = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    guard name.count > 0 else { return nil }
    // A plain loop: this runs for every member written, and a closure-taking scan cost more.
    // Printable ASCII other than `"` and `\` (bytes over 0x7E take the general path too).
    var index = 0
    while index < name.count {
      let byte = name[index]
      if byte &- 0x20 >= 0x5F || byte == 0x22 || byte == 0x5C { return nil }
      index += 1
    }
    return name
  }
}
