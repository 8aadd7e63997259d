import Foundation

/// What `skein check` looks at besides what a build needs.
public struct CheckOptions: Sendable {
    /// The content, theme and base URL to check.
    public var build: BuildOptions
    /// Warn about tweets whose visible text is longer than this; `nil` leaves length alone.
    public var maximumTweetLength: Int?
    /// Also request every outside link.
    public var external: Bool
    /// How long to wait for an outside link, in seconds.
    public var timeout: Double

    /// Creates options.
    public init(build: BuildOptions, maximumTweetLength: Int? = nil, external: Bool = false, timeout: Double = 10) {
        self.build = build
        self.maximumTweetLength = maximumTweetLength
        self.external = external
        self.timeout = timeout
    }
}

/// What `skein check` found.
public struct CheckReport: Sendable {
    /// Every error and warning, sorted by place.
    public var diagnostics: [Diagnostic]
    /// Pages rendered and checked (0 when the content has errors that stop before pages).
    public var pages: Int
    /// How long each stage took, in order.
    public var timings: [StageTiming] = []
    /// Links and images followed inside the site.
    public var internalLinks: Int
    /// Outside links requested, with `--external`.
    public var externalLinks: Int
    /// Outside links that failed.
    public var brokenExternalLinks: Int
}

/// `skein check`: everything a build validates, then the rendered site, without touching the output.
public enum SiteChecker {
    /// Checks the archive and theme of `options`; throws only when a folder cannot be read.
    public static func check(_ options: CheckOptions) throws(BuildFailure) -> CheckReport {
        var report = CheckReport(diagnostics: [], pages: 0, internalLinks: 0, externalLinks: 0, brokenExternalLinks: 0)
        let site: PreparedSite
        do {
            site = try SiteBuilder.prepare(options.build)
        } catch {
            guard case .invalidInput(let diagnostics) = error else { throw error }
            // Template variables are worth reporting even when content has errors.
            report.diagnostics = (diagnostics + templateVariableDiagnostics(try SiteBuilder.loadTheme(options.build)))
                .uniqued().sortedByLocation()
            return report
        }
        var diagnostics = site.warnings + templateVariableDiagnostics(site.theme) + contentDiagnostics(site, options)
        let sourceLinks = linkDiagnostics(in: site)
        diagnostics += sourceLinks.diagnostics
        let pageLinks = PageLinkCheck.check(site, skipping: sourceLinks.brokenTargets, progress: options.build.progress)
        diagnostics += pageLinks.diagnostics
        report.pages = site.pages.count
        report.timings = site.timings
        report.internalLinks = pageLinks.count
        if options.external {
            let external = ExternalLinkCheck.check(site, timeout: options.timeout)
            diagnostics += external.diagnostics
            report.externalLinks = external.checked
            report.brokenExternalLinks = external.diagnostics.count
        }
        report.diagnostics = diagnostics.uniqued().sortedByLocation()
        return report
    }

    /// Variables that templates use but no page provides: they would render as nothing.
    static func templateVariableDiagnostics(_ theme: Theme) -> [Diagnostic] {
        theme.templates.keys.sorted().flatMap { name in
            TemplateVariables.unknown(in: theme.templates[name]!).map { variable in
                Diagnostic.error(
                    "no page provides the variable '\(variable.name)'; it would render as nothing (see the README's list)",
                    at: SourceLocation(file: theme.file(of: name), line: variable.line, column: variable.column))
            }
        }
    }

    /// Authors without a profile, images without alt text, tweets over the length limit.
    static func contentDiagnostics(_ site: PreparedSite, _ options: CheckOptions) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var warnedAuthors: Set<String> = []
        for author in site.archive.authors where author.profile == nil {
            warnedAuthors.insert(author.key)
        }
        for thread in site.archive.threads {
            if warnedAuthors.remove(thread.authorKey) != nil {
                let file =
                    site.content + "/authors/"
                    + site.archive.authors[site.archive.authorIndex[thread.authorKey]!].handle + ".yml"
                diagnostics.append(
                    .warning(
                        "the author '\(thread.authorKey)' has no profile; add \(SourceLocation.displayPath(file)) to give a name",
                        at: thread.authorLocation))
            }
            for tweet in thread.tweets {
                for image in tweet.content.images where image.alt.isEmpty {
                    diagnostics.append(
                        .warning(
                            "the image '\(image.url)' has no alt text: describe it between the brackets",
                            at: tweet.location))
                }
                if let limit = options.maximumTweetLength, tweet.content.characterCount > limit {
                    diagnostics.append(
                        .warning(
                            "this tweet is \(tweet.content.characterCount) characters long, more than \(limit)",
                            at: tweet.location))
                }
            }
        }
        return diagnostics
    }

    /// Links written in tweets and bios that lead to no page or anchor of the site, at the line that wrote them.
    static func linkDiagnostics(in site: PreparedSite) -> (diagnostics: [Diagnostic], brokenTargets: Set<String>) {
        let files = site.filePaths
        let threads = Dictionary(
            uniqueKeysWithValues: site.archive.threads.map { ("threads/\($0.slug)/index.html", $0.tweetCount) })
        var diagnostics: [Diagnostic] = []
        var broken: Set<String> = []
        for thread in site.archive.threads {
            for tweet in thread.tweets {
                for link in tweet.content.links where link.hasPrefix(InternalLink.scheme) {
                    let target = InternalLink.target(of: link)
                    guard let file = target.file else { continue }
                    if !files.contains(file) {
                        diagnostics.append(
                            .error(
                                "the link '/\(target.written)' leads to no page or file of the site", at: tweet.location
                            ))
                        broken.insert(file)
                    } else if let anchor = target.anchor, let count = threads[file],
                        !(anchor.hasPrefix("t") && Int(anchor.dropFirst()).map { (1...count).contains($0) } == true)
                    {
                        diagnostics.append(
                            .error(
                                "the link '/\(target.written)' names no tweet of that thread (#t1 to #t\(count))",
                                at: tweet.location))
                        broken.insert(file + "#" + anchor)
                    }
                }
            }
        }
        return (diagnostics, broken)
    }
}

extension InternalLink {
    /// The file and anchor an internal `skein:` link leads to.
    static func target(of link: String) -> (file: String?, anchor: String?, written: String) {
        var path = String(link.dropFirst(scheme.count))
        let written = path
        var anchor: String?
        if let hash = path.firstIndex(of: "#") {
            anchor = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        guard let decoded = path.removingPercentEncoding else { return (nil, anchor, written) }
        let file = decoded.isEmpty || decoded.hasSuffix("/") ? decoded + "index.html" : decoded
        return (file, anchor?.isEmpty == true ? nil : anchor, written)
    }
}

extension Array where Element == Diagnostic {
    /// Without repeats, first occurrence kept.
    func uniqued() -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return filter { seen.insert($0).inserted }
    }
}
