/// Everything read from the content folder, before it is resolved into an archive.
public struct ParsedContent: Sendable {
    /// `site.yml`.
    public var site: SiteConfiguration
    /// Author files that parsed.
    public var profiles: [AuthorProfile]
    /// Thread files that parsed, in file order.
    public var threads: [ThreadSource]
    /// Files under `media/`, relative to it.
    public var mediaFiles: [String]
}

/// The parse stage: every file of the inventory, thread files in parallel.
public enum ContentParser {
    /// Parses every file, collecting all problems.
    public static func parse(
        _ inventory: ContentInventory, diagnostics: inout [Diagnostic], progress: ProgressHandler? = nil,
        cache: BuildCache? = nil
    ) -> ParsedContent {
        let counter = ProgressCounter("parsing", total: inventory.threadFiles.count, handler: progress)
        let site = SiteConfigurationParser.parse(file: inventory.siteFile, diagnostics: &diagnostics)
        var profiles: [AuthorProfile] = []
        for file in inventory.authorFiles {
            if let profile = AuthorProfileParser.parse(file: file, diagnostics: &diagnostics) {
                profiles.append(profile)
            }
        }
        let results = inventory.threadFiles.parallelMap { file in
            defer { counter.advance() }
            let parse = { () -> (ThreadSource?, [Diagnostic]) in
                var fileDiagnostics: [Diagnostic] = []
                let thread = ThreadFileParser.parse(file: file, diagnostics: &fileDiagnostics)
                return (thread, fileDiagnostics)
            }
            return cache?.thread(at: file, parse: parse) ?? parse()
        }
        var threads: [ThreadSource] = []
        for (thread, fileDiagnostics) in results {
            diagnostics += fileDiagnostics
            if let thread { threads.append(thread) }
        }
        return ParsedContent(site: site, profiles: profiles, threads: threads, mediaFiles: inventory.mediaFiles)
    }
}
