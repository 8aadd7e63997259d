import Foundation
import Skein

/// A throw-away folder holding an archive written from strings; removed when the test ends.
final class TemporaryArchive {
    let root: String

    var content: String { root + "/Content" }
    var output: String { root + "/Output" }

    /// Creates the folder with `files` (paths relative to it) and a minimal `site.yml` unless one is given.
    init(_ files: [String: String] = [:], site: String? = "title: Test Site\nbase_url: https://example.org/\n") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("skein-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/Content", withIntermediateDirectories: true)
        if let site { try write("Content/site.yml", site) }
        for (path, text) in files { try write(path, text) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Builds with the built-in theme unless `templates` is given.
    @discardableResult
    func build(templates: String? = nil, baseURL: String? = nil, drafts: Bool = false) throws(BuildFailure)
        -> BuildSummary
    {
        try SiteBuilder.build(
            BuildOptions(
                content: content, templates: templates, output: output,
                baseURL: baseURL.flatMap(SiteConfigurationParser.baseURL),
                selection: .init(drafts: drafts, future: false, now: Date(timeIntervalSince1970: 2_000_000_000))))
    }

    /// The diagnostics of a build that must fail.
    func failingBuild(templates: String? = nil) -> [Diagnostic] {
        do {
            try build(templates: templates)
            return []
        } catch {
            if case .invalidInput(let diagnostics) = error { return diagnostics }
            return [Diagnostic(.error, at: SourceLocation(file: "?"), error.description)]
        }
    }

    /// Every file of the output, relative to it, with its bytes.
    func outputTree() -> [String: Data] {
        var tree: [String: Data] = [:]
        let base = URL(fileURLWithPath: output).standardizedFileURL.path + "/"
        guard let enumerator = FileManager.default.enumerator(atPath: output) else { return tree }
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                tree[path] = FileManager.default.contents(atPath: base + path)
            }
        }
        return tree
    }
}

/// A thread file's text.
func threadFile(author: String = "ada", date: String = "2024-03-01", extra: String = "", tweets: [String]) -> String {
    "---\nauthor: \(author)\ndate: \(date)\n\(extra)---\n" + tweets.joined(separator: "\n---\n") + "\n"
}
