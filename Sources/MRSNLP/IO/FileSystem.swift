#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file operation that failed: the path and the system's reason.
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
  /// The path the operation was given.
  public var path: String
  /// The system's reason, such as "No such file or directory".
  public var reason: String

  init(path: String, errorNumber: Int32) {
    self.path = path
    self.reason = String(cString: strerror(errorNumber))
  }

  public var description: String { "\(path): \(reason)" }
}

/// The few file-system calls the tool makes, straight on the C library.
///
/// The tool does not link Foundation: loading it costs about 5 ms of a 30 ms start-up budget
/// (measured in `eval/performance.md`), and these calls are all it needed from it.
public enum FileSystem {
  /// What a path names.
  public enum Kind: Sendable { case file, directory, other }

  /// What `path` names, or nil when nothing is there (or it cannot be seen).
  public static func kind(_ path: String) -> Kind? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  /// The whole content of the file at `path`.
  public static func read(_ path: String) throws(FileSystemError) -> [UInt8] {
    try InputFile(path: path).readToEnd()
  }

  /// Creates or replaces the file at `path` with `bytes`.
  public static func write(_ bytes: [UInt8], to path: String) throws(FileSystemError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw FileSystemError(path: path, errorNumber: errno) }
    defer { close(descriptor) }
    guard writeAll(bytes, to: descriptor) else { throw FileSystemError(path: path, errorNumber: errno) }
  }

  /// Writes all of `bytes` to an open descriptor, resuming after short writes and interrupts.
  @discardableResult
  public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += written
      }
      return true
    }
  }

  /// The names in the folder at `path`, without `.` and `..`, in no set order.
  public static func entries(_ path: String) throws(FileSystemError) -> [String] {
    guard let directory = opendir(path) else { throw FileSystemError(path: path, errorNumber: errno) }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
          String(cString: $0)
        }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// The process's working folder.
  public static var currentDirectory: String {
    guard let path = getcwd(nil, 0) else { return "." }
    defer { free(path) }
    return String(cString: path)
  }

  /// The last component of a path: `corpora/dev.jsonl` gives `dev.jsonl`.
  public static func lastComponent(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/"), trimmed.count > 1 else { return String(trimmed) }
    return String(trimmed[trimmed.index(after: slash)...])
  }
}

/// The C library's `write`, named apart from `FileSystem.write(_:to:)`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}
