import Foundation

/// How long one stage of a run took, and what it handled.
public struct StageTiming: Sendable {
    /// The stage's name: "parse", "markdown".
    public var stage: String
    public var seconds: Double
    /// What it handled: "13 threads".
    public var detail: String
}

/// Times the stages of a run, for `--verbose` and for finding where time goes.
public struct StageClock {
    public private(set) var laps: [StageTiming] = []
    private var last = Date()

    /// Starts timing now.
    public init() {}

    /// Records the time since the previous lap under `stage`.
    public mutating func lap(_ stage: String, _ detail: String = "") {
        let now = Date()
        laps.append(StageTiming(stage: stage, seconds: now.timeIntervalSince(last), detail: detail))
        last = now
    }
}
