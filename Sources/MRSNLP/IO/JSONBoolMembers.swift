/// Boolean members always written together (a mention's assertion flags), rendered once so that
/// a one-line writer copies them in one step instead of writing each key and value.
public struct JSONBoolMembers: Sendable {
  /// The members, in order.
  public let members: [(key: String, value: Bool)]
  /// `"key":value,...` as one line writes it, without a leading comma.
  let compact: [UInt8]

  /// Renders `members`.
  public init(_ members: [(key: String, value: Bool)]) {
    self.members = members
    var writer = JSONWriter(capacity: 64)
    writer.beginObject()
    for member in members { writer.bool(member.value, key: JSONKey(member.key)) }
    writer.endObject()
    compact = Array(writer.bytes.dropFirst().dropLast())
  }
}
