import Foundation

/// How `skein check` prints what it found.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:col: error: message`, then a summary line.
    case human
    /// GitHub Actions annotations: `::error file=…,line=…,col=…::message`.
    case github
    /// One JSON document listing every diagnostic.
    case json

    /// `diagnostics` as this format prints them (without colour), followed by `summary` where the format has one.
    public func render(_ diagnostics: [Diagnostic], summary: String) -> String {
        switch self {
        case .human:
            return (diagnostics.map(\.description) + [summary]).joined(separator: "\n") + "\n"
        case .github:
            return (diagnostics.map(Self.annotation) + [summary]).joined(separator: "\n") + "\n"
        case .json:
            return Self.json(diagnostics, summary: summary)
        }
    }

    private static func annotation(_ diagnostic: Diagnostic) -> String {
        var properties = ["file=" + escapeProperty(SourceLocation.displayPath(diagnostic.location.file))]
        if diagnostic.location.line > 0 {
            properties.append("line=\(diagnostic.location.line)")
            properties.append("col=\(max(diagnostic.location.column, 1))")
        }
        return
            "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(diagnostic.message))"
    }

    /// GitHub's workflow-command escaping.
    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    private struct Document: Encodable {
        struct Entry: Encodable {
            var severity: String
            var file: String
            var line: Int
            var column: Int
            var message: String
        }
        var errors: Int
        var warnings: Int
        var summary: String
        var diagnostics: [Entry]
    }

    private static func json(_ diagnostics: [Diagnostic], summary: String) -> String {
        let document = Document(
            errors: diagnostics.filter { $0.severity == .error }.count,
            warnings: diagnostics.filter { $0.severity == .warning }.count, summary: summary,
            diagnostics: diagnostics.map {
                .init(
                    severity: $0.severity.rawValue, file: SourceLocation.displayPath($0.location.file),
                    line: $0.location.line, column: $0.location.column, message: $0.message)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
