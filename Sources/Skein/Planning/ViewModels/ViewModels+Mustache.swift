import Mustache

// Templates read view models through `child(named:)`: a switch is several times faster than the Mirror that
// swift-mustache falls back to. `ViewModelTests` checks that every stored property is reachable here.

/// What a view model gives for a field it has but that holds nothing. swift-mustache takes `nil` for "no such name
/// here" and goes on down the context stack, where another object may have a field of that name: a card without a
/// summary, inside a thread page, would show the thread's. The Mustache spec and mustache.js stop at the object that
/// has the name, and so does this value: a section skips it, an inverted section shows, a variable prints nothing.
struct MustacheNull: MustacheCustomRenderable, MustacheParent {
    var renderText: String { "" }
    var isNull: Bool { true }
    func child(named name: String) -> Any? { nil }
}

/// A text field as templates see it: swift-mustache renders a value it can cast to `MustacheCustomRenderable` at its
/// second cast, where a plain `String` goes through four more (template, lambda, optional, `String(describing:)`),
/// and a view model's variable is the commonest tag (a 1,000-thread build: 5 % fewer instructions). It is a parent of
/// nothing, so that a name looked up inside a section over it goes on down the stack without a `Mirror`, and it
/// passes transforms to its text.
///
/// A theme that names a partial by a field (`{{>*name}}`) needs the field to be a `String`: its pages are rendered
/// with ``plain`` set (``Theme/namesPartialsByFields``).
struct MustacheText: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    /// Whether fields are given to templates as plain strings, on the page being rendered on this thread.
    @TaskLocal static var plain = false

    let text: String
    var renderText: String { text }
    var isNull: Bool { false }
    func child(named name: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { text.transform(name) }

    /// `text` as templates see it.
    static func of(_ text: String) -> Any { plain ? text : MustacheText(text: text) }

    /// `text`, or the null value in its place.
    static func or(_ text: String?) -> Any { text.map(of) ?? MustacheNull() }
}

/// A view model as swift-mustache holds it: by reference. swift-mustache casts each object it looks in to
/// `MustacheParent`, and each cast copies a struct whole, retaining every string and array in it (and puts it in a new
/// heap box when it does not fit inline); a class is copied by one retain.
struct MustacheObject: MustacheParent, CustomStringConvertible {
    private final class Box {
        let value: any MustacheParent
        init(_ value: any MustacheParent) { self.value = value }
    }

    private let box: Box

    init(_ value: any MustacheParent) { self.box = Box(value) }

    func child(named name: String) -> Any? {
        if name == PartialMemo.field { return PartialMemo.Rendering.current?.accessor(over: self) }
        return box.value.child(named: name)
    }

    /// Which object this is, for as long as it lives: copies of it are the same object.
    var identity: ObjectIdentifier { ObjectIdentifier(box) }

    /// What a variable tag over the object prints, as it did over the struct.
    var description: String { String(describing: box.value) }

    /// `value` as templates hold it.
    static func of(_ value: any MustacheParent) -> MustacheObject { MustacheObject(value) }

    /// Each of `values` as templates hold it.
    static func of(_ values: [some MustacheParent]) -> [MustacheObject] { values.map(MustacheObject.init) }

    /// `value` as templates hold it, or the null value in its place.
    static func or(_ value: (any MustacheParent)?) -> Any { value.map(MustacheObject.init) ?? MustacheNull() }
}

extension ListingView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "heading": MustacheText.of(self.heading)
        case "threads": MustacheObject.of(self.threads)
        case "pagination": MustacheObject.or(self.pagination)
        case "author": MustacheObject.or(self.author)
        case "countLabel": MustacheText.of(self.countLabel)
        case "feedURL": MustacheText.or(self.feedURL)
        default: nil
        }
    }
}

extension PaginationView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "current": self.current
        case "total": self.total
        case "previousURL": MustacheText.or(self.previousURL)
        case "nextURL": MustacheText.or(self.nextURL)
        case "label": MustacheText.of(self.label)
        default: nil
        }
    }
}

