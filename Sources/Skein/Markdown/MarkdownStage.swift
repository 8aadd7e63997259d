import Foundation

/// A thread whose tweets have been rendered.
public struct RenderedThread: Sendable {
    /// The parsed thread, without its tweets' Markdown, which only this stage needs.
    public var source: ThreadSource
    /// Its tweets' Markdown, rendered, in order.
    public var tweets: [RenderedMarkdown]
    /// What the search index needs of the tweets' text.
    var search: SearchText
}

/// A thread's tweets rendered, and what the search index needs of their text: what ``BuildCache`` keeps by their
/// Markdown.
struct RenderedTweets: Sendable, Equatable {
    var tweets: [RenderedMarkdown]
    var search: SearchText

    /// Tweets just rendered: their text goes into ``search``, and only the first keeps it (it gives the thread its
    /// title and description).
    init(_ tweets: [RenderedMarkdown]) {
        self.search = SearchText(tweets.lazy.map(\.plainText))
        self.tweets = tweets.enumerated().map { $0 == 0 ? $1 : $1.withoutPlainText() }
    }

    init(tweets: [RenderedMarkdown], search: SearchText) {
        self.tweets = tweets
        self.search = search
    }
}

/// The Markdown stage: every tweet and bio through libcmark, threads in parallel.
public enum MarkdownStage {
    /// Renders every thread of `content`, in its order, and every author's bio by key. The threads are taken out of
    /// `content`, and each one's Markdown is let go as soon as it is rendered.
    public static func render(
        _ content: inout ResolvedContent, imageSizes: [String: ImageSize] = [:], progress: ProgressHandler? = nil,
        cache: BuildCache? = nil
    )
        -> (
            threads: [RenderedThread], bios: [String: RenderedMarkdown]
        )
    {
        let renderer = {
            var renderer = MarkdownRenderer(
                mentions: .init(knownHandles: Set(content.authors.map(\.key)), baseURL: content.site.mentionBaseURL))
            renderer.imageSizes = imageSizes
            return renderer
        }()
        let counter = ProgressCounter("rendering Markdown", total: content.threads.count, handler: progress)
        var rule = StableHasher()
        rule.combine(
            content.authors.map(\.key).joined(separator: " ") + " " + content.site.mentionBaseURL.absoluteString + " "
                + imageSizes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        let ruleKey = rule.finalized
        let slots = content.threads.map(Slot.init)
        content.threads = []
        let threads = slots.parallelMap { slot -> (RenderedThread, UInt64?) in
            defer { counter.advance() }
            var source = slot.take()
            let markdown = source.tweets.map(\.markdown)
            for index in source.tweets.indices { source.tweets[index].markdown = "" }
            let render = { RenderedTweets(markdown.map(renderer.render)) }
            guard let cache else {
                let rendered = render()
                return (RenderedThread(source: source, tweets: rendered.tweets, search: rendered.search), nil)
            }
            let key = BuildCache.key(markdown: markdown, rule: ruleKey)
            let rendered = cache.renderedTweets(key, render: render)
            return (RenderedThread(source: source, tweets: rendered.tweets, search: rendered.search), key)
        }
        cache?.keepRenderedTweets(Set(threads.compactMap(\.1)))
        return (threads.map(\.0), bios(content, threads: threads.map(\.0), renderer: renderer))
    }

    /// Holds one thread until its turn, so that the stage is the last to own it. Each slot is taken by one worker.
    private final class Slot: @unchecked Sendable {
        private var thread: ThreadSource?

        init(_ thread: ThreadSource) { self.thread = thread }

        func take() -> ThreadSource {
            defer { thread = nil }
            return thread!
        }
    }

    /// Every author's bio by key; a bio's hashtag links only when its topic exists.
    private static func bios(_ content: ResolvedContent, threads: [RenderedThread], renderer: MarkdownRenderer)
        -> [String: RenderedMarkdown]
    {
        var bioRenderer = renderer
        // The same hashtags recur across thousands of tweets: each spelling is made a slug once.
        var names: Set<String> = []
        for thread in threads {
            names.formUnion(thread.source.topics)
            for tweet in thread.tweets { names.formUnion(tweet.hashtags) }
        }
        bioRenderer.knownTopics = Set(names.map(Slug.make(from:)))
        var bios: [String: RenderedMarkdown] = [:]
        for author in content.authors {
            if let bio = author.profile?.bio { bios[author.key] = bioRenderer.render(bio) }
        }
        return bios
    }
}
