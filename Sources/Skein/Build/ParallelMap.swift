import Foundation

/// The cores this process may use, asked once: Foundation reads two cgroup files each time it is asked.
private let cores = ProcessInfo.processInfo.activeProcessorCount

extension Array where Element: Sendable {
    /// `map` across all cores; results keep the input's order, so output never depends on scheduling.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        // Each result is made in its slot and moved, not copied, into the array returned: a copy would retain
        // every reference a result holds (a thread's strings and arrays) and the buffer's release free them again.
        let results = UnsafeMutableBufferPointer<Result>.allocate(capacity: count)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        // Many more chunks than cores: items differ in cost (the feeds, last of the pages, cost several times a thread
        // page), and with a few large chunks one core was left with the costly last one while the others waited.
        let chunk = Swift.max(1, count / (cores * 64))
        let chunks = (count + chunk - 1) / chunk
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let items = input
            DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
                let range = (chunkIndex * chunk)..<Swift.min(items.count, (chunkIndex + 1) * chunk)
                for index in range { (slots.baseAddress! + index).initialize(to: transform(items[index])) }
            }
        }
        return [Result](unsafeUninitializedCapacity: count) { array, initialized in
            array.baseAddress!.moveInitialize(from: results.baseAddress!, count: count)
            initialized = count
        }
    }
}
