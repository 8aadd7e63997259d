import Foundation

extension Array where Element: Sendable {
    /// `map` across all cores; results keep the input's order, so output never depends on scheduling.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        // Deinitialized too, or every result would stay in memory for the rest of the run.
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let slots = results
        let chunk = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (count + chunk - 1) / chunk
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let items = input
            DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
                let range = (chunkIndex * chunk)..<Swift.min(items.count, (chunkIndex + 1) * chunk)
                for index in range { slots[index] = transform(items[index]) }
            }
        }
        return results.map { $0! }
    }
}
