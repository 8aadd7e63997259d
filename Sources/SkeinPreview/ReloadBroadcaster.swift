import Foundation
import Synchronization

/// What connected browsers are told.
enum PreviewEvent: Sendable, Equatable {
    /// A new build is ready: reload the page.
    case reload
    /// Only stylesheets changed: swap them without a reload.
    case stylesheets
    /// The build failed: show these diagnostics over the page.
    case failed([String])

    /// The event in the text/event-stream format.
    var serverSentEvent: String {
        switch self {
        case .reload: return "event: reload\ndata: {}\n\n"
        case .stylesheets: return "event: css\ndata: {}\n\n"
        case .failed(let lines):
            let data = (try? JSONEncoder().encode(lines)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
            return "event: failure\ndata: \(data)\n\n"
        }
    }
}

/// Hands every event to every connected browser. The last failure is kept, so a browser that connects while the
/// site is broken sees the overlay at once.
final class ReloadBroadcaster: Sendable {
    private struct State {
        var listeners: [UUID: AsyncStream<PreviewEvent>.Continuation] = [:]
        var failure: PreviewEvent?
    }

    private let state = Mutex(State())

    /// A stream of events for one browser, starting with the current failure, if any.
    func subscribe() -> AsyncStream<PreviewEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<PreviewEvent>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) }
        }
        let failure = state.withLock { state -> PreviewEvent? in
            state.listeners[id] = continuation
            return state.failure
        }
        if let failure { continuation.yield(failure) }
        return stream
    }

    /// Sends `event` to every browser.
    func send(_ event: PreviewEvent) {
        let listeners = state.withLock { state -> [AsyncStream<PreviewEvent>.Continuation] in
            if case .failed = event { state.failure = event } else { state.failure = nil }
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.yield(event) }
    }

    /// Ends every stream. Continuations are taken out under the lock and finished outside it: finishing runs
    /// `onTermination`, which takes the lock again.
    func finishAll() {
        let listeners = state.withLock { state -> [AsyncStream<PreviewEvent>.Continuation] in
            defer { state.listeners.removeAll() }
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }
}
