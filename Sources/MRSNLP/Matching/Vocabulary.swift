/// Interns normalized token strings as small integers, so that tries compare integers.
///
/// Lookups hash the word's UTF-8 bytes (FNV-1a) into an open-addressing table of word ids: no
/// per-process random seeding and no SipHash on the per-token hot path.
public struct Vocabulary: Sendable {
  private(set) var words: [String] = []
  /// Open-addressing table: the word's hash in the high 32 bits above its id + 1 (0 is empty), so
  /// that a probe compares strings only when the hashes agree, beside the word itself, so that
  /// the comparison reads the slot's cache line rather than a second table's.
  private var slots: [Slot] = [Slot](repeating: Slot(), count: 16)

  private struct Slot: Sendable {
    var entry: UInt64 = 0
    var word = ""
  }

  /// Creates an empty vocabulary.
  public init() {}

  private static func hash(_ word: String) -> UInt64 { mix(FNV1a.hash(word)) }

  /// The table hash from a word's FNV-1a hash.
  private static func mix(_ value: UInt64) -> UInt64 { value ^ (value >> 29) }

  /// The slot holding `word` (hashing to `hash`), or the empty slot where it would go.
  private func slot(_ word: String, hash: UInt64) -> Int {
    let mask = slots.count - 1
    let fingerprint = hash >> 32
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot].entry
      if entry == 0 { return slot }
      if entry >> 32 == fingerprint && slots[slot].word == word { return slot }
      slot = (slot + 1) & mask
    }
  }

  private static func entry(hash: UInt64, id: Int) -> UInt64 {
    (hash >> 32) << 32 | UInt64(id + 1)
  }

  /// The word id an occupied table entry holds.
  private static func id(of entry: UInt64) -> Int32 { Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1 }

  /// The id of `word`, adding it when new.
  mutating func intern(_ word: String) -> Int32 {
    let hash = Self.hash(word)
    let found = slot(word, hash: hash)
    if slots[found].entry != 0 { return Self.id(of: slots[found].entry) }
    let id = words.count
    words.append(word)
    if words.count * 2 > slots.count {
      slots = [Slot](repeating: Slot(), count: slots.count * 2)
      for (index, known) in words.enumerated() {
        let knownHash = Self.hash(known)
        slots[slot(known, hash: knownHash)] = Slot(entry: Self.entry(hash: knownHash, id: index), word: known)
      }
    } else {
      slots[found] = Slot(entry: Self.entry(hash: hash, id: id), word: word)
    }
    return Int32(id)
  }

  /// The id of `word`, or nil when no lexicon phrase uses it.
  public func id(_ word: String) -> Int32? {
    let entry = slots[slot(word, hash: Self.hash(word))].entry
    return entry == 0 ? nil : Self.id(of: entry)
  }

  /// The id of `word`, whose FNV-1a hash is `fnv` (a token's `normalizedHash`), or nil.
  func id(_ word: String, fnv: UInt64) -> Int32? {
    let entry = slots[slot(word, hash: Self.mix(fnv))].entry
    return entry == 0 ? nil : Self.id(of: entry)
  }

  /// The word behind `id`.
  public func word(_ id: Int32) -> String { words[Int(id)] }

  /// The number of distinct words.
  public var count: Int { words.count }
}
