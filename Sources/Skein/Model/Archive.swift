import Foundation

/// The whole archive after resolving: every author, thread and topic, and every index pages need, built once.
public struct Archive: Sendable {
    /// The site's settings.
    public var site: SiteConfiguration
    /// Authors with at least one published thread, by handle.
    public var authors: [Author]
    /// Published threads, newest first.
    public var threads: [Thread]
    /// Topics, by name.
    public var topics: [Topic]
    /// Files to copy from `Content/media/`, relative to it.
    public var mediaFiles: [String]

    /// Positions in ``threads`` of each author's threads, newest first, by author key.
    public var threadsByAuthor: [String: [Int]]
    /// Position in ``authors`` by author key.
    public var authorIndex: [String: Int]
}

extension Archive {
    /// How many tweets the threads have together (summed by position: iterating the threads would copy each one).
    public var tweetCount: Int { threads.indices.reduce(0) { $0 + threads[$1].tweetCount } }
}

/// A person whose threads are in the archive.
public struct Author: Sendable {
    /// The handle as written (file name or front matter).
    public var handle: String
    /// The lower-cased handle: the author page's folder and the key of every index.
    public var key: String
    /// The profile file, when there is one.
    public var profile: AuthorProfile?
    /// The biography rendered from Markdown.
    public var bio: RenderedMarkdown?
    /// How many tweets the author's threads have together.
    public var tweetCount: Int

    /// The name to show: the profile's name, or `@handle`.
    public var displayName: String { profile?.name ?? "@" + handle }
}

/// One published thread.
public struct Thread: Sendable {
    /// The URL-safe name of its page.
    public var slug: String
    /// The author's key.
    public var authorKey: String
    /// Where `author:` is written.
    public var authorLocation: SourceLocation
    /// The title: from front matter, or the first tweet's first sentence.
    public var title: String
    /// When it was posted.
    public var date: Date
    /// The slugs of its topics, in order of first appearance.
    public var topicSlugs: [String]
    /// The tweets, numbered from 1, made again on each read from ``firstTweet`` and the others' bytes
    /// (``TweetStorage``): read it once where it is used.
    public var tweets: [Tweet] {
        guard let firstTweet else { return [] }
        return [firstTweet]
            + TweetStorage.decode(renderings: laterRenderings, sources: laterSources, file: file, numberedFrom: 2)
    }
    /// How many tweets the thread has.
    public let tweetCount: Int
    /// The first tweet, which titles, cards and descriptions show.
    public let firstTweet: Tweet?
    /// The other tweets' renderings and what the thread file says of them, encoded.
    let laterRenderings: Data
    let laterSources: [UInt8]
    /// The latest time a tweet gives, if any.
    let lastTweetTime: Date?
    /// Whether a tweet shows an image.
    let hasImages: Bool
    /// Front matter's summary, or `nil`.
    public var summary: String?
    /// The original thread's URL.
    public var source: String?
    /// The thread's language when it differs from the site's.
    public var language: String?
    /// The thread file.
    public var file: String
    /// Words in all tweets, for the reading time.
    public var wordCount: Int
    /// What the search index needs of the tweets' text.
    var search: SearchText
    /// A fingerprint of everything the tweets render to (``RenderedThread/key``).
    let renderedKey: UInt64

    /// Minutes to read at 200 words a minute, at least one.
    public var readingMinutes: Int { max(1, (wordCount + 199) / 200) }

    /// Adds what the thread file says of the tweets after the first (time, link, line) to `hasher`; what they
    /// render to is ``renderedKey``.
    func combineLaterSources(into hasher: inout StableHasher) {
        laterSources.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// One tweet of a thread, rendered.
public struct Tweet: Sendable {
    /// The position in the thread, from 1.
    public var number: Int
    /// The rendered Markdown.
    public var content: RenderedMarkdown
    /// When it was posted, when known.
    public var time: Date?
    /// The original post, when known.
    public var originalURL: String?
    /// Where it is written.
    public var location: SourceLocation
}

/// A topic: front matter `topics` and hashtags, merged by slug.
public struct Topic: Sendable {
    /// The URL-safe name of its page.
    public var slug: String
    /// The spelling used most often.
    public var name: String
    /// Positions in ``Archive/threads``, newest first.
    public var threadIndices: [Int]
}
