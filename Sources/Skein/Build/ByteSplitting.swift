import Foundation

extension String {
    /// The text between the occurrences of `separator`, as `components(separatedBy:)` gives it, found by comparing
    /// UTF-8 bytes: Foundation's search compares with options, and cutting every listing's cards with it took 6 % of a
    /// build. Exact for the separators Skein uses, which start and end at a character boundary wherever they stand
    /// (`="skein:` follows an attribute's name; a card's root marker is framed by control characters).
    func pieces(separatedBy separator: String) -> [String] {
        var pieces: [String] = []
        forEachPiece(separatedBy: separator) { bytes, _ in pieces.append(String(decoding: bytes, as: UTF8.self)) }
        return pieces
    }

    /// The text with every occurrence of `separator` replaced by `replacement`, found as ``pieces(separatedBy:)``
    /// finds them, written once into a string of exactly the size it needs: each listing's cards and each page's
    /// tweets go through here.
    func replacing(every separator: String, with replacement: String) -> String {
        var text = self
        var separator = separator
        var replacement = replacement
        return text.withUTF8 { bytes in
            separator.withUTF8 { needle in
                replacement.withUTF8 { replacement in
                    guard !needle.isEmpty else { return self }
                    var found: [Int] = []
                    var start = 0
                    while let offset = Self.offset(of: needle, in: bytes, from: start) {
                        found.append(offset)
                        start = offset + needle.count
                    }
                    guard !found.isEmpty else { return self }
                    let size = bytes.count + found.count * (replacement.count - needle.count)
                    return String(unsafeUninitializedCapacity: size) { output in
                        var written = 0
                        var from = 0
                        func copy(_ piece: UnsafeBufferPointer<UInt8>) {
                            guard let base = piece.baseAddress, !piece.isEmpty else { return }
                            (output.baseAddress! + written).initialize(from: base, count: piece.count)
                            written += piece.count
                        }
                        for offset in found {
                            copy(UnsafeBufferPointer(rebasing: bytes[from..<offset]))
                            copy(replacement)
                            from = offset + needle.count
                        }
                        copy(UnsafeBufferPointer(rebasing: bytes[from...]))
                        return written
                    }
                }
            }
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

    /// Calls `body` with the UTF-8 bytes of each piece between the occurrences of `separator`, in order, and the
    /// offset in the text's bytes where the piece starts: once with the whole text when it has none.
    func forEachPiece(
        separatedBy separator: String, _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Void
    ) {
        var text = self
        var separator = separator
        text.withUTF8 { bytes in
            separator.withUTF8 { needle in
                guard !needle.isEmpty else { return body(bytes, 0) }
                var start = 0
                while let found = Self.offset(of: needle, in: bytes, from: start) {
                    body(UnsafeBufferPointer(rebasing: bytes[start..<found]), start)
                    start = found + needle.count
                }
                body(UnsafeBufferPointer(rebasing: bytes[start...]), start)
            }
        }
    }

    /// Where the first occurrence of `needle`, which is not empty, starts in `bytes` at or after `start`.
    private static func offset(
        of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
        guard let base = bytes.baseAddress, let first = needle.first else { return nil }
        var start = start
        // memchr finds the first byte many bytes at a time; the markers' first bytes are rare.
        while bytes.count - start >= needle.count,
            let hit = memchr(base + start, Int32(first), bytes.count - start - needle.count + 1)
        {
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if needle.count == 1 || memcmp(base + index + 1, needle.baseAddress! + 1, needle.count - 1) == 0 {
                return index
            }
            start = index + 1
        }
        return nil
    }

    /// Calls `body` with the UTF-8 bytes of each character, in order, and whether it is white space, as iterating the
    /// characters gives them, until `body` returns false. An ASCII byte followed by another (or by the end) is a
    /// character of its own: no rule of grapheme clusters joins two ASCII characters but CR LF. Only the characters
    /// around other bytes are found by the grapheme rules, which cost several times more per character than the rest
    /// of the loops that walk a text this way.
    func forEachCharacter(_ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ isWhitespace: Bool) -> Bool) {
        let utf8 = self.utf8
        var text = self
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                var next = offset + 1
                let isWhitespace: Bool
                if byte < 0x80, next == bytes.count || bytes[next] < 0x80 {
                    if byte == UInt8(ascii: "\r"), next < bytes.count, bytes[next] == UInt8(ascii: "\n") { next += 1 }
                    isWhitespace = byte.isASCIIWhitespace
                } else {
                    let start = utf8.index(utf8.startIndex, offsetBy: offset)
                    next = offset + utf8.distance(from: start, to: self.index(after: start))
                    isWhitespace = self[start].isWhitespaceASCIIFirst
                }
                guard body(UnsafeBufferPointer(rebasing: bytes[offset..<next]), isWhitespace) else { return }
                offset = next
            }
        }
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
