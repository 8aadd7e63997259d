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

    /// The escaped text, or nil when nothing needs escaping.
    private static func escape(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8 + 8)
        output.append(contentsOf: bytes[..<first])
        for byte in bytes[first...] {
            switch byte {
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}
