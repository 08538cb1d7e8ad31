/// Remembers the lexicon word each unknown word was read as (or that it matched none), so that a
/// thread classifying many documents looks each spelling up once instead of once per document.
///
/// A memo belongs to one thread at a time; it holds at most `capacity` words (50,000 unless told)
/// and starts over when full, so its memory stays bounded on any stream. Results never depend on it: it only caches
/// `FuzzyIndex.lookup`, a pure function of the word and the lexicon.
public struct SpellingMemo: Sendable {
  /// The most words remembered before the memo starts over.
  public let capacity: Int
  /// The words remembered (an FNV table: no per-process seeding, cheaper than a `Dictionary`)
  /// and, by word id, the id each was read as.
  private var words = Vocabulary()
  private var readAs: [Int32] = []

  /// Creates an empty memo holding at most `capacity` words.
  public init(capacity: Int = 50_000) {
    self.capacity = max(1, capacity)
  }

  /// The number of words remembered.
  public var count: Int { words.count }

  /// The remembered id for `word`, or `compute()`'s, remembered.
  mutating func id(for word: String, _ compute: () -> Int32) -> Int32 {
    if let known = words.id(word) { return readAs[Int(known)] }
    let id = compute()
    if words.count >= capacity {
      words = Vocabulary()
      readAs.removeAll(keepingCapacity: true)
    }
    _ = words.intern(word)
    readAs.append(id)
    return id
  }
}
