import Foundation

/// Where a command reads and writes: the real process streams, or buffers in tests.
public final class ToolIO: @unchecked Sendable {
  /// Opens the standard input (or a test buffer) for reading.
  public let openStandardInput: () -> FileHandle
  private let writeOut: ([UInt8]) -> Void
  private let writeErr: ([UInt8]) -> Void
  /// Whether standard output is a terminal (changes the default format).
  public let outputIsTerminal: Bool
  /// The folder relative paths are resolved against.
  public let currentDirectory: String

  /// Creates an IO set.
  public init(
    openStandardInput: @escaping () -> FileHandle, writeOut: @escaping ([UInt8]) -> Void,
    writeErr: @escaping ([UInt8]) -> Void, outputIsTerminal: Bool,
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) {
    self.openStandardInput = openStandardInput
    self.writeOut = writeOut
    self.writeErr = writeErr
    self.outputIsTerminal = outputIsTerminal
    self.currentDirectory = currentDirectory
  }

  /// The process's own streams.
  public static func process() -> ToolIO {
    ToolIO(
      openStandardInput: { FileHandle.standardInput },
      writeOut: { bytes in FileHandle.standardOutput.write(Data(bytes)) },
      writeErr: { bytes in FileHandle.standardError.write(Data(bytes)) },
      outputIsTerminal: isatty(STDOUT_FILENO) == 1)
  }

  /// Writes bytes to standard output.
  public func out(_ bytes: [UInt8]) { writeOut(bytes) }
  /// Writes text to standard output.
  public func out(_ text: String) { writeOut(Array(text.utf8)) }
  /// Writes text to standard error.
  public func err(_ text: String) { writeErr(Array(text.utf8)) }
}
