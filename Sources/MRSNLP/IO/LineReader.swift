/// Reads a file line by line in fixed-size chunks, so memory holds one line, not the file.
///
/// Lines end at LF, CR LF or a lone CR; a final line without an end is still returned. A line
/// longer than `maximumLineBytes` is not kept: its bytes are skipped up to the next line end and
/// it is returned as `.tooLong` with its length, so memory stays bounded whatever the input.
public struct LineReader {
  /// One line of input.
  public enum Line {
    /// The line's bytes, without its line end.
    case bytes(ArraySlice<UInt8>)
    /// A line longer than the limit, with its length in bytes.
    case tooLong(Int)
  }

  private let file: InputFile
  private var buffer: [UInt8] = []
  private var start = 0
  /// Where the search for the next line end resumes: bytes before it hold no line end.
  private var scanned = 0
  private var finished = false
  private let chunkSize: Int
  private let maximumLineBytes: Int
  private let whenInputWaits: (() -> Void)?

  /// The system's error when reading stopped on one rather than at the end of the input.
  public private(set) var failure: FileSystemError?
  /// Whether reading stopped on an error rather than at the end of the input.
  public var failed: Bool { failure != nil }

  /// Creates a reader over `file`.
  ///
  /// `whenInputWaits` is called before a read that would wait for more input (a pipe or terminal
  /// with nothing to read yet), so that a caller holding records back in batches can finish them
  /// first instead of keeping results from a reader who waits for them.
  public init(
    file: InputFile, chunkSize: Int = 1 << 16, maximumLineBytes: Int = Int.max, whenInputWaits: (() -> Void)? = nil
  ) {
    self.file = file
    self.chunkSize = chunkSize
    self.maximumLineBytes = maximumLineBytes
    self.whenInputWaits = whenInputWaits
  }

  private mutating func fill() {
    if start > 0 {
      buffer.removeFirst(start)
      scanned -= start
      start = 0
    }
    if let whenInputWaits, !file.hasInputReady { whenInputWaits() }
    do {
      if try file.read(into: &buffer, upTo: chunkSize) == 0 { finished = true }
    } catch {
      finished = true
      failure = error
    }
  }

  /// The next line, or nil at the end of input.
  public mutating func next() -> Line? {
    var skipped = 0
    scanned = max(scanned, start)
    while true {
      if let end = Self.lineEnd(in: buffer, from: scanned) {
        if buffer[end] == 0x0D && end + 1 == buffer.count && !finished {
          scanned = end
          fill()  // a CR at the end of the chunk may be the first half of CR LF
          continue
        }
        let line = buffer[start..<end]
        start = end + (buffer[end] == 0x0D && end + 1 < buffer.count && buffer[end + 1] == 0x0A ? 2 : 1)
        scanned = start
        if skipped > 0 || line.count > maximumLineBytes { return .tooLong(skipped + line.count) }
        return .bytes(line)
      }
      if finished {
        guard start < buffer.count || skipped > 0 else { return nil }
        let line = buffer[start...]
        start = buffer.count
        if skipped > 0 || line.count > maximumLineBytes { return .tooLong(skipped + line.count) }
        return .bytes(line)
      }
      if buffer.count - start > maximumLineBytes {
        skipped += buffer.count - start
        start = buffer.count
      }
      scanned = buffer.count
      fill()
    }
  }

  /// The index of the first LF or CR at or after `start`, or nil. Eight bytes at a time: this scan
  /// touches every byte of the input.
  static func lineEnd(in buffer: [UInt8], from start: Int) -> Int? {
    buffer.withUnsafeBufferPointer { bytes -> Int? in
      guard let base = bytes.baseAddress else { return nil }
      var index = start
      while index + 8 <= bytes.count {
        let word = WordBytes.load(base + index)
        if WordBytes.contains(0x0A, in: word) || WordBytes.contains(0x0D, in: word) { break }
        index += 8
      }
      while index < bytes.count {
        if bytes[index] == 0x0A || bytes[index] == 0x0D { return index }
        index += 1
      }
      return nil
    }
  }
}
