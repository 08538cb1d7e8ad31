/// The edges of a trie in one open-addressing hash table: (node, word id) → child node.
///
/// One flat table instead of a dictionary per node: no allocation per node while compiling and a
/// multiply-and-mask probe instead of SipHash while matching. Each key sits beside its child, so
/// that a hit reads one cache line.
struct EdgeTable: Sendable {
  private struct Entry: Sendable {
    var key: UInt64
    var child: Int32
  }

  private var entries: [Entry]
  private var mask: Int
  private(set) var count = 0

  private static let empty = UInt64.max

  init() {
    entries = [Entry](repeating: Entry(key: Self.empty, child: -1), count: 64)
    mask = 63
  }

  private static func key(_ node: Int32, _ id: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
  }

  private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// The child of `node` along `id`, or nil.
  func child(_ node: Int32, _ id: Int32) -> Int32? {
    let key = Self.key(node, id)
    var slot = Self.slot(key, mask)
    while true {
      let entry = entries[slot]
      if entry.key == key { return entry.child }
      if entry.key == Self.empty { return nil }
      slot = (slot + 1) & mask
    }
  }

  /// Sets the child of `node` along `id`.
  mutating func set(_ node: Int32, _ id: Int32, _ child: Int32) {
    if (count + 1) * 2 > entries.count { grow() }
    let key = Self.key(node, id)
    var slot = Self.slot(key, mask)
    while entries[slot].key != Self.empty && entries[slot].key != key { slot = (slot + 1) & mask }
    if entries[slot].key == Self.empty { count += 1 }
    entries[slot] = Entry(key: key, child: child)
  }

  private mutating func grow() {
    let old = entries
    entries = [Entry](repeating: Entry(key: Self.empty, child: -1), count: old.count * 2)
    mask = entries.count - 1
    for entry in old where entry.key != Self.empty {
      var slot = Self.slot(entry.key, mask)
      while entries[slot].key != Self.empty { slot = (slot + 1) & mask }
      entries[slot] = entry
    }
  }
}
