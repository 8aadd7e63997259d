import Foundation

/// Renders every page in memory and follows every `href` and `src` that stays inside the site, anchors included.
/// A broken link here comes from a template (links written in content are checked at their source line), so it
/// is reported at the template that made the page.
enum PageLinkCheck {
    struct Result {
        var diagnostics: [Diagnostic]
        var count: Int
    }

    private struct Target: Sendable {
        var file: String
        var anchor: String?
        init(_ resolved: (file: String, anchor: String?)) {
            file = resolved.file
            anchor = resolved.anchor
        }
    }

    private struct Scan: Sendable {
        /// Links that stay inside the site, as written, and where each leads.
        var links: [String]
        var targets: [Target]
        var ids: Set<String>
    }

    static func check(_ site: PreparedSite, skipping brokenTargets: Set<String>, progress: ProgressHandler? = nil)
        -> Result
    {
        let counter = ProgressCounter("checking pages", total: site.pages.count, handler: progress)
        let urls = SiteURLs(baseURL: site.archive.site.baseURL)
        // Rendering and resolving run in parallel; only the lookups of the results are serial.
        // Feeds, the sitemap and robots.txt hold only absolute URLs, which this check leaves alone: not rendered.
        let scans = site.pages.parallelMap { page -> Scan in
            defer { counter.advance() }
            guard page.route.filePath.hasSuffix(".html") else { return Scan(links: [], targets: [], ids: []) }
            let html = site.render(page)
            var resolved: [String: Target?] = [:]
            var links: [String] = []
            var targets: [Target] = []
            for link in attributes(["href", "src"], in: html) {
                if resolved[link] == nil {
                    resolved[link] = .some(resolve(link, from: page.route, urls: urls).map(Target.init))
                }
                guard let target = resolved[link]! else { continue }
                links.append(link)
                targets.append(target)
            }
            return Scan(links: links, targets: targets, ids: Set(attributes(["id"], in: html)))
        }
        let files = site.filePaths
        var ids: [String: Set<String>] = [:]
        for (page, scan) in zip(site.pages, scans) { ids[page.route.filePath] = scan.ids }
        var diagnostics: [Diagnostic] = []
        var count = 0
        for (page, scan) in zip(site.pages, scans) {
            for (link, target) in zip(scan.links, scan.targets) {
                count += 1
                // Reported already at the tweet that wrote it.
                guard !brokenTargets.contains(target.file),
                    !brokenTargets.contains(target.file + "#" + (target.anchor ?? ""))
                else { continue }
                let location = SourceLocation(file: site.theme.file(of: page.template))
                if !files.contains(target.file) {
                    diagnostics.append(
                        .error(
                            "on \(page.route), the link '\(link)' leads to no page or file of the site", at: location))
                } else if let anchor = target.anchor, let known = ids[target.file], !known.contains(anchor) {
                    diagnostics.append(
                        .error("on \(page.route), the link '\(link)' names an anchor that does not exist", at: location)
                    )
                }
            }
        }
        return Result(diagnostics: diagnostics, count: count)
    }

    /// The file and anchor `link` on the page at `route` leads to, or `nil` when it is absolute.
    static func resolve(_ link: String, from route: Route, urls: SiteURLs) -> (file: String, anchor: String?)? {
        // Absolute URLs are either made from routes (canonical, Open Graph) or written by an author about something else
        // on the same host; neither is a template's navigation, so only relative and root-path links are followed.
        var target = link.contains("&") ? link.replacingOccurrences(of: "&amp;", with: "&") : link
        let basePath = urls.prefix(.rootPath)
        var fromRoot = false
        if target.hasPrefix("/") && !target.hasPrefix("//") {
            guard target.hasPrefix(basePath) else { return (target, nil) }
            target = String(target.dropFirst(basePath.count))
            fromRoot = true
        } else if target.hasPrefix("//") || hasScheme(target) {
            return nil
        }
        var anchor: String?
        if let hash = target.firstIndex(of: "#") {
            anchor = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        let pageFolder = (route.filePath as NSString).deletingLastPathComponent
        if target.isEmpty && !fromRoot { return (route.filePath, anchor?.isEmpty == true ? nil : anchor) }
        let joined = fromRoot || pageFolder.isEmpty ? target : pageFolder + "/" + target
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == ".." {
                if parts.isEmpty { return (joined, nil) }
                parts.removeLast()
            } else if part != "." {
                parts.append(part)
            }
        }
        var file = parts.joined(separator: "/").removingPercentEncoding ?? ""
        if target.isEmpty || target.hasSuffix("/") || target.hasSuffix(".") {
            file += file.isEmpty ? "index.html" : "/index.html"
        }
        return (file, anchor?.isEmpty == true ? nil : anchor)
    }

    /// Whether `link` starts with `scheme:` (`https:`, `mailto:`).
    private static func hasScheme(_ link: String) -> Bool {
        for (offset, character) in link.enumerated() {
            if character == ":" { return offset > 0 }
            if !(character.isASCII
                && (character.isLetter || (offset > 0 && (character.isNumber || "+.-".contains(character)))))
            {
                return false
            }
        }
        return false
    }

    /// Values of the attributes `names` written as ` name="value"`, the only form templates and cmark write.
    static func attributes(_ names: [String], in html: String) -> [String] {
        let bytes = Array(html.utf8)
        let markers = names.map { Array(" \($0)=\"".utf8) }
        var values: [String] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: " "),
                let marker = markers.first(where: { bytes[index...].starts(with: $0) })
            else {
                index += 1
                continue
            }
            let start = index + marker.count
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
            values.append(String(decoding: bytes[start..<end], as: UTF8.self))
            index = end
        }
        return values
    }
}
