import Foundation

/// Reads a thread file: YAML front matter between `---` lines, then tweets separated by lines of `---` alone.
///
/// A `---` line inside a fenced code block belongs to the code. A tweet may start with an attribute line such as
/// `{id=1765432109876543210 time=2024-03-01T10:31:00Z url=https://x.com/ada/status/1765432109876543210}`.
public enum ThreadFileParser {
    /// The most tweets a thread may have; real threads stay far below it.
    static let maximumTweets = 1_000
    /// The longest tweet, in characters: X's limit for long posts.
    static let maximumTweetLength = 25_000

    /// The front matter keys a thread file may use.
    static let knownKeys = ["author", "date", "title", "topics", "source", "slug", "summary", "draft", "lang"]

    /// Parses the file at `path`, appending every problem to `diagnostics`.
    public static func parse(file path: String, diagnostics: inout [Diagnostic]) -> ThreadSource? {
        guard let source = SourceText.read(path, diagnostics: &diagnostics) else { return nil }
        return parse(source, diagnostics: &diagnostics)
    }

    /// Parses already-read text; `file` names it in diagnostics and gives the default slug.
    public static func parse(text: String, file: String, diagnostics: inout [Diagnostic]) -> ThreadSource? {
        guard let source = SourceText.decode(Data(text.utf8), file: file, diagnostics: &diagnostics) else { return nil }
        return parse(source, diagnostics: &diagnostics)
    }

