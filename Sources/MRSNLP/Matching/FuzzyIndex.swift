/// Finds the lexicon word a misspelled document word most likely stands for.
///
/// A symmetric-delete index (SymSpell): every eligible lexicon word of 7 or more letters is indexed
/// by its deletions; a document word of 6 or more letters that is not itself a lexicon word is
/// matched when exactly one lexicon word lies within the allowed edit distance (1, or 2 for words
/// of 11 or more letters), with the same first letter, and not only in its last letter (that is an
/// inflection). Transpositions count as one edit.
/// Deletions are indexed by a polynomial hash of their bytes (its top 44 bits), computed without
/// building strings; a hash collision can only add a candidate, and every candidate is verified by edit
/// distance.
///
/// - Complexity: O(L²) hashes of length L per looked-up word; independent of the lexicon size.
public struct FuzzyIndex: Sendable {
  /// The shortest lexicon word that may be matched fuzzily.
  public static let minimumWordLength = 7
  /// The longest document word looked up: deletions cost O(L²), and no clinical word is longer.
  public static let maximumWordLength = 40
  /// Deletion hashes and the word each came from, packed as the hash's top 44 bits above the
  /// word id's 20 bits, grouped by bucket once `seal()` has run. A shortened hash can only add
  /// candidates.
  private var deletes: [UInt64] = []
  /// `deletes` index where each value of a hash's top `bucketBits` bits starts (a radix
  /// directory), so that a lookup scans a bucket of a few entries instead of binary-searching.
  private var bucketStart: [Int32] = []
  private var sealed = true
  /// The letters of each indexed word, by vocabulary id (empty for words not indexed).
  private var spelled: [[UInt8]] = []
  var blocked: Set<String> = []
  private static let idBits: UInt64 = 20
  /// The top bits of a hash that pick its bucket: 2^14 buckets for ~36,000 deletions of the
  /// shipped lexicons, two or three entries a bucket, and a directory of 64 KB rather than the
  /// 256 KB (and the page faults at start-up) of 2^16.
  private static let bucketBits = 14
  private static let hashMask: UInt64 = ~((1 << idBits) - 1)

  /// Creates an empty index.
  public init() {}

  static func allowedDistance(_ length: Int) -> Int { length >= 11 ? 2 : 1 }

  /// Adds a lexicon word; call `seal()` after the last one.
  mutating func add(_ word: String, id: Int32) {
    // Most calls repeat a word already indexed (it recurs across phrases): those return before
    // copying its bytes.
    guard word.utf8.count >= Self.minimumWordLength else { return }
    if spelled.count <= Int(id) { spelled.append(contentsOf: repeatElement([], count: Int(id) + 1 - spelled.count)) }
    guard spelled[Int(id)].isEmpty else { return }
    let bytes = Array(word.utf8)
    spelled[Int(id)] = bytes
    sealed = false
    precondition(id >= 0 && UInt64(id) < 1 << Self.idBits, "vocabulary too large for FuzzyIndex")
    Self.forEachDeletion(bytes, depth: Self.allowedDistance(bytes.count)) { hash in
      deletes.append(hash & Self.hashMask | UInt64(id))
    }
  }

  /// Groups the deletions by the top `bucketBits` bits of their hash (a counting sort: one pass
  /// to count, one to place, skipping an entry its bucket already holds) and builds the directory
  /// lookups read. A bucket holds a few entries, scanned in full, so it needs no order inside; a
  /// full sort of the deletions cost ten times more.
  mutating func seal() {
    guard !sealed else { return }
    let buckets = 1 << Self.bucketBits
    var start = [Int32](repeating: 0, count: buckets + 1)
    var end = [Int32](repeating: 0, count: buckets + 1)
    var placed = [UInt64](repeating: 0, count: deletes.count)
    var kept = 0
    deletes.withUnsafeBufferPointer { deletes in
      start.withUnsafeMutableBufferPointer { start in
        for entry in deletes { start[Int(entry >> (64 - Self.bucketBits)) + 1] += 1 }
        for bucket in 0..<buckets { start[bucket + 1] += start[bucket] }
        end.withUnsafeMutableBufferPointer { end in
          _ = end.update(fromContentsOf: start)
          placed.withUnsafeMutableBufferPointer { placed in
            for entry in deletes {
              let bucket = Int(entry >> (64 - Self.bucketBits))
              let last = Int(end[bucket])
              var index = Int(start[bucket])
              while index < last && placed[index] != entry { index += 1 }
              if index == last {
                placed[last] = entry
                end[bucket] += 1
                kept += 1
              }
            }
          }
        }
      }
    }
    // Close the gaps the skipped repeats left, bucket by bucket.
    let grouped = [UInt64](unsafeUninitializedCapacity: kept) { grouped, count in
      placed.withUnsafeBufferPointer { placed in
        start.withUnsafeMutableBufferPointer { start in
          end.withUnsafeBufferPointer { end in
            for bucket in 0..<buckets {
              let first = Int(start[bucket])
              let last = Int(end[bucket])
              start[bucket] = Int32(count)
              for index in first..<last {
                grouped[count] = placed[index]
                count += 1
              }
            }
          }
        }
      }
    }
    start[buckets] = Int32(kept)
    deletes = grouped
    bucketStart = start
    sealed = true
  }

