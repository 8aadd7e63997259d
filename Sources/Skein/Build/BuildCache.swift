import Foundation
import Synchronization

/// What one build leaves for the next: parsed thread files, by their path and bytes; rendered tweets, by their
/// Markdown and the mention rule; and the fingerprints of the pages written (``PageFingerprints``). `skein serve`
/// keeps one in memory; `skein build` keeps one in `.skein-cache/` (``load(from:)``, ``save(to:)``), so that a build
/// after one edit parses, renders and writes only what the edit changed. Entries are keyed by content, never by
/// modification time, so a cache restored in CI on a fresh clone still applies.
public final class BuildCache: Sendable {
    struct ParsedFile: Sendable {
        var thread: ThreadSource?
        var diagnostics: [Diagnostic]
    }

    private let parsed = Mutex<[UInt64: ParsedFile]>([:])
    private let rendered = Mutex<[UInt64: [RenderedMarkdown]]>([:])
    private let markdownRule = Mutex<UInt64>(0)
    private let written = Mutex<WrittenSite?>(nil)

    /// The pages of the last build that reached its output folder, and what made them.
    struct WrittenSite: Sendable {
        var output: String
        var theme: UInt64
        /// Each page's fingerprint (``PageFingerprints``), by file path.
        var pages: [String: UInt64]
        var files: Set<String>
    }

    /// An empty cache.
    public init() {}

    /// The key of a thread file: its path, which its diagnostics name, and its bytes.
    static func key(file: String, data: Data) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(file)
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalized
    }

    /// The thread file `file` with these bytes parsed, from the cache when it was parsed before.
    func thread(_ key: UInt64, parse: () -> (ThreadSource?, [Diagnostic])) -> (ThreadSource?, [Diagnostic]) {
        if let hit = parsed.withLock({ $0[key] }) { return (hit.thread, hit.diagnostics) }
        let result = parse()
        parsed.withLock { $0[key] = ParsedFile(thread: result.0, diagnostics: result.1) }
        return result
    }

    /// How many parsed thread files the cache holds.
    var threadCount: Int { parsed.withLock { $0.count } }

    /// Forgets parsed files other than `keys`, the files of the current build.
    func keepThreads(_ keys: Set<UInt64>) {
        parsed.withLock { $0 = $0.filter { keys.contains($0.key) } }
    }

    /// The key of a thread's tweets for rendering: their Markdown.
    static func key(markdown: [String]) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(markdown)
        return hasher.finalized
    }

    /// A thread's tweets rendered, from the cache when the same Markdown was rendered under the same mention rule.
    func renderedTweets(_ key: UInt64, render: () -> [RenderedMarkdown]) -> [RenderedMarkdown] {
        if let hit = rendered.withLock({ $0[key] }) { return hit }
        let tweets = render()
        rendered.withLock { $0[key] = tweets }
        return tweets
    }

    /// Forgets rendered tweets other than `keys`, those of the current build.
    func keepRenderedTweets(_ keys: Set<UInt64>) {
        rendered.withLock { $0 = $0.filter { keys.contains($0.key) } }
    }

    /// Forgets rendered Markdown when what it depends on besides its text changes: the authors and base URL that
    /// mentions link to, and the sizes of the media images.
    func useMarkdownRule(_ rule: String) {
        var hasher = StableHasher()
        hasher.combine(rule)
        let key = hasher.finalized
        let changed = markdownRule.withLock { current in
            defer { current = key }
            return current != key
        }
        if changed { rendered.withLock { $0.removeAll() } }
    }

    /// The fingerprints of the pages the last build into `output` wrote with the same theme, by file path.
    func renderedPages(writtenTo output: String, theme: Theme) -> [String: UInt64] {
        guard let last = written.withLock({ $0 }), last.output == output, last.theme == theme.fingerprint else {
            return [:]
        }
        return last.pages
    }

    /// The files the last build wrote into `output`, when it is known.
    func files(writtenTo output: String) -> Set<String>? {
        written.withLock { $0?.output == output ? $0?.files : nil }
    }

    /// Records the pages and files of a build that reached `output`.
    func remember(_ pages: [String: UInt64], files: Set<String>, theme: Theme, output: String) {
        let site = WrittenSite(output: output, theme: theme.fingerprint, pages: pages, files: files)
        written.withLock { $0 = site }
    }

    /// Forgets the written pages, after a build that may have left its output half-written.
    func forgetWrittenPages() {
        written.withLock { $0 = nil }
    }

    /// What ``save(to:builtFrom:)`` writes.
    func contents() -> (
        parsed: [UInt64: ParsedFile], rendered: [UInt64: [RenderedMarkdown]], rule: UInt64, written: WrittenSite?
    ) {
        (
            parsed.withLock { $0 }, rendered.withLock { $0 }, markdownRule.withLock { $0 },
            written.withLock { $0 }
        )
    }

    /// Fills an empty cache with what ``load(from:)`` read.
    func restore(
        parsed: [UInt64: ParsedFile], rendered: [UInt64: [RenderedMarkdown]], rule: UInt64, written: WrittenSite?
    ) {
        self.parsed.withLock { $0 = parsed }
        self.rendered.withLock { $0 = rendered }
        markdownRule.withLock { $0 = rule }
        self.written.withLock { $0 = written }
    }
}
