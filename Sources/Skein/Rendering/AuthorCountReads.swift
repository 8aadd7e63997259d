/// Whose thread and tweet counts (``AuthorView``'s `threadCount`, `tweetCount` and `countsLabel`) one page's rendering
/// read. A page that read none is the same whatever the counts, so its file is known by a fingerprint without them
/// (``PageFingerprint``), and one tweet added to a thread does not make every page that shows a card of its author's
/// threads rendered again. The default theme shows counts on an author's own page and beside a thread, not on cards.
///
/// Templates read a view model only through `child(named:)`, where ``AuthorView`` notes such a read here. A page is
/// rendered on one thread, and a card reused from ``CardMemo`` passes on what it read when it was first rendered.
final class AuthorCountReads: @unchecked Sendable {
    /// The reads of the page being rendered on this thread, if any.
    @TaskLocal static var current: AuthorCountReads?

    /// The handle of the page's owner (``PageFingerprint/owner``).
    let owner: String?
    /// Whether the owner's counts were read.
    private(set) var readOwner = false
    /// Whether another author's counts were read.
    private(set) var readOthers = false
    /// Every handle whose counts were read.
    private(set) var handles: Set<String> = []

    init(owner: String?) {
        self.owner = owner
    }

    /// Notes that the counts of the author with `handle` were read.
    func note(_ handle: String) {
        handles.insert(handle)
        if handle == owner { readOwner = true } else { readOthers = true }
    }

    /// Runs `render` with reads noted here.
    func recording<Result>(_ render: () -> Result) -> Result {
        Self.$current.withValue(self, operation: render)
    }
}
