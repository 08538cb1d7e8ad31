/// The edges of a trie in one open-addressing hash table: (node, word id) → child node.
///
/// One flat table instead of a dictionary per node: no allocation per node while compiling and a
/// multiply-and-mask probe instead of SipHash while matching.
struct EdgeTable: Sendable {
  private var keys: [UInt64]
  private var values: [Int32]
  private var mask: Int
  private(set) var count = 0

  private static let empty = UInt64.max

  init() {
    keys = [UInt64](repeating: Self.empty, count: 64)
    values = [Int32](repeating: -1, count: 64)
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
      let stored = keys[slot]
      if stored == key { return values[slot] }
      if stored == Self.empty { return nil }
      slot = (slot + 1) & mask
    }
  }

  /// Sets the child of `node` along `id`.
  mutating func set(_ node: Int32, _ id: Int32, _ child: Int32) {
    if (count + 1) * 2 > keys.count { grow() }
    let key = Self.key(node, id)
    var slot = Self.slot(key, mask)
    while keys[slot] != Self.empty && keys[slot] != key { slot = (slot + 1) & mask }
    if keys[slot] == Self.empty { count += 1 }
    keys[slot] = key
    values[slot] = child
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
    values = [Int32](repeating: -1, count: oldKeys.count * 2)
    mask = keys.count - 1
    for (index, key) in oldKeys.enumerated() where key != Self.empty {
      var slot = Self.slot(key, mask)
      while keys[slot] != Self.empty { slot = (slot + 1) & mask }
      keys[slot] = key
      values[slot] = oldValues[index]
    }
  }
}
