/// Finds the lexicon word a misspelled document word most likely stands for.
///
/// A symmetric-delete index (SymSpell): every eligible lexicon word of 7 or more letters is indexed
/// by its deletions; a document word of 6 or more letters that is not itself a lexicon word is
/// matched when exactly one lexicon word lies within the allowed edit distance (1, or 2 for words
/// of 11 or more letters), with the same first letter. Transpositions count as one edit.
///
/// - Complexity: O(L²) deletions per looked-up word of length L; independent of the lexicon size.
public struct FuzzyIndex: Sendable {
  /// The shortest lexicon word that may be matched fuzzily.
  public static let minimumWordLength = 7
  private var deletes: [String: [Int32]] = [:]
  private var spelled: [Int32: [UInt8]] = [:]
  var blocked: Set<String> = []

  /// Creates an empty index.
  public init() {}

  static func allowedDistance(_ length: Int) -> Int { length >= 11 ? 2 : 1 }

  /// Adds a lexicon word.
  mutating func add(_ word: String, id: Int32) {
    let bytes = Array(word.utf8)
    guard bytes.count >= Self.minimumWordLength, spelled[id] == nil else { return }
    spelled[id] = bytes
    for variant in Self.deletions(bytes, depth: Self.allowedDistance(bytes.count)) {
      deletes[variant, default: []].append(id)
    }
  }

  /// The id of the single lexicon word within reach of `word`, or nil.
  public func lookup(_ word: String) -> Int32? {
    let bytes = Array(word.utf8)
    guard bytes.count >= Self.minimumWordLength - 1, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }),
      !blocked.contains(word)
    else { return nil }
    var best: Int32?
    var bestDistance = Int.max
    var tie = false
    var seen = Set<Int32>()
    for variant in Self.deletions(bytes, depth: 2) {
      guard let candidates = deletes[variant] else { continue }
      for id in candidates where seen.insert(id).inserted {
        guard let target = spelled[id], target.first == bytes.first else { continue }
        let limit = Self.allowedDistance(target.count)
        if abs(target.count - bytes.count) > limit { continue }
        let distance = Self.editDistance(bytes, target)
        if distance > limit || distance == 0 { continue }
        if distance < bestDistance {
          best = id
          bestDistance = distance
          tie = false
        } else if distance == bestDistance {
          tie = true
        }
      }
    }
    return tie ? nil : best
  }

  static func deletions(_ word: [UInt8], depth: Int) -> Set<String> {
    var result: Set<String> = [String(decoding: word, as: UTF8.self)]
    var frontier: [[UInt8]] = [word]
    for _ in 0..<depth {
      var next: [[UInt8]] = []
      for item in frontier where item.count > 1 {
        for index in item.indices {
          var shorter = item
          shorter.remove(at: index)
          if result.insert(String(decoding: shorter, as: UTF8.self)).inserted { next.append(shorter) }
        }
      }
      frontier = next
    }
    return result
  }

  /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
  static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
      }
      swap(&previous2, &previous)
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

extension FuzzyIndex {
  /// Makes `word` a known word: it is never taken as a misspelling of a lexicon word.
  mutating func block(_ word: String) {
    blocked.insert(word)
  }
}
