import Foundation

/// The optional first line of a tweet: `{id=… time=… url=…}`.
struct TweetAttributes {
    var id: String?
    var time: Date?
    var url: String?

    static let knownKeys = ["id", "time", "url"]

    /// Whether `line` is meant as an attribute line: it starts with `{` and ends with `}`.
    static func looksLikeAttributes(_ line: Substring) -> Bool {
        // Most first lines start with a letter: an ASCII start that is neither white space nor `{` decides at once,
        // without Foundation's trimming, which cost as much as the rest of the parse.
        if let first = line.utf8.first, first < 0x80, first != UInt8(ascii: "{"), first != UInt8(ascii: " "),
            first != UInt8(ascii: "\t"), !(0x0A...0x0D).contains(first)
        {
            return false
        }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("{") && trimmed.hasSuffix("}") && trimmed.contains("=")
    }

    /// Parses `key=value` pairs separated by spaces; values contain no spaces.
    static func parse(_ line: Substring, location: SourceLocation, diagnostics: inout [Diagnostic]) -> TweetAttributes {
        var attributes = TweetAttributes()
        let leading = line.prefix { $0 == " " || $0 == "\t" }.count
        let inner = line.trimmingCharacters(in: .whitespaces).dropFirst().dropLast()
        var column = leading + 2
        for word in inner.split(separator: " ", omittingEmptySubsequences: false) {
            defer { column += word.unicodeScalars.count + 1 }
            guard !word.isEmpty else { continue }
            var at = location
            at.column = column
            let parts = word.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[1].isEmpty else {
                diagnostics.append(.error("'\(word)' in a tweet's attribute line must be key=value", at: at))
                continue
            }
            let value = String(parts[1])
            switch parts[0] {
            case "id":
                attributes.id = value
            case "url":
                if ThreadFileParser.isWebURL(value) {
                    attributes.url = value
                } else {
                    diagnostics.append(.error("the tweet's url must be an http or https URL", at: at))
                }
            case "time":
                switch DateParsing.parse(value) {
                case .success(let date): attributes.time = date
                case .failure(let problem): diagnostics.append(.error("the tweet's time: \(problem.message)", at: at))
                }
            default:
                diagnostics.append(
                    .error(
                        "unknown tweet attribute `\(parts[0])` (known: \(knownKeys.joined(separator: ", ")))", at: at))
            }
        }
        return attributes
    }
}
