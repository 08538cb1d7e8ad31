/// Character classes the tokenizer needs, with an ASCII fast path.
enum ScalarClass: UInt8 {
  case space, letter, digit, mark, punctuation, symbol, control

  static let ascii: [ScalarClass] = (0..<128).map { value in
    let scalar = Unicode.Scalar(UInt8(value))
    switch scalar {
    case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}": return .space
    case "a"..."z", "A"..."Z": return .letter
    case "0"..."9": return .digit
    case "+", "<", "=", ">", "^", "`", "|", "~", "$": return .symbol
    default: return value < 32 || value == 127 ? .control : .punctuation
    }
  }

  /// The class of `scalar`.
  static func of(_ scalar: Unicode.Scalar) -> ScalarClass {
    if scalar.value < 128 { return ascii[Int(scalar.value)] }
    return nonASCII(scalar)
  }

  /// The class of a scalar beyond ASCII, from its Unicode properties.
  static func nonASCII(_ scalar: Unicode.Scalar) -> ScalarClass {
    let properties = scalar.properties
    if properties.isWhitespace { return .space }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
    case .decimalNumber: return .digit
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .letterNumber, .otherNumber:
      return .letter
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return .punctuation
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
      .paragraphSeparator, .spaceSeparator:
      return .control
    default: return .symbol
    }
  }

  /// Letters and digits build words.
  var isAlphanumeric: Bool { self == .letter || self == .digit }
}
