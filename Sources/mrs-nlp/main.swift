import Foundation
import MRSNLPCLI

exit(MRSNLPCommandLine.run(Array(CommandLine.arguments.dropFirst()), io: .process()))
