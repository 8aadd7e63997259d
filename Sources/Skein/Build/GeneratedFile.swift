/// A file a build makes from the archive besides its pages (the search index), with a fingerprint of the data it is
/// made from: like a page's, an unchanged fingerprint lets a rebuild skip making it (``BuildCache``).
struct GeneratedFile: Sendable {
    /// Where the file goes, below the site's root.
    var path: String
    /// `nil` for a file made every time.
    var fingerprint: UInt64?
    /// Makes the file's text.
    var make: @Sendable () -> String
}
