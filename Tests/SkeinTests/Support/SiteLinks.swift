import Foundation

/// Reads a built site the way a browser follows it: every `href` and `src`, resolved to a file and an anchor.
struct SiteLinks {
    struct Broken: CustomStringConvertible {
        var page: String
        var link: String
        var description: String { "\(page): \(link)" }
    }

    let output: String
    let baseURL: String

    /// Links from HTML pages to files or anchors of the site that do not exist.
    func broken() -> [Broken] {
        let pages = files().filter { $0.hasSuffix(".html") }
        var ids: [String: Set<String>] = [:]
        var broken: [Broken] = []
        for page in pages {
            let html = String(
                decoding: FileManager.default.contents(atPath: output + "/" + page) ?? Data(), as: UTF8.self)
            for link in Self.attributes(["href", "src"], in: html) {
                guard let (file, anchor) = resolve(link, from: page) else { continue }
                var isDirectory: ObjCBool = false
                let exists =
                    FileManager.default.fileExists(atPath: output + "/" + file, isDirectory: &isDirectory)
                    && !isDirectory.boolValue
                if !exists {
                    broken.append(Broken(page: page, link: link))
                } else if let anchor, file.hasSuffix(".html") {
                    if ids[file] == nil {
                        let target = String(
                            decoding: FileManager.default.contents(atPath: output + "/" + file) ?? Data(), as: UTF8.self
                        )
                        ids[file] = Set(Self.attributes(["id"], in: target))
                    }
                    if !ids[file]!.contains(anchor) { broken.append(Broken(page: page, link: link)) }
                }
            }
        }
        return broken
    }

    /// The file and anchor a link of `page` leads to, or `nil` for links that leave the site.
    func resolve(_ link: String, from page: String) -> (file: String, anchor: String?)? {
        var target = link.replacingOccurrences(of: "&amp;", with: "&")
        let basePath = URL(string: baseURL)?.path ?? "/"
        if !baseURL.isEmpty && target.hasPrefix(baseURL) {
            target = "/" + target.dropFirst(baseURL.count)
        } else if target.hasPrefix("/") && !target.hasPrefix("//") {
            // Root paths (the 404 page's) include the base URL's sub-path.
            guard target.hasPrefix(basePath) else { return ("(outside the base path) " + target, nil) }
            target = "/" + target.dropFirst(basePath.count).drop { $0 == "/" }
        } else if target.contains("://") || target.hasPrefix("mailto:") || target.hasPrefix("//") {
            return nil
        }
        var anchor: String?
        if let hash = target.firstIndex(of: "#") {
            anchor = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        let folder = (page as NSString).deletingLastPathComponent
        let joined =
            target.isEmpty
            ? page
            : target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? target : folder + "/" + target)
        var parts: [String] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if part != "." {
                parts.append(String(part))
            }
        }
        var file = (parts.joined(separator: "/").removingPercentEncoding ?? "")
        if joined.hasSuffix("/") || joined.isEmpty || file.isEmpty || target.hasSuffix("/") || target == "."
            || target == ".."
        {
            file += file.isEmpty ? "index.html" : "/index.html"
        }
        return (file, anchor?.isEmpty == true ? nil : anchor)
    }

    func files() -> [String] {
        (FileManager.default.enumerator(atPath: output)?.allObjects as? [String] ?? []).filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted()
    }

    static func attributes(_ names: [String], in html: String) -> [String] {
        let pattern = "\\s(?:" + names.joined(separator: "|") + ")=\"([^\"]*)\""
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }
    }
}