extension TopicLinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": MustacheText.of(self.name)
        case "url": MustacheText.of(self.url)
        case "count": self.count
        case "countLabel": MustacheText.of(self.countLabel)
        default: nil
        }
    }
}

extension YearView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "year": MustacheText.of(self.year)
        case "countLabel": MustacheText.of(self.countLabel)
        case "months": MustacheObject.of(self.months)
        default: nil
        }
    }
}

extension MonthLinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": MustacheText.of(self.name)
        case "url": MustacheText.of(self.url)
        case "count": self.count
        case "countLabel": MustacheText.of(self.countLabel)
        default: nil
        }
    }
}

extension FeedView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": MustacheText.of(self.title)
        case "subtitle": MustacheText.of(self.subtitle)
        case "id": MustacheText.of(self.id)
        case "selfURL": MustacheText.of(self.selfURL)
        case "alternateURL": MustacheText.of(self.alternateURL)
        case "updated": MustacheText.of(self.updated)
        case "entries": MustacheObject.of(self.entries)
        default: nil
        }
    }
}

extension FeedEntryView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": MustacheText.of(self.title)
        case "url": MustacheText.of(self.url)
        case "id": MustacheText.of(self.id)
        case "published": MustacheText.of(self.published)
        case "updated": MustacheText.of(self.updated)
        case "authorName": MustacheText.of(self.authorName)
        case "authorURL": MustacheText.of(self.authorURL)
        case "summary": MustacheText.of(self.summary)
        case "contentHTML": MustacheText.of(self.contentHTML)
        case "topics": self.topics
        default: nil
        }
    }
}

extension SitemapEntry: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "url": MustacheText.of(self.url)
        case "lastModified": MustacheText.or(self.lastModified)
        default: nil
        }
    }
}

extension PageContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "site": MustacheObject.of(self.site)
        case "meta": MustacheObject.of(self.meta)
        case "listing": MustacheObject.or(self.listing)
        case "thread": MustacheObject.or(self.thread)
        case "authors": MustacheObject.of(self.authors)
        case "topics": MustacheObject.of(self.topics)
        case "years": MustacheObject.of(self.years)
        case "feed": MustacheObject.or(self.feed)
        case "sitemap": MustacheObject.of(self.sitemap)
        default: nil
        }
    }
}

extension SiteView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": MustacheText.of(self.title)
        case "description": MustacheText.or(self.description)
        case "language": MustacheText.of(self.language)
        case "homeURL": MustacheText.of(self.homeURL)
        case "authorsURL": MustacheText.of(self.authorsURL)
        case "topicsURL": MustacheText.of(self.topicsURL)
        case "archiveURL": MustacheText.of(self.archiveURL)
        case "searchURL": MustacheText.of(self.searchURL)
        case "feedURL": MustacheText.of(self.feedURL)
        case "stylesheetURL": MustacheText.of(self.stylesheetURL)
        case "iconURL": MustacheText.of(self.iconURL)
        case "sitemapURL": MustacheText.of(self.sitemapURL)
        default: nil
        }
    }
}

extension MetaView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": MustacheText.of(self.title)
        case "heading": MustacheText.of(self.heading)
        case "description": MustacheText.of(self.description)
        case "canonicalURL": MustacheText.of(self.canonicalURL)
        case "openGraphType": MustacheText.of(self.openGraphType)
        case "imageURL": MustacheText.or(self.imageURL)
        case "language": MustacheText.of(self.language)
        case "feedURL": MustacheText.or(self.feedURL)
        case "feedTitle": MustacheText.or(self.feedTitle)
        case "isHome": self.isHome
        case "isAuthors": self.isAuthors
        case "isTopics": self.isTopics
        case "isArchive": self.isArchive
        case "isSearch": self.isSearch
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": MustacheText.of(self.name)
        case "url": MustacheText.of(self.url)
        default: nil
        }
    }
}

