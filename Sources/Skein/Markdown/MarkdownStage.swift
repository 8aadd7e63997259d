import Foundation

/// A thread whose tweets have been rendered.
public struct RenderedThread: Sendable {
    /// The parsed thread, without its tweets' Markdown, which only this stage needs.
    public var source: ThreadSource
    /// Its tweets, rendered.
    var rendered: RenderedTweets
    /// The hash of its tweets' Markdown and of the rule they were rendered under, which ``BuildCache`` keeps them by:
    /// a fingerprint of all they render to, which pages and the search index combine instead of the rendered bytes.
    var key: UInt64
}

/// A thread's tweets rendered, as the build keeps them from here to the last page, and as ``BuildCache`` stores them
/// by their Markdown: the first tweet as a value, the others encoded in one buffer (``TweetStorage``), without their
/// plain text, which only the search index reads (``search``), and without their hashtags, which only the assembly
/// reads (``hashtags``). As values, a large archive's tweets took twice the memory.
struct RenderedTweets: Sendable, Equatable {
    /// The first tweet, with its plain text, which gives the thread its title and description.
    let first: RenderedMarkdown?
    /// The other tweets (``TweetStorage/encode(_:)``); read back from the cache, a slice of its mapped file.
    let later: Data
    /// How many tweets.
    let count: Int
    /// Every tweet's hashtags as written, in order.
    let hashtags: [String]
    /// The first sentence of the first tweet, the title of a thread whose front matter gives none.
    let title: String
    /// Words in all tweets.
    let wordCount: Int
    /// Whether a tweet shows an image.
    let hasImages: Bool
    /// What the search index needs of the tweets' text.
    let search: SearchText

    /// Tweets just rendered.
    init(_ tweets: [RenderedMarkdown]) {
        search = SearchText(tweets.lazy.map(\.plainText))
        first = tweets.first?.kept(withPlainText: true)
        later = Data(TweetStorage.encode(tweets.dropFirst().lazy.map { $0.kept(withPlainText: false) }))
        count = tweets.count
        hashtags = tweets.flatMap(\.hashtags)
        title = Archive.title(from: tweets.first?.plainText ?? "")
        wordCount = tweets.reduce(0) { $0 + $1.wordCount }
        hasImages = tweets.contains { !$0.images.isEmpty }
    }

    /// Read back from ``BuildCache``'s file.
    init(
        first: RenderedMarkdown?, later: Data, count: Int, hashtags: [String], title: String, wordCount: Int,
        hasImages: Bool, search: SearchText
    ) {
        self.first = first
        self.later = later
        self.count = count
        self.hashtags = hashtags
        self.title = title
        self.wordCount = wordCount
        self.hasImages = hasImages
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
        // The sources are moved into their slots, not copied (a copy retains every string and array of a thread).
        var sources: [ThreadSource] = []
        swap(&sources, &content.threads)
        var slots: [Slot] = []
        slots.reserveCapacity(sources.count)
        while let source = sources.popLast() { slots.append(Slot(source)) }
        slots.reverse()
        var pairs = slots.parallelMap { slot -> (RenderedThread, UInt64?) in
            defer { counter.advance() }
            var source = slot.take()
            let markdown = source.takeMarkdown()
            let render = { RenderedTweets(markdown.texts.map(renderer.render)) }
            let key = BuildCache.key(markdown: markdown, rule: ruleKey)
            let rendered = cache?.renderedTweets(key, render: render) ?? render()
            return (RenderedThread(source: source, rendered: rendered, key: key), cache.map { _ in key })
        }
        // Moved out of the pairs from the end, then put back in order: no thread is copied.
        var threads: [RenderedThread] = []
        threads.reserveCapacity(pairs.count)
        var keys: Set<UInt64> = []
        while let (thread, key) = pairs.popLast() {
            threads.append(thread)
            if let key { keys.insert(key) }
        }
        // Reversed in the buffer, where a swap moves the two threads (the array's own swap copies them).
        threads.withUnsafeMutableBufferPointer { $0.reverse() }
        cache?.keepRenderedTweets(keys)
        return (threads, bios(content, threads: threads, renderer: renderer))
    }

    /// Holds one thread until its turn, so that the stage is the last to own it. Each slot is taken by one worker.
    private final class Slot: @unchecked Sendable {
        private var thread: ThreadSource?

        init(_ thread: ThreadSource) { self.thread = thread }

        func take() -> ThreadSource { thread.take()! }
    }

    /// Every author's bio by key; a bio's hashtag links only when its topic exists.
    private static func bios(_ content: ResolvedContent, threads: [RenderedThread], renderer: MarkdownRenderer)
        -> [String: RenderedMarkdown]
    {
        var bioRenderer = renderer
        // The same hashtags recur across thousands of tweets: each spelling is made a slug once.
        var names: Set<String> = []
        for index in threads.indices {
            names.formUnion(threads[index].source.topics)
            names.formUnion(threads[index].rendered.hashtags)
        }
        bioRenderer.knownTopics = Set(names.map(Slug.make(from:)))
        var bios: [String: RenderedMarkdown] = [:]
        for author in content.authors {
            if let bio = author.profile?.bio { bios[author.key] = bioRenderer.render(bio) }
        }
        return bios
    }
}
