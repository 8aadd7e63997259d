/// A paginated list of threads: the home page, an author's, a topic's or a month's.
public struct ListingView: Sendable, Hashable {
    public var heading: String
    public var threads: [ThreadCardView]
    public var pagination: PaginationView?
    /// The author whose threads these are, on author pages.
    public var author: AuthorView?
    /// "3 threads" under a topic or month heading.
    public var countLabel: String
    public var feedURL: String?
}

/// Links between the pages of a listing; absent when it has one page.
public struct PaginationView: Sendable, Hashable {
    public var current: Int
    public var total: Int
    public var previousURL: String?
    public var nextURL: String?
    /// "Page 2 of 5".
    public var label: String
}

/// A topic on the topics page.
public struct TopicLinkView: Sendable, Hashable {
    public var name: String
    public var url: String
    public var count: Int
    /// "3 threads".
    public var countLabel: String
}

/// A year on the archive page.
public struct YearView: Sendable, Hashable {
    public var year: String
    public var countLabel: String
    public var months: [MonthLinkView]
}

/// A month on the archive page.
public struct MonthLinkView: Sendable, Hashable {
    public var name: String
    public var url: String
    public var count: Int
    public var countLabel: String
}

/// An Atom feed.
public struct FeedView: Sendable, Hashable {
    public var title: String
    public var subtitle: String
    public var id: String
    public var selfURL: String
    public var alternateURL: String
    public var updated: String
    public var entries: [FeedEntryView]
}

/// One thread in a feed.
public struct FeedEntryView: Sendable, Hashable {
    public var title: String
    public var url: String
    public var id: String
    public var published: String
    public var updated: String
    public var authorName: String
    public var authorURL: String
    public var summary: String
    /// The whole thread as HTML; the template escapes it into Atom's `type="html"` content.
    public var contentHTML: String
    public var topics: [String]
}

/// One URL of the sitemap.
public struct SitemapEntry: Sendable, Hashable {
    public var url: String
    public var lastModified: String?
}
