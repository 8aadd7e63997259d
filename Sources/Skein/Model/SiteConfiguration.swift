import Foundation

/// The settings of `Content/site.yml`.
public struct SiteConfiguration: Sendable, Equatable {
    /// The site's name, shown in every page's header.
    public var title: String
    /// One sentence about the archive, used for meta descriptions.
    public var description: String
    /// Where the site is published, always ending in `/`; may include a sub-path.
    public var baseURL: URL
    /// The language of the pages, as a BCP 47 tag (`en`, `pt-BR`).
    public var language: String
    /// The time zone in which dates are displayed.
    public var timeZone: TimeZone
    /// How many threads a listing page shows.
    public var pageSize: Int
    /// Where @mentions of people outside the archive link, ending in `/`.
    public var mentionBaseURL: URL

    /// The settings of an archive whose `site.yml` says nothing.
    public static let defaults = SiteConfiguration(
        title: "Thread archive",
        description: "",
        baseURL: URL(string: "https://example.org/")!,
        language: "en",
        timeZone: TimeZone(identifier: "UTC")!,
        pageSize: 20,
        mentionBaseURL: URL(string: "https://x.com/")!
    )
}
