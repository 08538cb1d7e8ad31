import MRSNLP

/// Where a command reads and writes: the real process streams, or buffers in tests.
public final class ToolIO: @unchecked Sendable {
  /// Opens the standard input (or a test buffer) for reading.
  public let openStandardInput: () -> InputFile
  private let writeOut: ([UInt8]) -> Void
  private let writeErr: ([UInt8]) -> Void
  /// Whether standard output is a terminal (changes the default format).
  public let outputIsTerminal: Bool
  /// The folder relative paths are resolved against.
  public let currentDirectory: String
  private let flushOut: () -> Void

  /// Creates an IO set.
  public init(
    openStandardInput: @escaping () -> InputFile, writeOut: @escaping ([UInt8]) -> Void,
    writeErr: @escaping ([UInt8]) -> Void, outputIsTerminal: Bool,
    currentDirectory: String = FileSystem.currentDirectory,
    flushOut: @escaping () -> Void = {}
  ) {
    self.flushOut = flushOut
    self.openStandardInput = openStandardInput
    self.writeOut = writeOut
    self.writeErr = writeErr
    self.outputIsTerminal = outputIsTerminal
    self.currentDirectory = currentDirectory
  }

  /// The process's own streams; standard output is buffered until `flush()` or 64 KB.
  public static func process() -> ToolIO {
    let buffer = OutputBuffer()
    return ToolIO(
      openStandardInput: { InputFile.standardInput },
      writeOut: { bytes in buffer.append(bytes) },
      writeErr: { bytes in
        buffer.flush()
        FileSystem.writeAll(bytes, to: 2)
      },
      outputIsTerminal: ProcessEnvironment.standardOutputIsTerminal, flushOut: buffer.flush)
  }

  /// Writes out what standard output holds (the process's own streams buffer it).
  public func flush() { flushOut() }

  /// Writes bytes to standard output.
  public func out(_ bytes: [UInt8]) { writeOut(bytes) }
  /// Writes text to standard output.
  public func out(_ text: String) { writeOut(Array(text.utf8)) }
  /// Writes text to standard error.
  public func err(_ text: String) { writeErr(Array(text.utf8)) }
}

/// Standard output bytes gathered into few large writes: one system call per batch of records
/// rather than two per record.
final class OutputBuffer: @unchecked Sendable {
  private var bytes: [UInt8] = []
  private let lock = Lock()
  private static let limit = 1 << 16

  func append(_ more: [UInt8]) {
    lock.lock()
    bytes += more
    let full = bytes.count >= Self.limit
    lock.unlock()
    if full { flush() }
  }

  func flush() {
    lock.lock()
    defer { lock.unlock() }
    guard !bytes.isEmpty else { return }
    // Output that cannot be written (a full disk) must not pass for success: say so and stop.
    if !FileSystem.writeAll(bytes, to: 1) { ProcessEnvironment.exitAfterFailedOutput() }
    bytes.removeAll(keepingCapacity: true)
  }
}
