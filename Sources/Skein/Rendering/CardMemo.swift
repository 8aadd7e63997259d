import Mustache
import Synchronization

/// Listings show each thread's card on several pages (home, author, topics, month), at several depths. Rendering a
/// card through swift-mustache is most of a listing's time, so a card is rendered once per thread, with a marker where
/// its way to the site's root goes, and each page puts its own way to the root in place of the marker.
///
/// This gives the bytes of rendering the card in place only when the card's text depends on nothing but the card, so
/// it is used only when both checks pass:
/// - the theme (``Theme/partialIsReusable(_:in:)``): the card partial and those it includes use no transform, block,
///   parent, set delimiter or pragma, and no partial or block of the theme is indented (which would indent each of the
///   card's lines);
/// - each card, when it is first rendered: every name the partial looks up is found on the card or inside it (the
///   context below the card is a spy that notes any question), and no content holds a marker: either no text of the
///   card has U+0001, the markers' first character, or rendering it with two different markers gives the same text
///   around them.
///
/// Otherwise the partial is rendered in place, as before.
final class CardMemo: Sendable {
    /// The name the card partial is registered under; the theme's own name then holds ``wrapper``.
    static let partial = "partials/card"
    static let original = "skein.card-in-place"
    static let once = "skein.card-once"
    /// What the wrapper asks a card for: its reused text, or nothing (see ``CardSource/child(named:)``).
    static let field = "skeinReusedCard"
    static let wrapper = "{{#.\(field)}}{{{.}}}{{/.\(field)}}{{^.\(field)}}{{> \(original)}}{{/.\(field)}}"
    static let cardField = "skeinCardToRender"
    static let renderOnce = "{{#\(cardField)}}{{> \(original)}}{{/\(cardField)}}"
    /// Two markers no page would write. Content that holds one anyway (a YAML escape can write U+0001) makes the two
    /// renderings differ, and its card is rendered in place.
    static let markers = ["\u{1}skein-root-a\u{1}", "\u{1}skein-root-b\u{1}"]

    private let library: MustacheLibrary
    /// By thread: the card's text with the first marker where the root goes, or nil when it cannot be reused. One
    /// string each, cut at each use: 100,000 threads' cards cut once would hold five strings each.
    private let cards = Mutex<[Int: Stencil]>([:])

    private struct Stencil {
        var text: String?
        /// The handles of the authors whose counts the card read (``AuthorCountReads``), which every page that shows
        /// it reads too.
        var countsRead: Set<String>
    }

    init(library: MustacheLibrary) {
        self.library = library
    }

    /// The library's card partial is the wrapper: a theme that passed ``Theme/partialIsReusable(_:in:)`` reuses cards.
    static func installed(in library: MustacheLibrary) -> CardMemo? {
        library.getTemplate(named: original) == nil ? nil : CardMemo(library: library)
    }

    /// Registers the wrapper in place of the card partial, which moves to ``original``.
    static func install(in library: inout MustacheLibrary, prefix: String) throws {
        try library.wrapPartial(partial, movingTo: original, in: wrapper, helpers: [once: renderOnce], prefix: prefix)
    }

    /// The card as a page whose way to the root is `reuse.prefix` shows it, or nil when it must be rendered in place.
    /// Its text is made when the wrapper prints it: the wrapper asks for the card twice (its section and its inverted
    /// section), and putting the page's root in place of each marker costs more than finding the card.
    func reused(for reuse: CardReuse) -> ReusedCard? {
        let known = cards.withLock { $0[reuse.thread] }
        // Two workers may render the same card at once; they find the same text.
        let stencil =
            known
            ?? {
                let reads = AuthorCountReads(owner: nil)
                let stencil = Stencil(text: reads.recording { self.stencil(reuse) }, countsRead: reads.handles)
                cards.withLock { $0[reuse.thread] = stencil }
                return stencil
            }()
        guard let text = stencil.text else { return nil }
        if let reads = AuthorCountReads.current {
            for handle in stencil.countsRead { reads.note(handle) }
        }
        return ReusedCard(stencil: text, prefix: reuse.prefix)
    }

    /// A card's text as the wrapper's section holds it and prints it (`{{{.}}}`).
    struct ReusedCard: MustacheCustomRenderable {
        let stencil: String
        let prefix: String
        var renderText: String { stencil.replacing(every: CardMemo.markers[0], with: prefix) }
        var isNull: Bool { false }
    }

    private func stencil(_ reuse: CardReuse) -> String? {
        // The card's own texts, with no root: when none has U+0001, every U+0001 of the card's text is a marker's (the
        // templates have none), and one rendering is enough.
        let markers =
            reuse.make(.literal("")).texts.contains { $0.utf8.contains(1) } ? Self.markers : [Self.markers[0]]
        var texts: [String] = []
        for marker in markers {
            let spy = ContextSpy(name: Self.cardField, value: MustacheObject(reuse.make(.literal(marker))))
            guard let text = library.render(spy, withTemplate: Self.once), !spy.lookedBeyond else { return nil }
            texts.append(text)
        }
        guard texts.count == 2 else { return texts[0] }
        return texts[0].pieces(separatedBy: markers[0]) == texts[1].pieces(separatedBy: markers[1]) ? texts[0] : nil
    }

    /// Lets go of the cards, once every page is rendered.
    func release() {
        cards.withLock { $0 = [:] }
    }
}

/// What a listing's card needs to be reused: the memo, the thread, the page's way to the root, and how to make the
/// card for another root.
struct CardReuse: Sendable {
    let memo: CardMemo
    let thread: Int
    let prefix: String
    let planner: PagePlanner

    /// The card, every field made, for a page at `root`.
    func make(_ root: SiteURLs.Root) -> ThreadCardView { planner.card(thread, from: root) }
}

extension ThreadCardView {
    /// Every text of the card and of the values it holds (`CardMemoTests` checks that none is left out).
    var texts: [String] {
        var texts = [title, url, dateText, dateISO, excerptHTML, tweetCountLabel, readingLabel, readLabel]
        texts += [summary].compactMap { $0 }
        texts += [author.handle, author.name, author.url, author.initial, author.countsLabel, author.feedURL]
        texts += [author.avatarURL, author.bioHTML].compactMap { $0 }
        for link in [author.homepage].compactMap({ $0 }) + author.links + topics { texts += [link.name, link.url] }
        return texts
    }
}
