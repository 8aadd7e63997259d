import Foundation
import Mustache

/// What to build, and from where.
public struct BuildOptions: Sendable {
    /// The content folder.
    public var content: String
    /// The theme folder; `nil` uses `Templates/` beside the content when it exists, else the built-in theme.
    public var templates: String?
    /// Where the site is written.
    public var output: String
    /// Overrides `base_url` of `site.yml`.
    public var baseURL: URL?
    /// Which threads besides published ones to include.
    public var selection: ArchiveResolver.Selection

    /// Creates options; the defaults build `Content/` into `Output/`.
    public init(
        content: String = "Content", templates: String? = nil, output: String = "Output", baseURL: URL? = nil,
        selection: ArchiveResolver.Selection = .init()
    ) {
        self.content = content
        self.templates = templates
        self.output = output
        self.baseURL = baseURL
        self.selection = selection
    }
}

/// What a successful build did.
public struct BuildSummary: Sendable {
    public var threads: Int
    public var tweets: Int
    public var authors: Int
    public var topics: Int
    /// Pages and feeds rendered.
    public var pages: Int
    /// Files whose bytes changed and were written.
    public var filesWritten: Int
    /// Files already up to date.
    public var filesUnchanged: Int
    /// Files of an earlier build that were deleted.
    public var filesRemoved: Int
    /// Warnings of the run.
    public var warnings: [Diagnostic]
    public var seconds: Double
}

/// The whole pipeline: discover → parse → resolve → render Markdown → plan pages → render templates → write.
public enum SiteBuilder {
    /// Builds the site; throws ``BuildFailure/invalidInput(_:)`` with every error of the run, leaving the output as it was.
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildSummary {
        let start = Date()
        var diagnostics: [Diagnostic] = []

        let inventory = try ContentInventory.discover(in: options.content)
        var parsed = ContentParser.parse(inventory, diagnostics: &diagnostics)
        if let baseURL = options.baseURL { parsed.site.baseURL = baseURL }
        let resolved = ArchiveResolver.resolve(parsed, selection: options.selection, diagnostics: &diagnostics)
        let theme = try loadTheme(options)
        let library = theme.compile(diagnostics: &diagnostics)
        guard !diagnostics.containsErrors, let library else { throw .invalidInput(diagnostics.sortedByLocation()) }

        let markdown = MarkdownStage.render(resolved)
        let archive = Archive.assemble(resolved, threads: markdown.threads, bios: markdown.bios)
        diagnostics += MediaCheck.missingImages(in: archive, content: options.content)
        guard !diagnostics.containsErrors else { throw .invalidInput(diagnostics.sortedByLocation()) }
        let pages = PagePlanner.plan(archive, urls: SiteURLs(baseURL: archive.site.baseURL))

        let writer = SiteWriter(output: options.output)
        try writer.begin()
        let report: SiteWriter.Report
        do {
            report = try write(
                pages: pages, library: library, theme: theme, archive: archive, content: options.content, with: writer)
        } catch {
            writer.abandon()
            throw error
        }
        return BuildSummary(
            threads: archive.threads.count, tweets: archive.threads.reduce(0) { $0 + $1.tweets.count },
            authors: archive.authors.count, topics: archive.topics.count, pages: pages.count,
            filesWritten: report.written, filesUnchanged: report.unchanged, filesRemoved: report.removed,
            warnings: diagnostics.sortedByLocation(), seconds: Date().timeIntervalSince(start))
    }

    static func loadTheme(_ options: BuildOptions) throws(BuildFailure) -> Theme {
        if let templates = options.templates { return try Theme.load(directory: templates) }
        let beside = URL(fileURLWithPath: options.content).deletingLastPathComponent().appendingPathComponent(
            "Templates"
        ).path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: beside, isDirectory: &isDirectory), isDirectory.boolValue {
            return try Theme.load(directory: beside)
        }
        return .builtIn
    }

    /// Renders pages in parallel and stages them with the theme's assets and the media, then commits.
    private static func write(
        pages: [Page], library: MustacheLibrary, theme: Theme, archive: Archive, content: String,
        with writer: SiteWriter
    ) throws(BuildFailure) -> SiteWriter.Report {
        let outcomes = pages.parallelMap { page -> Result<Void, BuildFailure> in
            let text = library.render(page.context, withTemplate: page.template) ?? ""
            return Result { () throws(BuildFailure) in _ = try writer.stage(Data(text.utf8), at: page.route.filePath) }
        }
        var produced = Set(pages.map(\.route.filePath))
        let copies: [(source: Data?, path: String, from: String)] =
            theme.assets.sorted { $0.key < $1.key }.map {
                ($0.value, "assets/" + $0.key, theme.origin + "/assets/" + $0.key)
            }
            + archive.mediaFiles.map {
                (
                    FileManager.default.contents(atPath: content + "/media/" + $0), "media/" + $0,
                    content + "/media/" + $0
                )
            }
        for outcome in outcomes { try outcome.get() }
        for copy in copies {
            guard let data = copy.source else { throw .fileSystem(path: copy.from, reason: "the file cannot be read") }
            _ = try writer.stage(data, at: copy.path)
            produced.insert(copy.path)
        }
        return try writer.commit(produced: produced)
    }
}
