/// Interns normalized token strings as small integers, so that tries compare integers.
public struct Vocabulary: Sendable {
  private(set) var ids: [String: Int32] = [:]
  private(set) var words: [String] = []

  /// Creates an empty vocabulary.
  public init() {}

  /// The id of `word`, adding it when new.
  mutating func intern(_ word: String) -> Int32 {
    if let id = ids[word] { return id }
    let id = Int32(words.count)
    ids[word] = id
    words.append(word)
    return id
  }

  /// The id of `word`, or nil when no lexicon phrase uses it.
  public func id(_ word: String) -> Int32? { ids[word] }

  /// The word behind `id`.
  public func word(_ id: Int32) -> String { words[Int(id)] }

  /// The number of distinct words.
  public var count: Int { words.count }
}
