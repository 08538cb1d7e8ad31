/// Interns normalized token strings as small integers, so that tries compare integers.
///
/// Lookups hash the word's UTF-8 bytes (FNV-1a) into an open-addressing table of word ids: no
/// per-process random seeding and no SipHash on the per-token hot path.
public struct Vocabulary: Sendable {
  private(set) var words: [String] = []
  private var slots: [Int32] = [Int32](repeating: -1, count: 16)

  /// Creates an empty vocabulary.
  public init() {}

  private static func hash(_ word: String) -> Int {
    let value = FNV1a.hash(word.utf8)
    return Int(truncatingIfNeeded: value ^ (value >> 29))
  }

  /// The slot holding `word`, or the empty slot where it would go.
  private func slot(_ word: String) -> Int {
    let mask = slots.count - 1
    var slot = Self.hash(word) & mask
    while true {
      let id = slots[slot]
      if id < 0 || words[Int(id)] == word { return slot }
      slot = (slot + 1) & mask
    }
  }

  /// The id of `word`, adding it when new.
  mutating func intern(_ word: String) -> Int32 {
    let found = slot(word)
    if slots[found] >= 0 { return slots[found] }
    let id = Int32(words.count)
    words.append(word)
    if words.count * 2 > slots.count {
      slots = [Int32](repeating: -1, count: slots.count * 2)
      for (index, known) in words.enumerated() { slots[slot(known)] = Int32(index) }
    } else {
      slots[found] = id
    }
    return id
  }

  /// The id of `word`, or nil when no lexicon phrase uses it.
  public func id(_ word: String) -> Int32? {
    let id = slots[slot(word)]
    return id >= 0 ? id : nil
  }

  /// The word behind `id`.
  public func word(_ id: Int32) -> String { words[Int(id)] }

  /// The number of distinct words.
  public var count: Int { words.count }
}
