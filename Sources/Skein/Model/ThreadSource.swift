import Foundation

/// One thread file as parsed: its front matter and its tweets, before anything is resolved.
public struct ThreadSource: Sendable {
    /// The author's handle, without `@`.
    public var author: String
    /// Where `author:` is written.
    public var authorLocation: SourceLocation
    /// When the thread was posted.
    public var date: Date
    /// Whether front matter gave a day without a time, which means that day in the site's time zone.
    public var isDateOnly: Bool
    /// The title given in front matter, if any.
    public var title: String?
    /// Topics named in front matter.
    public var topics: [String]
    /// The URL of the original thread.
    public var source: String?
    /// The slug: from front matter, or the file name.
    public var slug: String
    /// A summary for listings and meta descriptions.
    public var summary: String?
    /// Drafts are left out unless the build asks for them.
    public var isDraft: Bool
    /// The thread's language, when it differs from the site's.
    public var language: String?
    /// The tweets in order. A thread read back from ``BuildCache`` leaves each one's `markdown` empty and keeps it in
    /// ``storedMarkdown``: see ``takeMarkdown()``.
    public var tweets: [TweetSource]
    /// The file, and the line of the front matter's first key.
    public var location: SourceLocation
    /// Where `slug:` was given, or the file itself.
    public var slugLocation: SourceLocation
    /// The tweets' Markdown as ``BuildCache`` stores it, for a thread read back from there.
    var storedMarkdown: TweetMarkdown? = nil

    /// The tweets' Markdown, as it is stored.
    var markdown: TweetMarkdown { storedMarkdown ?? TweetMarkdown(tweets.map(\.markdown)) }

    /// The tweets' Markdown, taken out of the thread: the Markdown stage is the last to read it.
    mutating func takeMarkdown() -> TweetMarkdown {
        let markdown = markdown
        storedMarkdown = nil
        for index in tweets.indices where !tweets[index].markdown.isEmpty { tweets[index].markdown = "" }
        return markdown
    }
}

/// One tweet of a thread file.
public struct TweetSource: Sendable {
    /// The tweet's Markdown.
    public var markdown: String
    /// The id of the original post, when known.
    public var id: String?
    /// When the tweet was posted, when known.
    public var time: Date?
    /// A link to the original post, when known.
    public var url: String?
    /// The line of the tweet's first Markdown line.
    public var location: SourceLocation
}
