import Foundation

/// Where a page or file lives in the site, relative to its root: `""` is the home page, `threads/x/` a thread.
///
/// A route ending in `/` is a folder whose page is its `index.html`. Every route of the site is made here.
public struct Route: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path below the site's root, without a leading `/`.
    public var path: String

    init(_ path: String) { self.path = path }

    public static let home = Route("")
    public static let authors = Route("authors/")
    public static let topics = Route("topics/")
    public static let archive = Route("archive/")
    public static let search = Route("search/")
    public static let feed = Route("feed.xml")
    public static let sitemap = Route("sitemap.xml")
    public static let robots = Route("robots.txt")
    public static let notFound = Route("404.html")

    static func thread(_ slug: String) -> Route { Route("threads/\(slug)/") }
    static func author(_ key: String) -> Route { Route("authors/\(key)/") }
    static func authorFeed(_ key: String) -> Route { Route("authors/\(key)/feed.xml") }
    static func topic(_ slug: String) -> Route { Route("topics/\(slug)/") }
    static func topicFeed(_ slug: String) -> Route { Route("topics/\(slug)/feed.xml") }
    static func month(year: Int, month: Int) -> Route { Route("archive/\(year)/\(month < 10 ? "0" : "")\(month)/") }
    static func media(_ relativePath: String) -> Route { Route("media/\(relativePath)") }
    static func asset(_ relativePath: String) -> Route { Route("assets/\(relativePath)") }
    /// Part `number` (1-based) of a sitemap too long for one file.
    static func sitemapPart(_ number: Int) -> Route { Route("sitemap-\(number).xml") }

    /// Page `number` (1-based) of a paginated listing whose first page is `self`.
    func page(_ number: Int) -> Route { number <= 1 ? self : Route("\(path)page/\(number)/") }

    /// The file written for this route, relative to the output folder.
    public var filePath: String { path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path }

    /// How many folders deep the page is, which is how many `../` lead back to the root.
    var depth: Int { path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) } }

    /// The path as it goes into a URL: every character outside the unreserved set percent-encoded.
    var urlPath: String {
        if path.utf8.allSatisfy(Self.isUnreservedOrSlash) { return path }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathSegmentAllowed) ?? String($0) }
            .joined(separator: "/")
    }

    public var description: String { "/" + path }

    private static func isUnreservedOrSlash(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): true
        default: false
        }
    }

    public static func < (lhs: Route, rhs: Route) -> Bool { lhs.path < rhs.path }
}

extension CharacterSet {
    /// Characters left as they are in a path segment: RFC 3986 unreserved plus a few sub-delimiters.
    static let urlPathSegmentAllowed = CharacterSet(
        charactersIn:
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@")
}