    static func parse(_ source: SourceText, diagnostics: inout [Diagnostic]) -> ThreadSource? {
        let file = source.file
        let lines = source.lines
        let errorCountBefore = diagnostics.count
        guard let first = lines.first, isSeparator(first) else {
            let message =
                source.text.isEmpty
                ? "the thread file is empty; it needs front matter between `---` lines and at least one tweet"
                : "a thread file must start with a line `---` that opens its front matter"
            diagnostics.append(.error(message, at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        guard let closing = lines.indices.dropFirst().first(where: { isSeparator(lines[$0]) }) else {
            diagnostics.append(
                .error(
                    "the front matter opened here is never closed: add a line `---` after it",
                    at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let frontMatter = YAMLMapping(
            yaml: yaml, file: file, lineOffset: 1, what: "front matter", diagnostics: &diagnostics)
        let tweets = parseTweets(lines: lines, after: closing, file: file, diagnostics: &diagnostics)
        guard var frontMatter else { return nil }

        let fileStart = SourceLocation(file: file, line: 1, column: 1)
        let author = frontMatter.string("author", diagnostics: &diagnostics)
        let date = frontMatter.date("date", diagnostics: &diagnostics)
        if author == nil && frontMatter.location(ofKey: "author") == nil {
            diagnostics.append(.error("front matter needs `author:`, the author's handle without @", at: fileStart))
        }
        if date == nil && frontMatter.location(ofKey: "date") == nil {
            diagnostics.append(.error("front matter needs `date:`, such as 2024-03-01", at: fileStart))
        }
        let title = frontMatter.string("title", diagnostics: &diagnostics)?.value
        let topics = frontMatter.strings("topics", diagnostics: &diagnostics) ?? []
        let sourceURL = frontMatter.string("source", diagnostics: &diagnostics)
        let slug = frontMatter.string("slug", diagnostics: &diagnostics)
        let summary = frontMatter.string("summary", diagnostics: &diagnostics)?.value
        let isDraft = frontMatter.bool("draft", diagnostics: &diagnostics) ?? false
        let language = frontMatter.string("lang", diagnostics: &diagnostics)
        if let language, !SiteConfigurationParser.isLanguageTag(language.value) {
            diagnostics.append(.error("`lang` must be a language tag such as en or pt-BR", at: language.location))
        }
        frontMatter.reportUnknownKeys(known: knownKeys, what: "front matter", diagnostics: &diagnostics)

        if let sourceURL, !isWebURL(sourceURL.value) {
            diagnostics.append(.error("`source` must be an http or https URL", at: sourceURL.location))
        }
        for topic in topics where Slug.make(from: topic.value).isEmpty {
            diagnostics.append(
                .error("the topic '\(topic.value)' has no letter or digit to name its page", at: topic.location))
        }
        if tweets.count > maximumTweets {
            diagnostics.append(
                .error(
                    "the thread has \(tweets.count) tweets; a thread may have at most \(maximumTweets): split it in two",
                    at: tweets[maximumTweets].location))
        }
        if let long = tweets.first(where: {
            $0.markdown.utf8.count > maximumTweetLength && $0.markdown.unicodeScalars.count > maximumTweetLength
        }) {
            diagnostics.append(
                .error(
                    "this tweet is \(long.markdown.unicodeScalars.count) characters long; a tweet may have at most \(maximumTweetLength)",
                    at: long.location))
        }
        if tweets.isEmpty && diagnostics.count == errorCountBefore {
            diagnostics.append(
                .error(
                    "the thread has no tweets: write them after the front matter, separated by lines `---`",
                    at: SourceLocation(file: file, line: closing + 1, column: 1)))
        }
        let fileSlug = Slug.make(from: ((file as NSString).lastPathComponent as NSString).deletingPathExtension)
        var threadSlug = fileSlug
        var slugLocation = SourceLocation(file: file)
        if let slug {
            threadSlug = slug.value
            slugLocation = slug.location
            if !Slug.isValid(slug.value) {
                diagnostics.append(
                    .error(
                        "the slug '\(slug.value)' cannot be a URL: use lower-case letters, digits and hyphens",
                        at: slug.location))
            }
        } else if fileSlug.isEmpty {
            diagnostics.append(
                .error(
                    "the file name has no letter or digit to make a slug; add `slug:` to the front matter",
                    at: fileStart))
        }
        guard diagnostics[errorCountBefore...].containsErrors == false, let author, let date else { return nil }
        if !Handle.isValid(author.value) {
            diagnostics.append(
                .error(
                    "'\(author.value)' is not a handle: use letters, digits, `_`, `.` and `-`, without @",
                    at: author.location))
            return nil
        }
        return ThreadSource(
            author: author.value, authorLocation: author.location, date: date.date, isDateOnly: date.isDateOnly,
            title: title,
            topics: topics.map(\.value), source: sourceURL?.value,
            slug: threadSlug, summary: summary, isDraft: isDraft, language: language?.value, tweets: tweets,
            location: SourceLocation(file: file, line: 2, column: 1), slugLocation: slugLocation)
    }

    /// Splits the body into tweets, skipping separators inside fenced code.
    private static func parseTweets(
        lines: [Substring], after closing: Int, file: String, diagnostics: inout [Diagnostic]
    ) -> [TweetSource] {
        var tweets: [TweetSource] = []
        var block: [Substring] = []
        var blockStart = closing + 1
        var fence: Substring?

        /// `closedBySeparator` is false for the last block, whose trailing blank space is no mistake.
        func finishBlock(closedBySeparator: Bool) {
            defer { block = [] }
            let firstContent = block.firstIndex { !isBlank($0) }
            guard let firstContent else {
                // `blockStart` is the index of the line after the separator, which is that separator's line number.
                if closedBySeparator, blockStart > closing + 1 {
                    diagnostics.append(
                        .error(
                            "this tweet is empty: remove the extra `---` line",
                            at: SourceLocation(file: file, line: blockStart, column: 1)))
                }
                return
            }
            var lineNumber = blockStart + firstContent + 1
            var body = Array(block[firstContent...])
            var attributes = TweetAttributes()
            if let header = body.first, TweetAttributes.looksLikeAttributes(header) {
                attributes = TweetAttributes.parse(
                    header, location: SourceLocation(file: file, line: lineNumber, column: 1), diagnostics: &diagnostics
                )
                body.removeFirst()
                lineNumber += 1
                while let line = body.first, isBlank(line) {
                    body.removeFirst()
                    lineNumber += 1
                }
            }
            while let last = body.last, isBlank(last) { body.removeLast() }
            if body.isEmpty {
                diagnostics.append(
                    .error(
                        "this tweet has attributes but no text",
                        at: SourceLocation(file: file, line: lineNumber - 1, column: 1)))
                return
            }
            tweets.append(
                TweetSource(
                    markdown: body.joined(separator: "\n"), id: attributes.id, time: attributes.time,
                    url: attributes.url,
                    location: SourceLocation(file: file, line: lineNumber, column: 1)))
        }

        for index in (closing + 1)..<lines.count {
            let line = lines[index]
            if let open = fence {
                if isFenceClose(line, opening: open) { fence = nil }
            } else if let marker = fenceOpening(line) {
                fence = marker
            } else if isSeparator(line) {
                finishBlock(closedBySeparator: true)
                blockStart = index + 1
                continue
            }
            block.append(line)
        }
        finishBlock(closedBySeparator: false)
        return tweets
    }

    /// Whether `line` is empty or white space only; ASCII lines are told from their bytes.
    private static func isBlank(_ line: Substring) -> Bool {
        var isASCII = true
        for byte in line.utf8 {
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { return false }
        }
        return isASCII || line.allSatisfy(\.isWhitespace)
    }

    static func isSeparator(_ line: Substring) -> Bool {
        // Most lines are told by their first byte: a first character "-" starts with that byte.
        guard line.utf8.first == UInt8(ascii: "-") else { return false }
        return line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The fence marker (```` ``` ```` or `~~~`, with its length) when `line` opens a fenced code block.
    private static func fenceOpening(_ line: Substring) -> Substring? {
        // Most lines are told by their first bytes: the first of the first four that is not a space starts a
        // character, and when it is ASCII but not "`" or "~", that character cannot open a fence.
        if let first = line.utf8.prefix(4).first(where: { $0 != UInt8(ascii: " ") }), first < 0x80,
            first != UInt8(ascii: "`"), first != UInt8(ascii: "~")
        {
            return nil
        }
        // Up to three spaces before it, counted without counting the whole line, which every line would pay.
        let indentation = line.prefix(4).prefix { $0 == " " }.count
        let trimmed = line.dropFirst(indentation)
        guard indentation <= 3, let first = trimmed.first, first == "`" || first == "~" else { return nil }
        let marker = trimmed.prefix { $0 == first }
        guard marker.count >= 3 else { return nil }
        if first == "`" && trimmed.dropFirst(marker.count).contains("`") { return nil }
        return marker
    }

    private static func isFenceClose(_ line: Substring, opening: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " }
        guard let first = opening.first else { return false }
        let marker = trimmed.prefix { $0 == first }
        return marker.count >= opening.count && trimmed.dropFirst(marker.count).allSatisfy { $0 == " " || $0 == "\t" }
    }

    static func isWebURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host?.isEmpty == false else {
            return false
        }
        return scheme == "http" || scheme == "https"
    }
}
