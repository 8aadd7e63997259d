import Foundation

/// A thread whose tweets have been rendered.
public struct RenderedThread: Sendable {
    /// The parsed thread, without its tweets' Markdown, which only this stage needs.
    public var source: ThreadSource
    /// Its tweets' Markdown, rendered, in order.
    public var tweets: [RenderedMarkdown]
}

/// The Markdown stage: every tweet and bio through libcmark, threads in parallel.
public enum MarkdownStage {
    /// Renders every thread of `content`, in its order, and every author's bio by key.
    public static func render(
        _ content: ResolvedContent, imageSizes: [String: ImageSize] = [:], progress: ProgressHandler? = nil,
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
        let threads = content.threads.parallelMap { thread -> (RenderedThread, UInt64?) in
            defer { counter.advance() }
            let markdown = thread.tweets.map(\.markdown)
            var source = thread
            for index in source.tweets.indices { source.tweets[index].markdown = "" }
            let render = { markdown.map(renderer.render) }
            guard let cache else { return (RenderedThread(source: source, tweets: render()), nil) }
            let key = BuildCache.key(markdown: markdown, rule: ruleKey)
            return (RenderedThread(source: source, tweets: cache.renderedTweets(key, render: render)), key)
        }
        cache?.keepRenderedTweets(Set(threads.compactMap(\.1)))
        return (threads.map(\.0), bios(content, threads: threads.map(\.0), renderer: renderer))
    }

    /// Every author's bio by key; a bio's hashtag links only when its topic exists.
    private static func bios(_ content: ResolvedContent, threads: [RenderedThread], renderer: MarkdownRenderer)
        -> [String: RenderedMarkdown]
    {
        var bioRenderer = renderer
        var topics: Set<String> = []
        for thread in threads {
            for name in thread.source.topics + thread.tweets.flatMap(\.hashtags) {
                topics.insert(Slug.make(from: name))
            }
        }
        bioRenderer.knownTopics = topics
        var bios: [String: RenderedMarkdown] = [:]
        for author in content.authors {
            if let bio = author.profile?.bio { bios[author.key] = bioRenderer.render(bio) }
        }
        return bios
    }
}
