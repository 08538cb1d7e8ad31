/// Case and diacritic folding of non-ASCII text, for the matching form of a token.
///
/// The same folding Foundation's `folding(options: [.caseInsensitive, .diacriticInsensitive])`
/// gives, kept as generated tables (`Scripts/generate-letter-folds.swift`) so the tool does not
/// link Foundation: a scalar folds to its table entry or else to its Unicode lowercase mapping,
/// and a combining mark after another scalar is dropped ("É" and "e\u{301}" both give "e").
public enum LetterFolds {
  /// Appends the folded form of `scalars` to `output`.
  public static func fold<S: Sequence<Unicode.Scalar>>(_ scalars: S, into output: inout String.UnicodeScalarView) {
    var afterBase = false
    for scalar in scalars {
      if afterBase && isRemovedAfterBase(scalar.value) { continue }
      afterBase = true
      if scalar.value < 0x80 {
        output.append(scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value + 32)! : scalar)
      } else if let folded = singleFold(scalar.value) {
        output.append(Unicode.Scalar(folded)!)
      } else if let folded = multipleFolds[scalar.value] {
        output.append(contentsOf: folded.map { Unicode.Scalar($0)! })
      } else {
        output.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      }
    }
  }

  private static func singleFold(_ value: UInt32) -> UInt32? {
    var low = 0
    var high = singleFolds.count / 2
    while low < high {
      let middle = (low + high) / 2
      let key = singleFolds[2 * middle]
      if key == value { return singleFolds[2 * middle + 1] }
      if key < value { low = middle + 1 } else { high = middle }
    }
    return nil
  }

  private static func isRemovedAfterBase(_ value: UInt32) -> Bool {
    guard value >= 0x80 else { return false }
    var low = 0
    var high = removedAfterBase.count / 2
    while low < high {
      let middle = (low + high) / 2
      if removedAfterBase[2 * middle + 1] < value {
        low = middle + 1
      } else if removedAfterBase[2 * middle] > value {
        high = middle
      } else {
        return true
      }
    }
    return false
  }
}
