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

    /// Forgets rendered Markdown when the rule for mentions (the set of authors, the base URL) changes.
    func useMentionRule(_ rule: String) {
        let changed = markdownRule.withLock { current in
            defer { current = rule }
            return current != rule
        }
        if changed { markdown.withLock { $0.removeAll() } }
    }

    /// `text` rendered, from the cache when the same text was rendered under the same mention rule.
    func markdown(_ text: String, render: () -> RenderedMarkdown) -> RenderedMarkdown {
        if let hit = markdown.withLock({ $0[text] }) { return hit }
        let rendered = render()
        markdown.withLock { $0[text] = rendered }
        return rendered
    }
}
