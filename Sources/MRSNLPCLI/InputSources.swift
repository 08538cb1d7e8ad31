import MRSNLP

/// Where classify reads from: words on the command line, standard input, or files.
enum InputSource {
  case argumentText(String)
  case standardInput(format: String)
  case file(path: String, format: String)
}

enum InputSources {
  /// The input format a file name suggests.
  static func format(forPath path: String) -> String {
    let lower = path.lowercased()
    if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return "jsonl" }
    if lower.hasSuffix(".csv") { return "csv" }
    if lower.hasSuffix(".hl7") { return "hl7" }
    if lower.hasSuffix(".json") { return "fhir" }
    return "text"
  }

  static func resolve(_ positionals: [String], explicitInput: String?, io: ToolIO) throws(UsageError)
    -> [InputSource]
  {
    if positionals.isEmpty || positionals == ["-"] {
      return [.standardInput(format: explicitInput ?? "text")]
    }
    func absolute(_ path: String) -> String {
      path.hasPrefix("/") ? path : io.currentDirectory + "/" + path
    }
    let existing = positionals.filter { path in
      path == "-" || FileSystem.kind(absolute(path)).map { $0 != .directory } == true
    }
    let asFiles = existing.count == positionals.count && (explicitInput != "text" || positionals.count > 0)
    if explicitInput != nil && explicitInput != "text" || asFiles {
      for path in positionals where !existing.contains(path) {
        let what = FileSystem.kind(absolute(path)) == .directory ? "it is a folder" : "no such file"
        throw UsageError(message: "Cannot read '\(path)': \(what).")
      }
      return positionals.map { path in
        path == "-"
          ? .standardInput(format: explicitInput ?? "text")
          : .file(path: absolute(path), format: explicitInput ?? format(forPath: path))
      }
    }
    return [.argumentText(positionals.joined(separator: " "))]
  }

  /// Calls `body` with every record of every source, in order.
  ///
  /// `whenInputWaits` is called when a JSONL stream has no more input to read yet (see
  /// `LineReader`), so that a caller can finish the records it holds.
  static func forEachRecord(
    _ sources: [InputSource], kind: DocumentKind, id: String?, io: ToolIO,
    maximumRecordBytes: Int = Int.max, csvHeader: (([String]) -> Void)? = nil,
    keepsWholeObject: Bool = true, whenInputWaits: (() -> Void)? = nil, _ deliver: (InputRecord) throws -> Void
  ) throws {
    let limit = maximumRecordBytes
    /// Refuses a record whose text is over the limit, naming the limit and never the text.
    func bounded(_ record: InputRecord) -> InputRecord {
      guard let document = record.document, document.text.utf8.count > limit else { return record }
      var refused = record
      refused.document = nil
      refused.error = "the record's text is \(document.text.utf8.count) bytes, over the --max-record-bytes limit of \(limit)"
      return refused
    }
    try withoutActuallyEscaping(deliver) { deliver in
    let body = { (record: InputRecord) throws in try deliver(bounded(record)) }
    for source in sources {
      switch source {
      case .argumentText(let text):
        try body(textRecord(Array(text.utf8)[...], id: id ?? "text", kind: kind))
      case .standardInput(let format):
        try read(io.openStandardInput(), format: format, name: id ?? "stdin", kind: kind, limit: limit, csvHeader: csvHeader,
          keepsWholeObject: keepsWholeObject, whenInputWaits: whenInputWaits, body)
      case .file(let path, let format):
        let file: InputFile
        do throws(FileSystemError) {
          file = try InputFile(path: path)
        } catch {
          throw UsageError(message: "Cannot open '\(path)' for reading: \(error.reason).")
        }
        try read(file, format: format, name: id ?? FileSystem.lastComponent(path), kind: kind, limit: limit, csvHeader: csvHeader,
          keepsWholeObject: keepsWholeObject, whenInputWaits: whenInputWaits, body)
      }
    }
    }
  }

  static func read(
    _ file: InputFile, format: String, name: String, kind: DocumentKind, limit: Int,
    csvHeader: (([String]) -> Void)?, keepsWholeObject: Bool, whenInputWaits: (() -> Void)?,
    _ body: (InputRecord) throws -> Void
  ) throws {
    func wholeInput() throws(UsageError) -> [UInt8] {
      do {
        return try file.readToEnd()
      } catch {
        throw UsageError(message: "Cannot read \(error.description).")
      }
    }
    switch format {
    case "csv":
      let (header, records) = CSVReader().read(try wholeInput())
      csvHeader?(header)
      for record in records { try body(record) }
      return
    case "hl7":
      for record in HL7v2Reader().records(try wholeInput()) { try body(record) }
      return
    case "fhir":
      for record in FHIRReader().records(try wholeInput()) { try body(record) }
      return
    default: break
    }
    if format == "jsonl" {
      // A JSONL line holds its text with JSON escapes and the other fields, so it may be a little
      // longer than the text; the text limit is applied again after decoding.
      var lines = LineReader(
        file: file, maximumLineBytes: limit > Int.max / 2 ? Int.max : limit * 2 + 4096, whenInputWaits: whenInputWaits)
      let reader = JSONLRecordReader(keepsWholeObject: keepsWholeObject)
      var number = 0
      while let line = lines.next() {
        number += 1
        switch line {
        case .bytes(let bytes):
          if let record = reader.read(bytes, line: number) { try body(record) }
        case .tooLong(let count):
          try body(InputRecord(id: String(number), line: number, error: "line \(number) is \(count) bytes, over the --max-record-bytes limit"))
        }
      }
      if let failure = lines.failure {
        throw UsageError(message: "Cannot read \(failure.description) (after line \(number)).")
      }
    } else {
      try body(textRecord(try wholeInput()[...], id: name, kind: kind))
    }
  }

  static func textRecord(_ bytes: ArraySlice<UInt8>, id: String, kind: DocumentKind) -> InputRecord {
    var body = bytes
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    let (text, replaced) = JSONLRecordReader.decode(body)
    let warnings = replaced ? ["invalid UTF-8 replaced with U+FFFD"] : []
    if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
      return InputRecord(id: id, line: 1, error: "the text is empty", warnings: warnings)
    }
    return InputRecord(id: id, line: 1, document: Document(id: id, kind: kind, text: text), warnings: warnings)
  }
}
