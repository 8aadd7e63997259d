import Mustache

/// Mustache's own HTML escaping, made fast: the same five replacements (`<`, `>`, `&`, `"`, `'`), done on UTF-8
/// bytes, and no copy at all for text that holds none of them. swift-mustache escapes character by character through
/// a dictionary, which took a sixth of a build's time (every feed escapes the full text of 50 threads).
///
/// Every template of a theme is compiled with a first line `{{% CONTENT_TYPE: SKEIN_HTML }}` (``Theme/compile``), which
/// selects this escaping; a standalone tag's line renders as nothing, so themes need not know.
struct FastHTMLEscaping: MustacheContentType {
    static let name = "SKEIN_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}"

    /// Registers the content type with swift-mustache, once.
    static let registered: Void = MustacheContentTypes.register(FastHTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        if let escaped = text.utf8.withContiguousStorageIfAvailable(escape(bytes:)) { return escaped ?? text }
        var contiguous = text
        contiguous.makeContiguousUTF8()
        return escape(contiguous)
    }

    /// The escaped text, or nil when nothing needs escaping: one pass counts what the replacements add, a second
    /// copies the runs between them into a string of exactly that size. Both look each byte up in ``added``.
    private static func escape(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        added.withUnsafeBufferPointer { added in
            var total = 0
            for byte in bytes { total &+= Int(added[Int(byte)]) }
            guard total > 0, let source = bytes.baseAddress else { return nil }
            let replacements = Self.replacements
            return String(unsafeUninitializedCapacity: bytes.count + total) { output in
                let target = output.baseAddress!
                var written = 0
                var runStart = 0
                for index in 0..<bytes.count where added[Int(bytes[index])] != 0 {
                    (target + written).initialize(from: source + runStart, count: index - runStart)
                    written += index - runStart
                    let replacement = replacements[Int(bytes[index])]
                    (target + written).initialize(from: replacement.utf8Start, count: replacement.utf8CodeUnitCount)
                    written += replacement.utf8CodeUnitCount
                    runStart = index + 1
                }
                (target + written).initialize(from: source + runStart, count: bytes.count - runStart)
                return written + bytes.count - runStart
            }
        }
    }

    /// What each byte's replacement adds to the length: 0 for the bytes that are kept.
    private static let added: [UInt8] = (0..<256).map { UInt8(replacements[$0].utf8CodeUnitCount) &- 1 }

    /// Each byte's replacement; a one-byte stand-in for the bytes that are kept, which ``added`` counts as adding 0.
    private static let replacements: [StaticString] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: "x"
        }
    }
}
