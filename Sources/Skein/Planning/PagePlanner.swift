import Foundation

/// The planning stage: every page of the site, with its route, template and view model.
public struct PagePlanner {
    let archive: Archive
    let urls: SiteURLs
    let dates: DateFormatting
    let topicIndex: [String: Int]
    /// Cards and feed entries repeat across pages; each is built once per way to the root.
    let memo = Memo()

    final class Memo {
        var cards: [String: [Int: ThreadCardView]] = [:]
        var authors: [String: [String: AuthorView]] = [:]
        var entries: [Int: FeedEntryView] = [:]

        /// The value for `key` in the table for pages whose way to the root is `prefix`, made once.
        func value<Key: Hashable, Value>(
            _ table: ReferenceWritableKeyPath<Memo, [String: [Key: Value]]>, _ prefix: String, _ key: Key,
            make: () -> Value
        ) -> Value {
            if let known = self[keyPath: table][prefix]?[key] { return known }
            let value = make()
            self[keyPath: table][prefix, default: [:]][key] = value
            return value
        }
    }

    /// Plans every page and feed of `archive`, to be published at `urls`.
    public static func plan(_ archive: Archive, urls: SiteURLs) -> [Page] {
        let planner = PagePlanner(
            archive: archive, urls: urls, dates: DateFormatting(site: archive.site),
            topicIndex: Dictionary(uniqueKeysWithValues: archive.topics.enumerated().map { ($1.slug, $0) }))
        var pages: [Page] = []
        pages += planner.listing(
            Array(archive.threads.indices), first: .home, template: "home", heading: archive.site.title,
            feed: .feed, navigation: \.isHome)
        pages += archive.threads.indices.map(planner.threadPage)
        pages += planner.authorPages()
        pages += planner.topicPages()
        pages += planner.archivePages()
        pages += planner.feeds()
        pages.append(planner.searchPage())
        pages.append(planner.notFoundPage())
        pages.append(planner.sitemap(of: pages))
        pages.append(planner.robots())
        return pages
    }

    // MARK: Shared parts

    func site(_ root: SiteURLs.Root) -> SiteView {
        SiteView(
            title: archive.site.title, description: archive.site.description.isEmpty ? nil : archive.site.description,
            language: archive.site.language,
            homeURL: urls.url(.home, from: root), authorsURL: urls.url(.authors, from: root),
            topicsURL: urls.url(.topics, from: root), archiveURL: urls.url(.archive, from: root),
            searchURL: urls.url(.search, from: root),
            feedURL: urls.url(.feed, from: root), stylesheetURL: urls.url(.asset("skein.css"), from: root),
            iconURL: urls.url(.asset("icon.svg"), from: root), sitemapURL: urls.absolute(.sitemap))
    }

    func meta(
        _ route: Route, title: String?, heading: String, description: String?, type: String = "website",
        image: String? = nil,
        language: String? = nil, feed: Route? = nil, feedTitle: String? = nil,
        navigation: WritableKeyPath<MetaView, Bool>? = nil
    ) -> MetaView {
        var meta = MetaView(
            title: title.map { "\($0) · \(archive.site.title)" } ?? archive.site.title, heading: heading,
            description: Self.clipped(description?.isEmpty == false ? description! : archive.site.description, to: 160),
            canonicalURL: urls.absolute(route), openGraphType: type, imageURL: image,
            language: language ?? archive.site.language,
            feedURL: feed.map { urls.url($0, from: .relative(from: route)) }, feedTitle: feedTitle,
            isHome: false, isAuthors: false, isTopics: false, isArchive: false, isSearch: false)
        if let navigation { meta[keyPath: navigation] = true }
        return meta
    }

    func author(_ key: String, from root: SiteURLs.Root) -> AuthorView {
        memo.value(\.authors, urls.prefix(root), key) { makeAuthor(key, from: root) }
    }

