import Foundation
import Testing

@testable import Skein

/// The word count (reading time) and the trimmed plain text take shortcuts on bytes; they must give what the
/// character-by-character definitions give.
@Suite struct PlainTextTests {
    static let pieces = [
        "word", "Café", "x", "🦀", "👩‍💻", "東京", "e\u{301}", "\u{301}", "don't", "3.14", "#tag", "—", "\u{A0}", "\u{3000}",
        "\u{2028}", "\u{85}", "\u{FEFF}",
    ]
    static let separators = [" ", "\n", "\t", "\r\n", "\r", "", "  ", "\u{0B}", "\u{0C}", " \u{301}", "\u{1F}"]

    static func randomTexts(seed: UInt64) -> [String] {
        var random = IncrementalBuildTests.SeededGenerator(state: seed)
        return (0..<2_000).map { _ in
            (0..<Int.random(in: 0...8, using: &random)).map { _ in
                (Bool.random(using: &random) ? separators.randomElement(using: &random)! : "")
                    + pieces.randomElement(using: &random)! + separators.randomElement(using: &random)!
            }.joined()
        }
    }

    @Test func wordsAreCountedAsRunsOfNonWhiteSpaceCharacters() {
        for text in Self.randomTexts(seed: 3) + Self.randomTexts(seed: 4).map { $0.filter(\.isASCII) } {
            #expect(
                RenderedMarkdown.words(in: text) == text.split(whereSeparator: \.isWhitespace).count,
                "\(text.debugDescription)")
        }
    }

    @Test func trimmingGivesWhatFoundationGives() {
        for text in Self.randomTexts(seed: 5) {
            #expect(
                MarkdownRenderer.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(text.debugDescription)")
        }
    }
}
