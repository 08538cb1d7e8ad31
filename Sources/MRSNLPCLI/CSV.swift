/// RFC 4180 field quoting.
enum CSV {
  static func field(_ value: String) -> String {
    if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
      var quoted = String.UnicodeScalarView()
      quoted.append("\"")
      for scalar in value.unicodeScalars {
        quoted.append(scalar)
        if scalar == "\"" { quoted.append("\"") }
      }
      quoted.append("\"")
      return String(quoted)
    }
    return value
  }

  static func row(_ values: [String]) -> String { values.map(field).joined(separator: ",") + "\r\n" }
}
