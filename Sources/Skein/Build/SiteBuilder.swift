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
    /// Told how far parsing, Markdown and rendering have come.
    public var progress: ProgressHandler?
    /// What the last build parsed, rendered and wrote, so that unchanged files are not parsed or rendered again:
    /// kept in memory by `skein serve`; read from ``recordFolder`` when `nil` and a record folder is given.
    public var cache: BuildCache?
    /// A folder outside the output where a record of the last build is kept between runs (``BuildRecord``), with
    /// its ``BuildCache``: a build whose inputs and output are as that build left them changes nothing and stops at
    /// once, and any other reuses what is unchanged.
    public var recordFolder: String?
    /// The process ends right after the build (`skein build`): the archive is then left to the end of the process
    /// rather than freed string by string, which takes a tenth of a second for 10,000 threads.
    public var processEndsAfterBuild = false

    /// Creates options; the defaults build `Content/` into `Output/`.
    public init(
        content: String = "Content", templates: String? = nil, output: String = "Output", baseURL: URL? = nil,
        selection: ArchiveResolver.Selection = .init(), progress: ProgressHandler? = nil, cache: BuildCache? = nil
    ) {
        self.progress = progress
        self.cache = cache
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
    /// Pages and feeds the site has.
    public var pages: Int
    /// Pages and feeds rendered by this build: the others were known to be unchanged (``BuildCache``).
    public var pagesRendered = 0
    /// Files whose bytes changed and were written.
    public var filesWritten: Int
    /// Files already up to date.
    public var filesUnchanged: Int
    /// Files of an earlier build that were deleted.
    public var filesRemoved: Int
    /// Every file written or removed, with why.
    public var changes: [FileChange]
    /// Warnings of the run.
    public var warnings: [Diagnostic]
    /// How long each stage took, in order.
    public var timings: [StageTiming]
    public var seconds: Double
    /// Nothing had changed since the last build (see ``BuildOptions/recordFolder``), so nothing was built.
    public var upToDate = false
}

/// A site ready to be written: the checked archive, its pages and the compiled theme.
public struct PreparedSite: Sendable {
    /// The archive.
    public var archive: Archive
    /// Every page and feed.
    public var pages: [Page]
    /// The theme, and its templates compiled.
    public var theme: Theme
    let library: MustacheLibrary
    /// Cards rendered once and reused by every listing, when the theme allows (``CardMemo``).
    let cards: CardMemo?
    /// Warnings found on the way.
    public var warnings: [Diagnostic]
    /// The content folder.
    public var content: String
    /// How long each stage took, in order.
    public var timings: [StageTiming]

    /// Renders one page with the theme.
    public func render(_ page: Page) -> String {
        let library = partials?.library ?? library
        let render = { library.render(MustacheObject(page.context), withTemplate: page.template) ?? "" }
        if plainTexts { return MustacheText.$plain.withValue(true, operation: render) }
        guard let partials else { return render() }
        return PartialMemo.Rendering.$current.withValue(PartialMemo.Rendering(memo: partials), operation: render)
    }

    /// Partials remembered by what they read (``PartialMemo``); nil renders every partial in place.
    var partials: PartialMemo?

    /// The earliest date of a thread left out for being in the future.
    var nextPublication: Date?

    /// Whether templates are given fields as plain strings (``Theme/namesPartialsByFields``).
    var plainTexts = false

    /// The paths of the files made from the archive besides pages: the search index, made by `build` only (`check`
    /// needs none).
    var generatedPaths: [String] = []

    /// The files copied into the site as they are: theme assets and media, with where each comes from.
    var copies: [(path: String, source: String?, data: Data?)] {
        theme.assets.sorted { $0.key < $1.key }.map { ("assets/" + $0.key, nil, $0.value) }
            + archive.mediaFiles.map { ("media/" + $0, content + "/media/" + $0, nil) }
    }

    /// The paths of every file of the site; the search page's manifest counts even before the index is made.
    public var filePaths: Set<String> {
        Set(pages.map(\.route.filePath)).union(copies.map(\.path)).union(generatedPaths)
            .union([SearchIndex.manifestPath])
    }
}

