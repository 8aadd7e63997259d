import Foundation
import Synchronization

/// What a long-running process (`skein serve`) keeps between builds: parsed thread files, by path and modification
/// time, and rendered Markdown, by its text and the mention rule. A change to a file makes its entry miss.
public final class BuildCache: Sendable {
    private struct ParsedFile: Sendable {
        var modified: Date
        var size: Int
        var thread: ThreadSource?
        var diagnostics: [Diagnostic]
    }

    private let parsed = Mutex<[String: ParsedFile]>([:])
    private let markdown = Mutex<[String: RenderedMarkdown]>([:])
    private let markdownRule = Mutex<String>("")
    private let searchTerms = Mutex<[String: [String: Int]]>([:])
    private let searchFiles = Mutex<[String: (data: any Sendable, text: String)]>([:])
    private let written = Mutex<WrittenSite?>(nil)

    /// The pages of the last build that reached its output folder, and what made them.
    private struct WrittenSite: Sendable {
        var output: String
        var theme: UInt64
        /// Each page's fingerprint (``PageFingerprints``), by file path.
        var pages: [String: UInt64]
        var files: Set<String>
    }

    /// An empty cache.
    public init() {}

    /// The parsed thread at `path`, from the cache while the file's modification time and size are unchanged.
    func thread(at path: String, parse: () -> (ThreadSource?, [Diagnostic])) -> (ThreadSource?, [Diagnostic]) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let modified = attributes?[.modificationDate] as? Date ?? .distantPast
        let size = attributes?[.size] as? Int ?? -1
        if let hit = parsed.withLock({ $0[path] }), hit.modified == modified, hit.size == size {
            return (hit.thread, hit.diagnostics)
        }
        let result = parse()
        parsed.withLock {
            $0[path] = ParsedFile(modified: modified, size: size, thread: result.0, diagnostics: result.1)
        }
        return result
    }

    /// Forgets rendered Markdown when what it depends on besides its text changes: the authors and base URL that
    /// mentions link to, and the sizes of the media images.
    func useMarkdownRule(_ rule: String) {
        let changed = markdownRule.withLock { current in
            defer { current = rule }
            return current != rule
        }
        if changed { markdown.withLock { $0.removeAll() } }
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

    /// A thread's weighted search terms, by the texts they come from.
    func searchTerms(_ key: String, compute: () -> [String: Int]) -> [String: Int] {
        if let hit = searchTerms.withLock({ $0[key] }) { return hit }
        let terms = compute()
        searchTerms.withLock { $0[key] = terms }
        return terms
    }

    /// A search index file for `data`, encoded again only when `data` differs from the last time under `name`.
    func searchFile<Data: Equatable & Sendable>(_ name: String, _ data: Data, encode: (Data) -> String) -> String {
        if let hit = searchFiles.withLock({ $0[name] }), let previous = hit.data as? Data, previous == data {
            return hit.text
        }
        let text = encode(data)
        searchFiles.withLock { $0[name] = (data, text) }
        return text
    }

    /// `text` rendered, from the cache when the same text was rendered under the same mention rule.
    func markdown(_ text: String, render: () -> RenderedMarkdown) -> RenderedMarkdown {
        if let hit = markdown.withLock({ $0[text] }) { return hit }
        let rendered = render()
        markdown.withLock { $0[text] = rendered }
        return rendered
    }
}
