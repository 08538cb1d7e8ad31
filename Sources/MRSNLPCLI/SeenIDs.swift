import MRSNLP

/// Remembers record ids, in bounded memory, to warn about duplicates.
///
/// Ids are kept as 64-bit fingerprints (FNV-1a) in open-addressing tables: two different ids
/// share one with a probability of about n²/2⁶⁵, so a duplicate warning is all but certain to be
/// real. The fingerprints are spread by their top bits over 64 tables of at most 16,384 each
/// (`capacity` in all, 16 MB); an id whose table is full is still checked but not remembered, so
/// memory stays bounded however long the stream. The tables grow one at a time, so growing never
/// holds two copies of all the fingerprints (one table of a million held 24 MB while it grew).
struct SeenIDs {
  /// The most ids remembered by default.
  static let defaultCapacity = 1 << 20
  private static let tableBits = 6
  /// The most ids remembered.
  let capacity: Int
  private let tableCapacity: Int
  private var tables = [[UInt64]](repeating: [UInt64](repeating: 0, count: 16), count: 1 << tableBits)
  private var tableCounts = [Int](repeating: 0, count: 1 << tableBits)
  /// The number of ids remembered.
  private(set) var count = 0
  /// Whether an id has gone unremembered because its table was full.
  private(set) var isFull = false

  /// A check that remembers at most `capacity` ids (a multiple of 64).
  init(capacity: Int = defaultCapacity) {
    self.capacity = capacity
    tableCapacity = capacity >> Self.tableBits
  }

  private static func fingerprint(_ id: String) -> UInt64 {
    let value = FNV1a.hash(id)
    return value == 0 ? 1 : value
  }

  private static func home(_ print: UInt64, slotCount: Int) -> Int {
    Int(truncatingIfNeeded: print ^ (print >> 31)) & (slotCount - 1)
  }

  /// Records `id`; returns whether it was seen before.
  mutating func insert(_ id: String) -> Bool {
    let print = Self.fingerprint(id)
    // The table from the top bits of a multiplicative mix: FNV-1a's own top bits are uneven over
    // ids that differ only at the end.
    let table = Int((print &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Self.tableBits))
    let mask = tables[table].count - 1
    var slot = Self.home(print, slotCount: mask + 1)
    while tables[table][slot] != 0 {
      if tables[table][slot] == print { return true }
      slot = (slot + 1) & mask
    }
    guard tableCounts[table] < tableCapacity else {
      isFull = true
      return false
    }
    tables[table][slot] = print
    count += 1
    tableCounts[table] += 1
    if tableCounts[table] * 2 > tables[table].count { grow(table) }
    return false
  }

  private mutating func grow(_ table: Int) {
    let old = tables[table]
    var slots = [UInt64](repeating: 0, count: old.count * 2)
    for print in old where print != 0 {
      var slot = Self.home(print, slotCount: slots.count)
      while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
      slots[slot] = print
    }
    tables[table] = slots
  }
}
