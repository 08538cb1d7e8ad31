/// A member name for `JSONWriter`: a literal in the source (copied as bytes, the common case) or a
/// name computed at run time (escaped like any string).
///
/// Whether a literal needs escaping is decided when the key is made, so that a key kept in a
/// `static let` (as the record writer's per-mention keys are) is checked once per process.
public struct JSONKey: Sendable, ExpressibleByStringLiteral {
  enum Storage: Sendable {
    /// A literal, and whether it is printable ASCII without `"` or `\` (copied without escaping).
    case literal(StaticString, plain: Bool)
    /// The name quoted and escaped, ready to copy.
    case computed([UInt8])
  }

  let storage: Storage

  /// A key written in the source.
  public init(stringLiteral value: StaticString) {
    storage = .literal(value, plain: Self.isPlain(value))
  }

  /// A key computed at run time (a label, a flag name); escaped once, here, so that a key kept and
  /// reused costs one copy per use.
  public init(_ name: String) {
    var writer = JSONWriter(capacity: 2 + 6 * name.utf8.count)
    writer.string(name)
    storage = .computed(writer.bytes)
  }

  /// The name's bytes when it is a literal that needs no escape, else nil.
  var plainName: UnsafeBufferPointer<UInt8>? {
    guard case .literal(let literal, plain: true) = storage else { return nil }
    return UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
  }

  /// Whether `literal` is non-empty printable ASCII other than `"` and `\`.
  private static func isPlain(_ literal: StaticString) -> Bool {
    let name = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
    guard name.count > 0 else { return false }
    // A plain loop: a closure-taking scan cost more. Bytes over 0x7E take the general path too.
    for byte in name where byte &- 0x20 >= 0x5F || byte == 0x22 || byte == 0x5C { return false }
    return true
  }
}