/// The whole pipeline: discover → parse → resolve → render Markdown → plan pages → render templates → write.
public enum SiteBuilder {
    /// Builds the site; throws ``BuildFailure/invalidInput(_:)`` with every error of the run, leaving the output as it was.
    @discardableResult
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildSummary {
        let start = Date()
        var options = options
        var recordPath: String?
        var storesCache = false
        var inputs = ""
        var cacheTimings: [StageTiming] = []
        var outputStamps: [String: String] = [:]
        var contentStamps: ContentStamps?
        // The record has just stat'ed every file the last build left: the pages it wrote are there.
        var outputIsAsRecorded = false
        if let folder = options.recordFolder {
            var clock = StageClock()
            let path = BuildRecord.path(in: folder, output: options.output)
            let record = BuildRecord.load(from: path)
            let fileHashes: [String: UInt64]
            (inputs, fileHashes, contentStamps) = BuildRecord.inputs(
                of: options, theme: BuildRecord.theme(options), known: record?.contentStamps)
            outputStamps = BuildRecord.outputStamps(of: options.output, paths: record?.outputPaths)
            let outputs = BuildRecord.outputs(outputStamps)
            if let record, record.isCurrent(inputs: inputs, outputs: outputs, now: options.selection.now) {
                clock.lap("up to date", "inputs and output as the last build left them")
                return BuildSummary(
                    threads: record.threads, tweets: record.tweets, authors: record.authors, topics: record.topics,
                    pages: record.pages, filesWritten: 0, filesUnchanged: record.files, filesRemoved: 0, changes: [],
                    warnings: record.warnings, timings: clock.laps, seconds: Date().timeIntervalSince(start),
                    upToDate: true)
            }
            clock.lap("check record", "inputs and output changed since the last build")
            // Forget the record first: if this build fails halfway, the next one must not trust it.
            try? FileManager.default.removeItem(atPath: path)
            recordPath = path
            if options.cache == nil {
                let (cache, builtFrom) = BuildCache.load(from: folder, output: options.output)
                // Pages are skipped only while the output is exactly as the build that saved the cache left it.
                if builtFrom == nil || builtFrom != record?.inputs || record?.outputs != outputs {
                    cache.forgetWrittenPages()
                } else {
                    outputIsAsRecorded = true
                }
                cache.remember(fileHashes: fileHashes)
                options.cache = cache
                storesCache = true
            }
            clock.lap("read cache", storesCache ? "\(options.cache!.threadCount) parsed files" : "")
            cacheTimings = clock.laps
        }
        var site = try prepare(options)
        var clock = StageClock()
        let writer = SiteWriter(output: options.output)
        try writer.begin()
        let report: SiteWriter.Report
        let fingerprints: [String: UInt64]
        let rendered: Int
        do {
            (report, fingerprints, rendered) = try write(
                &site, with: writer,
                previousPages: options.cache?.renderedPages(writtenTo: options.output, theme: site.theme),
                previousFiles: options.cache?.files(writtenTo: options.output),
                previousPagesAreThere: outputIsAsRecorded, clock: &clock, progress: options.progress
            ) { archive in SearchIndex(archive: archive, cache: options.cache) }
        } catch {
            writer.abandon()
            options.cache?.forgetWrittenPages()
            throw error
        }
        let filePaths = site.filePaths
        options.cache?.remember(fingerprints, files: filePaths, theme: site.theme, output: options.output)
        clock.lap(
            "write", "\(report.written) files written, \(report.unchanged) unchanged, \(report.removed) removed")
        if storesCache, let cache = options.cache {
            cache.savePages(builtFrom: inputs)
            clock.lap("save cache", "page fingerprints")
        }
        if let recordPath {
            let stamps = BuildRecord.outputStamps(outputStamps, after: report.changes, in: options.output)
            BuildRecord(
                inputs: inputs, outputs: BuildRecord.outputs(stamps),
                nextPublication: site.nextPublication, threads: site.archive.threads.count,
                tweets: site.archive.tweetCount, authors: site.archive.authors.count,
                topics: site.archive.topics.count, pages: site.pages.count, files: filePaths.count,
                // A media file's name may hold a line end: then the output is walked next time.
                outputPaths: stamps.keys.contains { $0.utf8.contains(UInt8(ascii: "\n")) }
                    ? nil : stamps.keys.sorted().joined(separator: "\n"),
                warnings: site.warnings, contentStamps: contentStamps
            ).save(to: recordPath)
        }
        let summary = BuildSummary(
            threads: site.archive.threads.count, tweets: site.archive.tweetCount,
            authors: site.archive.authors.count, topics: site.archive.topics.count, pages: site.pages.count,
            pagesRendered: rendered, filesWritten: report.written, filesUnchanged: report.unchanged,
            filesRemoved: report.removed, changes: report.changes,
            warnings: site.warnings, timings: cacheTimings + site.timings + clock.laps,
            seconds: Date().timeIntervalSince(start))
        if options.processEndsAfterBuild { _ = Unmanaged.passRetained(Kept(site)) }
        return summary
    }

