import Foundation
import Synchronization

/// The planning stage: every page of the site, with its route, template and the way to make its view model.
///
/// A class, though nothing in it changes: every page's way to make its view model and every listed card holds the
/// planner, and a struct's copy there took a retain of each of its arrays and tables, all of them shared by both cores.
public final class PagePlanner: Sendable {
    let archive: Archive
    let urls: SiteURLs
    let dates: DateFormatting
    let topicIndex: [String: Int]
    /// Each thread's dates as pages show them, by position in ``Archive/threads``: made once, since cards and feed
    /// entries show them many times and formatting a date costs more than the rest of a card. The day as the site's
    /// language writes it is made when a page first shows it (``day(_:)``): a rebuild renders few pages.
    let threadDates: [ThreadDates]
    let fingerprints: PageFingerprints
    /// Each thread's author's position in ``Archive/authors``, by position in ``Archive/threads``.
    let authorOrdinals: [Int]
    /// Each thread's topics' positions in ``Archive/topics``, by position in ``Archive/threads``.
    let topicOrdinals: [[Int]]
    /// Each topic's page as its URL below the root writes it, by position in ``Archive/topics``: cards list their
    /// topics on every page, several each.
    let topicPaths: [String]
    /// Each thread's page as its URL below the root writes it, by position in ``Archive/threads``.
    let threadPaths: [String]
    /// What cards repeat, made once (``Memo``).
    let memo: Memo
    /// Where listings' cards are rendered once, when the theme allows.
    let cards: CardMemo?
    /// Where thread pages' tweets are printed from, when the theme allows.
    let tweetStencils: TweetStencils?

    init(
        archive: Archive, urls: SiteURLs, dates: DateFormatting, topicIndex: [String: Int],
        threadDates: [ThreadDates], fingerprints: PageFingerprints, authorOrdinals: [Int], topicOrdinals: [[Int]],
        topicPaths: [String], threadPaths: [String], memo: Memo, cards: CardMemo?, tweetStencils: TweetStencils?
    ) {
        self.archive = archive
        self.urls = urls
        self.dates = dates
        self.topicIndex = topicIndex
        self.threadDates = threadDates
        self.fingerprints = fingerprints
        self.authorOrdinals = authorOrdinals
        self.topicOrdinals = topicOrdinals
        self.topicPaths = topicPaths
        self.threadPaths = threadPaths
        self.memo = memo
        self.cards = cards
        self.tweetStencils = tweetStencils
    }

    struct ThreadDates: Sendable {
        var iso: String
        /// The thread's date, or its latest tweet's time when that is later.
        var lastChange: Date
        var lastChangeISO: String
    }

    /// What every card shows again, made once: each thread's day, and at each way to the root, its links
    /// (``RootLinks``). A card made of these takes a few retains where making its URLs took most of its time.
    final class Memo: Sendable {
        /// By position in ``Archive/threads``.
        let days: Mutex<[String?]>
        /// By the way to the root's prefix.
        let roots = Mutex<[String: RootLinks]>([:])

        init(threads: Int) {
            days = Mutex(Array(repeating: nil, count: threads))
        }
    }

    /// The links a card makes at one way to the root.
    final class RootLinks: Sendable {
        let prefix: String
        /// Each topic's link, by position in ``Archive/topics``.
        let topics: [LinkView]
        /// Each author's view, by position in ``Archive/authors``, made when a page first shows it.
        let authors: Mutex<[AuthorView?]>

        init(prefix: String, topics: [LinkView], authors: Int) {
            self.prefix = prefix
            self.topics = topics
            self.authors = Mutex(Array(repeating: nil, count: authors))
        }
    }

    /// The day of the thread at `index`, as the site's language writes it.
    func day(_ index: Int) -> String {
        if let known = memo.days.withLock({ $0[index] }) { return known }
        let text = dates.dayText(archive.threads[index].date)
        memo.days.withLock { $0[index] = text }
        return text
    }

    /// The links cards make at `root`.
    func links(_ root: SiteURLs.Root) -> RootLinks {
        let prefix = urls.prefix(root)
        if let known = memo.roots.withLock({ $0[prefix] }) { return known }
        let links = RootLinks(
            prefix: prefix,
            topics: zip(archive.topics, topicPaths).map {
                LinkView(name: $0.name, url: SiteURLs.url(path: $1, prefix: prefix))
            },
            authors: archive.authors.count)
        // Two workers may make them at once; both go on with the first.
        return memo.roots.withLock { roots in
            if let known = roots[prefix] { return known }
            roots[prefix] = links
            return links
        }
    }

