import Foundation

extension PagePlanner {
    /// How many threads a feed carries.
    static let feedLength = 50

    /// The site's feed, and one per author and per topic.
    func feeds() -> [Page] {
        var pages = [
            feed(
                Array(archive.threads.indices), route: .feed, page: .home, title: archive.site.title,
                subtitle: archive.site.description)
        ]
        for author in archive.authors {
            pages.append(
                feed(
                    archive.threadsByAuthor[author.key] ?? [], route: .authorFeed(author.key),
                    page: .author(author.key),
                    title:
                        "\(author.profile?.name.map { "\($0) (@\(author.handle))" } ?? "@" + author.handle) · \(archive.site.title)",
                    subtitle: "Threads by @\(author.handle)"))
        }
        for topic in archive.topics {
            pages.append(
                feed(
                    topic.threadIndices, route: .topicFeed(topic.slug), page: .topic(topic.slug),
                    title: "#\(topic.name) · \(archive.site.title)", subtitle: "Threads about \(topic.name)"))
        }
        return pages
    }

    /// An Atom feed of the newest threads among `indices`; `updated` comes from the content, never the clock.
    func feed(_ indices: [Int], route: Route, page: Route, title: String, subtitle: String) -> Page {
        let newest = Array(indices.prefix(Self.feedLength))
        let fingerprint = fingerprints.page("feed", route, shown: newest) { hasher in
            fingerprints.combine(threads: newest, into: &hasher)
            hasher.combine([page.filePath, title, subtitle])
        }
        return Page(route: route, template: "feed", fingerprint: fingerprint) {
            feedContext(newest, route: route, page: page, title: title, subtitle: subtitle)
        }
    }

    private func feedContext(_ indices: [Int], route: Route, page: Route, title: String, subtitle: String)
        -> PageContext
    {
        let entries = indices.prefix(Self.feedLength).map(entry)
        let updated = indices.prefix(Self.feedLength).map { threadDates[$0].lastChange }.max()
        var context = PageContext(
            site: site(.absolute), meta: meta(route, title: title, heading: title, description: subtitle))
        context.feed = FeedView(
            title: title, subtitle: subtitle, id: urls.absolute(route), selfURL: urls.absolute(route),
            alternateURL: urls.absolute(page), updated: dates.isoText(updated ?? Date(timeIntervalSince1970: 0)),
            entries: entries)
        return context
    }

    func entry(_ index: Int) -> FeedEntryView {
        let thread = archive.threads[index]
        let author = archive.authors[archive.authorIndex[thread.authorKey]!]
        let count = thread.tweetCount
        let url = urls.absolute(.thread(thread.slug))
        let root = urls.prefix(.absolute)
        // Appended as strings: made from bytes, the text would be checked for UTF-8 again, byte by byte past the
        // first emoji.
        var content = ""
        for tweet in thread.tweets {
            if !content.isEmpty { content += "\n" }
            content += "<p><a href=\""
            content += url
            content += "#t\(tweet.number)\">\(tweet.number)/\(count)</a></p>\n"
            content += tweet.content.html(withRoot: root)
        }
        return FeedEntryView(
            title: thread.title, url: url, id: url,
            published: threadDates[index].iso, updated: threadDates[index].lastChangeISO,
            authorName: author.displayName, authorURL: urls.absolute(.author(author.key)),
            summary: Self.clipped(thread.summary ?? thread.firstTweet?.content.plainText ?? "", to: 280),
            contentHTML: content, topics: thread.topicSlugs.map { archive.topics[topicIndex[$0]!].name })
    }

    /// `sitemap.xml`, listing every HTML page but the 404 page.
    func sitemap(of routes: [Route]) -> Page {
        // Its fingerprint: the pages it lists and each thread's last change, which are all it shows of the archive.
        let fingerprint = fingerprints.page("sitemap", .sitemap) { hasher in
            for route in routes { hasher.combine(route.filePath) }
            for index in archive.threads.indices {
                hasher.combine(archive.threads[index].slug)
                hasher.combine(threadDates[index].lastChange)
            }
        }
        return Page(route: .sitemap, template: "sitemap", fingerprint: fingerprint) {
            var context = PageContext(
                site: site(.absolute), meta: meta(.sitemap, title: nil, heading: "", description: nil))
            let lastChanges = Dictionary(
                uniqueKeysWithValues: archive.threads.indices.map {
                    (Route.thread(archive.threads[$0].slug), threadDates[$0].lastChange)
                })
            context.sitemap = routes.filter { $0.filePath.hasSuffix("index.html") }.map { route in
                SitemapEntry(url: urls.absolute(route), lastModified: lastChanges[route].map(dates.isoDayText))
            }
            return context
        }
    }

    /// `robots.txt`, naming the sitemap.
    func robots() -> Page {
        Page(route: .robots, template: "robots") {
            PageContext(site: site(.absolute), meta: meta(.robots, title: nil, heading: "", description: nil))
        }
    }
}
