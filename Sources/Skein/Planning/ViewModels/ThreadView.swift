/// A thread as its own page shows it.
public struct ThreadView: Sendable, Hashable {
    public var title: String
    public var url: String
    public var dateText: String
    public var dateISO: String
    public var summary: String?
    public var sourceURL: String?
    public var tweetCountLabel: String
    public var readingLabel: String
    public var author: AuthorView
    public var tweets: [TweetView]
    public var topics: [LinkView]
    public var hasTopics: Bool
    /// "More from @handle": the author's other threads, up to five.
    public var moreFromAuthor: [ThreadCardView]
    public var hasMoreFromAuthor: Bool
    /// Threads that share topics, most shared first.
    public var related: [ThreadCardView]
    public var hasRelated: Bool
    /// The author's thread before this one.
    public var previous: LinkView?
    /// The author's thread after this one.
    public var next: LinkView?
    /// Whether there is a previous or a next thread.
    public var hasNeighbours: Bool
}

/// One tweet of a thread page.
public struct TweetView: Sendable, Hashable {
    public var number: Int
    /// "3/12".
    public var position: String
    /// The element id, `t3`.
    public var anchor: String
    public var html: String
    public var timeText: String?
    public var timeISO: String?
    public var originalURL: String?
    /// Skein's own, not a template variable: how the page prints this tweet from a stencil (``TweetStencils``).
    public var stencils: TweetStencilling? = nil
}

/// A thread in a listing: a card with its first tweet.
public struct ThreadCardView: Sendable, Hashable {
    public var title: String
    public var url: String
    public var dateText: String
    public var dateISO: String
    public var author: AuthorView
    public var excerptHTML: String
    public var summary: String?
    public var tweetCount: Int
    /// "12 tweets".
    public var tweetCountLabel: String
    /// "3 min read".
    public var readingLabel: String
    /// "Read 12 tweets".
    public var readLabel: String
    public var topics: [LinkView]
    public var hasTopics: Bool
    /// Skein's own, not a template variable: where a card the planner made without its fields finds each one when a
    /// template reads it, and a listing's card its reused text (``CardSource``); its stored fields are then empty.
    var source: CardSource? = nil
}

/// An author, as a card or a profile.
public struct AuthorView: Sendable, Hashable {
    public var handle: String
    /// The profile's name, or `@handle` when there is none.
    public var name: String
    /// Whether the profile gives a name, so that the handle is shown beside it.
    public var hasName: Bool
    public var url: String
    public var avatarURL: String?
    /// The first letter of the name, shown when there is no avatar.
    public var initial: String
    public var bioHTML: String?
    public var homepage: LinkView?
    public var links: [LinkView]
    public var threadCount: Int
    public var tweetCount: Int
    /// "4 threads · 57 tweets".
    public var countsLabel: String
    public var feedURL: String
}
