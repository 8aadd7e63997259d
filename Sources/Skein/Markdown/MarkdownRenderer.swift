import CCmark
import Foundation

/// A tweet's or bio's Markdown turned into HTML by libcmark, with what the page and the indexes need from it.
///
/// The HTML of every tweet stays in memory for the whole build, so it is kept as one string, and a tweet keeps its
/// plain text only while it is the first of its thread (``kept(withPlainText:)``).
public struct RenderedMarkdown: Sendable, Equatable {
    /// Safe HTML. Links to pages of the site use the `skein:` scheme until a page gives them a root
    /// (``html(withRoot:)``).
    public let html: String
    /// Whether ``html`` holds a link to a page of the site: most tweets have none, and are shown as they are.
    private let hasInternalLinks: Bool
    /// The text without markup, for titles, excerpts and reading time. Empty once dropped (``kept(withPlainText:)``).
    public private(set) var plainText: String
    /// Words in the plain text, counted once.
    private(set) var wordCount: Int
    /// Characters in the plain text, for `skein check`'s tweet length.
    private(set) var characterCount: Int
    /// Hashtags as written, without `#`, in order.
    public var hashtags: [String]
    /// Images, with their targets as written.
    public var images: [Image]
    /// Targets of links written in the Markdown, bare URLs included (not hashtags and mentions), internal ones as
    /// `skein:` URLs.
    public var links: [String]

    /// An image of the Markdown.
    public struct Image: Sendable, Equatable {
        /// The target as written.
        public var url: String
        /// The alternative text, empty when there is none.
        public var alt: String
    }

    init(html: String, plainText: String, hashtags: [String], images: [Image], links: [String]) {
        self.init(
            html: html, plainText: plainText, wordCount: Self.words(in: plainText), characterCount: plainText.count,
            hashtags: hashtags, images: images, links: links)
    }

    /// A rendering read back from ``BuildCache``'s file, with what was derived from it then.
    init(
        html: String, plainText: String, wordCount: Int, characterCount: Int, hashtags: [String], images: [Image],
        links: [String]
    ) {
        self.html = html
        self.hasInternalLinks = html.containsBytes(of: InternalLink.marker)
        self.plainText = plainText
        self.wordCount = wordCount
        self.characterCount = characterCount
        self.hashtags = hashtags
        self.images = images
        self.links = links
    }

    /// The rendering as a thread keeps it (``RenderedTweets``): without its hashtags, which the thread keeps once,
    /// in order, and, unless `withPlainText`, without its plain text, whose counts stay. A thread's tweets after the
    /// first are shown only as HTML, and the search index has what it needs of their text in ``SearchText``: their
    /// plain text was a third of the memory of a large archive's tweets.
    func kept(withPlainText: Bool) -> RenderedMarkdown {
        var kept = self
        kept.hashtags = []
        if !withPlainText { kept.plainText = "" }
        return kept
    }

    /// Runs of characters that are not white space; an ASCII text is counted on its bytes, which gives the same, in
    /// the one pass that finds it is ASCII.
    static func words(in text: String) -> Int {
        var text = text
        let asciiCount = text.withUTF8 { bytes -> Int? in
            var count = 0
            var inWord = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let isSpace = byte.isASCIIWhitespace
                if !isSpace && !inWord { count += 1 }
                inWord = !isSpace
            }
            return count
        }
        if let asciiCount { return asciiCount }
        var count = 0
        var inWord = false
        text.forEachCharacter { _, isSpace in
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
            return true
        }
        return count
    }

    /// The HTML with its internal links leading through `prefix` to the site's root.
    func html(withRoot prefix: String) -> String {
        hasInternalLinks ? html.replacing(every: InternalLink.marker, with: InternalLink.attributeStart + prefix) : html
    }

    /// Appends the bytes of ``html(withRoot:)`` to `bytes`, where `attribute` is the UTF-8 of
    /// `InternalLink.attributeStart + prefix`, without making that text first.
    func appendHTML(withRoot attribute: [UInt8], to bytes: inout [UInt8]) {
        guard hasInternalLinks else { return bytes.append(contentsOf: html.utf8) }
        html.forEachPiece(separatedBy: InternalLink.marker) { piece, offset in
            if offset > 0 { bytes += attribute }
            bytes.append(contentsOf: piece)
        }
    }
}

