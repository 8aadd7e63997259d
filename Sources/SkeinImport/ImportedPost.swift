import Foundation
import Skein

/// One post of an export, converted into what a thread file holds of it.
struct ImportedPost: Equatable {
    /// What the post answers.
    enum Parent: Equatable {
        /// Nothing: it starts a thread.
        case none
        /// Another post of the same account, by id; the post continues a thread.
        case own(String)
        /// Someone else's post.
        case other
    }

    var id: String
    var date: Date
    /// The post's address on its platform.
    var url: String
    var parent: Parent
    /// The address of the post it answers, when known.
    var parentURL: String? = nil
    /// The post's Markdown, its media included.
    var markdown: String
    /// The media files its Markdown refers to.
    var media: [MediaCopy]
    /// The first words of its text, for naming a thread's file.
    var words: String
}

/// A file to copy from the export into `Content/media/`.
struct MediaCopy: Equatable {
    /// The file's path inside the export.
    var source: String
    /// Its path below `Content/`, such as `media/ada/1234-abc.jpg`.
    var destination: String
}

/// The account an export belongs to.
struct ImportedAuthor: Equatable {
    /// Names the account's folders and files, so it must be a plain name: letters, digits, `_` and `-`.
    var handle: String
    var name: String?
    /// The bio, as Markdown.
    var bio: String?
    var url: String?
    var avatar: MediaCopy?
}

extension ImportedAuthor {
    /// Whether `handle` can name folders and files: 1 to 64 letters, digits, `_` or `-`, not starting with `-`.
    static func isValidHandle(_ handle: String) -> Bool {
        (1...64).contains(handle.count) && !handle.hasPrefix("-")
            && handle.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }
}

/// An export read and converted, before threads are assembled.
struct ConvertedExport {
    var platform: String
    var author: ImportedAuthor
    var posts: [ImportedPost]
    var counts = ImportCounts()
}

/// What an import did, for its summary line.
public struct ImportCounts: Sendable, Equatable {
    /// Thread files written anew or updated.
    public var threadsWritten = 0
    /// Thread files that already held exactly what the import would write.
    public var threadsUnchanged = 0
    /// Posts in the imported threads.
    public var posts = 0
    /// Posts that were not part of a thread of at least `--min-tweets` posts.
    public var singlePostsSkipped = 0
    /// Retweets and boosts.
    public var repostsSkipped = 0
    /// Replies to other people's posts, and the threads that continue them.
    public var repliesSkipped = 0
    /// Followers-only and direct posts (and unlisted ones without `--include-unlisted`).
    public var privateSkipped = 0
    /// Media files written into `Content/media/`.
    public var mediaCopied = 0
    /// Media the posts name but the export does not hold.
    public var mediaMissing = 0
    /// Threads whose first post answers a post that is not in the export.
    public var missingParents = 0
}

/// The first words of a post's text, without links and mentions, to name its thread's file.
func firstWords(of text: String, limit: Int = 6) -> String {
    var kept = text
    for entity in EntityExtractor.entities(in: text).reversed() {
        switch entity.kind {
        case .url, .mention: kept.replaceSubrange(entity.range, with: " ")
        default: continue
        }
    }
    let words = Slug.make(from: kept).split(separator: "-").prefix(limit)
    var slug = ""
    for word in words where slug.count + word.count < 50 {
        slug += (slug.isEmpty ? "" : "-") + word
    }
    return slug
}
