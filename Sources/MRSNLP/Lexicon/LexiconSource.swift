/// One lexicon file's name and bytes, before parsing.
public struct LexiconSourceFile: Sendable, Hashable {
  /// The file name, used in diagnostics (`context.tsv`).
  public var name: String
  /// The raw bytes.
  public var bytes: [UInt8]

  /// Creates a source file.
  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }

  /// Reads every `*.tsv` file of a folder, sorted by name.
  public static func directory(_ path: String) throws(FileSystemError) -> [LexiconSourceFile] {
    let names = try FileSystem.entries(path).filter { $0.hasSuffix(".tsv") }.sorted()
    let folder = path.hasSuffix("/") ? path : path + "/"
    var files: [LexiconSourceFile] = []
    for name in names {
      files.append(LexiconSourceFile(name: name, bytes: try FileSystem.read(folder + name)))
    }
    return files
  }

  /// The lexicons compiled into the library from the repository's `lexicons/` folder.
  public static var embedded: [LexiconSourceFile] {
    EmbeddedLexicons.files.map { LexiconSourceFile(name: $0.name, bytes: Array($0.content.utf8)) }
  }

  /// A 64-bit FNV-1a digest over the names and bytes of `files`, as 16 hex digits.
  public static func digest(_ files: [LexiconSourceFile]) -> String {
    var hasher = FNV1a()
    for file in files.sorted(by: { $0.name < $1.name }) {
      hasher.add(file.name.utf8)
      hasher.add(0)
      hasher.add(file.bytes)
      hasher.add(0)
    }
    let hex = String(hasher.value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
