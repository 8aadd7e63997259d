import Foundation
import Yams

/// A YAML mapping read with Yams, whose fields are taken out one by one with diagnostics that point at their lines.
struct YAMLMapping {
    private let file: String
    /// Added to Yams' line numbers: front matter starts below the file's first line.
    private let lineOffset: Int
    private var entries: [(key: String, keyNode: Node, value: Node)]
    private var used: Set<String> = []

    /// Parses `yaml`; a syntax error, duplicate key or non-mapping root is reported and gives `nil`.
    init?(yaml: String, file: String, lineOffset: Int, what: String, diagnostics: inout [Diagnostic]) {
        self.file = file
        self.lineOffset = lineOffset
        let root: Node?
        do {
            // The encoding given: Yams' default reads the whole process environment on every call.
            root = try Yams.compose(yaml: yaml, .default, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(YAMLMapping.diagnostic(for: error, yaml: yaml, file: file, lineOffset: lineOffset))
            return nil
        } catch {
            diagnostics.append(
                .error("invalid YAML: \(error)", at: SourceLocation(file: file, line: lineOffset + 1, column: 1)))
            return nil
        }
        guard let root else {
            entries = []
            return
        }
        guard let mapping = root.mapping else {
            let location = SourceLocation(
                file: file, line: (root.mark?.line ?? 1) + lineOffset, column: root.mark?.column ?? 1)
            diagnostics.append(.error("\(what) must be a mapping of keys to values (`key: value` lines)", at: location))
            return nil
        }
        var entries: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                diagnostics.append(
                    .error(
                        "\(what) keys must be plain words",
                        at: YAMLMapping.location(of: key, file: file, lineOffset: lineOffset)))
                continue
            }
            entries.append((name, key, value))
        }
        self.entries = entries
    }

    /// The location of `node` in the source file.
    func location(of node: Node) -> SourceLocation {
        YAMLMapping.location(of: node, file: file, lineOffset: lineOffset)
    }

    /// Where `key` is written, if it is.
    func location(ofKey key: String) -> SourceLocation? {
        entries.first { $0.key == key }.map { location(of: $0.keyNode) }
    }

    /// The value node of `key`, marking the key as known.
    private mutating func node(_ key: String) -> Node? {
        used.insert(key)
        guard let value = entries.first(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = value,
            scalar.tag == Tag(.null) || (scalar.string.isEmpty && scalar.style == .plain)
        {
            return nil
        }
        return value
    }

    /// A text field; numbers and booleans written without quotes are read as their text.
    mutating func string(_ key: String, diagnostics: inout [Diagnostic]) -> (value: String, location: SourceLocation)? {
        guard let value = node(key) else { return nil }
        guard let scalar = value.scalar else {
            diagnostics.append(
                .error("`\(key)` must be text, not a \(YAMLMapping.kind(of: value))", at: location(of: value)))
            return nil
        }
        return (scalar.string, location(of: value))
    }

    /// A yes/no field.
    mutating func bool(_ key: String, diagnostics: inout [Diagnostic]) -> Bool? {
        guard let value = node(key) else { return nil }
        guard let bool = value.scalar.flatMap({ Bool.construct(from: $0) }) else {
            diagnostics.append(.error("`\(key)` must be true or false", at: location(of: value)))
            return nil
        }
        return bool
    }

    /// A whole number field within `range`.
    mutating func integer(_ key: String, in range: ClosedRange<Int>, diagnostics: inout [Diagnostic]) -> Int? {
        guard let value = node(key) else { return nil }
        guard let number = value.scalar.flatMap({ Int.construct(from: $0) }), range.contains(number) else {
            diagnostics.append(
                .error(
                    "`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                    at: location(of: value)))
            return nil
        }
        return number
    }

    /// A list of texts; a single text is accepted as a list of one.
    mutating func strings(_ key: String, diagnostics: inout [Diagnostic]) -> [(
        value: String, location: SourceLocation
    )]? {
        guard let value = node(key) else { return nil }
        if let scalar = value.scalar { return [(scalar.string, location(of: value))] }
        guard let sequence = value.sequence else {
            diagnostics.append(.error("`\(key)` must be a list of texts", at: location(of: value)))
            return nil
        }
        // An alias (`topics: *list`) carries the place of its anchor, which may be far above; point at the key then.
        let keyLocation = location(ofKey: key) ?? location(of: value)
        func place(_ node: Node) -> SourceLocation {
            let here = location(of: node)
            return here.line < keyLocation.line ? keyLocation : here
        }
        var items: [(String, SourceLocation)] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                diagnostics.append(
                    .error(
                        "`\(key)` must be a list of texts; this item is a \(YAMLMapping.kind(of: item))",
                        at: place(item)))
                return nil
            }
            items.append((scalar.string, place(item)))
        }
        return items
    }

    /// A date, or a date and time with an offset (`2024-03-01`, `2024-03-01T10:30:00+01:00`); a date alone is
    /// midnight UTC until the resolve stage moves it into the site's time zone.
    mutating func date(_ key: String, diagnostics: inout [Diagnostic]) -> (date: Date, isDateOnly: Bool)? {
        guard let value = node(key) else { return nil }
        guard let text = value.scalar?.string else {
            diagnostics.append(.error("`\(key)` must be a date such as 2024-03-01", at: location(of: value)))
            return nil
        }
        switch DateParsing.parse(text) {
        case .success(let date): return (date, DateParsing.isDateOnly(text))
        case .failure(let problem):
            diagnostics.append(.error("`\(key)`: \(problem.message)", at: location(of: value)))
            return nil
        }
    }

    /// Warns about every key that no field asked for.
    func reportUnknownKeys(known: [String], what: String, diagnostics: inout [Diagnostic]) {
        for entry in entries where !used.contains(entry.key) {
            diagnostics.append(
                .warning(
                    "unknown key `\(entry.key)` in \(what) (known keys: \(known.joined(separator: ", ")))",
                    at: location(of: entry.keyNode)))
        }
    }

    private static func location(of node: Node, file: String, lineOffset: Int) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// The line of the second `key:` at the same indentation, counting from the mapping's first line.
    private static func secondLine(ofKey key: String, in yaml: String, after firstLine: Int) -> Int? {
        var seen = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where index + 1 >= firstLine {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix(key) && trimmed.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                seen += 1
                if seen == 2 { return index + 1 }
            }
        }
        return nil
    }

    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar: "text"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }

    private static func diagnostic(for error: YamlError, yaml: String, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return .error("invalid YAML: \(problem)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            // Yams points at the mapping; the writer needs the line of the repeated key.
            let line = duplicates.first.flatMap { secondLine(ofKey: $0, in: yaml, after: context.mark.line) }
            let location = line.map { SourceLocation(file: file, line: $0 + lineOffset, column: 1) } ?? at(context.mark)
            return .error("duplicate key \(names): each key may appear once", at: location)
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
        }
    }
}
