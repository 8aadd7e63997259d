import Foundation

/// Everything pages are made from, hashed once per build, so that each page gets a fingerprint of all that its view
/// model reads without making the view model. A page whose fingerprint (and theme) is what it was when its file was
/// written need not be rendered again; that is what makes a rebuild after one edit cheap (see ``BuildCache``).
///
/// A page's fingerprint combines ``site``, its template and route, the arguments its view model is made from, and
/// the fingerprints of the threads and authors it shows. The sitemap's is the pages it lists and each thread's last
/// change. The other pages made from the whole archive (the authors, topics and archive indexes, search, 404,
/// robots.txt) have none and are always rendered: there are six of them, each quick to render.
struct PageFingerprints: Sendable {
    /// The site's settings, which every page reads.
    let site: UInt64
    /// By position in ``Archive/threads``: the thread as pages show it, with its author and its topics' names.
    let threads: [UInt64]
    /// By author key: the author as pages show them, counts included.
    let authors: [String: UInt64]

    init(archive: Archive, topicIndex: [String: Int]) {
        var site = StableHasher()
        site.combine(SkeinVersion.string)
        site.combine(String(describing: archive.site))
        self.site = site.finalized
        var authors: [String: UInt64] = [:]
        for author in archive.authors {
            var hasher = StableHasher()
            hasher.combine(author.handle)
            hasher.combine(author.key)
            hasher.combine(author.profile?.name)
            hasher.combine(author.profile?.avatar)
            hasher.combine(author.profile?.url)
            hasher.combine(author.profile?.links ?? [])
            Self.combine(author.bio, into: &hasher)
            hasher.combine(author.tweetCount)
            hasher.combine(archive.threadsByAuthor[author.key]?.count ?? 0)
            authors[author.key] = hasher.finalized
        }
        self.authors = authors
        let authorFingerprints = authors
        threads = archive.threads.parallelMap { thread in
            var hasher = StableHasher()
            hasher.combine(authorFingerprints[thread.authorKey] ?? 0)
            hasher.combine(thread.slug)
            hasher.combine(thread.authorKey)
            hasher.combine(thread.title)
            hasher.combine(thread.date)
            hasher.combine(thread.topicSlugs)
            hasher.combine(thread.topicSlugs.map { archive.topics[topicIndex[$0]!].name })
            hasher.combine(thread.summary)
            hasher.combine(thread.source)
            hasher.combine(thread.language)
            hasher.combine(thread.wordCount)
            hasher.combine(thread.tweetCount)
            if let tweet = thread.firstTweet {
                Self.combine(tweet.content, into: &hasher)
                hasher.combine(tweet.time != nil)
                if let time = tweet.time { hasher.combine(time) }
                hasher.combine(tweet.originalURL)
            }
            thread.combineLaterTweets(into: &hasher)
            return hasher.finalized
        }
    }

    /// A hasher for one page, seeded with what every page shares.
    func hasher(_ template: String, _ route: Route) -> StableHasher {
        var hasher = StableHasher(seed: site)
        hasher.combine(template)
        hasher.combine(route.filePath)
        return hasher
    }

    /// Combines the threads at `indices`, in order.
    func combine(threads indices: some Collection<Int>, into hasher: inout StableHasher) {
        hasher.combine(indices.count)
        for index in indices { hasher.combine(threads[index]) }
    }

    private static func combine(_ markdown: RenderedMarkdown?, into hasher: inout StableHasher) {
        guard let markdown else { return hasher.combine(false) }
        hasher.combine(markdown.html)
        hasher.combine(markdown.plainText)
        hasher.combine(markdown.images.count)
        for image in markdown.images {
            hasher.combine(image.url)
            hasher.combine(image.alt)
        }
    }
}
