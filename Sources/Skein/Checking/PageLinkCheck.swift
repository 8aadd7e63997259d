import Foundation

/// Renders every page in memory and follows every `href` and `src` that stays inside the site, anchors included.
/// A broken link here comes from a template (links written in content are checked at their source line), so it
/// is reported at the template that made the page.
enum PageLinkCheck {
    struct Result {
        var diagnostics: [Diagnostic]
        var count: Int
    }

    private struct Scan: Sendable {
        var links: [String]
        var ids: Set<String>
    }

    static func check(_ site: PreparedSite, skipping brokenTargets: Set<String>) -> Result {
        let scans = site.pages.parallelMap { page -> Scan in
            let html = site.render(page)
            guard page.route.filePath.hasSuffix(".html") else { return Scan(links: [], ids: []) }
            return Scan(links: attributes(["href", "src"], in: html), ids: Set(attributes(["id"], in: html)))
        }
        let files = site.filePaths
        var ids: [String: Set<String>] = [:]
        for (page, scan) in zip(site.pages, scans) { ids[page.route.filePath] = scan.ids }
        let urls = SiteURLs(baseURL: site.archive.site.baseURL)
        var diagnostics: [Diagnostic] = []
        var count = 0
        for (page, scan) in zip(site.pages, scans) {
            for link in scan.links {
                guard let target = resolve(link, from: page.route, urls: urls) else { continue }
                count += 1
                guard !brokenTargets.contains(target.file) else { continue }
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

    /// The file and anchor `link` on the page at `route` leads to, or `nil` when it leaves the site.
    static func resolve(_ link: String, from route: Route, urls: SiteURLs) -> (file: String, anchor: String?)? {
        var target = link.replacingOccurrences(of: "&amp;", with: "&")
        let base = urls.prefix(.absolute)
        let basePath = urls.prefix(.rootPath)
        var fromRoot = false
        if target.hasPrefix(base) {
            target = String(target.dropFirst(base.count))
            fromRoot = true
        } else if target.hasPrefix("/") && !target.hasPrefix("//") {
            guard target.hasPrefix(basePath) else { return (target, nil) }
            target = String(target.dropFirst(basePath.count))
            fromRoot = true
        } else if target.hasPrefix("//")
            || target.range(of: "^[a-zA-Z][a-zA-Z0-9+.-]*:", options: .regularExpression) != nil
        {
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

    static func attributes(_ names: [String], in html: String) -> [String] {
        var values: [String] = []
        for name in names {
            let marker = " \(name)=\""
            var rest = html[...]
            while let start = rest.range(of: marker) {
                guard let end = rest[start.upperBound...].firstIndex(of: "\"") else { break }
                values.append(String(rest[start.upperBound..<end]))
                rest = rest[end...]
            }
        }
        return values
    }
}
