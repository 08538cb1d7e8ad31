import Foundation

/// Reads a file handle line by line in fixed-size chunks, so memory holds one line, not the file.
///
/// Lines end at LF; a final line without LF is still returned. Each line is handed over without
/// its LF (a CR before it is left for the record reader).
public struct LineReader {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var start = 0
  private var finished = false
  private let chunkSize: Int

  /// Creates a reader over `handle`.
  public init(handle: FileHandle, chunkSize: Int = 1 << 16) {
    self.handle = handle
    self.chunkSize = chunkSize
  }

  /// The next line, or nil at the end of input.
  public mutating func next() -> ArraySlice<UInt8>? {
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        let line = buffer[start..<newline]
        start = newline + 1
        return line
      }
      if finished {
        guard start < buffer.count else { return nil }
        let line = buffer[start...]
        start = buffer.count
        return line
      }
      if start > 0 {
        buffer.removeFirst(start)
        start = 0
      }
      let data = handle.readData(ofLength: chunkSize)
      if data.isEmpty {
        finished = true
      } else {
        buffer.append(contentsOf: data)
      }
    }
  }
}
