import Foundation

/// Times the stages of a run, for `--verbose` and for finding where time goes.
struct StageClock {
    private(set) var laps: [(stage: String, seconds: Double)] = []
    private var last = Date()

    /// Records the time since the previous lap under `stage`.
    mutating func lap(_ stage: String) {
        let now = Date()
        laps.append((stage, now.timeIntervalSince(last)))
        last = now
    }
}