    /// Holds a site that is never released.
    private final class Kept {
        let site: PreparedSite
        init(_ site: PreparedSite) { self.site = site }
    }

    /// Every stage up to the pages, without writing; throws with every error found.
    public static func prepare(_ options: BuildOptions) throws(BuildFailure) -> PreparedSite {
        var diagnostics: [Diagnostic] = []
        var clock = StageClock()
        let inventory = try ContentInventory.discover(in: options.content, diagnostics: &diagnostics)
        clock.lap(
            "discover",
            "\(counted(inventory.threadFiles.count, "thread file")), \(counted(inventory.mediaFiles.count, "media file"))"
        )
        // Each thread's Markdown is let go as soon as it is rendered: the cache's parsed files are saved first and the
        // parsed content is dropped once resolved, so a large archive never holds its Markdown and its HTML together.
        var resolved: ResolvedContent
        do {
            var parsed = ContentParser.parse(
                inventory, diagnostics: &diagnostics, progress: options.progress, cache: options.cache)
            if let baseURL = options.baseURL { parsed.site.baseURL = baseURL }
            clock.lap("parse", counted(parsed.threads.count, "thread") + " parsed")
            if let files = options.cache?.save(.parsed) { clock.lap("save parsed", counted(files, "changed file")) }
            resolved = ArchiveResolver.resolve(parsed, selection: options.selection, diagnostics: &diagnostics)
        }
        let theme = try loadTheme(options)
        let library = theme.compile(diagnostics: &diagnostics)
        clock.lap(
            "resolve",
            "\(counted(resolved.threads.count, "thread")) to publish, \(counted(resolved.authors.count, "author"))")
        guard !diagnostics.containsErrors, let library else { throw .invalidInput(diagnostics.sortedByLocation()) }

        let imageSizes = ImageSize.sizes(of: resolved.mediaFiles, in: options.content + "/media")
        var markdown = MarkdownStage.render(
            &resolved, imageSizes: imageSizes, progress: options.progress, cache: options.cache)
        clock.lap("markdown", counted(markdown.threads.reduce(0) { $0 + $1.rendered.count }, "tweet"))
        if let files = options.cache?.save(.rendered) { clock.lap("save tweets", counted(files, "changed file")) }
        let archive = Archive.assemble(resolved, threads: &markdown.threads, bios: markdown.bios)
        diagnostics += MediaCheck.missingImages(in: archive, content: options.content)
        clock.lap("assemble", counted(archive.topics.count, "topic"))
        guard !diagnostics.containsErrors else { throw .invalidInput(diagnostics.sortedByLocation()) }
        let cards = CardMemo.installed(in: library)
        let pages = PagePlanner.plan(
            archive, urls: SiteURLs(baseURL: archive.site.baseURL), cards: cards,
            tweetStencils: TweetStencils.installed(in: library), cache: options.cache)
        clock.lap("plan", counted(pages.count, "page"))
        var site = PreparedSite(
            archive: archive, pages: pages, theme: theme, library: library, cards: cards,
            warnings: diagnostics.sortedByLocation(),
            content: options.content, timings: clock.laps)
        site.nextPublication = resolved.nextPublication
        site.plainTexts = theme.namesPartialsByFields
        site.partials = PartialMemo.installed(in: library, templates: theme.templates)
        return site
    }

    static func loadTheme(_ options: BuildOptions) throws(BuildFailure) -> Theme {
        guard let folder = themeFolder(options) else { return .builtIn }
        return try Theme.load(directory: folder)
    }

