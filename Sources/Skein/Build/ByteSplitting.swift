import Foundation

extension String {
    /// The text between the occurrences of `separator`, as `components(separatedBy:)` gives it, found by comparing
    /// UTF-8 bytes: Foundation's search compares with options, and cutting every listing's cards with it took 6 % of a
    /// build. Exact for the separators Skein uses, which start and end at a character boundary wherever they stand
    /// (`="skein:` follows an attribute's name; a card's root marker is framed by control characters).
    func pieces(separatedBy separator: String) -> [String] {
        var pieces: [String] = []
        forEachPiece(separatedBy: separator) { pieces.append(String(decoding: $0, as: UTF8.self)) }
        return pieces
    }

    /// The text with every occurrence of `separator` replaced by `replacement`, found as ``pieces(separatedBy:)``
    /// finds them, without making a string of each piece.
    func replacing(every separator: String, with replacement: String) -> String {
        var replacement = replacement
        return replacement.withUTF8 { replacement in
            var bytes: [UInt8] = []
            var isFirst = true
            forEachPiece(separatedBy: separator) { piece in
                if bytes.isEmpty { bytes.reserveCapacity(utf8.count + 64) }
                if !isFirst { bytes.append(contentsOf: replacement) }
                isFirst = false
                bytes.append(contentsOf: piece)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Whether `needle` occurs in the text, compared as UTF-8 bytes.
    func containsBytes(of needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { bytes in
            needle.withUTF8 { needle in needle.isEmpty || Self.offset(of: needle, in: bytes, from: 0) != nil }
        }
    }

    /// Calls `body` with the UTF-8 bytes of each piece between the occurrences of `separator`, in order: once with
    /// the whole text when it has none.
    private func forEachPiece(separatedBy separator: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = self
        var separator = separator
        text.withUTF8 { bytes in
            separator.withUTF8 { needle in
                guard !needle.isEmpty else { return body(bytes) }
                var start = 0
                while let found = Self.offset(of: needle, in: bytes, from: start) {
                    body(UnsafeBufferPointer(rebasing: bytes[start..<found]))
                    start = found + needle.count
                }
                body(UnsafeBufferPointer(rebasing: bytes[start...]))
            }
        }
    }

    /// Where the first occurrence of `needle`, which is not empty, starts in `bytes` at or after `start`.
    private static func offset(
        of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
        guard bytes.count - start >= needle.count else { return nil }
        let first = needle[0]
        for index in start...(bytes.count - needle.count)
        where bytes[index] == first
            && (needle.count == 1 || memcmp(bytes.baseAddress! + index, needle.baseAddress!, needle.count) == 0)
        {
            return index
        }
        return nil
    }
}

extension UInt8 {
    /// The ASCII white space: tab, line feed, vertical tab, form feed, carriage return and space.
    var isASCIIWhitespace: Bool { self == 0x20 || (self >= 0x09 && self <= 0x0D) }
}

extension Character {
    /// `isWhitespace`, read from the first byte when it is ASCII: a character's white space is its first scalar's.
    /// The Unicode property lookup is slower than the rest of the plain-text loops that ask it for every character.
    var isWhitespaceASCIIFirst: Bool {
        let first = utf8.first!
        guard first < 0x80 else { return isWhitespace }
        return first.isASCIIWhitespace
    }
}
