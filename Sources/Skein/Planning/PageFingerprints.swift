import Foundation

/// Everything pages are made from, hashed once per build, so that each page gets a fingerprint of all that its view
/// model reads without making the view model. A page whose fingerprint (and theme) is what it was when its file was
/// written need not be rendered again; that is what makes a rebuild after one edit cheap (see ``BuildCache``).
///
/// A page's fingerprint combines ``site``, its template and route, the arguments its view model is made from, and
/// the fingerprints of the threads and authors it shows. The sitemap's is the pages it lists and each thread's last
/// change; the authors, topics and archive indexes' are every author with their counts, every topic's name and count,
/// every month's count. The search page, 404 and robots.txt have none and are always rendered, each quick to render.
/// A thread's tweets count by the key their rendering is cached by (``Thread/renderedKey``), not by their HTML.
///
/// Authors' thread and tweet counts are kept apart (``PageFingerprint``): one tweet added changes its author's
/// counts, which every card of the author's threads carries, but few themes show them on a card.
struct PageFingerprints: Sendable {
    /// The site's settings, which every page reads.
    let site: UInt64
    /// By position in ``Archive/threads``: the thread as pages show it, with its author (counts aside) and its topics'
    /// names.
    let threads: [UInt64]
    /// By author key: the author as pages show them, counts aside.
    let authors: [String: UInt64]
    /// By author key: the author's thread and tweet counts.
    let counts: [String: UInt64]
    /// By author key: the author's handle, as ``AuthorView`` has it.
    let handles: [String: String]
    /// By position in ``Archive/threads``: the thread's author's thread and tweet counts, which every page that shows
    /// the thread combines.
    let threadCounts: [UInt64]

    init(archive: Archive, topicIndex: [String: Int]) {
        var site = StableHasher()
        site.combine(SkeinVersion.string)
        site.combine(String(describing: archive.site))
        self.site = site.finalized
        var authors: [String: UInt64] = [:]
        var authorCounts: [String: UInt64] = [:]
        for author in archive.authors {
            var hasher = StableHasher()
            hasher.combine(author.handle)
            hasher.combine(author.key)
            hasher.combine(author.profile?.name)
            hasher.combine(author.profile?.avatar)
            hasher.combine(author.profile?.url)
            hasher.combine(author.profile?.links ?? [])
            Self.combine(author.bio, into: &hasher)
            authors[author.key] = hasher.finalized
            var counts = StableHasher()
            counts.combine(author.tweetCount)
            counts.combine(archive.threadsByAuthor[author.key]?.count ?? 0)
            authorCounts[author.key] = counts.finalized
        }
        self.authors = authors
        counts = authorCounts
        handles = Dictionary(uniqueKeysWithValues: archive.authors.map { ($0.key, $0.handle) })
        let authorFingerprints = authors
        threadCounts = archive.threads.indices.map { authorCounts[archive.threads[$0].authorKey] ?? 0 }
        // Each field is read where the thread stands: a copy of the thread would retain each of its strings and arrays.
        let all = archive.threads
        threads = Array(all.indices).parallelMap { index in
            var hasher = StableHasher()
            hasher.combine(authorFingerprints[all[index].authorKey] ?? 0)
            hasher.combine(all[index].slug)
            hasher.combine(all[index].authorKey)
            hasher.combine(all[index].title)
            hasher.combine(all[index].date)
            hasher.combine(all[index].topicSlugs)
            hasher.combine(all[index].topicSlugs.map { archive.topics[topicIndex[$0]!].name })
            hasher.combine(all[index].summary)
            hasher.combine(all[index].source)
            hasher.combine(all[index].language)
            hasher.combine(all[index].wordCount)
            hasher.combine(all[index].tweetCount)
            // What the tweets render to, by the key of their Markdown and rule, not by the rendered bytes: hashing
            // those again on every build was a quarter of the plan stage after one edit.
            hasher.combine(all[index].renderedKey)
            if let tweet = all[index].firstTweet {
                hasher.combine(tweet.time != nil)
                if let time = tweet.time { hasher.combine(time) }
                hasher.combine(tweet.originalURL)
            }
            all[index].combineLaterSources(into: &hasher)
            return hasher.finalized
        }
    }

    /// The fingerprint of one page: what every page shares, its template and route, what `combine` adds (the
    /// threads it shows through ``combine(threads:into:)``), and the counts of `owner` (the author of a thread's
    /// page or an author's page) and of the authors of `shown`, the threads whose cards or entries it shows.
    func page(
        _ template: String, _ route: Route, owner: String? = nil, shown: some Collection<Int> = [Int](),
        _ combine: (inout StableHasher) -> Void
    ) -> PageFingerprint {
        var hasher = StableHasher(seed: site)
        hasher.combine(template)
        hasher.combine(route.filePath)
        combine(&hasher)
        let withoutCounts = hasher.finalized
        var withOwn = withoutCounts
        if let owner {
            var ownHasher = StableHasher(seed: withoutCounts)
            ownHasher.combine(counts[owner] ?? 0)
            withOwn = ownHasher.finalized
        }
        var allHasher = StableHasher(seed: withOwn)
        allHasher.combine(shown.count)
        for index in shown { allHasher.combine(threadCounts[index]) }
        return PageFingerprint(
            withoutCounts: withoutCounts, withOwnCounts: withOwn, withAllCounts: allHasher.finalized,
            owner: owner.flatMap { handles[$0] })
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

/// A page's fingerprint, in three strengths that differ in which authors' thread and tweet counts they hold. Which one
/// a page's file is known by depends on what its rendering read (``AuthorCountReads``): a page that read no counts is
/// the same for any counts, one that read only its owner's is the same while those are.
struct PageFingerprint: Sendable, Equatable {
    /// Everything the page is made from but authors' counts.
    var withoutCounts: UInt64
    /// With the counts of the page's owner (the author of a thread's page or of an author's page).
    var withOwnCounts: UInt64
    /// With the counts of every author the page can show.
    var withAllCounts: UInt64
    /// The owner's handle, as ``AuthorView/handle`` has it.
    var owner: String?

    init(withoutCounts: UInt64, withOwnCounts: UInt64, withAllCounts: UInt64, owner: String?) {
        (self.withoutCounts, self.withOwnCounts, self.withAllCounts) = (withoutCounts, withOwnCounts, withAllCounts)
        self.owner = owner
    }

    /// Whether `known`, what the last build recorded for the page, stands for the page as it is now.
    func matches(_ known: UInt64) -> Bool {
        known == withoutCounts || known == withOwnCounts || known == withAllCounts
    }

    /// What to record for a rendering that read `reads`.
    func recorded(after reads: AuthorCountReads) -> UInt64 {
        if reads.readOthers { return withAllCounts }
        return reads.readOwner ? withOwnCounts : withoutCounts
    }
}
