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
        let threads = content.threads.map { thread in
            var thread = thread
            if thread.isDateOnly { thread.date = DateParsing.moving(thread.date, toMidnightIn: content.site.timeZone) }
            return thread
        }
        let published = threads.filter { thread in
            (selection.drafts || !thread.isDraft) && (selection.future || thread.date <= selection.now)
        }
        for thread in published where authors[Handle.key(thread.author)] == nil {
            authors[Handle.key(thread.author)] = (thread.author, nil)
        }
        let sorted = published.sorted { ($0.date, $1.slug) > ($1.date, $0.slug) }
        let later = threads.filter { thread in
            (selection.drafts || !thread.isDraft) && !selection.future && thread.date > selection.now
        }
        return ResolvedContent(
            site: content.site, threads: sorted,
            authors: authors.keys.sorted().map { ($0, authors[$0]!.handle, authors[$0]!.profile) },
            mediaFiles: content.mediaFiles, nextPublication: later.map(\.date).min())
    }

    /// Every thread (drafts too, so that publishing one later cannot collide) needs a slug of its own.
    private static func reportSlugCollisions(in threads: [ThreadSource], diagnostics: inout [Diagnostic]) {
        let bySlug = Dictionary(grouping: threads, by: \.slug)
        for (slug, group) in bySlug where group.count > 1 {
            for thread in group {
                let others = group.filter { $0.location.file != thread.location.file }.map {
                    SourceLocation.displayPath($0.location.file)
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
