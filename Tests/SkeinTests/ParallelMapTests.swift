import Foundation
import Testing

@testable import Skein

/// Every stage maps in parallel; what it maps to must be freed when the stage lets it go, or a large archive's parsed
/// files and search terms stay in memory until the end of the build.
@Suite struct ParallelMapTests {
    final class Tracked: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    final class WeakReference: @unchecked Sendable {
        weak var object: Tracked?
    }

    @Test func resultsKeepTheirOrderAndAreFreedWithTheArray() {
        let references = (0..<1_000).map { _ in WeakReference() }
        do {
            let results = Array(0..<1_000).parallelMap { index -> Tracked in
                let tracked = Tracked(index * 2)
                references[index].object = tracked
                return tracked
            }
            #expect(results.map(\.value) == (0..<1_000).map { $0 * 2 })
        }
        #expect(references.allSatisfy { $0.object == nil }, "results still in memory after the array is gone")
    }
}
