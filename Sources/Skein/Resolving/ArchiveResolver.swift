import Foundation

/// The archive once drafts and future threads are set aside and slugs and authors are checked, before Markdown.
public struct ResolvedContent: Sendable {
    /// The site's settings.
    public var site: SiteConfiguration
    /// Threads to publish, newest first.
    public var threads: [ThreadSource]
    /// Every author: a profile, or a handle that threads use without one; by key.
    public var authors: [(key: String, handle: String, profile: AuthorProfile?)]
    /// Files under `media/`.
    public var mediaFiles: [String]
    /// The earliest date of a thread left out for being in the future: the build after it publishes that thread.
    public var nextPublication: Date? = nil
}

/// The resolve stage: which threads are published, unique slugs, and who the authors are.
public enum ArchiveResolver {
    /// What a build includes besides published threads.
    public struct Selection: Sendable {
        /// Include threads marked `draft: true`.
        public var drafts: Bool
        /// Include threads dated after `now`.
        public var future: Bool
        /// The moment that separates past from future.
        public var now: Date

        /// Creates a selection.
        public init(drafts: Bool = false, future: Bool = false, now: Date = Date()) {
            self.drafts = drafts
            self.future = future
            self.now = now
        }
    }

    /// Resolves `content`, reporting slug and author collisions.
    public static func resolve(_ content: ParsedContent, selection: Selection, diagnostics: inout [Diagnostic])
        -> ResolvedContent
    {
        reportSlugCollisions(in: content.threads, diagnostics: &diagnostics)

        var authors: [String: (handle: String, profile: AuthorProfile?)] = [:]
        for profile in content.profiles {
            let key = Handle.key(profile.handle)
            if let existing = authors[key]?.profile {
                diagnostics.append(
                    .error(
                        "two author files name the handle '\(profile.handle)': this one and \(existing.location.file)",
                        at: profile.location))
                continue
            }
            authors[key] = (profile.handle, profile)
        }
        // Threads are chosen and ordered by index, and each published one copied once: a copy of a thread retains
        // every string and array it holds.
        let threads = content.threads
        let dates = threads.indices.map { index in
            threads[index].isDateOnly
                ? DateParsing.moving(threads[index].date, toMidnightIn: content.site.timeZone) : threads[index].date
        }
        let published = threads.indices.filter { index in
            (selection.drafts || !threads[index].isDraft) && (selection.future || dates[index] <= selection.now)
        }
        for index in published where authors[Handle.key(threads[index].author)] == nil {
            authors[Handle.key(threads[index].author)] = (threads[index].author, nil)
        }
        let order = published.sorted { (dates[$0], threads[$1].slug) > (dates[$1], threads[$0].slug) }
        var sorted: [ThreadSource] = []
        sorted.reserveCapacity(order.count)
        for index in order {
            var thread = threads[index]
            thread.date = dates[index]
            sorted.append(thread)
        }
        let later = threads.indices.filter { index in
            (selection.drafts || !threads[index].isDraft) && !selection.future && dates[index] > selection.now
        }
        return ResolvedContent(
            site: content.site, threads: sorted,
            authors: authors.keys.sorted().map { ($0, authors[$0]!.handle, authors[$0]!.profile) },
            mediaFiles: content.mediaFiles, nextPublication: later.map { dates[$0] }.min())
    }

    /// Every thread (drafts too, so that publishing one later cannot collide) needs a slug of its own.
    private static func reportSlugCollisions(in threads: [ThreadSource], diagnostics: inout [Diagnostic]) {
        let bySlug = Dictionary(grouping: threads.indices, by: { threads[$0].slug })
        for (slug, group) in bySlug where group.count > 1 {
            for member in group {
                let thread = threads[member]
                let others = group.filter { threads[$0].location.file != thread.location.file }.map {
                    SourceLocation.displayPath(threads[$0].location.file)
                }
                diagnostics.append(
                    .error(
                        "the slug '\(slug)' is also used by \(others.joined(separator: ", ")); give one of them another `slug:`",
                        at: thread.slugLocation.line > 0
                            ? thread.slugLocation : SourceLocation(file: thread.location.file, line: 1, column: 1)))
            }
        }
    }
}
