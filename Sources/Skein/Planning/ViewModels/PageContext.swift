/// What every template receives. Templates read stored properties by name (`{{site.title}}`, `{{#thread}}`);
/// the README lists them. Fields that a page type does not use are `nil` or empty.
public struct PageContext: Sendable, Hashable {
    /// The site: its name and the links of its navigation.
    public var site: SiteView
    /// The page's `<title>`, description, canonical URL and social-card data.
    public var meta: MetaView
    /// Listing pages: home, author, topic and month pages.
    public var listing: ListingView?
    /// The thread page.
    public var thread: ThreadView?
    /// The authors page.
    public var authors: [AuthorView]
    /// The topics page.
    public var topics: [TopicLinkView]
    /// The archive page.
    public var years: [YearView]
    /// Atom feeds.
    public var feed: FeedView?
    /// The sitemap's entries.
    public var sitemap: [SitemapEntry]

    init(site: SiteView, meta: MetaView) {
        self.site = site
        self.meta = meta
        self.authors = []
        self.topics = []
        self.years = []
        self.sitemap = []
    }
}

/// The site as every page shows it.
public struct SiteView: Sendable, Hashable {
    public var title: String
    /// `nil` when `site.yml` gives none.
    public var description: String?
    public var language: String
    public var homeURL: String
    public var authorsURL: String
    public var topicsURL: String
    public var archiveURL: String
    /// The search page; its script reads `?q=`.
    public var searchURL: String
    public var feedURL: String
    public var stylesheetURL: String
    public var iconURL: String
    /// For robots.txt: the sitemap's absolute URL.
    public var sitemapURL: String
}

/// Head data of one page.
public struct MetaView: Sendable, Hashable {
    /// The whole `<title>`: the page's title, then the site's.
    public var title: String
    /// The page's own heading.
    public var heading: String
    public var description: String
    public var canonicalURL: String
    /// `website`, `article` or `profile`.
    public var openGraphType: String
    public var imageURL: String?
    public var language: String
    /// The page's own feed, when it has one.
    public var feedURL: String?
    public var feedTitle: String?
    /// Which navigation entry is current: `home`, `authors`, `topics` or `archive`.
    public var isHome: Bool
    public var isAuthors: Bool
    public var isTopics: Bool
    public var isArchive: Bool
    public var isSearch: Bool
}

/// A link with its text.
public struct LinkView: Sendable, Hashable {
    public var name: String
    public var url: String
}
