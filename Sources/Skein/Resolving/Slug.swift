import Foundation

/// URL-safe names for threads and topics.
public enum Slug {
    /// Lower-case letters and digits of any script, joined by single hyphens; everything else is dropped.
    public static func make(from text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? makeFromASCII(text) : makeFromCharacters(text)
    }

    /// ``make(from:)`` by the character rules, which any text may take.
    static func makeFromCharacters(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in text.precomposedStringWithCanonicalMapping.lowercased() {
            if character.isLetter || character.isNumber || character.unicodeScalars.allSatisfy(isCombiningMark) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.append(character)
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }

    /// ``make(from:)`` for an ASCII text, on its bytes: such a text is its own canonical composition, its letters and
    /// digits are `A-Z`, `a-z` and `0-9`, and it has no combining mark (hashtags and titles are mostly ASCII, and
    /// Foundation's normalisation cost more than the rest of a hashtag's link).
    private static func makeFromASCII(_ text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
                || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9"))
            {
                if pendingHyphen && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                slug.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// Whether `slug` may be used as written: what ``make(from:)`` would keep, plus `_` and `.` inside.
    static func isValid(_ slug: String) -> Bool {
        guard let first = slug.first, let last = slug.last, first.isLetter || first.isNumber,
            last.isLetter || last.isNumber
        else {
            return false
        }
        return slug.allSatisfy { character in
            (character.isLetter && character == Character(character.lowercased())) || character.isNumber
                || character == "-" || character == "_" || character == "."
        } && !slug.contains("..")
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}

/// Author handles: what social networks allow, nothing that could escape a folder.
enum Handle {
    /// ASCII letters, digits, `_`, `.` and `-`, starting with a letter, digit or `_`, at most 64 long.
    static func isValid(_ handle: String) -> Bool {
        guard let first = handle.unicodeScalars.first, handle.unicodeScalars.count <= 64, first != ".", first != "-"
        else { return false }
        return handle.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "_.-".unicodeScalars.contains(scalar))
        } && !handle.contains("..")
    }

    /// The form used to compare handles and to name an author's folder.
    static func key(_ handle: String) -> String { handle.lowercased() }
}