/// Renders Markdown with libcmark (smart punctuation, safe mode, UTF-8 validation, line breaks kept as in a tweet)
/// and links hashtags, mentions and bare URLs by editing cmark's tree, never the HTML.
///
/// This is the only file that sees a cmark pointer: each document is parsed, edited, rendered and freed inside one call.
public struct MarkdownRenderer: Sendable {
    /// Where @mentions point.
    public struct Mentions: Sendable {
        /// Lower-cased handles of the archive's authors; their mentions link to their author pages.
        public var knownHandles: Set<String>
        /// Where mentions of everyone else link, ending in `/`.
        public var baseURL: URL

        /// Creates the rule.
        public init(knownHandles: Set<String>, baseURL: URL) {
            self.knownHandles = knownHandles
            self.baseURL = baseURL
        }
    }

    /// Where @mentions point.
    public var mentions: Mentions

    /// Slugs of the archive's topics, when only hashtags with a topic page should be linked (in bios, which add no
    /// topics of their own); nil links every hashtag (in tweets, whose hashtags are topics).
    public var knownTopics: Set<String>?
    /// Pixel sizes of the images in `Content/media/`, by path below it, written on their `<img>` elements.
    public var imageSizes: [String: ImageSize] = [:]

    /// Creates a renderer.
    public init(mentions: Mentions) {
        self.mentions = mentions
    }

    static let options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_HARDBREAKS

