/// The names templates may use: every property of the view models, found by reflecting a context in which every
/// optional is set and every list has an element, so that a new field is known as soon as it exists.
enum TemplateVariables {
    static let known: Set<String> = {
        var names: Set<String> = []
        collect(sampleContext, into: &names)
        return names
    }()

    /// Variable names used by `text` that no page provides, with their lines and columns.
    static func unknown(in text: String) -> [(name: String, line: Int, column: Int)] {
        var result: [(String, Int, Int)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                var tag = rest[open.upperBound..<close.lowerBound]
                rest = rest[close.upperBound...]
                if tag.hasPrefix("{") { tag = tag.dropFirst() }
                tag = tag.drop { $0 == " " }
                if let sigil = tag.first, "#^&".contains(sigil) { tag = tag.dropFirst() }
                // Closing tags repeat a name already checked where it opened (or a block's or parent's name).
                guard let first = tag.first, !"!><$%=/".contains(first) else { continue }
                var name = tag.trimmingCharacters(in: .whitespaces)
                // A transform, `uppercased(name)`: the name is inside the parentheses.
                if let openParenthesis = name.firstIndex(of: "("), name.hasSuffix(")") {
                    name = String(name[name.index(after: openParenthesis)..<name.index(before: name.endIndex)])
                }
                for component in name.split(separator: ".") where !known.contains(String(component)) {
                    let column =
                        line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: open.lowerBound) + 1
                    result.append((String(component), lineIndex + 1, column))
                }
            }
        }
        return result
    }

    private static func collect(_ value: Any, into names: inout Set<String>) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional || mirror.displayStyle == .collection {
            for child in mirror.children { collect(child.value, into: &names) }
            return
        }
        guard mirror.displayStyle == .struct else { return }
        for child in mirror.children {
            guard let label = child.label, !isSkeinsOwn(child.value) else { continue }
            names.insert(label)
            collect(child.value, into: &names)
        }
    }

    /// Whether a view model's field is Skein's own, not a template variable: a card's ``CardSource``, a tweet's
    /// ``TweetStencilling``.
    static func isSkeinsOwn(_ value: Any) -> Bool {
        value is CardSource? || value is TweetStencilling?
    }

    static var sampleContext: PageContext {
        let link = LinkView(name: "", url: "")
        let author = AuthorView(
            handle: "", name: "", hasName: true, url: "", avatarURL: "", initial: "", bioHTML: "", homepage: link,
            links: [link], threadCount: 0, tweetCount: 0, countsLabel: "", feedURL: "")
        let card = ThreadCardView(
            title: "", url: "", dateText: "", dateISO: "", author: author, excerptHTML: "", summary: "", tweetCount: 0,
            tweetCountLabel: "", readingLabel: "", readLabel: "", topics: [link], hasTopics: true)
        let tweet = TweetView(
            number: 1, position: "", anchor: "", html: "", timeText: "", timeISO: "", originalURL: "")
        var context = PageContext(
            site: SiteView(
                title: "", description: "", language: "", homeURL: "", authorsURL: "", topicsURL: "", archiveURL: "",
                searchURL: "",
                feedURL: "", stylesheetURL: "", iconURL: "", sitemapURL: ""),
            meta: MetaView(
                title: "", heading: "", description: "", canonicalURL: "", openGraphType: "", imageURL: "",
                language: "",
                feedURL: "", feedTitle: "", isHome: true, isAuthors: true, isTopics: true, isArchive: true,
                isSearch: true))
        context.listing = ListingView(
            heading: "", threads: [card],
            pagination: PaginationView(current: 1, total: 1, previousURL: "", nextURL: "", label: ""), author: author,
            countLabel: "", feedURL: "")
        context.thread = ThreadView(
            title: "", url: "", dateText: "", dateISO: "", summary: "", sourceURL: "", tweetCountLabel: "",
            readingLabel: "", author: author, tweets: [tweet], topics: [link], hasTopics: true, moreFromAuthor: [card],
            hasMoreFromAuthor: true, related: [card], hasRelated: true, previous: link, next: link, hasNeighbours: true)
        context.authors = [author]
        context.topics = [TopicLinkView(name: "", url: "", count: 0, countLabel: "")]
        context.years = [
            YearView(year: "", countLabel: "", months: [MonthLinkView(name: "", url: "", count: 0, countLabel: "")])
        ]
        context.feed = FeedView(
            title: "", subtitle: "", id: "", selfURL: "", alternateURL: "", updated: "",
            entries: [
                FeedEntryView(
                    title: "", url: "", id: "", published: "", updated: "", authorName: "", authorURL: "", summary: "",
                    contentHTML: "", topics: [""])
            ])
        context.sitemap = [SitemapEntry(url: "", lastModified: "")]
        return context
    }
}
