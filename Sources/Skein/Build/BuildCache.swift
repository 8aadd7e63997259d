import Foundation
import Synchronization

/// What one build leaves for the next: parsed thread files, by their path and bytes; rendered tweets, by their
/// Markdown and the mention rule; the fingerprints of the pages written (``PageFingerprints``); each thread's related
/// threads; and the search index's postings (``SearchPostings``). `skein serve` keeps one in memory; `skein build`
/// keeps one in `.skein-cache/` (``load(from:output:)``), so that a build after one edit parses, renders, indexes and
/// writes only what the edit changed. Entries are keyed by content, never by modification
/// time, so a cache restored in CI on a fresh clone still applies.
public final class BuildCache: Sendable {
    struct ParsedFile: Sendable {
        var thread: ThreadSource?
        var diagnostics: [Diagnostic]
    }

    /// The pages of the last build that reached its output folder, and what made them.
    struct WrittenSite: Sendable {
        var output: String
        var theme: UInt64
        /// Each page's fingerprint (``PageFingerprints``), by file path.
        var pages: [String: UInt64]
        var files: Set<String>
    }

    /// The two tables of thread entries, each stored in ``shardCount`` files of its own.
    enum Table {
        /// Parsed thread files.
        case parsed
        /// Rendered tweets.
        case rendered
    }

    /// Where a cache read from disk is saved again, and which shards of each table changed since it was read.
    struct Storage: Sendable {
        var folder: String
        /// `nil` for runs that write no site.
        var output: String?
        /// The shards of each table that changed.
        var changed: [Table: Set<Int>] = [:]
    }

    private let parsed = Mutex<[UInt64: ParsedFile]>([:])
    /// The hash of each content file's bytes by path, as the build record read them just before this build.
    private let fileHashes = Mutex<[String: UInt64]>([:])
    private let rendered = Mutex<[UInt64: RenderedTweets]>([:])
    private let written = Mutex<WrittenSite?>(nil)
    /// The related threads of the last build, and the key of the topics and authors they were found from.
    private let related = Mutex<(key: UInt64, lists: [[Int]])?>(nil)
    /// Whether ``related`` changed since the cache was read.
    private let relatedChanged = Mutex(false)
    /// The search index's postings of the last build, for a cache kept in memory; one stored on disk reads and writes
    /// them when the index is made.
    private let search = Mutex<SearchPostings?>(nil)
    let storage = Mutex<Storage?>(nil)

    /// An empty cache.
    public init() {}

    /// The key of a thread file: its path, which its diagnostics name, and the hash of its bytes
    /// (``StableHasher/hash(_:)``).
    static func key(file: String, bytesHash: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(file)
        hasher.combine(bytesHash)
        return hasher.finalized
    }

    /// Keeps the hashes of the content files' bytes that the build record has just read (`skein build` only).
    func remember(fileHashes hashes: [String: UInt64]) {
        fileHashes.withLock { $0 = hashes }
    }

    /// The parse of `file` kept for the bytes the build record found in it, without reading the file again; nil when
    /// the record did not read it or the cache has no parse of those bytes.
    func parsedFile(unread file: String) -> (key: UInt64, thread: ThreadSource?, diagnostics: [Diagnostic])? {
        guard let hash = fileHashes.withLock({ $0[file] }) else { return nil }
        let key = Self.key(file: file, bytesHash: hash)
        guard let hit = parsed.withLock({ $0[key] }) else { return nil }
        return (key, hit.thread, hit.diagnostics)
    }

    /// The thread file `file` with these bytes parsed, from the cache when it was parsed before.
    func thread(_ key: UInt64, parse: () -> (ThreadSource?, [Diagnostic])) -> (ThreadSource?, [Diagnostic]) {
        if let hit = parsed.withLock({ $0[key] }) { return (hit.thread, hit.diagnostics) }
        let result = parse()
        parsed.withLock { $0[key] = ParsedFile(thread: result.0, diagnostics: result.1) }
        changed([key], in: .parsed)
        return result
    }

    /// How many parsed thread files the cache holds.
    public var threadCount: Int { parsed.withLock { $0.count } }

    /// Forgets parsed files other than `keys`, the files of the current build.
    func keepThreads(_ keys: Set<UInt64>) {
        changed(parsed.withLock { Self.keep(keys, in: &$0) }, in: .parsed)
    }

    /// The key of a thread's tweets for rendering: their Markdown and the rule of what else rendering depends on
    /// (the authors and base URL that mentions link to, the sizes of the media images).
    static func key(markdown: TweetMarkdown, rule: UInt64) -> UInt64 {
        var hasher = StableHasher(seed: rule)
        hasher.combine(markdown.count)
        markdown.bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalized
    }

