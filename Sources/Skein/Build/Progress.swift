import Synchronization

/// How far a long stage has come, for a live progress line.
public struct Progress: Sendable, Equatable {
    /// The stage, as a user reads it: "parsing", "rendering".
    public var stage: String
    /// Items finished.
    public var done: Int
    /// Items in the stage.
    public var total: Int

    /// Creates a progress report.
    public init(stage: String, done: Int, total: Int) {
        self.stage = stage
        self.done = done
        self.total = total
    }
}

/// Receives progress; called from many threads at once.
public typealias ProgressHandler = @Sendable (Progress) -> Void

/// Counts finished items of one stage across threads and tells the handler.
final class ProgressCounter: Sendable {
    private let stage: String
    private let total: Int
    private let handler: ProgressHandler?
    private let done = Atomic<Int>(0)

    init(_ stage: String, total: Int, handler: ProgressHandler?) {
        self.stage = stage
        self.total = total
        self.handler = handler
        handler?(Progress(stage: stage, done: 0, total: total))
    }

    /// Marks one more item finished.
    func advance() {
        guard let handler else { return }
        let now = done.add(1, ordering: .relaxed).newValue
        handler(Progress(stage: stage, done: now, total: total))
    }
}
