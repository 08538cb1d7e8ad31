#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import MRSNLPCLI

let io = ToolIO.process()
let status = MRSNLPCommandLine.run(Array(CommandLine.arguments.dropFirst()), io: io)
io.flush()
exit(status)
