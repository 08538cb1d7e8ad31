#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open file or stream read in chunks: standard input, or a file it opened and closes.
public final class InputFile: @unchecked Sendable {
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  /// The path, or "standard input", for error messages.
  public let name: String

  /// Opens the file at `path` for reading.
  public init(path: String) throws(FileSystemError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileSystemError(path: path, errorNumber: errno) }
    self.descriptor = descriptor
    self.ownsDescriptor = true
    self.name = path
  }

  private init(borrowing descriptor: Int32) {
    self.descriptor = descriptor
    self.ownsDescriptor = false
    self.name = "standard input"
  }

  /// The process's standard input (never closed by this object).
  public static var standardInput: InputFile { InputFile(borrowing: 0) }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// Appends up to `count` bytes to `buffer`; returns how many were read, 0 at the end of input.
  public func read(into buffer: inout [UInt8], upTo count: Int) throws(FileSystemError) -> Int {
    let start = buffer.count
    var got = 0
    buffer.append(contentsOf: repeatElement(0, count: count))
    while true {
      got = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + start, count) }
      if got < 0 && errno == EINTR { continue }
      break
    }
    let error = errno
    buffer.removeLast(count - max(got, 0))
    if got < 0 { throw FileSystemError(path: name, errorNumber: error) }
    return got
  }

  /// Whether a read would return at once: true for a regular file, and for a pipe or terminal
  /// that has input (or its end) waiting; false when a read would wait for a writer.
  public var hasInputReady: Bool {
    var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    return poll(&request, 1, 0) != 0
  }

  /// Everything left to read.
  public func readToEnd() throws(FileSystemError) -> [UInt8] {
    var bytes: [UInt8] = []
    while try read(into: &bytes, upTo: max(1 << 16, bytes.count)) > 0 {}
    return bytes
  }
}

/// The C library's `read`, named apart from `InputFile.read(into:upTo:)`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