    private func makeAuthor(_ key: String, from root: SiteURLs.Root) -> AuthorView {
        let author = archive.authors[archive.authorIndex[key]!]
        let profile = author.profile
        let threadCount = archive.threadsByAuthor[key]?.count ?? 0
        return AuthorView(
            handle: author.handle, name: author.displayName, hasName: profile?.name != nil,
            url: urls.url(.author(key), from: root), avatarURL: profile?.avatar.map { avatarURL($0, from: root) },
            initial: String(author.displayName.first { $0.isLetter || $0.isNumber } ?? "@").uppercased(),
            bioHTML: author.bio.map { urls.html($0, from: root) },
            homepage: profile?.url.map { LinkView(name: MarkdownRenderer.shortened($0), url: $0) },
            links: (profile?.links ?? []).map { LinkView(name: MarkdownRenderer.shortened($0), url: $0) },
            threadCount: threadCount, tweetCount: author.tweetCount,
            countsLabel: counted(threadCount, "thread") + " · " + counted(author.tweetCount, "tweet"),
            feedURL: urls.url(.authorFeed(key), from: root))
    }

    func avatarURL(_ avatar: String, from root: SiteURLs.Root) -> String {
        ThreadFileParser.isWebURL(avatar) ? avatar : urls.url(.media(MediaPath.relative(avatar)), from: root)
    }

    func topicLinks(_ thread: Thread, from root: SiteURLs.Root) -> [LinkView] {
        thread.topicSlugs.map { slug in
            LinkView(name: archive.topics[topicIndex[slug]!].name, url: urls.url(.topic(slug), from: root))
        }
    }

    func card(_ index: Int, from root: SiteURLs.Root) -> ThreadCardView {
        memo.value(\.cards, urls.prefix(root), index) { makeCard(index, from: root) }
    }

    private func makeCard(_ index: Int, from root: SiteURLs.Root) -> ThreadCardView {
        let thread = archive.threads[index]
        let count = thread.tweets.count
        return ThreadCardView(
            title: thread.title, url: urls.url(.thread(thread.slug), from: root), dateText: dates.dayText(thread.date),
            dateISO: dates.isoText(thread.date), author: author(thread.authorKey, from: root),
            excerptHTML: thread.tweets.first.map { urls.html($0.content, from: root) } ?? "",
            summary: thread.summary, tweetCount: count, tweetCountLabel: counted(count, "tweet"),
            readingLabel: "\(thread.readingMinutes) min read", readLabel: "Read " + counted(count, "tweet"),
            topics: topicLinks(thread, from: root), hasTopics: !thread.topicSlugs.isEmpty)
    }

    static func clipped(_ text: String, to limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > limit else { return flat }
        var result = ""
        for word in flat.split(separator: " ") {
            if result.count + word.count + 1 > limit - 1 { break }
            result += (result.isEmpty ? "" : " ") + word
        }
        return (result.isEmpty ? String(flat.prefix(limit - 1)) : result) + "…"
    }

    // MARK: Listings

    /// The pages of a paginated listing of `indices` (positions in ``Archive/threads``, newest first).
    func listing(
        _ indices: [Int], first: Route, template: String, heading: String, title: String? = nil,
        description: String? = nil,
        type: String = "website", author authorKey: String? = nil, feed: Route? = nil,
        navigation: WritableKeyPath<MetaView, Bool>? = nil
    ) -> [Page] {
        let size = archive.site.pageSize
        let pageCount = max(1, (indices.count + size - 1) / size)
        return (1...pageCount).map { number in
            let route = first.page(number)
            let root = SiteURLs.Root.relative(from: route)
            let slice = indices.dropFirst((number - 1) * size).prefix(size)
            let pageTitle = number == 1 ? title : "\(title ?? heading) (page \(number))"
            var context = PageContext(
                site: site(root),
                meta: meta(
                    route, title: pageTitle, heading: heading, description: description, type: type,
                    feed: feed, feedTitle: feed.map { _ in heading }, navigation: navigation))
            context.listing = ListingView(
                heading: heading, threads: slice.map { card($0, from: root) },
                pagination: pageCount == 1
                    ? nil
                    : PaginationView(
                        current: number, total: pageCount,
                        previousURL: number > 1 ? urls.url(first.page(number - 1), from: root) : nil,
                        nextURL: number < pageCount ? urls.url(first.page(number + 1), from: root) : nil,
                        label: "Page \(number) of \(pageCount)"),
                author: authorKey.map { author($0, from: root) }, countLabel: counted(indices.count, "thread"),
                feedURL: feed.map { urls.url($0, from: root) })
            return Page(route: route, template: template, context: context)
        }
    }
}
