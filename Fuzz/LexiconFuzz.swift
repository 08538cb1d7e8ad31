// libFuzzer target: the lexicon and rules parsers. The input is one file added to the embedded set
// under a name chosen by its first byte, so every format's parser (terms, context, rules ...) is hit.
let embeddedFiles = LexiconSourceFile.embedded

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexicon(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let first = bytes.first else { return 0 }
  let names = embeddedFiles.map(\.name)
  let name = names[Int(first) % names.count]
  var files = embeddedFiles.filter { $0.name != name }
  files.append(LexiconSourceFile(name: name, bytes: Array(bytes.dropFirst())))
  _ = try? Lexicon(files: files)
  return 0
}
