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
        return Page(route: route, template: "feed", fingerprint: fingerprint) { [self] in
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
        // Read field by field: a copy of the thread would retain each of its strings and arrays.
        let author = archive.authors[authorOrdinals[index]]
        let count = archive.threads[index].tweetCount
        let url = urls.absolute(.thread(archive.threads[index].slug))
        let attribute = Array((InternalLink.attributeStart + urls.prefix(.absolute)).utf8)
        // Written as bytes into one buffer of about the size it needs, and checked as UTF-8 once at the end: appended
        // as strings, each tweet took a dozen appends and a string of its own for its links.
        let tweets = archive.threads[index].tweets
        var bytes: [UInt8] = []
        bytes.reserveCapacity(tweets.reduce(0) { $0 + $1.content.html.utf8.count + url.utf8.count + 48 })
        let counted = Array("/\(count)</a></p>\n".utf8)
        for tweet in tweets {
            if !bytes.isEmpty { bytes.append(UInt8(ascii: "\n")) }
            bytes += #"<p><a href=""#.utf8
            bytes += url.utf8
            bytes += "#t\(tweet.number)\">\(tweet.number)".utf8
            bytes += counted
            tweet.content.appendHTML(withRoot: attribute, to: &bytes)
        }
        let content = String(decoding: bytes, as: UTF8.self)
        return FeedEntryView(
            title: archive.threads[index].title, url: url, id: url,
            published: threadDates[index].iso, updated: threadDates[index].lastChangeISO,
            authorName: author.displayName, authorURL: urls.absolute(.author(author.key)),
            summary: Self.clipped(
                archive.threads[index].summary ?? archive.threads[index].firstTweet?.content.plainText ?? "", to: 280),
            contentHTML: content, topics: topicOrdinals[index].map { archive.topics[$0].name })
    }

    /// At most this many URLs in one sitemap file, as the sitemap protocol allows (search engines ignore a longer one).
    @TaskLocal static var urlsPerSitemap = 50_000

    /// `sitemap.xml`, listing every HTML page but the 404 page. Past ``urlsPerSitemap`` pages it is a sitemap index of
    /// `sitemap-1.xml`, `sitemap-2.xml`, …, which the theme's `sitemap` template makes, each listing as many in turn.
    func sitemaps(of routes: [Route]) -> [Page] {
        let listed = routes.filter { $0.filePath.hasSuffix("index.html") }
        let lastChanges = Dictionary(
            uniqueKeysWithValues: archive.threads.indices.map {
                (Route.thread(archive.threads[$0].slug), threadDates[$0].lastChange)
            })
        let limit = Self.urlsPerSitemap
        guard listed.count > limit else {
            return [sitemap(.sitemap, template: "sitemap", listing: listed, lastChanges: lastChanges)]
        }
        var pages: [Page] = []
        // Each part, with the latest change of the threads it lists.
        var parts: [Route: Date] = [:]
        var order: [Route] = []
        for start in stride(from: 0, to: listed.count, by: limit) {
            let part = Array(listed[start..<min(start + limit, listed.count)])
            let route = Route.sitemapPart(order.count + 1)
            pages.append(sitemap(route, template: "sitemap", listing: part, lastChanges: lastChanges))
            parts[route] = part.compactMap { lastChanges[$0] }.max()
            order.append(route)
        }
        pages.append(sitemap(.sitemap, template: SitemapIndex.template, listing: order, lastChanges: parts))
        return pages
    }

    /// A sitemap file, or the sitemap index, listing `listed` with each one's day of last change when it has one.
    private func sitemap(_ route: Route, template: String, listing listed: [Route], lastChanges: [Route: Date])
        -> Page
    {
        // Its fingerprint: what it lists and their last changes, which are all it shows of the archive.
        let fingerprint = fingerprints.page(template, route) { hasher in
            for route in listed {
                hasher.combine(route.filePath)
                hasher.combine(lastChanges[route] ?? .distantPast)
            }
        }
        return Page(route: route, template: template, fingerprint: fingerprint) { [self] in
            var context = PageContext(
                site: site(.absolute), meta: meta(route, title: nil, heading: "", description: nil))
            context.sitemap = listed.map { route in
                SitemapEntry(url: urls.absolute(route), lastModified: lastChanges[route].map(dates.isoDayText))
            }
            return context
        }
    }

    /// `robots.txt`, naming the sitemap.
    func robots() -> Page {
        Page(route: .robots, template: "robots") { [self] in
            PageContext(site: site(.absolute), meta: meta(.robots, title: nil, heading: "", description: nil))
        }
    }
}
