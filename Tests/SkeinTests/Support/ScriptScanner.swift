import Foundation

/// Looks for anything a browser would run in HTML: script-capable elements, event-handler attributes, and URLs with
/// a scheme that executes, after undoing entity and case obfuscation.
enum ScriptScanner {
    static let dangerousElements: Set<String> = [
        "script", "iframe", "object", "embed", "svg", "math", "base", "form", "frame", "frameset", "applet",
    ]
    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "poster", "srcset", "xlink:href", "background", "data", "content",
    ]

    /// Descriptions of everything executable in `html`.
    static func problems(in html: String) -> [String] {
        var problems: [String] = []
        let tag = try! NSRegularExpression(pattern: #"<([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>"#)
        let attribute = try! NSRegularExpression(
            pattern: #"([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?"#)
        for match in tag.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let name = String(html[Range(match.range(at: 1), in: html)!]).lowercased()
            if dangerousElements.contains(name) { problems.append("<\(name)> element") }
            let attributes = String(html[Range(match.range(at: 2), in: html)!])
            for pair in attribute.matches(in: attributes, range: NSRange(attributes.startIndex..., in: attributes)) {
                let key = String(attributes[Range(pair.range(at: 1), in: attributes)!]).lowercased()
                if key.hasPrefix("on") { problems.append("event handler \(key) on <\(name)>") }
                let valueRange = [2, 3, 4].map { pair.range(at: $0) }.first { $0.location != NSNotFound }
                guard urlAttributes.contains(key), let valueRange, let range = Range(valueRange, in: attributes) else {
                    continue
                }
                let value = normalisedURL(String(attributes[range]))
                for scheme in ["javascript:", "vbscript:", "data:", "livescript:"]
                where value.hasPrefix(scheme) || value.contains("url=" + scheme) {
                    problems.append("\(scheme) URL in \(key) of <\(name)>")
                }
            }
        }
        return problems
    }

    /// A URL as a browser reads it: entities decoded, control characters and spaces dropped, lower-cased.
    static func normalisedURL(_ value: String) -> String {
        var text = value
        let named = [
            "&colon;": ":", "&Tab;": "", "&NewLine;": "", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"",
            "&#39;": "'",
        ]
        for (entity, replacement) in named { text = text.replacingOccurrences(of: entity, with: replacement) }
        let numeric = try! NSRegularExpression(pattern: "&#(x?)([0-9a-fA-F]+);?")
        while let match = numeric.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) {
            let isHex = match.range(at: 1).length > 0
            let digits = String(text[Range(match.range(at: 2), in: text)!])
            let scalar = UInt32(digits, radix: isHex ? 16 : 10).flatMap(Unicode.Scalar.init).map(String.init) ?? ""
            text.replaceSubrange(Range(match.range, in: text)!, with: scalar)
        }
        return String(text.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)).lowercased()
    }
}
