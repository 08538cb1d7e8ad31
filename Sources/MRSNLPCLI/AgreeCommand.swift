import MRSNLP

enum AgreeCommand {
  static func run(_ arguments: [String], io: ToolIO) throws -> ExitStatus {
    throw UsageError(message: "not built yet")
  }
}
