import Foundation
import MRSNLPCLI

let io = ToolIO.process()
let status = MRSNLPCommandLine.run(Array(CommandLine.arguments.dropFirst()), io: io)
io.flush()
exit(status)
