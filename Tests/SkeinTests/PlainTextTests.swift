import Foundation
import Testing

@testable import Skein

/// The word count (reading time) and the trimmed plain text take shortcuts on bytes; they must give what the
/// character-by-character definitions give.
@Suite struct PlainTextTests {
    static let pieces = [
        "word", "Café", "x", "🦀", "👩‍💻", "東京", "e\u{301}", "\u{301}", "don't", "3.14", "#tag", "—", "\u{A0}", "\u{3000}",
        "\u{2028}", "\u{85}", "\u{FEFF}", "\u{600}", "a\u{200D}", "🇫🇷", "\u{1100}\u{1161}",
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

    /// The walk that words and clipping take: ASCII bytes one by one, the rest by the grapheme rules.
    @Test func charactersAreWalkedAsIteratingThemGivesThem() {
        for text in Self.randomTexts(seed: 7) + Self.randomTexts(seed: 8).map { $0.filter(\.isASCII) } {
            var walked: [String] = []
            var whiteSpace: [Bool] = []
            text.forEachCharacter { bytes, isWhitespace in
                walked.append(String(decoding: bytes, as: UTF8.self))
                whiteSpace.append(isWhitespace)
                return true
            }
            #expect(walked == text.map(String.init), "\(text.debugDescription)")
            #expect(whiteSpace == text.map(\.isWhitespace), "\(text.debugDescription)")
        }
    }

    /// Thread files are cut into lines on bytes, and separators told by their first byte.
    @Test func linesAndSeparatorsAreWhatCharactersGive() {
        let texts =
            ["", "\n", "\n\n", "---", "--- \n---\t", "-\u{301}--", "---\u{301}", "- item\n--", "a\nb\n"]
            + Self.randomTexts(seed: 9).map { $0.replacingOccurrences(of: "\r", with: "") }
        for text in texts {
            let lines = SourceText(text: text, file: "t.md").lines
            let expected: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines == expected, "\(text.debugDescription)")
            let rows: [Substring] = lines.flatMap { [$0, Substring("---" + $0), Substring("--" + $0)] }
            for row in rows {
                let rest = row.dropFirst(3)
                let separator = row.hasPrefix("---") && rest.allSatisfy { $0 == " " || $0 == "\t" }
                #expect(ThreadFileParser.isSeparator(row) == separator, "\(row.debugDescription)")
            }
        }
    }

    /// Slugs of ASCII texts are made on bytes; they must be what the character rules make.
    @Test func asciiSlugsAreWhatTheCharacterRulesMake() {
        var random = IncrementalBuildTests.SeededGenerator(state: 12)
        let ascii = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) } + ["\r\n"]
        for _ in 0..<3_000 {
            let text = String(
                (0..<Int.random(in: 0...24, using: &random)).map { _ in ascii.randomElement(using: &random)! })
            #expect(Slug.make(from: text) == Slug.makeFromCharacters(text), "\(text.debugDescription)")
        }
        #expect(Slug.make(from: "Ça marche, Straße 2") == "ça-marche-straße-2")
    }

    @Test func wordsAreCountedAsRunsOfNonWhiteSpaceCharacters() {
        for text in Self.randomTexts(seed: 3) + Self.randomTexts(seed: 4).map { $0.filter(\.isASCII) } {
            #expect(
                RenderedMarkdown.words(in: text) == text.split(whereSeparator: \.isWhitespace).count,
                "\(text.debugDescription)")
        }
    }

    /// How a title was found before ASCII lines were read byte by byte: the whole first line as characters.
    static func characterTitle(from text: String) -> String {
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? ""
        var sentence = firstLine
        let characters = Array(firstLine)
        if let end = characters.indices.first(where: { index in
            ".!?…".contains(characters[index]) && (index + 1 == characters.count || characters[index + 1].isWhitespace)
        }) {
            sentence = String(characters[...end]).trimmingCharacters(in: .whitespaces)
            if sentence.hasSuffix(".") && !sentence.hasSuffix("..") { sentence.removeLast() }
        }
        let limit = 70
        guard sentence.count > limit else { return sentence.isEmpty ? "Untitled thread" : sentence }
        var shortened = ""
        for word in sentence.split(separator: " ") {
            if shortened.count + word.count + 1 > limit - 1 { break }
            shortened += (shortened.isEmpty ? "" : " ") + word
        }
        if shortened.isEmpty { shortened = String(sentence.prefix(limit - 1)) }
        return shortened.trimmingCharacters(in: .punctuationCharacters) + "…"
    }

    @Test func titlesAreTheFirstSentenceAsCharactersGiveIt() {
        var random = IncrementalBuildTests.SeededGenerator(state: 6)
        let words =
            Self.pieces + [
                "end.", "Why?", "Yes!", "so…", "e.g.", "...", "a.b", "x!y", "long" + String(repeating: "o", count: 70),
            ]
        for index in 0..<3_000 {
            var text = (0..<Int.random(in: 0...30, using: &random)).map { _ in
                words.randomElement(using: &random)! + Self.separators.randomElement(using: &random)!
            }.joined()
            if index % 2 == 0 { text = String(text.unicodeScalars.filter(\.isASCII)) }
            #expect(Archive.title(from: text) == Self.characterTitle(from: text), "\(text.debugDescription)")
        }
    }

    /// ASCII first lines take a path of their own, on bytes: long ones, short ones, punctuation at the ends.
    @Test func asciiTitlesAreTheFirstSentenceAsCharactersGiveIt() {
        var random = IncrementalBuildTests.SeededGenerator(state: 11)
        let words = [
            "word", "Longer", "end.", "Why?", "Yes!", "e.g.", "...", "a.b", "x!y", "(aside)", "$5", "<tag>", "~",
            "#tag",
            "@ada", "\"quoted\"", "'single'", "-", "--", "_x_", "ab" + String(repeating: "c", count: 75), "",
        ]
        let separators = [" ", "  ", "\t", "\n", "\n\n", ". ", "! ", "? ", ", ", "\u{0B}", "\u{0C}"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                words.randomElement(using: &random)! + separators.randomElement(using: &random)!
            }.joined()
            #expect(Archive.title(from: text) == Self.characterTitle(from: text), "\(text.debugDescription)")
        }
    }

    /// Descriptions and feed summaries: the text with single spaces, cut at a word's end before the limit.
    @Test func clippingGivesWhatSplittingTheWholeTextGives() {
        func clipped(_ text: String, to limit: Int) -> String {
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard flat.count > limit else { return flat }
            var result = ""
            for word in flat.split(separator: " ") {
                if result.count + word.count + 1 > limit - 1 { break }
                result += (result.isEmpty ? "" : " ") + word
            }
            return (result.isEmpty ? String(flat.prefix(limit - 1)) : result) + "…"
        }
        for text in Self.randomTexts(seed: 6) {
            for limit in [2, 5, 9, 16, 40] {
                #expect(PagePlanner.clipped(text, to: limit) == clipped(text, to: limit), "\(text.debugDescription)")
            }
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
