#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import MRSNLP

/// What the command line asks of the running process: processors and terminal.
enum ProcessEnvironment {
  /// The number of processors this process may use (the default `--jobs`), as Foundation's
  /// `activeProcessorCount` counts them: on Linux its CPU affinity (so `taskset -c 0 mrs-nlp` runs
  /// one job), capped by a container's CPU quota (cgroup `cpu.max`, or `cpu.cfs_quota_us` in
  /// cgroup v1); elsewhere the processors online.
  static var processorCount: Int {
    var count = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #if os(Linux)
      if let allowed = affinityCount(), allowed > 0 { count = allowed }
      if let quota = quotaCount(), quota > 0 { count = min(count, quota) }
    #endif
    return count
  }

  #if os(Linux)
    /// The processors in the affinity mask, from glibc's `sched_getaffinity`, which the Swift
    /// Glibc module does not declare (it is a GNU extension), so it is looked up by name.
    private static func affinityCount() -> Int? {
      typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_getaffinity") else { return nil }
      let getAffinity = unsafeBitCast(symbol, to: GetAffinity.self)
      var mask = [UInt64](repeating: 0, count: 16)  // 1,024 processors, glibc's cpu_set_t
      let status = mask.withUnsafeMutableBytes { getAffinity(0, $0.count, $0.baseAddress!) }
      return status == 0 ? mask.reduce(0) { $0 + $1.nonzeroBitCount } : nil
    }

    /// The CPU quota of the process's cgroup in whole processors, or nil when unlimited.
    private static func quotaCount() -> Int? {
      func text(_ path: String) -> String? {
        (try? FileSystem.read(path)).map { String(decoding: $0, as: UTF8.self) }
      }
      return cpuQuota(
        cpuMax: text("/sys/fs/cgroup/cpu.max"), cfsQuota: text("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"),
        cfsPeriod: text("/sys/fs/cgroup/cpu/cpu.cfs_period_us"))
    }
  #endif

  /// Whole processors (rounded up) a cgroup CPU quota allows: cgroup v2 `cpu.max` ("quota
  /// period", or "max period" for none), else cgroup v1 `cpu.cfs_quota_us` (-1 for none) over
  /// `cpu.cfs_period_us`; nil when there is no quota.
  static func cpuQuota(cpuMax: String?, cfsQuota: String?, cfsPeriod: String?) -> Int? {
    func numbers(_ text: String?) -> [Int]? {
      text.map { $0.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Int($0) ?? -1 } }
    }
    var quota: Int?
    var period: Int?
    if let values = numbers(cpuMax), values.count == 2 {
      (quota, period) = (values[0], values[1])
    } else if let quotas = numbers(cfsQuota), let periods = numbers(cfsPeriod) {
      (quota, period) = (quotas.first, periods.first)
    }
    guard let quota, let period, quota > 0, period > 0 else { return nil }
    return (quota + period - 1) / period
  }


  /// Whether standard output is a terminal (text output by default).
  static var standardOutputIsTerminal: Bool { isatty(1) == 1 }

  /// Reports on standard error that standard output could not be written, with the system's
  /// reason, and ends the process with status 1: the results are incomplete.
  static func exitAfterFailedOutput() -> Never {
    let reason = String(cString: strerror(errno))
    FileSystem.writeAll(Array("mrs-nlp: cannot write standard output: \(reason); the output is incomplete.\n".utf8), to: 2)
    exit(1)
  }
}
