/// What `Content/authors/<handle>.yml` says about a person.
public struct AuthorProfile: Sendable, Equatable {
    /// The handle, without `@`, as the file name spells it.
    public var handle: String
    /// The display name.
    public var name: String?
    /// A short biography in Markdown.
    public var bio: String?
    /// A path under `Content/media/` or an absolute URL.
    public var avatar: String?
    /// The person's home page.
    public var url: String?
    /// Further links (other profiles, a blog).
    public var links: [String]
    /// Where the profile came from.
    public var location: SourceLocation
}