    /// Plans every page and feed of `archive`, to be published at `urls`.
    static func plan(
        _ archive: Archive, urls: SiteURLs, cards: CardMemo? = nil, tweetStencils: TweetStencils? = nil,
        cache: BuildCache? = nil
    ) -> [Page] {
        let dates = DateFormatting(site: archive.site)
        // Threads are read by position, field by field: a copy of a thread would retain each of its strings and arrays.
        let threadDates = Array(archive.threads.indices).parallelMap { index in
            let date = archive.threads[index].date
            let lastChange = archive.threads[index].lastTweetTime.map { max(date, $0) } ?? date
            let iso = dates.isoText(date)
            return ThreadDates(
                iso: iso, lastChange: lastChange,
                lastChangeISO: lastChange == date ? iso : dates.isoText(lastChange))
        }
        let topicIndex = Dictionary(uniqueKeysWithValues: archive.topics.enumerated().map { ($1.slug, $0) })
        let planner = PagePlanner(
            archive: archive, urls: urls, dates: dates, topicIndex: topicIndex, threadDates: threadDates,
            fingerprints: PageFingerprints(archive: archive, topicIndex: topicIndex),
            authorOrdinals: archive.threads.indices.map { archive.authorIndex[archive.threads[$0].authorKey] ?? -1 },
            topicOrdinals: archive.threads.indices.map { archive.threads[$0].topicSlugs.map { topicIndex[$0]! } },
            topicPaths: archive.topics.map { Route.topic($0.slug).urlPath },
            threadPaths: archive.threads.indices.map { Route.thread(archive.threads[$0].slug).urlPath },
            memo: Memo(threads: archive.threads.count),
            cards: cards, tweetStencils: tweetStencils)
        var pages: [Page] = []
        pages += planner.listing(
            Array(archive.threads.indices), first: .home, template: "home", heading: archive.site.title,
            feed: .feed, navigation: .home)
        let related =
            cache?.relatedThreads(key: planner.relatedThreadsKey, threadCount: archive.threads.count) {
                planner.relatedThreads()
            } ?? planner.relatedThreads()
        pages += Array(archive.threads.indices).parallelMap { planner.threadPage($0, related: related[$0]) }
        pages += planner.authorPages()
        pages += planner.topicPages()
        pages += planner.archivePages()
        pages += planner.feeds()
        pages.append(planner.searchPage())
        pages.append(planner.notFoundPage())
        pages += planner.sitemaps(of: pages.map(\.route))
        pages.append(planner.robots())
        return pages
    }

    // MARK: Shared parts

