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
        // Many more chunks than cores: items differ in cost (the feeds, last of the pages, cost several times a thread
        // page), and with a few large chunks one core was left with the costly last one while the others waited.
        let chunk = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 64))
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
