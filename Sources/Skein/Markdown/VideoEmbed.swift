import Foundation

/// Markdown has no video, so an image whose file is a video (`.mp4`, `.webm`, `.m4v`, `.mov`) becomes one:
/// `![alt](/media/clip.mp4)` plays with controls, and `![alt](/media/loop.mp4 "gif")` loops silently, as animated
/// GIFs do on the platforms. The swap is made on cmark's own output, whose attributes are already escaped.
enum VideoEmbed {
    static let extensions: Set<String> = ["mp4", "webm", "m4v", "mov"]

    /// Whether an image target names a video file.
    static func isVideo(_ url: String) -> Bool {
        let path = url.prefix { $0 != "?" && $0 != "#" }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return extensions.contains(path[path.index(after: dot)...].lowercased())
    }

    nonisolated(unsafe) private static let image = /<img src="([^"]*)" alt="([^"]*)"(?: title="([^"]*)")? \/>/

    /// `html` with every `<img>` of a video replaced by a `<video>`.
    static func embed(in html: String) -> String {
        html.replacing(image) { match in
            let (whole, source, alt, title) = match.output
            guard isVideo(String(source)) else { return String(whole) }
            let label = alt.isEmpty ? "" : " aria-label=\"\(alt)\""
            if title == "gif" {
                return "<video src=\"\(source)\" autoplay loop muted playsinline\(label)></video>"
            }
            return "<video src=\"\(source)\" controls preload=\"metadata\" playsinline\(label)></video>"
        }
    }
}
