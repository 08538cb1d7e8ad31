import MRSNLP

/// Remembers record ids, in bounded memory, to warn about duplicates.
///
/// Ids are kept as 64-bit fingerprints (FNV-1a) in an open-addressing table: two different ids
/// share one with a probability of about n²/2⁶⁵, so a duplicate warning is all but certain to be
/// real. At most `capacity` ids are remembered (16 MB); later ids are still checked against them,
/// so memory stays bounded however long the stream.
struct SeenIDs {
  /// The most ids remembered.
  static let capacity = 1 << 20
  private var slots = [UInt64](repeating: 0, count: 1024)
  /// The number of ids remembered.
  private(set) var count = 0

  private static func fingerprint(_ id: String) -> UInt64 {
    let value = FNV1a.hash(id)
    return value == 0 ? 1 : value
  }

  /// Records `id`; returns whether it was seen before.
  mutating func insert(_ id: String) -> Bool {
    let print = Self.fingerprint(id)
    var slot = Int(truncatingIfNeeded: print ^ (print >> 31)) & (slots.count - 1)
    while slots[slot] != 0 {
      if slots[slot] == print { return true }
      slot = (slot + 1) & (slots.count - 1)
    }
    guard count < Self.capacity else { return false }
    slots[slot] = print
    count += 1
    if count * 2 > slots.count { grow() }
    return false
  }

  /// Whether the table is full: ids from now on are checked but not remembered.
  var isFull: Bool { count >= Self.capacity }

  private mutating func grow() {
    let old = slots
    slots = [UInt64](repeating: 0, count: old.count * 2)
    for print in old where print != 0 {
      var slot = Int(truncatingIfNeeded: print ^ (print >> 31)) & (slots.count - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
      slots[slot] = print
    }
  }
}
