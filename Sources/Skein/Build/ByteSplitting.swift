import Foundation

extension String {
    /// The text between the occurrences of `separator`, as `components(separatedBy:)` gives it, found by comparing
    /// UTF-8 bytes: Foundation's search compares with options, and cutting every listing's cards with it took 6 % of a
    /// build. Exact for the separators Skein uses, which start and end at a character boundary wherever they stand
    /// (`="skein:` follows an attribute's name; a card's root marker is framed by control characters).
    func pieces(separatedBy separator: String) -> [String] {
        var text = self
        var separator = separator
        return text.withUTF8 { bytes in
            separator.withUTF8 { needle in
                guard let first = needle.first, bytes.count >= needle.count else { return [self] }
                var pieces: [String] = []
                var start = 0
                var index = 0
                let last = bytes.count - needle.count
                while index <= last {
                    if bytes[index] == first
                        && (needle.count == 1
                            || memcmp(bytes.baseAddress! + index, needle.baseAddress!, needle.count) == 0)
                    {
                        pieces.append(
                            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                        index += needle.count
                        start = index
                    } else {
                        index += 1
                    }
                }
                if pieces.isEmpty { return [self] }
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
                return pieces
            }
        }
    }
}
