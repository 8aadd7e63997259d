/// One file of the site to render: where it goes, which template makes it, and what the template is given.
///
/// Every page is planned before any is rendered, but a page's data is made only when it is rendered: memory then
/// holds the data of the pages being rendered, not of the whole site.
public struct Page: Sendable {
    /// Where the page is written.
    public var route: Route
    /// The template's name, such as `thread` or `partials/card`.
    public var template: String
    /// All that the view model is made from, hashed (``PageFingerprints``); `nil` for pages made from the whole
    /// archive, which are always rendered.
    var fingerprint: PageFingerprint?
    private let makeContext: @Sendable () -> PageContext

    init(
        route: Route, template: String, fingerprint: PageFingerprint? = nil,
        context: @escaping @Sendable () -> PageContext
    ) {
        self.route = route
        self.template = template
        self.fingerprint = fingerprint
        self.makeContext = context
    }

    /// The template's data, made anew on each call.
    public var context: PageContext { makeContext() }
}
