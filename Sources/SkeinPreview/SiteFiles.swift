import Foundation

/// The built site's files, as the preview server may serve them: never anything outside the folder.
struct SiteFiles: Sendable {
    /// What a request path leads to.
    enum Lookup: Equatable {
        case file(String)
        /// A folder asked for without its trailing slash: redirect to this path.
        case redirect(String)
        case notFound
        /// The path tries to leave the site, or cannot be a path: refuse it.
        case refused(String)
    }

    /// The site's folder, resolved.
    let root: String

    init(root: String) {
        self.root = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    }

    /// Where the raw (still percent-encoded) request path leads.
    func lookup(_ rawPath: String) -> Lookup {
        let lowered = rawPath.lowercased()
        if rawPath.contains("\\") || lowered.contains("%5c") { return .refused("backslash") }
        if lowered.contains("%2f") { return .refused("encoded slash") }
        if lowered.contains("%00") || rawPath.contains("\0") { return .refused("NUL byte") }
        guard rawPath.hasPrefix("/"), !rawPath.hasPrefix("//") else { return .refused("not a path") }
        guard let decoded = rawPath.removingPercentEncoding else { return .refused("bad percent-encoding") }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .refused("dot segment") }
        if segments.dropLast().contains(where: \.isEmpty) { return .refused("empty segment") }
        let relative = segments.joined(separator: "/")
        let path = relative.isEmpty ? root : root + "/" + relative
        // Symbolic links may not lead outside the site.
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard real == root || real.hasPrefix(root + "/") else { return .refused("link outside the site") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard decoded.hasSuffix("/") else { return .redirect(rawPath + "/") }
            let index = real + "/index.html"
            return FileManager.default.fileExists(atPath: index) ? .file(index) : .notFound
        }
        return decoded.hasSuffix("/") ? .notFound : .file(real)
    }

    /// The content type for a file, by its extension.
    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "xml": path.hasSuffix("feed.xml") ? "application/atom+xml" : "application/xml"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "avif": "image/avif"
        case "mp4": "video/mp4"
        case "webm": "video/webm"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }
}
