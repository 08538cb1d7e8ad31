extension String {
  /// The string cut or filled with spaces to `width` scalars, for columns of plain-text tables.
  public func padded(to width: Int) -> String {
    let count = unicodeScalars.count
    if count >= width { return String(unicodeScalars.prefix(width)) }
    return self + String(repeating: " ", count: width - count)
  }
}
