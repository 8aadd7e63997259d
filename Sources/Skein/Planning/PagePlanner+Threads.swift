import Foundation

extension PagePlanner {
    /// The threads a thread's page shows besides itself.
    struct Neighbours: Sendable {
        /// The author's other threads, newest first, at most five.
        var more: [Int]
        var related: [Int]
        /// The author's thread before and after this one.
        var previous: Int?
        var next: Int?
    }

    /// The page of the thread at `index`, whose related threads are `related`.
    func threadPage(_ index: Int, related: [Int]) -> Page {
        // Two fields read where the thread stands: a copy of the thread would retain each of its strings and arrays.
        let authorKey = archive.threads[index].authorKey
        let route = Route.thread(archive.threads[index].slug)
        let authorThreads = archive.threadsByAuthor[authorKey] ?? []
        let position = authorThreads.firstIndex(of: index) ?? 0
        let neighbours = Neighbours(
            more: Array(authorThreads.lazy.filter { $0 != index }.prefix(5)), related: related,
            previous: position + 1 < authorThreads.count ? authorThreads[position + 1] : nil,
            next: position > 0 ? authorThreads[position - 1] : nil)
        let shown = [index] + neighbours.more + neighbours.related
        let fingerprint = fingerprints.page("thread", route, owner: authorKey, shown: shown) { hasher in
            fingerprints.combine(
                threads: shown + [neighbours.previous, neighbours.next].map { $0 ?? index }, into: &hasher)
            hasher.combine(neighbours.previous != nil)
            hasher.combine(neighbours.next != nil)
        }
        return Page(route: route, template: "thread", fingerprint: fingerprint) { [self] in
            threadContext(index, neighbours)
        }
    }

    private func threadContext(_ index: Int, _ neighbours: Neighbours) -> PageContext {
        let thread = archive.threads[index]
        let route = Route.thread(thread.slug)
        let root = SiteURLs.Root.relative(from: route)
        let count = thread.tweetCount
        let link = { [self] (other: Int) in
            LinkView(
                name: archive.threads[other].title, url: urls.url(.thread(archive.threads[other].slug), from: root))
        }
        let tweets = thread.tweets.map { tweet in
            TweetView(
                number: tweet.number, position: "\(tweet.number)/\(count)", anchor: "t\(tweet.number)",
                html: urls.html(tweet.content, from: root),
                timeText: tweet.time.map(dates.timeText),
                timeISO: tweet.time.map(dates.isoText), originalURL: tweet.originalURL,
                stencils: tweetStencils.map(TweetStencilling.init))
        }
        let author = author(thread.authorKey, from: root)
        var context = PageContext(
            site: site(root),
            meta: meta(
                route, title: thread.title, heading: thread.title,
                description: thread.summary ?? thread.firstTweet?.content.plainText, type: "article",
                image: firstImage(of: thread) ?? author.avatarURL.map { _ in avatarAbsoluteURL(thread.authorKey) }
                    ?? nil,
                language: thread.language, feed: .authorFeed(thread.authorKey),
                feedTitle: "Threads by @\(author.handle)"))
        let links = links(root)
        let more = neighbours.more.map { card($0, from: root, links: links, listed: false) }
        let related = neighbours.related.map { card($0, from: root, links: links, listed: false) }
        let previous = neighbours.previous.map(link)
        let next = neighbours.next.map(link)
        context.thread = ThreadView(
            title: thread.title, url: urls.url(route, from: root), dateText: day(index),
            dateISO: threadDates[index].iso, summary: thread.summary, sourceURL: thread.source,
            tweetCountLabel: counted(count, "tweet"), readingLabel: "\(thread.readingMinutes) min read", author: author,
            tweets: tweets, topics: topicLinks(index, from: root), hasTopics: !thread.topicSlugs.isEmpty,
            moreFromAuthor: more, hasMoreFromAuthor: !more.isEmpty, related: related, hasRelated: !related.isEmpty,
            previous: previous, next: next, hasNeighbours: previous != nil || next != nil)
        return context
    }

