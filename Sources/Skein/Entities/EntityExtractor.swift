import Foundation

/// A hashtag, mention or URL found in a tweet's text, following twitter-text's extraction rules.
public struct Entity: Sendable, Equatable {
    /// What the entity is.
    public enum Kind: Sendable, Equatable {
        case hashtag
        case mention
        case url
    }

    /// What the entity is.
    public var kind: Kind
    /// Its text without `#` or `@`; for a URL, the URL as written.
    public var value: String
    /// The whole entity in the text, `#` or `@` included.
    public var range: Range<String.Index>
}

/// Finds entities in plain text with the regular expressions of twitter-text (its Java `Regex` and `Extractor`).
///
/// No entity spans ASCII white space, and each pattern accepts white space or the start of the text before an entity
/// and white space or the end after it. So the patterns run on the pieces of the text between white space, and only on
/// the few pieces that hold a `#`, an `@` or a dot before a letter, which gives the same entities as running them on
/// the whole text, many times faster (`EntityExtractorTests` compares the two).
public enum EntityExtractor {
    /// Hashtags, mentions and URLs in `text`, in order, none overlapping (an entity inside a URL is not one).
    public static func entities(in text: String) -> [Entity] {
        inPieces(of: text, needing: [.hashtag, .mention, .url]) { piece, signs in
            wholeTextEntities(in: piece, showing: signs)
        }
    }

    /// Hashtags without `#`.
    public static func hashtags(in text: String, checkingURLs: Bool = true) -> [Entity] {
        inPieces(of: text, needing: .hashtag) { piece, _ in
            let tags = scanHashtags(in: piece)
            guard checkingURLs, !tags.isEmpty else { return tags }
            let links = scanURLs(in: piece)
            return tags.filter { tag in !links.contains { $0.range.overlaps(tag.range) } }
        }
    }

    /// Mentions of single accounts (not lists) without `@`.
    public static func mentions(in text: String) -> [Entity] {
        inPieces(of: text, needing: .mention) { piece, _ in scanMentions(in: piece) }
    }

    /// URLs, with or without a scheme.
    public static func urls(in text: String) -> [Entity] {
        inPieces(of: text, needing: .url) { piece, _ in scanURLs(in: piece) }
    }

    /// The patterns run on all of `text`, overlaps left out: what ``entities(in:)`` runs on each piece, and, run on
    /// a whole text, what it must equal (the tests' reference).
    ///
    /// Only the patterns whose sign `signs` shows run: a text without one cannot match its pattern (every hashtag has
    /// its `#`, every mention its `@`, every URL a dot before its top-level domain).
    static func wholeTextEntities(in text: String, showing signs: Signs = [.hashtag, .mention, .url]) -> [Entity] {
        var found = signs.contains(.url) ? scanURLs(in: text) : []
        if signs.contains(.hashtag) { found += scanHashtags(in: text) }
        if signs.contains(.mention) { found += scanMentions(in: text) }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        var kept: [Entity] = []
        for entity in found where kept.last.map({ $0.range.upperBound <= entity.range.lowerBound }) ?? true {
            kept.append(entity)
        }
        return kept
    }

    /// What a piece of text may hold, told from its bytes.
    struct Signs: OptionSet {
        let rawValue: UInt8
        /// `#` or `＃`.
        static let hashtag = Signs(rawValue: 1)
        /// `@` or `＠`.
        static let mention = Signs(rawValue: 2)
        /// A dot followed by a letter or a non-ASCII character, as in every domain.
        static let url = Signs(rawValue: 4)
    }