extension ThreadView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": MustacheText.of(self.title)
        case "url": MustacheText.of(self.url)
        case "dateText": MustacheText.of(self.dateText)
        case "dateISO": MustacheText.of(self.dateISO)
        case "summary": MustacheText.or(self.summary)
        case "sourceURL": MustacheText.or(self.sourceURL)
        case "tweetCountLabel": MustacheText.of(self.tweetCountLabel)
        case "readingLabel": MustacheText.of(self.readingLabel)
        case "author": MustacheObject.of(self.author)
        case "tweets": MustacheObject.of(self.tweets)
        case "topics": MustacheObject.of(self.topics)
        case "hasTopics": self.hasTopics
        case "moreFromAuthor": MustacheObject.of(self.moreFromAuthor)
        case "hasMoreFromAuthor": self.hasMoreFromAuthor
        case "related": MustacheObject.of(self.related)
        case "hasRelated": self.hasRelated
        case "previous": MustacheObject.or(self.previous)
        case "next": MustacheObject.or(self.next)
        case "hasNeighbours": self.hasNeighbours
        default: nil
        }
    }
}

extension TweetView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "number": self.number
        case "position": MustacheText.of(self.position)
        case "anchor": MustacheText.of(self.anchor)
        case "html": MustacheText.of(self.html)
        case "timeText": MustacheText.or(self.timeText)
        case "timeISO": MustacheText.or(self.timeISO)
        case "originalURL": MustacheText.or(self.originalURL)
        case TweetStencils.field: self.stencils.map { $0.stencils.stencilled(self) }
        default: nil
        }
    }
}

extension ThreadCardView: MustacheParent {
    public func child(named name: String) -> Any? {
        if let source { return source.child(named: name) }
        return field(named: name)
    }

    /// The field `name` of this card as it holds it.
    func field(named name: String) -> Any? {
        switch name {
        case "title": MustacheText.of(self.title)
        case "url": MustacheText.of(self.url)
        case "dateText": MustacheText.of(self.dateText)
        case "dateISO": MustacheText.of(self.dateISO)
        case "author": MustacheObject.of(self.author)
        case "excerptHTML": MustacheText.of(self.excerptHTML)
        case "summary": MustacheText.or(self.summary)
        case "tweetCount": self.tweetCount
        case "tweetCountLabel": MustacheText.of(self.tweetCountLabel)
        case "readingLabel": MustacheText.of(self.readingLabel)
        case "readLabel": MustacheText.of(self.readLabel)
        case "topics": MustacheObject.of(self.topics)
        case "hasTopics": self.hasTopics
        default: nil
        }
    }
}

extension AuthorView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "handle": MustacheText.of(self.handle)
        case "name": MustacheText.of(self.name)
        case "hasName": self.hasName
        case "url": MustacheText.of(self.url)
        case "avatarURL": MustacheText.or(self.avatarURL)
        case "initial": MustacheText.of(self.initial)
        case "bioHTML": MustacheText.or(self.bioHTML)
        case "homepage": MustacheObject.or(self.homepage)
        case "links": MustacheObject.of(self.links)
        case "threadCount", "tweetCount", "countsLabel":
            // Pages that read no counts are not rendered again when only counts change (`AuthorCountReads`).
            counts(named: name)
        case "feedURL": MustacheText.of(self.feedURL)
        default: nil
        }
    }

    private func counts(named field: String) -> Any {
        AuthorCountReads.current?.note(handle)
        return switch field {
        case "threadCount": self.threadCount
        case "tweetCount": self.tweetCount
        default: self.countsLabel
        }
    }
}

/// `{{author}}` prints the author's name; the default text of a struct would hold every field, counts included, which
/// no page shows and ``AuthorCountReads`` does not see.
extension AuthorView: CustomStringConvertible {
    public var description: String { name }
}
