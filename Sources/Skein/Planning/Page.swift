/// One file of the site to render: where it goes, which template makes it, and what the template is given.
public struct Page: Sendable, Equatable {
    /// Where the page is written.
    public var route: Route
    /// The template's name, such as `thread` or `partials/card`.
    public var template: String
    /// The template's data.
    public var context: PageContext
}