    /// For every thread, up to four threads by other authors that share the most topics, newest first among equals;
    /// the author's own threads are already under "More from".
    ///
    /// Threads go in chunks, each counting shared topics in one array as long as the archive (reset after each
    /// thread through the positions it touched), so that finding them is linear in the candidates. Threads by the
    /// same author are counted too, and passed over when the best are chosen.
    /// What related threads are found from: each thread's author and topics, in order.
    var relatedThreadsKey: UInt64 {
        var hasher = StableHasher()
        hasher.combine(authorOrdinals.count)
        for (author, topics) in zip(authorOrdinals, topicOrdinals) {
            hasher.combine(author)
            hasher.combine(topics.count)
            for topic in topics { hasher.combine(topic) }
        }
        return hasher.finalized
    }

    func relatedThreads() -> [[Int]] {
        let count = archive.threads.count
        // Every topic's threads in one flat buffer of 32-bit positions, topic after topic: the counting loop, which
        // runs once for each topic of each thread and each of that topic's threads, reads nothing else.
        let (starts, members) = archive.topics.reduce(into: ([0], [Int32]())) { flat, topic in
            flat.1 += topic.threadIndices.lazy.map { Int32($0) }
            flat.0.append(flat.1.count)
        }
        let chunkSize = Swift.max(64, count / 64)
        let chunks = stride(from: 0, to: count, by: chunkSize).map { $0..<Swift.min($0 + chunkSize, count) }
        return chunks.parallelMap { chunk -> [[Int]] in
            let shared = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count)
            shared.initialize(repeating: 0)
            let touched = UnsafeMutableBufferPointer<Int32>.allocate(capacity: count)
            defer {
                shared.deallocate()
                touched.deallocate()
            }
            return members.withUnsafeBufferPointer { members in
                authorOrdinals.withUnsafeBufferPointer { authors in
                    chunk.map { index in
                        var touchedCount = 0
                        for topic in topicOrdinals[index] {
                            for position in starts[topic]..<starts[topic + 1] {
                                let other = Int(members[position])
                                if shared[other] == 0 {
                                    touched[touchedCount] = Int32(other)
                                    touchedCount += 1
                                }
                                shared[other] &+= 1
                            }
                        }
                        // The best four by other authors: most shared topics first, then newest (lowest position), in
                        // any order of visit.
                        let author = authors[index]
                        var best: [(thread: Int, count: Int)] = []
                        for thread in touched[..<touchedCount].lazy.map({ Int($0) }) {
                            let topics = Int(shared[thread])
                            shared[thread] = 0
                            guard
                                authors[thread] != author,
                                best.count < 4
                                    || (topics, -thread) > (best[best.count - 1].count, -best[best.count - 1].thread)
                            else { continue }
                            let position = best.firstIndex { (topics, -thread) > ($0.count, -$0.thread) } ?? best.count
                            best.insert((thread, topics), at: position)
                            if best.count > 4 { best.removeLast() }
                        }
                        return best.map(\.thread)
                    }
                }
            }
        }.flatMap { $0 }
    }

    /// The absolute URL of the thread's first image from the media folder, for social cards.
    func firstImage(of thread: Thread) -> String? {
        guard thread.hasImages else { return nil }
        for tweet in thread.tweets {
            for image in tweet.content.images.map(\.url) where !MediaEmbed.isVideo(image) {
                if ThreadFileParser.isWebURL(image) { return image }
                if InternalLink.fromSitePath(image) != nil {
                    return urls.absolute(Route(String(image.drop { $0 == "/" })))
                }
            }
        }
        return nil
    }

    func avatarAbsoluteURL(_ key: String) -> String? {
        guard let avatar = archive.authors[archive.authorIndex[key]!].profile?.avatar else { return nil }
        return avatarURL(avatar, from: .absolute)
    }
}
