/// A metabolite ratio written with a number ("Cho/NAA 2.3").
public struct Measurement: Sendable, Hashable {
  /// The normalized analyte, `NUM/DEN` (`Cho/NAA`, `LipLac/Cr`).
  public var analyte: String
  /// The value as written (2.30 and 2.3 are equal).
  public var value: Double
  /// From the first metabolite name to the end of the number.
  public var span: TextSpan
  /// The sentence that holds it.
  public var sentence: Int
}
