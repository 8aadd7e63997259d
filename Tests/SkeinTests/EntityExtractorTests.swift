import Foundation
import Testing
import Yams

@testable import Skein

/// The extractor runs twitter-text's patterns only on the pieces of a text between white space that could hold an
/// entity. That must find exactly what the patterns find on the whole text.
@Suite struct EntityExtractorTests {
    static func described(_ entities: [Entity], in text: String) -> [String] {
        entities.map { entity in
            let start = text.utf8.distance(from: text.startIndex, to: entity.range.lowerBound)
            return "\(entity.kind) \(entity.value) at \(start)+\(text[entity.range].utf8.count)"
        }
    }

    static func expectSameAsWholeText(_ text: String) {
        #expect(
            described(EntityExtractor.entities(in: text), in: text)
                == described(EntityExtractor.wholeTextEntities(in: text), in: text), "\(text.debugDescription)")
    }

    @Test func randomTextsGiveWhatTheWholeTextGives() {
        var random = IncrementalBuildTests.SeededGenerator(state: 7)
        let pieces = [
            "#tag", "＃タグ", "#1", "#a#b", "x#y", "&#39", "#tag://", "@ada", "＠ada", "@ada/list", "@ada@b", "RT@ada",
            "RT:@bob", "a@b.com", "example.com", "https://example.com/a?b=c&d=e", "http://t.co/abcdef",
            "www.example.org.",
            "(example.com)", "-example.com", "docs.rs/x", "例え.jp", "münchen.de/pfad", "xn--bcher-kva.example",
            "a.b", "1.5", "e.g.", "…", "🦀", "👩‍💻", "\u{FE0F}#tag", "café", "foo_bar", ".com", "example.com/path_(x)",
            "mailto:a@example.com", "https://", "example.co.uk/", "#", "@", ".",
        ]
        // Not "\r\n": on the whole text, a URL after it is lost (its preceding character is half of one Character,
        // which `Range(_:in:)` cannot give); `aURLAfterCRLFIsFound` checks the pieces find it.
        let separators = [" ", "\n", "\t", "\r", "", ", ", "\u{A0}", "\u{3000}", ". ", "/", "(", ")", "\u{2028}"]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 1...8, using: &random)).map { _ in
                pieces.randomElement(using: &random)! + separators.randomElement(using: &random)!
            }.joined()
            Self.expectSameAsWholeText(text)
        }
    }

    /// The top-level domains are one alternation grouped by first character, for speed. It must match what the plain
    /// list `(?:w1|w2|…)` matches, the same alternative first, on each domain, its prefixes, its upper case and its
    /// continuations.
    @Test func groupedTopLevelDomainsMatchWhatTheirListMatches() throws {
        for words in [TopLevelDomains.generic, TopLevelDomains.country] {
            let tail = "(?=[^a-z0-9@+-]|$)"
            let grouped = try NSRegularExpression(
                pattern: "^" + EntityExtractor.alternation(words) + tail, options: [.caseInsensitive])
            let listed = try NSRegularExpression(
                pattern: "^(?:" + words.joined(separator: "|") + ")" + tail, options: [.caseInsensitive])
            var inputs: [String] = []
            for word in words {
                inputs += [
                    word, word.uppercased(), String(word.dropLast()), word + "x", word + "/", word + "-", word + "é",
                ]
            }
            for input in inputs {
                let range = NSRange(input.startIndex..., in: input)
                #expect(
                    grouped.firstMatch(in: input, range: range)?.range
                        == listed.firstMatch(in: input, range: range)?.range,
                    "\(input)")
            }
        }
    }

    @Test func aURLAfterCRLFIsFound() {
        #expect(EntityExtractor.entities(in: "see\r\nexample.com #tag").map(\.value) == ["example.com", "tag"])
    }

    @Test(
        .enabled(
            if: EntityConformanceTests.suiteIsPresent,
            "../shared/conformance/twitter-text/extract.yml is not on this machine"))
    func conformanceTextsGiveWhatTheWholeTextGives() throws {
        for section in [
            "mentions", "mentions_with_indices", "mentions_or_lists_with_indices", "replies", "urls",
            "urls_with_indices", "urls_with_directional_markers", "tco_urls_with_params", "hashtags",
            "hashtags_from_astral", "hashtags_with_indices", "cashtags",
        ] {
            for item in try EntityConformanceTests.cases(section) {
                Self.expectSameAsWholeText(item.text)
            }
        }
    }
}
