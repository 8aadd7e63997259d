import Foundation
import Testing

@testable import Skein

@Suite struct ByteSplittingTests {
    /// `pieces(separatedBy:)` is `components(separatedBy:)` for the separators Skein cuts at, and
    /// `replacing(every:with:)` joins those components with the replacement.
    @Test func whiteSpaceFromTheFirstByteIsCharacterWhiteSpace() {
        let followers = ["", "\u{301}", "\u{200D}", "\u{FE0F}", "\n", "\u{1F3FB}"]
        for scalar in (0..<0x80).compactMap(Unicode.Scalar.init) {
            for follower in followers {
                for character in String(scalar) + follower {
                    #expect(
                        character.isWhitespaceASCIIFirst == character.isWhitespace,
                        "\(String(character).debugDescription)")
                }
            }
        }
        for character in "\u{85}\u{A0}\u{2028}\u{3000}é東🦀" {
            #expect(character.isWhitespaceASCIIFirst == character.isWhitespace)
        }
    }

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
                for replacement in ["../é/", "", "https://example.org/a/much/longer/root/"] {
                    #expect(
                        text.replacing(every: separator, with: replacement)
                            == text.components(separatedBy: separator).joined(separator: replacement), "\(text)")
                }
            }
        }
    }
}
