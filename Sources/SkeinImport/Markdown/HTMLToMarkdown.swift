import Foundation

/// Turns the HTML of a Mastodon post or bio into Markdown: paragraphs, line breaks, links, mentions, hashtags,
/// emphasis and code. The invisible parts of shortened links are left out and an ellipsis marks the cut, as
/// Mastodon shows them. Any other tag is dropped and its text kept; the text itself is escaped by ``MarkdownText``.
enum HTMLToMarkdown {
    static func convert(_ html: String) -> String {
        var text = MarkdownText()
        var link: OpenLink?
        var hiddenDepth = 0
        var pendingEllipsis = false
        var spanStack: [SpanKind] = []
        var paragraphs = 0

        func addText(_ string: String) {
            if hiddenDepth > 0 { return }
            if link != nil {
                link!.label += string
            } else {
                text.plain(string)
            }
        }

        for token in HTMLTokenizer.tokens(of: html) {
            switch token {
            case .text(let string):
                addText(string)
            case .open(let name, let attributes, _):
                switch name {
                case "p":
                    if paragraphs > 0 { text.markdown("\n\n") }
                    paragraphs += 1
                case "br":
                    if link != nil { link!.label += " " } else { text.markdown("\n") }
                case "a":
                    link = OpenLink(href: attributes["href"] ?? "", classes: classes(attributes), label: "")
                case "span":
                    let kind: SpanKind =
                        classes(attributes).contains("invisible")
                        ? .invisible : classes(attributes).contains("ellipsis") ? .ellipsis : .plain
                    spanStack.append(kind)
                    if kind == .invisible { hiddenDepth += 1 }
                case "strong", "b": if link == nil { text.markdown("**") }
                case "em", "i": if link == nil { text.markdown("*") }
                case "code": if link == nil { text.markdown("`") }
                case "li": text.markdown("\n- ")
                case "blockquote": text.markdown("\n\n> ")
                default: break
                }
            case .close(let name):
                switch name {
                case "a":
                    guard let open = link else { break }
                    link = nil
                    var label = open.label
                    if pendingEllipsis {
                        label += "…"
                        pendingEllipsis = false
                    }
                    emit(open, label: label, into: &text)
                case "span":
                    guard let kind = spanStack.popLast() else { break }
                    if kind == .invisible { hiddenDepth -= 1 }
                    if kind == .ellipsis { pendingEllipsis = true }
                case "strong", "b": if link == nil { text.markdown("**") }
                case "em", "i": if link == nil { text.markdown("*") }
                case "code": if link == nil { text.markdown("`") }
                case "ul", "ol", "blockquote": text.markdown("\n\n")
                default: break
                }
            }
        }
        if let open = link { emit(open, label: open.label, into: &text) }
        return text.finish()
    }

    private enum SpanKind { case plain, invisible, ellipsis }

    private struct OpenLink {
        var href: String
        var classes: Set<String>
        var label: String
    }

    private static func classes(_ attributes: [String: String]) -> Set<String> {
        Set((attributes["class"] ?? "").split(separator: " ").map(String.init))
    }

    /// A hashtag stays text, so that Skein links it to its topic page; a mention and any other link keep their
    /// target, shown with the text the post showed.
    private static func emit(_ link: OpenLink, label: String, into text: inout MarkdownText) {
        if link.classes.contains("hashtag") || (label.hasPrefix("#") && link.href.contains("/tags/")) {
            text.plain(label)
        } else if label.isEmpty {
            return
        } else {
            text.link(label, to: link.href)
        }
    }
}

/// Reads HTML into text and tags, decoding character references. Forgiving, as a browser is: a stray `<` is text.
enum HTMLTokenizer {
    enum Token: Equatable {
        case text(String)
        case open(String, [String: String], selfClosing: Bool)
        case close(String)
    }

    static func tokens(of html: String) -> [Token] {
        var tokens: [Token] = []
        var text = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let (token, end) = tag(in: html, at: index) {
                if !text.isEmpty { tokens.append(.text(decode(text))) }
                text = ""
                if let token { tokens.append(token) }
                index = end
            } else {
                text.append(character)
                index = html.index(after: index)
            }
        }
        if !text.isEmpty { tokens.append(.text(decode(text))) }
        return tokens
    }

    /// The tag starting at `start` (nil for a comment or doctype) and where it ends; nil when `<` starts no tag.
    private static func tag(in html: String, at start: String.Index) -> (Token?, String.Index)? {
        let rest = html[html.index(after: start)...]
        if rest.hasPrefix("!--") {
            guard let close = rest.range(of: "-->") else { return (nil, html.endIndex) }
            return (nil, close.upperBound)
        }
        guard let first = rest.first, first.isLetter || first == "/" || first == "!" else { return nil }
        var quote: Character?
        var end = rest.startIndex
        while end < rest.endIndex {
            let character = rest[end]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                break
            }
            end = rest.index(after: end)
        }
        guard end < rest.endIndex else { return nil }
        let inner = rest[rest.startIndex..<end]
        let after = rest.index(after: end)
        if inner.hasPrefix("!") { return (nil, after) }
        if inner.hasPrefix("/") {
            let name = inner.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
            return (.close(name), after)
        }
        let name = inner.prefix { $0.isLetter || $0.isNumber }.lowercased()
        let selfClosing = inner.hasSuffix("/")
        return (.open(name, attributes(inner.dropFirst(name.count)), selfClosing: selfClosing), after)
    }

    private static func attributes(_ text: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var index = text.startIndex
        func skipSpaces() {
            while index < text.endIndex, text[index].isWhitespace || text[index] == "/" {
                index = text.index(after: index)
            }
        }
        while true {
            skipSpaces()
            guard index < text.endIndex else { break }
            let nameStart = index
            while index < text.endIndex, !text[index].isWhitespace, text[index] != "=", text[index] != "/" {
                index = text.index(after: index)
            }
            let name = text[nameStart..<index].lowercased()
            guard index < text.endIndex, text[index] == "=" else {
                if !name.isEmpty { result[name] = "" }
                continue
            }
            index = text.index(after: index)
            guard index < text.endIndex else { break }
            var value: Substring
            if text[index] == "\"" || text[index] == "'" {
                let quote = text[index]
                let valueStart = text.index(after: index)
                let valueEnd = text[valueStart...].firstIndex(of: quote) ?? text.endIndex
                value = text[valueStart..<valueEnd]
                index = valueEnd < text.endIndex ? text.index(after: valueEnd) : valueEnd
            } else {
                let valueStart = index
                while index < text.endIndex, !text[index].isWhitespace { index = text.index(after: index) }
                value = text[valueStart..<index]
            }
            if !name.isEmpty && result[name] == nil { result[name] = decode(String(value)) }
        }
        return result
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "hellip": "…",
        "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "copy": "©",
    ]

    /// `text` with its character references (`&amp;`, `&#39;`, `&#x1F600;`) replaced by the characters they name.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "&",
                let semicolon = text[index...].prefix(12).firstIndex(of: ";")
            else {
                result.append(text[index])
                index = text.index(after: index)
                continue
            }
            let name = text[text.index(after: index)..<semicolon]
            var replacement: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if name.hasPrefix("#") {
                replacement = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                replacement = named[String(name)]
            }
            if let replacement {
                result += replacement
                index = text.index(after: semicolon)
            } else {
                result.append("&")
                index = text.index(after: index)
            }
        }
        return result
    }
}
