import Foundation

/// How long one stage of a run took, and what it handled.
public struct StageTiming: Sendable {
    /// The stage's name: "parse", "markdown".
    public var stage: String
    public var seconds: Double
    /// What it handled: "13 threads".
    public var detail: String
    /// The process's resident memory when the stage ended, in bytes; nil where the system does not say.
    public var residentBytes: Int? = nil
    /// The processor time, user and system, all threads of the process spent in the stage: against `seconds`, how
    /// many cores it kept busy.
    public var cpuSeconds: Double? = nil
}

/// Times the stages of a run, for `--verbose` and for finding where time goes.
public struct StageClock {
    public private(set) var laps: [StageTiming] = []
    private var last = Date()
    private var lastCPU = Self.cpuSeconds()

    /// Starts timing now.
    public init() {}

    /// Records the time since the previous lap under `stage`.
    public mutating func lap(_ stage: String, _ detail: String = "") {
        let now = Date()
        let cpu = Self.cpuSeconds()
        laps.append(
            StageTiming(
                stage: stage, seconds: now.timeIntervalSince(last), detail: detail, residentBytes: Self.residentBytes(),
                cpuSeconds: cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    /// User and system time of every thread of the process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
            let who = RUSAGE_SELF.rawValue
        #else
            let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The resident set size from `/proc/self/statm` (Linux only).
    static func residentBytes() -> Int? {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
