import Foundation

/// The one place that turns routes into URLs, knowing the site's base URL and sub-path.
///
/// Pages link to each other with relative URLs, so that `Output/` works wherever it is copied; feeds, canonical
/// links and the sitemap use absolute URLs; the 404 page, which a host serves at any depth, uses root paths.
public struct SiteURLs: Sendable {
    /// The site's base URL, ending in `/`.
    public var baseURL: URL

    /// Creates the URL rules for a site published at `baseURL`.
    public init(baseURL: URL) {
        self.baseURL = baseURL
    }

    /// How a page links to the site's root: relative, or through the base URL's path or the whole base URL.
    public enum Root: Sendable, Equatable {
        case relative(from: Route)
        case rootPath
        case absolute
        /// This text, as it is: ``CardMemo`` renders a card once with a marker here.
        case literal(String)
    }

    /// The prefix that leads from a page to the root of the site.
    public func prefix(_ root: Root) -> String {
        switch root {
        case .relative(let page): String(repeating: "../", count: page.depth)
        case .rootPath: baseURL.path.hasSuffix("/") ? baseURL.path : baseURL.path + "/"
        case .absolute: baseURL.absoluteString
        case .literal(let prefix): prefix
        }
    }

    /// The URL of `route` as seen from `root`.
    public func url(_ route: Route, from root: Root) -> String {
        Self.url(path: route.urlPath, prefix: prefix(root))
    }

    /// The URL of the page whose path below the root is `path`, from a page whose way to the root is `prefix`.
    static func url(path: String, prefix: String) -> String {
        let url = prefix + path
        return url.isEmpty ? "./" : url
    }

    /// The absolute URL of `route`.
    public func absolute(_ route: Route) -> String { url(route, from: .absolute) }

    /// Rendered Markdown with its internal `skein:` links pointed at `root`.
    public func html(_ markdown: RenderedMarkdown, from root: Root) -> String {
        markdown.html(withRoot: prefix(root))
    }
}

/// Links to the site's own pages inside rendered Markdown, which is rendered once and shown on pages at every depth.
///
/// libcmark writes them as `skein:threads/x/`; each page replaces the scheme by its way to the root. Only attribute
/// values can hold `="skein:` because cmark escapes quotes in text.
enum InternalLink {
    static let scheme = "skein:"

    static func url(for route: Route) -> String { scheme + route.urlPath }

    /// A link written in Markdown as a path of the site (`/media/a.jpg`, `media/a.jpg`, `/threads/x/`), made internal.
    static func fromSitePath(_ url: String) -> String? {
        if url.hasPrefix("/") && !url.hasPrefix("//") { return scheme + url.drop { $0 == "/" } }
        if url.hasPrefix("media/") { return scheme + url }
        return nil
    }

    /// How an internal link starts in cmark's HTML: the attribute's opening quote, then the scheme.
    static let marker = "=\"" + scheme
    static let attributeStart = "=\""

}
