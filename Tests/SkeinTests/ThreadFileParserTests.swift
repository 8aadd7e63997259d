import Foundation
import Skein
import Testing

@Suite struct ThreadFileParserTests {
    func parse(_ text: String, file: String = "Content/threads/sample.md") -> (ThreadSource?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let thread = ThreadFileParser.parse(text: text, file: file, diagnostics: &diagnostics)
        return (thread, diagnostics)
    }

    @Test func readsFrontMatterAndTweetsWithTheirLines() throws {
        let text = """
            ---
            author: ada
            date: 2024-03-01T10:30:00+01:00
            title: A title
            topics: [Swift, testing]
            summary: Short.
            ---
            First tweet.
            ---
            Second tweet,
            on two lines.
            """
        let (thread, diagnostics) = parse(text)
        let parsed = try #require(thread)
        #expect(diagnostics.isEmpty)
        #expect(parsed.author == "ada")
        #expect(parsed.title == "A title")
        #expect(parsed.topics == ["Swift", "testing"])
        #expect(parsed.slug == "sample")
        #expect(parsed.date == ISO8601DateFormatter().date(from: "2024-03-01T09:30:00Z"))
        #expect(parsed.tweets.map(\.markdown) == ["First tweet.", "Second tweet,\non two lines."])
        #expect(parsed.tweets.map(\.location.line) == [8, 10])
    }

    @Test(arguments: [
        ("CRLF", "---\r\nauthor: ada\r\ndate: 2024-03-01\r\n---\r\nOne.\r\n---\r\nTwo.\r\n"),
        ("lone CR", "---\rauthor: ada\rdate: 2024-03-01\r---\rOne.\r---\rTwo.\r"),
        ("BOM", "\u{FEFF}---\nauthor: ada\ndate: 2024-03-01\n---\nOne.\n---\nTwo.\n"),
    ])
    func acceptsOtherLineEndsAndAByteOrderMark(name: String, text: String) throws {
        let (thread, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty, "\(name): \(diagnostics)")
        let parsed = try #require(thread)
        #expect(parsed.tweets.map(\.markdown) == ["One.", "Two."])
        #expect(parsed.tweets.map(\.location.line) == [5, 7])
    }

    @Test func aSeparatorInsideFencedCodeBelongsToTheCode() throws {
        let text = "---\nauthor: ada\ndate: 2024-03-01\n---\nCode:\n```yaml\n---\nkey: value\n```\n---\nNext."
        let parsed = try #require(parse(text).0)
        #expect(parsed.tweets.count == 2)
        #expect(parsed.tweets[0].markdown.contains("key: value"))
        // A fence indented by three spaces still opens a block; by four, it is indented code, and does not.
        let three = "---\nauthor: ada\ndate: 2024-03-01\n---\nCode:\n   ~~~\n---\n~~~\n---\nNext."
        #expect(try #require(parse(three).0).tweets.count == 2)
        let four = "---\nauthor: ada\ndate: 2024-03-01\n---\nCode:\n\n    ~~~\n---\nMore\n---\nNext."
        #expect(try #require(parse(four).0).tweets.count == 3)
    }

    @Test func readsTweetAttributes() throws {
        let text = """
            ---
            author: ada
            date: 2024-03-01
            ---
            {id=123456 time=2024-03-01T10:31:00Z}
            With attributes.
            ---
            {url=https://social.example/@ada/99}
            With a URL.
            """
        let parsed = try #require(parse(text).0)
        #expect(parsed.tweets[0].id == "123456")
        #expect(parsed.tweets[0].time == ISO8601DateFormatter().date(from: "2024-03-01T10:31:00Z"))
        #expect(parsed.tweets[0].markdown == "With attributes.")
        #expect(parsed.tweets[0].location.line == 6)
        #expect(parsed.tweets[1].url == "https://social.example/@ada/99")
    }

