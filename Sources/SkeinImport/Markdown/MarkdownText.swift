import Foundation
import Skein

/// Builds one post's Markdown from plain text and ready-made syntax, so that the post renders as it read: every
/// character of the plain text that Markdown would take as syntax is escaped, while hashtags, mentions and URLs are
/// left as written, so that Skein links them exactly as it links them in hand-written threads.
struct MarkdownText {
    private var output = ""
    private var pendingPlain = ""

    /// Text exactly as the reader saw it.
    mutating func plain(_ text: String) {
        pendingPlain += text
    }

    /// Markdown syntax, written as given.
    mutating func markdown(_ syntax: String) {
        flush()
        output += syntax
    }

    /// A link to `url`: bare when Skein will find and link it as written, `<url>` when it would not, and plain text
    /// when it is not a web address at all.
    mutating func link(_ url: String) {
        if Self.isBareLink(url) {
            markdown(url)
        } else if let destination = Self.destination(url) {
            markdown(destination)
        } else {
            plain(url)
        }
    }

    /// A link with its own text.
    mutating func link(_ label: String, to url: String) {
        guard let destination = Self.destination(url) else { return plain(label) }
        markdown("[" + Self.escape(label, atLineStart: false) + "](" + destination + ")")
    }

    /// The Markdown, without trailing blank space.
    mutating func finish() -> String {
        flush()
        while let last = output.last, last.isWhitespace { output.removeLast() }
        return output
    }

    private mutating func flush() {
        guard !pendingPlain.isEmpty else { return }
        output += Self.escape(pendingPlain, atLineStart: output.isEmpty || output.hasSuffix("\n"))
        pendingPlain = ""
    }

    // MARK: Escaping

    /// Escapes `text` for Markdown, leaving the entities Skein links (hashtags, mentions, URLs) as they are.
    static func escape(_ text: String, atLineStart: Bool) -> String {
        let text = clean(text)
        var kept: [Range<String.Index>] = []
        for entity in EntityExtractor.entities(in: text) {
            if case .url = entity.kind, !isBareLink(String(text[entity.range])) { continue }
            kept.append(entity.range)
        }
        var result = ""
        var lineStart = atLineStart
        var index = text.startIndex
        var nextEntity = 0
        var listMarker: String.Index?
        while index < text.endIndex {
            if nextEntity < kept.count, kept[nextEntity].lowerBound == index {
                result += text[kept[nextEntity]]
                index = kept[nextEntity].upperBound
                nextEntity += 1
                lineStart = false
                continue
            }
            let character = text[index]
            if character == "\n" {
                result.append("\n")
                lineStart = true
                index = text.index(after: index)
                continue
            }
            if lineStart {
                if character == " " || character == "\t" {
                    result += character == "\t" ? "\u{A0}\u{A0}" : "\u{A0}"
                    index = text.index(after: index)
                    continue
                }
                lineStart = false
                listMarker = listMarkerEnd(text[index...])
                let escape = lineStartEscape(text[index...])
                if !escape.isEmpty {
                    result += escape + String(character)
                    index = text.index(after: index)
                    continue
                }
            }
            if index == listMarker { result += "\\" }
            let previous = index > text.startIndex ? text[text.index(before: index)] : nil
            let after = text.index(after: index)
            let next = after < text.endIndex ? text[after] : nil
            result += inlineEscape(character, previous: previous, next: next)
            index = after
        }
        return result
    }

    /// The backslash a line needs so that it does not start a heading, list, quote, rule or fence.
    private static func lineStartEscape(_ line: Substring) -> String {
        guard let first = line.first else { return "" }
        switch first {
        case "-", "+", "=": return "\\"
        case "#":
            let next = line.dropFirst().first
            return next == nil || next == " " || next == "\t" || next == "#" || next == "\n" ? "\\" : ""
        case "~": return line.hasPrefix("~~~") ? "\\" : ""
        default: return ""
        }
    }

    private static func inlineEscape(_ character: Character, previous: Character?, next: Character?) -> String {
        switch character {
        case "\\", "`", "*", "[", "]", "<", ">", "&":
            return "\\" + String(character)
        case "-":
            // Two hyphens would become a dash (smart punctuation); the tweet had hyphens.
            return next == "-" ? "\\-" : "-"
        case "_":
            let intraword =
                (previous?.isLetter == true || previous?.isNumber == true)
                && (next?.isLetter == true || next?.isNumber == true)
            return intraword ? "_" : "\\_"
        default:
            return String(character)
        }
    }

    /// Line breaks as `\n`, and control characters dropped (thread files may not hold them).
    private static func clean(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            if scalar == "\r" || (scalar == "\n" && !previousCR) {
                result.append("\n")
            } else if scalar.properties.generalCategory != .control || scalar == "\t" {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Where a line that starts an ordered list (`12. ` or `3) `) has its `.` or `)`, which then needs a backslash.
    private static func listMarkerEnd(_ line: Substring) -> String.Index? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count), digits.endIndex < line.endIndex else { return nil }
        let marker = digits.endIndex
        guard line[marker] == "." || line[marker] == ")" else { return nil }
        let after = line.index(after: marker)
        return after == line.endIndex || line[after] == " " || line[after] == "\t" || line[after] == "\n" ? marker : nil
    }

    // MARK: Links

    /// Whether Skein finds `url` as one whole link when written bare, and nothing in it is Markdown syntax.
    static func isBareLink(_ url: String) -> Bool {
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else { return false }
        guard !url.contains(where: { "\\`*[]<>_&".contains($0) }) else { return false }
        let found = EntityExtractor.urls(in: url)
        return found.count == 1 && found[0].range == url.startIndex..<url.endIndex
    }

    /// `<url>` for an http or https URL, with the characters a link destination cannot hold percent-encoded.
    static func destination(_ url: String) -> String? {
        guard url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://") else { return nil }
        var encoded = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ": encoded += "%20"
            case "<": encoded += "%3C"
            case ">": encoded += "%3E"
            case "\\": encoded += "%5C"
            default:
                if scalar.properties.generalCategory == .control { continue }
                encoded.unicodeScalars.append(scalar)
            }
        }
        return "<" + encoded + ">"
    }
}
