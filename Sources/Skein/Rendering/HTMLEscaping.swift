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
    /// writes the text into a string of exactly that size.
    private static func escape(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var added = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"): added += 3
            case UInt8(ascii: "&"), UInt8(ascii: "'"): added += 4
            case UInt8(ascii: "\""): added += 5
            default: break
            }
        }
        guard added > 0 else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count + added) { output in
            var at = 0
            func put(_ replacement: StaticString) {
                for index in 0..<replacement.utf8CodeUnitCount { output[at + index] = replacement.utf8Start[index] }
                at += replacement.utf8CodeUnitCount
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): put("&lt;")
                case UInt8(ascii: ">"): put("&gt;")
                case UInt8(ascii: "&"): put("&amp;")
                case UInt8(ascii: "\""): put("&quot;")
                case UInt8(ascii: "'"): put("&#39;")
                default:
                    output[at] = byte
                    at += 1
                }
            }
            return at
        }
    }
}
