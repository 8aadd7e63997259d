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

    /// `value`, or the null value in its place.
    static func or(_ value: Any?) -> Any { value ?? MustacheNull() }
}

extension ListingView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "heading": self.heading
        case "threads": self.threads
        case "pagination": MustacheNull.or(self.pagination)
        case "author": MustacheNull.or(self.author)
        case "countLabel": self.countLabel
        case "feedURL": MustacheNull.or(self.feedURL)
        default: nil
        }
    }
}

extension PaginationView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "current": self.current
        case "total": self.total
        case "previousURL": MustacheNull.or(self.previousURL)
        case "nextURL": MustacheNull.or(self.nextURL)
        case "label": self.label
        default: nil
        }
    }
}

extension TopicLinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        case "count": self.count
        case "countLabel": self.countLabel
        default: nil
        }
    }
}

extension YearView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "year": self.year
        case "countLabel": self.countLabel
        case "months": self.months
        default: nil
        }
    }
}

extension MonthLinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        case "count": self.count
        case "countLabel": self.countLabel
        default: nil
        }
    }
}

extension FeedView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "subtitle": self.subtitle
        case "id": self.id
        case "selfURL": self.selfURL
        case "alternateURL": self.alternateURL
        case "updated": self.updated
        case "entries": self.entries
        default: nil
        }
    }
}

extension FeedEntryView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "id": self.id
        case "published": self.published
        case "updated": self.updated
        case "authorName": self.authorName
        case "authorURL": self.authorURL
        case "summary": self.summary
        case "contentHTML": self.contentHTML
        case "topics": self.topics
        default: nil
        }
    }
}

extension SitemapEntry: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "url": self.url
        case "lastModified": MustacheNull.or(self.lastModified)
        default: nil
        }
    }
}

extension PageContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "site": self.site
        case "meta": self.meta
        case "listing": MustacheNull.or(self.listing)
        case "thread": MustacheNull.or(self.thread)
        case "authors": self.authors
        case "topics": self.topics
        case "years": self.years
        case "feed": MustacheNull.or(self.feed)
        case "sitemap": self.sitemap
        default: nil
        }
    }
}

extension SiteView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "description": self.description
        case "language": self.language
        case "homeURL": self.homeURL
        case "authorsURL": self.authorsURL
        case "topicsURL": self.topicsURL
        case "archiveURL": self.archiveURL
        case "searchURL": self.searchURL
        case "feedURL": self.feedURL
        case "stylesheetURL": self.stylesheetURL
        case "iconURL": self.iconURL
        case "sitemapURL": self.sitemapURL
        default: nil
        }
    }
}

extension MetaView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "heading": self.heading
        case "description": MustacheNull.or(self.description)
        case "canonicalURL": self.canonicalURL
        case "openGraphType": self.openGraphType
        case "imageURL": MustacheNull.or(self.imageURL)
        case "language": self.language
        case "feedURL": MustacheNull.or(self.feedURL)
        case "feedTitle": MustacheNull.or(self.feedTitle)
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
        case "name": self.name
        case "url": self.url
        default: nil
        }
    }
}

extension ThreadView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "dateText": self.dateText
        case "dateISO": self.dateISO
        case "summary": MustacheNull.or(self.summary)
        case "sourceURL": MustacheNull.or(self.sourceURL)
        case "tweetCountLabel": self.tweetCountLabel
        case "readingLabel": self.readingLabel
        case "author": self.author
        case "tweets": self.tweets
        case "topics": self.topics
        case "hasTopics": self.hasTopics
        case "moreFromAuthor": self.moreFromAuthor
        case "hasMoreFromAuthor": self.hasMoreFromAuthor
        case "related": self.related
        case "hasRelated": self.hasRelated
        case "previous": MustacheNull.or(self.previous)
        case "next": MustacheNull.or(self.next)
        case "hasNeighbours": self.hasNeighbours
        default: nil
        }
    }
}

extension TweetView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "number": self.number
        case "position": self.position
        case "anchor": self.anchor
        case "html": self.html
        case "timeText": MustacheNull.or(self.timeText)
        case "timeISO": MustacheNull.or(self.timeISO)
        case "originalURL": MustacheNull.or(self.originalURL)
        default: nil
        }
    }
}

extension ThreadCardView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "dateText": self.dateText
        case "dateISO": self.dateISO
        case "author": self.author
        case "excerptHTML": self.excerptHTML
        case "summary": MustacheNull.or(self.summary)
        case "tweetCount": self.tweetCount
        case "tweetCountLabel": self.tweetCountLabel
        case "readingLabel": self.readingLabel
        case "readLabel": self.readLabel
        case "topics": self.topics
        case "hasTopics": self.hasTopics
        case CardMemo.field: self.reuse.flatMap { $0.memo.text(for: $0) }
        default: nil
        }
    }
}

extension AuthorView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "handle": self.handle
        case "name": self.name
        case "hasName": self.hasName
        case "url": self.url
        case "avatarURL": MustacheNull.or(self.avatarURL)
        case "initial": self.initial
        case "bioHTML": MustacheNull.or(self.bioHTML)
        case "homepage": MustacheNull.or(self.homepage)
        case "links": self.links
        case "threadCount", "tweetCount", "countsLabel":
            // Pages that read no counts are not rendered again when only counts change (`AuthorCountReads`).
            counts(named: name)
        case "feedURL": self.feedURL
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
