/// Remembers the lexicon word each unknown word was read as (or that it matched none), so that a
/// thread classifying many documents looks each spelling up once instead of once per document.
///
/// A memo belongs to one thread at a time; it holds at most `capacity` words (50,000 unless told)
/// and starts over when full, so its memory stays bounded on any stream. Results never depend on it: it only caches
/// `FuzzyIndex.lookup`, a pure function of the word and the lexicon.
public struct SpellingMemo: Sendable {
  /// The most words remembered before the memo starts over.
  public let capacity: Int
  private var known: [String: Int32] = [:]

  /// Creates an empty memo holding at most `capacity` words.
  public init(capacity: Int = 50_000) {
    self.capacity = max(1, capacity)
  }

  /// The number of words remembered.
  public var count: Int { known.count }

  /// The remembered id for `word`, or `compute()`'s, remembered.
  mutating func id(for word: String, _ compute: () -> Int32) -> Int32 {
    if let id = known[word] { return id }
    let id = compute()
    if known.count >= capacity { known.removeAll(keepingCapacity: true) }
    known[word] = id
    return id
  }
}
