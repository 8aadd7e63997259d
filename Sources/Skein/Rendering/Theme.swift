import Foundation
import Mustache

/// A theme: Mustache templates by name (`thread`, `partials/card`) and the files of its `assets/` folder.
public struct Theme: Sendable {
    /// Template texts by name: the path below the theme folder without `.mustache`.
    public var templates: [String: String]
    /// Asset files by path below `assets/`.
    public var assets: [String: Data]
    /// The theme folder, or a description of the built-in theme; diagnostics name files below it.
    public var origin: String

    /// The templates every site needs.
    public static let requiredTemplates = [
        "home", "thread", "authors", "author", "topics", "topic", "archive", "month", "search", "404", "feed",
        "sitemap",
        "robots",
    ]

    /// The default theme, compiled into Skein.
    public static var builtIn: Theme {
        Theme(
            templates: DefaultTheme.templates, assets: DefaultTheme.assets.mapValues { Data($0.utf8) },
            origin: "(built-in theme)")
    }

    /// Reads the theme in `directory`.
    public static func load(directory: String) throws(BuildFailure) -> Theme {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .fileSystem(
                path: directory,
                reason:
                    "there is no templates folder here (pass --templates DIR, or leave it out for the built-in theme)")
        }
        var templates: [String: String] = [:]
        var assets: [String: Data] = [:]
        for path in ContentInventory.files(under: directory, recursive: true) {
            if path.hasPrefix("assets/") {
                assets[String(path.dropFirst("assets/".count))] = FileManager.default.contents(
                    atPath: directory + "/" + path)
            } else if path.hasSuffix(".mustache") {
                guard let data = FileManager.default.contents(atPath: directory + "/" + path),
                    let text = String(data: data, encoding: .utf8)
                else {
                    throw .fileSystem(path: directory + "/" + path, reason: "the template cannot be read as UTF-8 text")
                }
                templates[String(path.dropLast(".mustache".count))] = text
            }
        }
        return Theme(templates: templates, assets: assets, origin: directory)
    }

    /// Equal for themes with equal templates and assets, in every run.
    var fingerprint: UInt64 {
        var hasher = StableHasher()
        for name in templates.keys.sorted() {
            hasher.combine(name)
            hasher.combine(templates[name]!)
        }
        for name in assets.keys.sorted() {
            hasher.combine(name)
            assets[name]!.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
        return hasher.finalized
    }

    /// Whether a template names a partial by a field (`{{>*name}}`, `{{<*name}}`), which swift-mustache reads only
    /// from a `String` (``MustacheText``), or sets other delimiters, behind which such a tag cannot be seen.
    var namesPartialsByFields: Bool {
        templates.values.contains { text in
            text.contains("{{=") || text.contains(#/\{\{\s*[<>]\s*\*/#)
        }
    }

    /// The file a template comes from, for diagnostics.
    func file(of name: String) -> String { origin + "/" + name + ".mustache" }

    /// Parses every template, reporting syntax errors, missing page templates and partials that do not exist.
    public func compile(diagnostics: inout [Diagnostic]) -> MustacheLibrary? {
        var library = MustacheLibrary()
        let errorsBefore = diagnostics.count
        FastHTMLEscaping.registered
        let prefix = FastHTMLEscaping.pragma + "\n"
        for name in templates.keys.sorted() {
            do {
                library.register(try MustacheTemplate(string: prefix + templates[name]!), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma's line comes first; report lines as the file has them.
                diagnostics.append(
                    .error(
                        "template syntax: \(Self.explain(error.error))",
                        at: SourceLocation(
                            file: file(of: name), line: max(error.context.lineNumber - 1, 1),
                            column: error.context.columnNumber)))
            } catch {
                diagnostics.append(
                    .error("template syntax: \(error)", at: SourceLocation(file: file(of: name), line: 1, column: 1)))
            }
        }
        if library.getTemplate(named: SitemapIndex.template) == nil,
            let index = try? MustacheTemplate(string: prefix + SitemapIndex.text)
        {
            library.register(index, named: SitemapIndex.template)
        }
        if diagnostics[errorsBefore...].isEmpty && Self.partialIsReusable(CardMemo.partial, in: templates) {
            try? CardMemo.install(in: &library, prefix: prefix)
        }
        if diagnostics[errorsBefore...].isEmpty && !namesPartialsByFields
            && Self.partialIsReusable(TweetStencils.partial, in: templates) && Self.includesOnlyPerTweet(templates)
        {
            try? TweetStencils.install(in: &library, prefix: prefix)
        }
        if diagnostics[errorsBefore...].isEmpty && !namesPartialsByFields {
            try? PartialMemo.install(in: &library, names: rememberedPartials, prefix: prefix)
        }
        for name in Self.requiredTemplates where templates[name] == nil {
            diagnostics.append(
                .error(
                    "the theme has no template '\(name)', which the site needs",
                    at: SourceLocation(file: file(of: name))))
        }
        for name in templates.keys.sorted() {
            for reference in Self.partialReferences(in: templates[name]!) where templates[reference.name] == nil {
                diagnostics.append(
                    .error(
                        "the partial '\(reference.name)' does not exist (no \(reference.name).mustache in the theme)",
                        at: SourceLocation(file: file(of: name), line: reference.line, column: reference.column)))
            }
        }
        return diagnostics[errorsBefore...].containsErrors ? nil : library
    }

    /// Whether a partial's text can be made once and reused (the card, ``CardMemo``; the tweet, ``TweetStencils``):
    /// nothing in it or in the partials it includes depends on where it stands (no transform, which may read the
    /// list's `first()` or `index()`; no block or parent; no set delimiter or pragma), and no partial or block of the
    /// theme is indented, which would indent each line of an included partial.
    static func partialIsReusable(_ partial: String, in templates: [String: String]) -> Bool {
        guard templates[partial] != nil else { return false }
        var included: Set<String> = []
        var pending = [partial]
        while let name = pending.popLast() {
            guard included.insert(name).inserted, let text = templates[name] else { continue }
            let forbidden = ["{{$", "{{<", "{{=", "{{%", "{{>*", "{{> *", "\u{1}"]
            if forbidden.contains(where: text.contains) { return false }
            var rest = text[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { return false }
                if rest[open.upperBound..<close.lowerBound].contains("(") { return false }
                rest = rest[close.upperBound...]
            }
            pending += partialReferences(in: text).map(\.name)
        }
        for text in templates.values {
            if text.contains("{{=") { return false }
            for line in text.split(separator: "\n") {
                let indentation = line.prefix { $0 == " " || $0 == "\t" }
                let tag = line.dropFirst(indentation.count)
                if !indentation.isEmpty && tag.hasPrefix("{{")
                    && tag.dropFirst(2).drop(while: { $0 == " " }).first.map({ ">$<".contains($0) }) == true
                {
                    return false
                }
            }
        }
        return true
    }

    /// The partials whose texts are remembered by what they read (``PartialMemo``): every partial some template
    /// includes that ``partialIsReusable(_:in:)`` and looks up at least five names (the memo's wrapper looks up two),
    /// but the card and the tweet, which have memos of their own.
    var rememberedPartials: [String] {
        let included = Set(templates.values.flatMap { Self.partialReferences(in: $0).map(\.name) })
        return included.subtracting([CardMemo.partial, TweetStencils.partial]).sorted().filter {
            Self.partialIsReusable($0, in: templates) && lookups(in: $0) >= 5
        }
    }

    /// How many names the tags of the template `name` and of the partials it includes look up (variables and
    /// sections; `a.b` looks up two).
    func lookups(in name: String) -> Int {
        var included: Set<String> = []
        var pending = [name]
        var count = 0
        while let name = pending.popLast() {
            guard included.insert(name).inserted, let text = templates[name] else { continue }
            for tag in text.matches(of: #/\{\{\s*[#^&{]?\s*([^\s!/>=<$%{}#^&][^\s}]*)/#) {
                count += 1 + tag.output.1.filter { $0 == "." }.count
            }
            pending += Self.partialReferences(in: text).map(\.name)
        }
        return count
    }

    /// Whether every tag of the theme that names the tweet partial is all of a `{{#tweets}}` section, where it stands
    /// over a tweet (``TweetStencils``).
    static func includesOnlyPerTweet(_ templates: [String: String]) -> Bool {
        let section = #/\{\{\s*#\s*tweets\s*\}\}\s*\{\{\s*>\s*partials/tweet\s*\}\}\s*\{\{\s*/\s*tweets\s*\}\}/#
        var references = 0
        var sections = 0
        for text in templates.values {
            references += partialReferences(in: text).filter { $0.name == TweetStencils.partial }.count
            sections += text.matches(of: section).count
        }
        return references == sections
    }

    /// `{{> name}}` and `{{< name}}` tags, with their lines and columns.
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        var references: [(String, Int, Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...].drop { $0 == " " }
                guard let sigil = afterOpen.first, sigil == ">" || sigil == "<", let close = afterOpen.range(of: "}}")
                else {
                    rest = rest[open.upperBound...]
                    continue
                }
                let name = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound]
                    .trimmingCharacters(in: .whitespaces)
                let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: open.lowerBound) + 1
                if !name.isEmpty && !name.hasPrefix("*") { references.append((name, lineIndex + 1, column)) }
                rest = afterOpen[close.upperBound...]
            }
        }
        return references
    }

    private static func explain(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "badly formed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: return "only {{$block}} overrides may stand inside {{<parent}}"
        case .textInsideInheritSection: return "only {{$block}} overrides may stand inside {{<parent}}"
        case .invalidConfigVariableSyntax: return "badly formed {{% … }} tag"
        case .unrecognisedConfigVariable: return "unknown {{% … }} setting"
        }
    }
}

/// The sitemap index of a site with more pages than one sitemap may list (``PagePlanner/sitemaps(of:)``): a file for
/// machines, the same in every theme, so Skein carries it instead of asking every theme for one more template.
enum SitemapIndex {
    static let template = "skein.sitemap-index"
    static let text = """
        <?xml version="1.0" encoding="utf-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        {{#sitemap}}
        <sitemap><loc>{{url}}</loc>{{#lastModified}}<lastmod>{{lastModified}}</lastmod>{{/lastModified}}</sitemap>
        {{/sitemap}}
        </sitemapindex>

        """
}