  /// Calls `body` with the id of every word that has a deletion hashing to `hash`.
  private func forEachWord(withDeletion hash: UInt64, _ body: (Int32) -> Void) {
    guard !deletes.isEmpty else { return }
    let key = hash & Self.hashMask
    let bucket = Int(hash >> (64 - Self.bucketBits))
    for index in Int(bucketStart[bucket])..<Int(bucketStart[bucket + 1])
    where deletes[index] & Self.hashMask == key {
      body(Int32(truncatingIfNeeded: deletes[index] & ~Self.hashMask))
    }
  }

  /// Makes `word` a known word: it is never taken as a misspelling of a lexicon word.
  mutating func block(_ word: String) {
    blocked.insert(word)
  }

  /// Whether `word` is of a length `lookup` reads (it may still hold other than a–z or OCR digits);
  /// lets a caller skip caching words that could never match.
  static func mayLookUp(_ word: String) -> Bool {
    let length = word.utf8.count
    return length >= minimumWordLength - 1 && length <= maximumWordLength
  }

  /// The id of the single lexicon word within reach of `word`, or nil.
  public func lookup(_ word: String) -> Int32? {
    guard Self.mayLookUp(word) else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(word.utf8.count)
    for byte in word.utf8 {
      guard byte >= 0x61 && byte <= 0x7A else { return nil }
      bytes.append(byte)
    }
    guard !blocked.contains(word) else { return nil }
    precondition(sealed, "FuzzyIndex.lookup before seal()")
    var candidates: [Int32] = []
    // Two deletions are only needed to reach words of 11 or more letters, which lie within two
    // edits of document words of 9 letters or more; shorter words need one.
    Self.forEachDeletion(bytes, depth: bytes.count >= 9 ? 2 : 1) { hash in
      forEachWord(withDeletion: hash) { id in
        if !candidates.contains(id) { candidates.append(id) }
      }
    }
    var best: Int32?
    var bestDistance = Int.max
    var tie = false
    for id in candidates {
      let target = spelled[Int(id)]
      guard target.first == bytes.first else { continue }
      // An edit confined to the last letter is an inflection ("radiates", "evaluated"), not a typo.
      let shared = zip(bytes, target).prefix { $0 == $1 }.count
      if shared >= min(bytes.count, target.count) - 1 { continue }
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
    return tie ? nil : best
  }

  /// Calls `body` with a hash of `word` and of every word made by deleting one, or (for depth 2)
  /// two, of its bytes. Some deletions repeat; callers tolerate that.
  ///
  /// The hash is polynomial (`Σ byte·B^position`, wrapping), so each deletion's hash comes from
  /// prefix hashes and powers in constant time instead of rehashing the word; a final mix spreads
  /// it over the top bits the index keys on.
  static func forEachDeletion(_ word: [UInt8], depth: Int, _ body: (UInt64) -> Void) {
    let count = word.count
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * (count + 1)) { scratch in
      forEachDeletion(word, depth: depth, scratch: scratch, body)
    }
  }

  private static func forEachDeletion(
    _ word: [UInt8], depth: Int, scratch: UnsafeMutableBufferPointer<UInt64>, _ body: (UInt64) -> Void
  ) {
    let count = word.count
    let base: UInt64 = 0x100_0000_01B3
    // prefix[k]: hash of word[..<k]; power[k]: base^k.
    let prefix = UnsafeMutableBufferPointer(rebasing: scratch[0...count])
    let power = UnsafeMutableBufferPointer(rebasing: scratch[(count + 1)...])
    prefix[0] = 0
    power[0] = 1
    for k in 0..<count {
      prefix[k + 1] = prefix[k] &* base &+ UInt64(word[k])
      power[k + 1] = power[k] &* base
    }
    /// Hash of word[from..<to].
    func part(_ from: Int, _ to: Int) -> UInt64 { prefix[to] &- prefix[from] &* power[to - from] }
    func finish(_ value: UInt64, length: Int) -> UInt64 {
      var mixed = value ^ UInt64(length) &* 0x9E37_79B9_7F4A_7C15
      mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
      mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
      return mixed ^ (mixed >> 31)
    }
    body(finish(prefix[count], length: count))
    guard depth >= 1 else { return }
    for first in 0..<count {
      let tail = part(first + 1, count)
      body(finish(prefix[first] &* power[count - first - 1] &+ tail, length: count - 1))
      guard depth >= 2, count > 2 else { continue }
      for second in (first + 1)..<count {
        let hash = (prefix[first] &* power[second - first - 1] &+ part(first + 1, second))
          &* power[count - second - 1] &+ part(second + 1, count)
        body(finish(hash, length: count - 2))
      }
    }
  }

  /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
  static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    let width = b.count + 1
    // Three rows on the stack: this runs for every candidate of every unknown word.
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
      var previous2 = 0
      var previous = width
      var current = 2 * width
      for j in 0..<width {
        rows[previous2 + j] = 0
        rows[previous + j] = j
      }
      for i in 1...a.count {
        rows[current] = i
        for j in 1...b.count {
          let cost = a[i - 1] == b[j - 1] ? 0 : 1
          var value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
          if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
            value = min(value, rows[previous2 + j - 2] + 1)
          }
          rows[current + j] = value
        }
        (previous2, previous, current) = (previous, current, previous2)
      }
      return rows[previous + b.count]
    }
  }
}