    /// A thread's tweets rendered, from the cache when the same Markdown was rendered under the same rule.
    func renderedTweets(_ key: UInt64, render: () -> RenderedTweets) -> RenderedTweets {
        if let hit = rendered.withLock({ $0[key] }) { return hit }
        let tweets = render()
        rendered.withLock { $0[key] = tweets }
        changed([key], in: .rendered)
        return tweets
    }

    /// Forgets rendered tweets other than `keys`, those of the current build.
    func keepRenderedTweets(_ keys: Set<UInt64>) {
        changed(rendered.withLock { Self.keep(keys, in: &$0) }, in: .rendered)
    }

    /// Removes the entries of `table` other than `keys`, and returns the keys removed.
    private static func keep<Value>(_ keys: Set<UInt64>, in table: inout [UInt64: Value]) -> [UInt64] {
        let gone = table.keys.filter { !keys.contains($0) }
        for key in gone { table[key] = nil }
        return gone
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

    /// Each thread's related threads, from the cache when the threads' authors and topics, which `key` stands for, are
    /// what they were: finding them counts every pair of threads that share a topic, the largest part of planning a
    /// rebuild after one edit. Lists that do not fit `threadCount` threads are found again.
    func relatedThreads(key: UInt64, threadCount: Int, find: () -> [[Int]]) -> [[Int]] {
        if let known = related.withLock({ $0 }), known.key == key, known.lists.count == threadCount,
            known.lists.allSatisfy({ $0.allSatisfy { (0..<threadCount).contains($0) } })
        {
            return known.lists
        }
        let lists = find()
        related.withLock { $0 = (key, lists) }
        relatedChanged.withLock { $0 = true }
        return lists
    }

    /// The related threads to store, when they changed since the cache was read.
    func changedRelatedThreads() -> (key: UInt64, lists: [[Int]])? {
        relatedChanged.withLock { $0 } ? related.withLock { $0 } : nil
    }

    func restore(related: (key: UInt64, lists: [[Int]])?) {
        self.related.withLock { $0 = related }
    }

    /// The search index's postings of the last build, handed over and forgotten, so that the index changes them in
    /// place.
    func takeSearchPostings() -> SearchPostings? {
        if let folder = storage.withLock({ $0?.folder }) { return Self.readSearchPostings(in: folder) }
        return search.withLock { $0.take() }
    }

    /// Keeps the postings of this build's index for the next: a cache stored on disk writes them at once, when they
    /// changed, and does not hold them while the pages are rendered.
    func remember(search postings: SearchPostings) {
        if let folder = storage.withLock({ $0?.folder }) {
            if postings.isChanged { Self.write(postings, in: folder) }
        } else {
            search.withLock { $0 = postings }
        }
    }

    /// Forgets the written pages, after a build that may have left its output half-written.
    func forgetWrittenPages() {
        written.withLock { $0 = nil }
    }

    /// Notes that entries of these keys were added or removed, for a cache that is saved to disk.
    private func changed(_ keys: some Collection<UInt64>, in table: Table) {
        guard !keys.isEmpty else { return }
        storage.withLock { storage in
            for key in keys { storage?.changed[table, default: []].insert(Self.shard(of: key)) }
        }
    }

    /// The thread entries live in this many files, so that a build after one edit rewrites one of them.
    static let shardCount = 16

    static func shard(of key: UInt64) -> Int { Int(key % UInt64(shardCount)) }

    /// What the storage writes.
    func contents() -> (parsed: [UInt64: ParsedFile], rendered: [UInt64: RenderedTweets], written: WrittenSite?) {
        (parsed.withLock { $0 }, rendered.withLock { $0 }, written.withLock { $0 })
    }

    /// Adds what the storage read.
    func restore(parsed: [UInt64: ParsedFile], rendered: [UInt64: RenderedTweets]) {
        self.parsed.withLock { $0 = $0.isEmpty ? parsed : $0.merging(parsed) { $1 } }
        self.rendered.withLock { $0 = $0.isEmpty ? rendered : $0.merging(rendered) { $1 } }
    }

    func restore(written: WrittenSite?) {
        self.written.withLock { $0 = written }
    }

    /// Lets go of the entries of `table`, once they are saved and the build no longer needs them.
    func release(_ table: Table) {
        switch table {
        case .parsed: parsed.withLock { $0 = [:] }
        case .rendered: rendered.withLock { $0 = [:] }
        }
    }
}