    /// The entry of the site's navigation a page belongs to.
    enum Navigation: String, Sendable {
        case home, authors, topics, archive, search
    }

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
        navigation: Navigation? = nil
    ) -> MetaView {
        var meta = MetaView(
            title: title.map { "\($0) · \(archive.site.title)" } ?? archive.site.title, heading: heading,
            description: Self.clipped(description?.isEmpty == false ? description! : archive.site.description, to: 160),
            canonicalURL: urls.absolute(route), openGraphType: type, imageURL: image,
            language: language ?? archive.site.language,
            feedURL: feed.map { urls.url($0, from: .relative(from: route)) }, feedTitle: feedTitle,
            isHome: false, isAuthors: false, isTopics: false, isArchive: false, isSearch: false)
        switch navigation {
        case .home: meta.isHome = true
        case .authors: meta.isAuthors = true
        case .topics: meta.isTopics = true
        case .archive: meta.isArchive = true
        case .search: meta.isSearch = true
        case nil: break
        }
        return meta
    }

    func author(_ key: String, from root: SiteURLs.Root) -> AuthorView {
        author(archive.authorIndex[key]!, from: root, links: links(root))
    }

    /// The view of the author at `ordinal` in ``Archive/authors``, as a page at `root` (whose links are `links`)
    /// shows it.
    func author(_ ordinal: Int, from root: SiteURLs.Root, links: RootLinks) -> AuthorView {
        if let known = links.authors.withLock({ $0[ordinal] }) { return known }
        let view = makeAuthor(archive.authors[ordinal].key, from: root)
        links.authors.withLock { $0[ordinal] = view }
        return view
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

    func topicLinks(_ index: Int, from root: SiteURLs.Root) -> [LinkView] {
        topicLinks(index, links: links(root))
    }

    private func topicLinks(_ index: Int, links: RootLinks) -> [LinkView] {
        topicOrdinals[index].map { links.topics[$0] }
    }

    /// The card of the thread at `index`, every field made.
    func card(_ index: Int, from root: SiteURLs.Root) -> ThreadCardView {
        let links = links(root)
        // Read field by field: a copy of the thread would retain each of its strings and arrays.
        let count = archive.threads[index].tweetCount
        return ThreadCardView(
            title: archive.threads[index].title, url: cardURL(index, links: links), dateText: day(index),
            dateISO: threadDates[index].iso, author: author(authorOrdinals[index], from: root, links: links),
            excerptHTML: archive.threads[index].firstTweet.map { $0.content.html(withRoot: links.prefix) } ?? "",
            summary: archive.threads[index].summary, tweetCount: count, tweetCountLabel: counted(count, "tweet"),
            readingLabel: "\(archive.threads[index].readingMinutes) min read", readLabel: Self.readLabel(count),
            topics: topicLinks(index, links: links), hasTopics: !topicOrdinals[index].isEmpty)
    }

    /// The card of the thread at `index` as a page at `root` (whose links are `links`) shows it, each field made when
    /// a template reads it (``CardSource``); in a listing (`listed`), with the text the listing may print for it
    /// (``CardMemo``).
    func card(_ index: Int, from root: SiteURLs.Root, links: RootLinks, listed: Bool) -> ThreadCardView {
        var view = ThreadCardView.unmade
        view.source = CardSource(planner: self, index: index, root: root, links: links, memo: listed ? cards : nil)
        return view
    }

    /// A card's link to its thread.
    func cardURL(_ index: Int, links: RootLinks) -> String {
        SiteURLs.url(path: threadPaths[index], prefix: links.prefix)
    }

    /// "Read 12 tweets".
    static func readLabel(_ count: Int) -> String { "Read " + counted(count, "tweet") }

    /// `text` with its white space made single spaces, cut before `limit` characters at a word's end, with "…".
    static func clipped(_ text: String, to limit: Int) -> String {
        // The words joined by single spaces, up to one character past the limit: all that the cut reads. `count`
        // is at least `flat.count`: a space and a combining mark after it make one character.
        var bytes: [UInt8] = []
        var count = 0
        var spaced = false
        text.forEachCharacter { character, isWhitespace in
            if isWhitespace {
                spaced = !bytes.isEmpty
                return true
            }
            if spaced {
                bytes.append(UInt8(ascii: " "))
                count += 1
                spaced = false
            }
            if count > limit {
                count = String(decoding: bytes, as: UTF8.self).count
                if count > limit { return false }
            }
            bytes += character
            count += 1
            return true
        }
        let flat = String(decoding: bytes, as: UTF8.self)
        if count > limit { count = flat.count }
        guard count > limit else { return flat }
        // The words end where a space character stands alone, so the result's count is the sum of its parts'.
        var result = ""
        var resultCount = 0
        for word in flat.split(separator: " ") {
            let wordCount = word.count
            if resultCount + wordCount + 1 > limit - 1 { break }
            result += (result.isEmpty ? "" : " ") + word
            resultCount += (resultCount == 0 ? 0 : 1) + wordCount
        }
        return (result.isEmpty ? String(flat.prefix(limit - 1)) : result) + "…"
    }

    // MARK: Listings

    /// The pages of a paginated listing of `indices` (positions in ``Archive/threads``, newest first).
    func listing(
        _ indices: [Int], first: Route, template: String, heading: String, title: String? = nil,
        description: String? = nil,
        type: String = "website", author authorKey: String? = nil, feed: Route? = nil,
        navigation: Navigation? = nil
    ) -> [Page] {
        let size = archive.site.pageSize
        let pageCount = max(1, (indices.count + size - 1) / size)
        return (1...pageCount).map { number in
            let route = first.page(number)
            let slice = Array(indices.dropFirst((number - 1) * size).prefix(size))
            let fingerprint = fingerprints.page(template, route, owner: authorKey, shown: slice) { hasher in
                fingerprints.combine(threads: slice, into: &hasher)
                for text in [heading, title, description, type, authorKey, feed?.filePath] { hasher.combine(text) }
                hasher.combine(authorKey.flatMap { fingerprints.authors[$0] } ?? 0)
                for count in [number, pageCount, indices.count] { hasher.combine(count) }
                hasher.combine(first.filePath)
                // Not `String(describing:)`, which reflects on the value: 14,000 instructions a page.
                hasher.combine(navigation?.rawValue)
            }
            return Page(route: route, template: template, fingerprint: fingerprint) { [self] in
                listingContext(
                    slice, route: route, number: number, pageCount: pageCount, total: indices.count, first: first,
                    heading: heading, title: title, description: description, type: type, author: authorKey,
                    feed: feed, navigation: navigation)
            }
        }
    }

    private func listingContext(
        _ slice: [Int], route: Route, number: Int, pageCount: Int, total: Int, first: Route, heading: String,
        title: String?, description: String?, type: String, author authorKey: String?, feed: Route?,
        navigation: Navigation?
    ) -> PageContext {
        let root = SiteURLs.Root.relative(from: route)
        let links = links(root)
        let pageTitle = number == 1 ? title : "\(title ?? heading) (page \(number))"
        var context = PageContext(
            site: site(root),
            meta: meta(
                route, title: pageTitle, heading: heading, description: description, type: type,
                feed: feed, feedTitle: feed.map { _ in heading }, navigation: navigation))
        context.listing = ListingView(
            heading: heading, threads: slice.map { card($0, from: root, links: links, listed: true) },
            pagination: pageCount == 1
                ? nil
                : PaginationView(
                    current: number, total: pageCount,
                    previousURL: number > 1 ? urls.url(first.page(number - 1), from: root) : nil,
                    nextURL: number < pageCount ? urls.url(first.page(number + 1), from: root) : nil,
                    label: "Page \(number) of \(pageCount)"),
            author: authorKey.map { author($0, from: root) }, countLabel: counted(total, "thread"),
            feedURL: feed.map { urls.url($0, from: root) })
        return context
    }
}