    /// The theme folder a build uses: `--templates`, else `Templates/` beside the content; nil for the built-in theme.
    static func themeFolder(_ options: BuildOptions) -> String? {
        if let templates = options.templates { return templates }
        let beside = URL(fileURLWithPath: options.content).deletingLastPathComponent().appendingPathComponent(
            "Templates"
        )
        .path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: beside, isDirectory: &isDirectory), isDirectory.boolValue {
            return beside
        }
        return nil
    }

    /// Renders the pages in parallel and stages them with the theme's assets and the media, then commits. A page
    /// whose fingerprint is in `previousPages`, the pages of the last build into this output with this theme (see
    /// ``BuildCache``), and whose file is still there (known when `previousPagesAreThere`), is not rendered again.
    /// Returns the fingerprint of every page that has one.
    ///
    /// The search index (`generate`) is made and staged before the pages are rendered, and let go: the rendering
    /// then reuses its memory, and a large archive's peak is the lower for it.
    private static func write(
        _ site: inout PreparedSite, with writer: SiteWriter, previousPages: [String: UInt64]?,
        previousFiles: Set<String>?, previousPagesAreThere: Bool, clock: inout StageClock, progress: ProgressHandler?,
        generate: (Archive) -> SearchIndex
    ) throws(BuildFailure) -> (SiteWriter.Report, fingerprints: [String: UInt64], rendered: Int) {
        let counter = ProgressCounter("rendering", total: site.pages.count, handler: progress)
        let output = writer.output.path
        // Written by the last build from what it is made from now, and still there.
        let isThere = { @Sendable (path: String) -> Bool in
            previousPagesAreThere || FileManager.default.fileExists(atPath: output + "/" + path)
        }
        let isUnchanged = { @Sendable (path: String, fingerprint: UInt64?) -> Bool in
            guard let fingerprint, previousPages?[path] == fingerprint else { return false }
            return isThere(path)
        }
        var fingerprints: [String: UInt64] = [:]
        let indexed: Int
        do {
            let index = generate(site.archive)
            let generated = index.files
            indexed = index.threadsIndexed
            let made = generated.parallelMap { file -> Result<Void, BuildFailure> in
                if isUnchanged(file.path, file.fingerprint) { return .success(()) }
                let text = file.make()
                return Result { () throws(BuildFailure) in _ = try writer.stage(text, at: file.path) }
            }
            for (file, outcome) in zip(generated, made) {
                try outcome.get()
                fingerprints[file.path] = file.fingerprint
            }
            site.generatedPaths = generated.map(\.path)
        }
        let kept = site.archive.threads.count - indexed
        clock.lap(
            "search index",
            "\(counted(site.generatedPaths.count, "file")), \(counted(indexed, "thread")) indexed"
                + (kept > 0 ? ", \(kept) kept from the last build" : ""))
        let rendering = site
        // A page's file is known by the fingerprint that holds the authors' counts its rendering read.
        let outcomes = rendering.pages.parallelMap {
            page -> Result<(fingerprint: UInt64?, rendered: Bool), BuildFailure> in
            defer { counter.advance() }
            let path = page.route.filePath
            if let fingerprint = page.fingerprint, let known = previousPages?[path], fingerprint.matches(known),
                isThere(path)
            {
                return .success((known, false))
            }
            let reads = AuthorCountReads(owner: page.fingerprint?.owner)
            let text = reads.recording { rendering.render(page) }
            return Result { () throws(BuildFailure) in
                _ = try writer.stage(text, at: path)
                return (page.fingerprint?.recorded(after: reads), true)
            }
        }
        var rendered = 0
        for (page, outcome) in zip(site.pages, outcomes) {
            let outcome = try outcome.get()
            if outcome.rendered { rendered += 1 }
            fingerprints[page.route.filePath] = outcome.fingerprint
        }
        site.cards?.release()
        clock.lap("render", "\(rendered) of \(site.pages.count) pages rendered, the others unchanged")
        for copy in site.copies {
            guard let data = copy.data ?? copy.source.flatMap({ FileManager.default.contents(atPath: $0) }) else {
                throw .fileSystem(path: copy.source ?? copy.path, reason: "the file cannot be read")
            }
            _ = try writer.stage(data, at: copy.path)
        }
        return (try writer.commit(produced: site.filePaths, previous: previousFiles), fingerprints, rendered)
    }
}
