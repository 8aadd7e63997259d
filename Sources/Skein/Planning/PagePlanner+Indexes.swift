import Foundation

extension PagePlanner {
    /// `/authors/` and each author's paginated page. The index shows every author with their counts, and its
    /// fingerprint holds them all: at 10,000 threads, rendering it was a quarter of the render stage after one edit.
    func authorPages() -> [Page] {
        let fingerprint = fingerprints.page("authors", .authors) { hasher in
            hasher.combine(archive.authors.count)
            for author in archive.authors {
                hasher.combine(author.key)
                hasher.combine(fingerprints.authors[author.key] ?? 0)
                hasher.combine(fingerprints.counts[author.key] ?? 0)
            }
        }
        var pages = [
            Page(route: .authors, template: "authors", fingerprint: fingerprint) { [self] in
                let root = SiteURLs.Root.relative(from: .authors)
                var index = PageContext(
                    site: site(root),
                    meta: meta(
                        .authors, title: "Authors", heading: "Authors",
                        description: "Everyone in \(archive.site.title)", navigation: .authors))
                index.authors = archive.authors.map { author($0.key, from: root) }
                return index
            }
        ]
        for author in archive.authors {
            let handle = "@" + author.handle
            pages += listing(
                archive.threadsByAuthor[author.key] ?? [], first: .author(author.key), template: "author",
                heading: author.displayName,
                title: author.profile?.name == nil ? handle : "\(author.displayName) (\(handle))",
                description: author.bio?.plainText ?? "Threads by \(handle)", type: "profile", author: author.key,
                feed: .authorFeed(author.key), navigation: .authors)
        }
        return pages
    }

    /// `/topics/` and each topic's paginated page. The index shows every topic's name and thread count, which its
    /// fingerprint holds.
    func topicPages() -> [Page] {
        let fingerprint = fingerprints.page("topics", .topics) { hasher in
            hasher.combine(archive.topics.count)
            for topic in archive.topics {
                hasher.combine([topic.slug, topic.name])
                hasher.combine(topic.threadIndices.count)
            }
        }
        var pages = [
            Page(route: .topics, template: "topics", fingerprint: fingerprint) { [self] in
                let root = SiteURLs.Root.relative(from: .topics)
                var index = PageContext(
                    site: site(root),
                    meta: meta(
                        .topics, title: "Topics", heading: "Topics", description: "Topics in \(archive.site.title)",
                        navigation: .topics))
                index.topics = archive.topics.map { topic in
                    TopicLinkView(
                        name: topic.name, url: urls.url(.topic(topic.slug), from: root),
                        count: topic.threadIndices.count, countLabel: counted(topic.threadIndices.count, "thread"))
                }
                return index
            }
        ]
        for topic in archive.topics {
            pages += listing(
                topic.threadIndices, first: .topic(topic.slug), template: "topic", heading: "#" + topic.name,
                description: "Threads about \(topic.name)", feed: .topicFeed(topic.slug), navigation: .topics)
        }
        return pages
    }

    /// `/archive/` with years and months, and a page for each month.
    func archivePages() -> [Page] {
        var months: [(year: Int, month: Int, indices: [Int])] = []
        for index in archive.threads.indices {
            let parts = dates.calendar.dateComponents([.year, .month], from: archive.threads[index].date)
            let key = (parts.year ?? 1970, parts.month ?? 1)
            if let last = months.last, (last.year, last.month) == key {
                months[months.count - 1].indices.append(index)
            } else {
                months.append((key.0, key.1, [index]))
            }
        }
        // Threads are sorted by date, so months come out newest first and each month once.
        let root = SiteURLs.Root.relative(from: .archive)
        var index = PageContext(
            site: site(root),
            meta: meta(
                .archive, title: "Archive", heading: "Archive",
                description: "Every thread of \(archive.site.title) by month",
                navigation: .archive))
        var pages: [Page] = []
        for month in months {
            let name = dates.monthText(archive.threads[month.indices[0]].date)
            let route = Route.month(year: month.year, month: month.month)
            let link = MonthLinkView(
                name: name, url: urls.url(route, from: root), count: month.indices.count,
                countLabel: counted(month.indices.count, "thread"))
            if index.years.last?.year == String(month.year) {
                index.years[index.years.count - 1].months.append(link)
            } else {
                index.years.append(YearView(year: String(month.year), countLabel: "", months: [link]))
            }
            pages += listing(month.indices, first: route, template: "month", heading: name, navigation: .archive)
        }
        for position in index.years.indices {
            index.years[position].countLabel = counted(
                index.years[position].months.reduce(0) { $0 + $1.count }, "thread")
        }
        let archiveIndex = index
        // The index shows each month with its thread count: a month's name and link follow from its year and number.
        let fingerprint = fingerprints.page("archive", .archive) { hasher in
            hasher.combine(months.count)
            for month in months {
                hasher.combine(month.year)
                hasher.combine(month.month)
                hasher.combine(month.indices.count)
            }
        }
        return [Page(route: .archive, template: "archive", fingerprint: fingerprint) { archiveIndex }] + pages
    }

    /// `/search/`, whose script loads the index written beside it.
    func searchPage() -> Page {
        Page(route: .search, template: "search") { [self] in
            PageContext(
                site: site(.relative(from: .search)),
                meta: meta(
                    .search, title: "Search", heading: "Search", description: "Search \(archive.site.title)",
                    navigation: .search))
        }
    }

    /// The 404 page, which hosts serve at any depth: its links start at the site's root path.
    func notFoundPage() -> Page {
        Page(route: .notFound, template: "404") { [self] in
            var context = PageContext(
                site: site(.rootPath),
                meta: meta(.notFound, title: "Page not found", heading: "Page not found", description: nil))
            context.meta.canonicalURL = urls.absolute(.notFound)
            return context
        }
    }
}
