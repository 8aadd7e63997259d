import Foundation
import Testing

@testable import Skein

@Suite struct ByteSplittingTests {
    /// `pieces(separatedBy:)` is `components(separatedBy:)` for the separators Skein cuts at, and
    /// `replacing(every:with:)` joins those components with the replacement.
    @Test func piecesAreFoundationsComponents() {
        var random = IncrementalBuildTests.SeededGenerator(state: 7)
        let parts = [
            "a", "<a href", InternalLink.marker, CardMemo.markers[0], CardMemo.markers[1], "é", "e\u{301}", "🦀", "=",
            "\"", "skein:", "\u{1}", "", " ",
        ]
        for separator in [InternalLink.marker, CardMemo.markers[0], "="] {
            for _ in 0..<2_000 {
                let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in
                    parts.randomElement(using: &random)!
                }.joined()
                #expect(text.pieces(separatedBy: separator) == text.components(separatedBy: separator), "\(text)")
                #expect(
                    text.replacing(every: separator, with: "../é/")
                        == text.components(separatedBy: separator).joined(separator: "../é/"), "\(text)")
            }
        }
    }
}
