// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "mrs-nlp",
  products: [
    .library(name: "MRSNLP", targets: ["MRSNLP"]),
    .executable(name: "mrs-nlp", targets: ["mrs-nlp"]),
  ],
  targets: [
    .target(name: "MRSNLP"),
    .target(name: "MRSNLPCLI", dependencies: ["MRSNLP"]),
    .executableTarget(name: "mrs-nlp", dependencies: ["MRSNLPCLI"]),
    .executableTarget(name: "mrs-nlp-bench", dependencies: ["MRSNLP"]),
    .testTarget(name: "MRSNLPTests", dependencies: ["MRSNLP"], exclude: ["Fixtures"]),
    .testTarget(name: "MRSNLPCLITests", dependencies: ["MRSNLPCLI", "mrs-nlp"]),
  ]
)
