import Foundation

/// Finishes cmark's `<img>` elements. An image from `Content/media/` gets its width and height, so the page keeps
/// its place for it while it loads, and loads lazily. Markdown has no video, so an image whose file is a video
/// (`.mp4`, `.webm`, `.m4v`, `.mov`) becomes one: `![alt](/media/clip.mp4)` plays with controls, and
/// `![alt](/media/loop.mp4 "gif")` loops silently, as animated GIFs do on the platforms. The changes are made on
/// cmark's own output, whose attributes are already escaped.
enum MediaEmbed {
    static let videoExtensions: Set<String> = ["mp4", "webm", "m4v", "mov"]

    /// Whether an image target names a video file.
    static func isVideo(_ url: String) -> Bool {
        let path = url.prefix { $0 != "?" && $0 != "#" }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return videoExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    nonisolated(unsafe) private static let image = /<img src="([^"]*)" alt="([^"]*)"( title="[^"]*")? \/>/

    /// `html` with sizes on local images and `<video>` for videos.
    static func finish(_ html: String, sizes: [String: ImageSize]) -> String {
        html.replacing(image) { match in
            let (whole, source, alt, title) = match.output
            if isVideo(String(source)) {
                let label = alt.isEmpty ? "" : " aria-label=\"\(alt)\""
                if title == " title=\"gif\"" {
                    return "<video src=\"\(source)\" autoplay loop muted playsinline\(label)></video>"
                }
                return "<video src=\"\(source)\" controls preload=\"metadata\" playsinline\(label)></video>"
            }
            let mediaPrefix = InternalLink.scheme + "media/"
            guard source.hasPrefix(mediaPrefix),
                let path = source.dropFirst(mediaPrefix.count).replacingOccurrences(of: "&amp;", with: "&")
                    .removingPercentEncoding,
                let size = sizes[path]
            else {
                return String(whole)
            }
            return String(whole.dropLast(3))
                + " width=\"\(size.width)\" height=\"\(size.height)\" loading=\"lazy\" />"
        }
    }
}