    /// Renders `markdown`.
    public func render(_ markdown: String) -> RenderedMarkdown {
        guard let document = cmark_parse_document(markdown, markdown.utf8.count, Self.options) else {
            return RenderedMarkdown(html: "", plainText: "", hashtags: [], images: [], links: [])
        }
        defer { cmark_node_free(document) }

        var images: [RenderedMarkdown.Image] = []
        var links: [String] = []
        var texts: [OpaquePointer] = []
        var linkDepth = 0
        var altText: String?
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    if event == CMARK_EVENT_ENTER {
                        linkDepth += 1
                        let url = String(cString: cmark_node_get_url(node))
                        let siteLink = InternalLink.fromSitePath(url)
                        if let siteLink { cmark_node_set_url(node, siteLink) }
                        if type == CMARK_NODE_IMAGE {
                            images.append(.init(url: url, alt: ""))
                            altText = ""
                        } else {
                            links.append(siteLink ?? url)
                        }
                    } else {
                        linkDepth -= 1
                        if type == CMARK_NODE_IMAGE, let alt = altText {
                            images[images.count - 1].alt = alt.trimmingCharacters(in: .whitespaces)
                            altText = nil
                        }
                    }
                } else if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                    if linkDepth == 0 && type == CMARK_NODE_TEXT { texts.append(node) }
                    if altText != nil { altText! += String(cString: cmark_node_get_literal(node)) }
                }
            }
        }
        var hashtags: [String] = []
        for node in texts {
            let found = link(textNode: node)
            hashtags += found.hashtags
            links += found.urls
        }
        let plainText = Self.plainText(of: document)
        guard let html = cmark_render_html(document, Self.options) else {
            return RenderedMarkdown(html: "", plainText: plainText, hashtags: hashtags, images: images, links: links)
        }
        defer { free(html) }
        var rendered = String(cString: html)
        if !images.isEmpty { rendered = MediaEmbed.finish(rendered, sizes: imageSizes) }
        return RenderedMarkdown(html: rendered, plainText: plainText, hashtags: hashtags, images: images, links: links)
    }

    /// Replaces a text node by text and link nodes for the entities in it; returns the hashtags and URL targets.
    private func link(textNode node: OpaquePointer) -> (hashtags: [String], urls: [String]) {
        let text = String(cString: cmark_node_get_literal(node))
        let entities = EntityExtractor.entities(in: text)
        guard !entities.isEmpty else { return ([], []) }
        var hashtags: [String] = []
        var urls: [String] = []
        var position = text.startIndex
        func insert(_ newNode: OpaquePointer) { cmark_node_insert_before(node, newNode) }
        func textNode(_ literal: Substring) -> OpaquePointer? {
            guard !literal.isEmpty, let created = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
            cmark_node_set_literal(created, String(literal))
            return created
        }
        for entity in entities {
            if entity.kind == .hashtag, let knownTopics, !knownTopics.contains(Slug.make(from: entity.value)) {
                continue
            }
            if let before = textNode(text[position..<entity.range.lowerBound]) { insert(before) }
            let (url, label) = target(of: entity, in: text)
            if let link = cmark_node_new(CMARK_NODE_LINK), let labelNode = textNode(Substring(label)) {
                cmark_node_set_url(link, url)
                cmark_node_append_child(link, labelNode)
                insert(link)
            }
            if entity.kind == .hashtag { hashtags.append(entity.value) }
            if entity.kind == .url { urls.append(url) }
            position = entity.range.upperBound
        }
        if let after = textNode(text[position...]) { insert(after) }
        cmark_node_unlink(node)
        cmark_node_free(node)
        return (hashtags, urls)
    }

    private func target(of entity: Entity, in text: String) -> (url: String, label: String) {
        let written = String(text[entity.range])
        switch entity.kind {
        case .hashtag:
            return (InternalLink.url(for: Route.topic(Slug.make(from: entity.value))), written)
        case .mention:
            let key = Handle.key(entity.value)
            if mentions.knownHandles.contains(key) {
                return (InternalLink.url(for: Route.author(key)), written)
            }
            return (mentions.baseURL.absoluteString + entity.value, written)
        case .url:
            let hasScheme =
                entity.value.lowercased().hasPrefix("http://") || entity.value.lowercased().hasPrefix("https://")
            return (hasScheme ? entity.value : "https://" + entity.value, Self.shortened(entity.value))
        }
    }

    /// A URL as people read it: no scheme, no `www.`, a long path cut with "…".
    static func shortened(_ url: String) -> String {
        var display = Substring(url)
        for prefix in ["https://", "http://"] where display.lowercased().hasPrefix(prefix) {
            display = display.dropFirst(prefix.count)
        }
        if display.lowercased().hasPrefix("www.") { display = display.dropFirst(4) }
        if display.hasSuffix("/") && display.filter({ $0 == "/" }).count == 1 { display = display.dropLast() }
        let limit = 32
        return display.count > limit ? String(display.prefix(limit - 1)) + "…" : String(display)
    }

    /// The document's text without markup: blocks on their own lines, line breaks kept.
    private static func plainText(of document: OpaquePointer) -> String {
        // Gathered as bytes (cmark's literals are checked UTF-8), made a String once.
        var bytes: [UInt8] = []
        func append(_ literal: UnsafePointer<CChar>?) {
            guard let literal else { return }
            bytes.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
        }
        guard let iterator = cmark_iter_new(document) else { return "" }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                append(cmark_node_get_literal(node))
            case CMARK_NODE_CODE_BLOCK:
                append(cmark_node_get_literal(node))
                bytes.append(UInt8(ascii: "\n"))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                bytes.append(UInt8(ascii: "\n"))
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM:
                if event == CMARK_EVENT_EXIT { bytes.append(UInt8(ascii: "\n")) }
            default:
                break
            }
        }
        return trimmed(String(decoding: bytes, as: UTF8.self))
    }

    /// `text` without white space and line ends at either end (what `trimmingCharacters(in:)` gives, looking at the
    /// ends only).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let spaces = CharacterSet.whitespacesAndNewlines
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end && spaces.contains(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start && spaces.contains(scalars[scalars.index(before: end)]) { scalars.formIndex(before: &end) }
        return start == scalars.startIndex && end == scalars.endIndex ? text : String(scalars[start..<end])
    }
}
