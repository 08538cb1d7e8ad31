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
}