    /// Each mistake has its own message, at the line (and column) where it is.
    @Test(arguments: [
        ("", 1, 1, "the thread file is empty"),
        ("author: ada\n", 1, 1, "must start with a line `---`"),
        ("---\nauthor: ada\ndate: 2024-03-01\nOne tweet.\n", 1, 1, "never closed"),
        ("---\nauthor: [ada\ndate: 2024-03-01\n---\nOne.\n", 3, 5, "invalid YAML"),
        ("---\nauthor: ada\nauthor: bob\ndate: 2024-03-01\n---\nOne.\n", 3, 1, "duplicate key `author`"),
        ("---\n- a\n- b\n---\nOne.\n", 2, 1, "front matter must be a mapping"),
        ("---\ndate: 2024-03-01\n---\nOne.\n", 1, 1, "needs `author:`"),
        ("---\nauthor: ada\n---\nOne.\n", 1, 1, "needs `date:`"),
        ("---\nauthor: ada\ndate: 2024-02-30\n---\nOne.\n", 3, 7, "not a day of the calendar"),
        ("---\nauthor: ada\ndate: yesterday\n---\nOne.\n", 3, 7, "is not a date"),
        ("---\nauthor: ada\ndate: 2024-03-01T10:00:00\n---\nOne.\n", 3, 7, "no time zone"),
        ("---\nauthor: ada\ndate: 1969-12-31\n---\nOne.\n", 3, 7, "outside the years 1970 to 9999"),
        ("---\nauthor: ada\ndate: 12024-03-01\n---\nOne.\n", 3, 7, "outside the years 1970 to 9999"),
        ("---\nauthor: ada\ndate: 2024-03-01T24:10:00+01:00\n---\nOne.\n", 3, 7, "not a time of the day"),
        ("---\nauthor: ada\ndate: 2024-03-01\n---\n\n", 4, 1, "the thread has no tweets"),
        ("---\nauthor: ada\ndate: 2024-03-01\n---\nOne.\n---\n\n---\nTwo.\n", 6, 1, "this tweet is empty"),
        ("---\nauthor: ../evil\ndate: 2024-03-01\n---\nOne.\n", 2, 9, "is not a handle"),
        ("---\nauthor: ada\ndate: 2024-03-01\nslug: ../up\n---\nOne.\n", 4, 7, "cannot be a URL"),
        ("---\nauthor: ada\ndate: 2024-03-01\ntopics: {a: b}\n---\nOne.\n", 4, 9, "must be a list of texts"),
        ("---\nauthor: ada\ndate: 2024-03-01\ndraft: maybe\n---\nOne.\n", 4, 8, "must be true or false"),
        ("---\nauthor: ada\ndate: 2024-03-01\n---\n{id=1 when=now}\nOne.\n", 5, 7, "unknown tweet attribute `when`"),
        (
            "---\nauthor: ada\ndate: 2024-03-01\nsource: javascript:alert(1)\n---\nOne.\n", 4, 9,
            "must be an http or https URL"
        ),
    ])
    func reportsMistakesWithTheirLines(text: String, line: Int, column: Int, message: String) throws {
        let (thread, diagnostics) = parse(text)
        #expect(thread == nil)
        let error = try #require(diagnostics.first { $0.severity == .error }, "no error for: \(message)")
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location.line == line, "\(error)")
        #expect(error.location.column == column, "\(error)")
        #expect(error.location.file == "Content/threads/sample.md")
    }

    @Test func invalidUTF8IsReportedAtItsLine() throws {
        var diagnostics: [Diagnostic] = []
        let archive = try TemporaryArchive()
        var bytes = Array("---\nauthor: ada\ndate: 2024-03-01\n---\nFine\nbad ".utf8)
        bytes += [0xFF, 0xFE]
        try archive.write("Content/threads/bad.md", Data(bytes))
        #expect(ThreadFileParser.parse(file: archive.content + "/threads/bad.md", diagnostics: &diagnostics) == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("not valid UTF-8") == true)
        #expect(diagnostics.first?.location.line == 6)
        #expect(diagnostics.first?.location.column == 5)
    }

    @Test func unknownKeysAreWarningsNotErrors() throws {
        let (thread, diagnostics) = parse("---\nauthor: ada\ndate: 2024-03-01\ncolour: blue\n---\nOne.\n")
        #expect(thread != nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.location.line == 4)
    }

    @Test func diagnosticsPrintLikeACompiler() {
        let diagnostic = Diagnostic(
            .error, at: SourceLocation(file: "Content/threads/a.md", line: 3, column: 7), "bad date")
        #expect(diagnostic.description == "Content/threads/a.md:3:7: error: bad date")
    }
}