    /// `scan` applied to every piece of `text` between ASCII white space that shows one of `needed`, with the ranges
    /// of what it finds moved back into `text`.
    private static func inPieces(
        of text: String, needing needed: Signs, scanning scan: (_ piece: String, _ signs: Signs) -> [Entity]
    )
        -> [Entity]
    {
        var text = text
        text.makeContiguousUTF8()
        var result: [Entity] = []
        let utf8 = text.utf8
        func scanPiece(_ start: Int, _ end: Int, _ signs: Signs) {
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            let piece = String(text[lower..<utf8.index(lower, offsetBy: end - start)])
            for var entity in scan(piece, signs) {
                let from = piece.utf8.distance(from: piece.startIndex, to: entity.range.lowerBound)
                let length = piece.utf8.distance(from: entity.range.lowerBound, to: entity.range.upperBound)
                let entityStart = utf8.index(lower, offsetBy: from)
                entity.range = entityStart..<utf8.index(entityStart, offsetBy: length)
                result.append(entity)
            }
        }
        utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            var signs: Signs = []
            var previous: UInt8 = 0
            var beforePrevious: UInt8 = 0
            for (offset, byte) in bytes.enumerated() {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                    if !signs.isDisjoint(with: needed) { scanPiece(start, offset, signs) }
                    start = offset + 1
                    signs = []
                case UInt8(ascii: "#"):
                    signs.insert(.hashtag)
                case UInt8(ascii: "@"):
                    signs.insert(.mention)
                case 0x83 where previous == 0xBC && beforePrevious == 0xEF:
                    signs.insert(.hashtag)
                case 0xA0 where previous == 0xBC && beforePrevious == 0xEF:
                    signs.insert(.mention)
                default:
                    break
                }
                if previous == UInt8(ascii: ".")
                    && (byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")))
                {
                    signs.insert(.url)
                }
                beforePrevious = previous
                previous = byte
            }
            if !signs.isDisjoint(with: needed) { scanPiece(start, bytes.count, signs) }
        }
        return result
    }

    private static func scanHashtags(in text: String) -> [Entity] {
        var result: [Entity] = []
        for match in Patterns.hashtag.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let tag = Range(match.range(at: 3), in: text), let whole = Range(match.range(at: 2), in: text) else {
                continue
            }
            if text[tag.upperBound...].starts(with: "#") || text[tag.upperBound...].starts(with: "＃")
                || text[tag.upperBound...].starts(with: "://")
            {
                continue
            }
            result.append(Entity(kind: .hashtag, value: String(text[tag]), range: whole.lowerBound..<tag.upperBound))
        }
        return result
    }

    private static func scanMentions(in text: String) -> [Entity] {
        var result: [Entity] = []
        for match in Patterns.mention.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard match.range(at: 4).location == NSNotFound,
                let name = Range(match.range(at: 3), in: text), let at = Range(match.range(at: 2), in: text)
            else { continue }
            let after = String(text[name.upperBound...])
            if Patterns.invalidMentionEnd.firstMatch(in: after, range: NSRange(after.startIndex..., in: after)) != nil {
                continue
            }
            result.append(
                Entity(
                    kind: .mention, value: String(text[name]),
                    range: text.index(before: at.upperBound)..<name.upperBound))
        }
        return result
    }

    private static func scanURLs(in text: String) -> [Entity] {
        var result: [Entity] = []
        for match in Patterns.url.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard var range = Range(match.range(at: 3), in: text), let before = Range(match.range(at: 2), in: text),
                let host = Range(match.range(at: 5), in: text)
            else { continue }
            let hasScheme = match.range(at: 4).location != NSNotFound
            if !hasScheme, let last = text[before].last, "-_./".contains(last) { continue }
            let url = String(text[range])
            if let tco = Patterns.tco.firstMatch(in: url, range: NSRange(url.startIndex..., in: url)) {
                if tco.range(at: 1).length > 40 { continue }
                range = range.lowerBound..<text.utf16.index(range.lowerBound, offsetBy: tco.range.length)
            }
            guard isValidHost(String(text[host])) else { continue }
            result.append(Entity(kind: .url, value: String(text[range]), range: range))
        }
        return result
    }

    /// What `IDN.toASCII` accepts: every label at most 63 characters once Punycode-encoded, and no label that
    /// claims to be Punycode (`xn--`) while holding other characters.
    private static func isValidHost(_ host: String) -> Bool {
        for label in host.split(separator: ".") {
            if label.unicodeScalars.allSatisfy(\.isASCII) {
                if label.count > 63 { return false }
                continue
            }
            if label.lowercased().hasPrefix("xn--") { return false }
            guard let encoded = Punycode.encode(String(label)), encoded.count + 4 <= 63 else { return false }
        }
        return true
    }

    /// `(?:w1|w2|…)` for the words, grouped by their first character: `(?:c(?:om|o)|n(?:et))`. The words that can
    /// match at a place are tried in the same order, so the matches are the same, but ICU no longer tries all
    /// 1,500 top-level domains one after another wherever a domain may end.
    static func alternation(_ words: [String]) -> String {
        var groups: [(first: Unicode.Scalar, rests: [String])] = []
        var group: [Unicode.Scalar: Int] = [:]
        for word in words {
            guard let first = word.unicodeScalars.first else { continue }
            let rest = String(word.unicodeScalars.dropFirst())
            if let index = group[first] {
                groups[index].rests.append(rest)
            } else {
                group[first] = groups.count
                groups.append((first, [rest]))
            }
        }
        return "(?:" + groups.map { "\($0.first)(?:" + $0.rests.joined(separator: "|") + ")" }.joined(separator: "|")
            + ")"
    }

    private enum Patterns {
        static let latinAccents =
            "\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff\\u0100-\\u024f\\u0253\\u0254\\u0256\\u0257\\u0259\\u025b\\u0263"
            + "\\u0268\\u026f\\u0272\\u0289\\u028b\\u02bb\\u0300-\\u036f\\u1e00-\\u1eff"
        static let cyrillic = "\\u0400-\\u04ff"
        static let hashtagLettersAndMarks = "\\p{L}\\p{M}"
        static let hashtagSpecial =
            "_\\u200c\\u200d\\ua67e\\u05be\\u05f3\\u05f4\\uff5e\\u301c\\u309b\\u309c\\u30a0\\u30fb\\u3003\\u0f0b\\u0f0c\\u00b7"
        static let hashtagLettersNumerals = hashtagLettersAndMarks + "\\p{Nd}" + hashtagSpecial

        static let hashtag = compile(
            "(^|\\ufe0e|\\ufe0f|[^&" + hashtagLettersNumerals + "])([#\\uff03])(?![\\ufe0f\\u20e3])(["
                + hashtagLettersNumerals + "]*[" + hashtagLettersAndMarks + "][" + hashtagLettersNumerals + "]*)")

        static let atSigns = "@\\uff20"
        static let mention = compile(
            "([^a-z0-9_!#$%&*" + atSigns + "]|^|(?:^|[^a-z0-9_+~.-])RT:?)([" + atSigns + "]+)([a-z0-9_]{1,20})"
                + "(/[a-z][a-z0-9_\\-]{0,24})?")
        static let invalidMentionEnd = compile("^(?:[" + atSigns + latinAccents + "]|://)")

        static let invalidCharacters = "\\ufffe\\ufeff\\uffff"
        static let directional = "\\u061c\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069"
        static let precedingCharacters =
            "(?:[^a-z0-9@\\uff20$#\\uff03" + invalidCharacters + "]|[" + directional + "]|^)"
        static let validCharacters = "[a-z0-9" + latinAccents + "]"
        static let subdomain =
            "(?>(?:" + validCharacters + "[" + validCharacters + "\\-_]{0,255})?" + validCharacters + "\\.)"
        static let domainName =
            "(?:(?:" + validCharacters + "[" + validCharacters + "\\-]{0,255})?" + validCharacters + "\\.)"
        static let punctuation = "\\-_!\"#$%&'\\(\\)*+,./:;<=>?@\\[\\]^`\\{|}~"
        static let unicodeCharacters = "[^" + punctuation + "\\s\\p{Z}\\u2000-\\u206f]"
        static let unicodeDomainName =
            "(?:(?:" + unicodeCharacters + "[" + unicodeCharacters + "\\-]{0,255})?" + unicodeCharacters + "\\.)"
        static let generic = "(?:" + alternation(TopLevelDomains.generic) + "(?=[^a-z0-9@+-]|$))"
        static let country = "(?:" + alternation(TopLevelDomains.country) + "(?=[^a-z0-9@+-]|$))"
        static let punycode = "(?:xn--[-0-9a-z]+)"
        static let domain =
            "(?:" + subdomain + "*" + domainName + "(?:" + generic + "|" + country + "|" + punycode + "))"
            + "|(?:(?<=https?://)(?:(?:" + domainName + country + ")|(?:" + unicodeDomainName + "(?:" + generic + "|"
            + country
            + "))))" + "|(?:" + domainName + country + "(?=/))"
        static let pathCharacters = "[a-z0-9!\\*';:=\\+,.\\$/%#\\[\\]\\-\\u2013_~\\|&@" + latinAccents + cyrillic + "]"
        static let balancedParentheses =
            "\\((?:" + pathCharacters + "+|(?:" + pathCharacters + "*\\(" + pathCharacters + "+\\)" + pathCharacters
            + "*))\\)"
        static let pathEnding = "[a-z0-9=_#/\\-\\+" + latinAccents + cyrillic + "]|(?:" + balancedParentheses + ")"
        static let path =
            "(?:(?:" + pathCharacters + "*(?:" + balancedParentheses + pathCharacters + "*)*" + pathEnding + ")|(?:@"
            + pathCharacters + "+/))"
        static let queryCharacters = "[a-z0-9!?\\*'\\(\\);:&=\\+\\$/%#\\[\\]\\-_\\.,~\\|@]"
        static let queryEnding = "[a-z0-9\\-_&=#/]"
        static let url = compile(
            "((" + precedingCharacters + ")((https?://)?(" + domain + ")(?::([0-9]++))?(/" + path + "*+)?(\\?"
                + queryCharacters + "*" + queryEnding + ")?))")
        static let tco = compile("^https?://t\\.co/([a-z0-9]+)(?:\\?" + queryCharacters + "*" + queryEnding + ")?")

        static func compile(_ pattern: String) -> NSRegularExpression {
            // The patterns are fixed; a failure here is a bug caught by every test run.
            try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        }
    }
}
