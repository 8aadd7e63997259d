import Synchronization

/// Where a card that the planner made without its fields (``PagePlanner/card(_:from:links:listed:)``) finds each one,
/// when a template reads it. A listing's card whose text the card memo prints reads none of them; a thread page's
/// "More from" and "Related" lists read six of thirteen. What no template reads (the excerpt's HTML with its links
/// made for the page, the topic links, the labels) is never made, and the thread's record is not copied whole.
///
/// The fields read most are made alone; any other is read from the whole card, made once (``PagePlanner/card(_:from:)``).
/// A template reads the same values either way (`CardSourceTests`).
final class CardSource: Sendable, Hashable {
    let planner: PagePlanner
    let index: Int
    let root: SiteURLs.Root
    let links: PagePlanner.RootLinks
    /// The card memo, for a listing's card, whose text the listing may print from it.
    let memo: CardMemo?
    private let whole = Mutex<ThreadCardView?>(nil)

    init(planner: PagePlanner, index: Int, root: SiteURLs.Root, links: PagePlanner.RootLinks, memo: CardMemo?) {
        self.planner = planner
        self.index = index
        self.root = root
        self.links = links
        self.memo = memo
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": MustacheText.of(planner.archive.threads[index].title)
        case "url": MustacheText.of(planner.cardURL(index, links: links))
        case "dateText": MustacheText.of(planner.day(index))
        case "dateISO": MustacheText.of(planner.threadDates[index].iso)
        case "readLabel": MustacheText.of(PagePlanner.readLabel(planner.archive.threads[index].tweetCount))
        case "author": MustacheObject.of(planner.author(planner.authorOrdinals[index], from: root, links: links))
        case CardMemo.field:
            memo.flatMap { $0.reused(for: CardReuse(memo: $0, thread: index, prefix: links.prefix, planner: planner)) }
        default: card.field(named: name)
        }
    }

    /// The card with every field made.
    var card: ThreadCardView {
        whole.withLock { whole in
            if let whole { return whole }
            let card = planner.card(index, from: root)
            whole = card
            return card
        }
    }

    static func == (left: CardSource, right: CardSource) -> Bool {
        left.index == right.index && left.links.prefix == right.links.prefix
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(index)
        hasher.combine(links.prefix)
    }
}

extension ThreadCardView {
    /// A card with no field made, for a ``CardSource`` to make them.
    static let unmade = ThreadCardView(
        title: "", url: "", dateText: "", dateISO: "",
        author: AuthorView(
            handle: "", name: "", hasName: false, url: "", avatarURL: nil, initial: "", bioHTML: nil, homepage: nil,
            links: [], threadCount: 0, tweetCount: 0, countsLabel: "", feedURL: ""),
        excerptHTML: "", summary: nil, tweetCount: 0, tweetCountLabel: "", readingLabel: "", readLabel: "", topics: [],
        hasTopics: false)
}
