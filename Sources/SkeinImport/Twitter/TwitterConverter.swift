import Foundation
import Skein

/// Turns an X/Twitter export's tweets into posts: edits collapsed to their last version, retweets left out, text
/// rebuilt from the entities (sliced by Unicode scalars of the escaped text, then unescaped), t.co links expanded,
/// quote posts linked, and media located by the archive's naming rule.
struct TwitterConverter {
    let archive: TwitterArchive
    let files: ExportFiles
    private let dates = TwitterConverter.dateFormatter()

    init(archive: TwitterArchive, files: ExportFiles) {
        self.archive = archive
        self.files = files
    }

    private var handle: String { archive.account.username }

    func convert() throws(BuildFailure) -> ConvertedExport {
        var counts = ImportCounts()
        var posts: [ImportedPost] = []
        let (tweets, replacedBy) = latestVersions(of: archive.tweets)
        for tweet in tweets {
            if tweet.fullText.hasPrefix("RT @") {
                counts.repostsSkipped += 1
                continue
            }
            guard let date = dates.date(from: tweet.createdAt) else {
                throw ExportFiles.corrupt(
                    files.origin, "the tweet \(tweet.id) has the date '\(tweet.createdAt)', which cannot be read")
            }
            var parent = ImportedPost.Parent.none
            if let user = tweet.inReplyToUserID {
                if user == archive.account.accountId {
                    if let status = tweet.inReplyToStatusID { parent = .own(replacedBy[status] ?? status) }
                } else {
                    parent = .other
                }
            }
            let (markdown, media, words) = text(of: tweet, counts: &counts)
            var post = ImportedPost(
                id: tweet.id, date: date, url: "https://x.com/\(handle)/status/\(tweet.id)", parent: parent,
                markdown: markdown, media: media, words: words)
            if case .own(let id) = parent { post.parentURL = "https://x.com/\(handle)/status/\(id)" }
            posts.append(post)
        }
        return ConvertedExport(platform: "twitter", author: author(counts: &counts), posts: posts, counts: counts)
    }

    /// Every version of an edited tweet is its own record; the last one stays. Also maps each replaced id to it.
    private func latestVersions(of tweets: [TwitterArchive.Tweet]) -> ([TwitterArchive.Tweet], [String: String]) {
        var replacedBy: [String: String] = [:]
        let present = Set(tweets.map(\.id))
        for tweet in tweets {
            guard let versions = tweet.editInfo?.initial?.editTweetIds, versions.count > 1 else { continue }
            let last = versions.filter(present.contains).max { ($0.count, $0) < ($1.count, $1) }
            guard let last else { continue }
            for version in versions where version != last { replacedBy[version] = last }
        }
        var seen: Set<String> = []
        let kept = tweets.filter { replacedBy[$0.id] == nil && seen.insert($0.id).inserted }
        return (kept, replacedBy)
    }

    // MARK: Text

    private enum Piece {
        case url(String)
        case keep
        case drop
    }

    private func text(of tweet: TwitterArchive.Tweet, counts: inout ImportCounts)
        -> (String, [MediaCopy], String)
    {
        var text = MarkdownText()
        let plain: String
        if let note = archive.notes[tweet.createdAt] {
            plain = note.text
            var rest = Substring(note.text)
            let links = (note.urls ?? []).compactMap { link -> (String, String)? in
                guard let short = link.shortUrl, let expanded = link.expandedUrl else { return nil }
                return (short, expanded)
            }
            while let (range, expanded) = nextLink(in: rest, links) {
                text.plain(String(rest[..<range.lowerBound]))
                addURL(expanded, to: &text)
                rest = rest[range.upperBound...]
            }
            text.plain(String(rest))
        } else {
            let scalars = Array(tweet.fullText.unicodeScalars)
            var position = 0
            var words = ""
            for (range, piece) in pieces(of: tweet) {
                guard range.lowerBound >= position, range.upperBound <= scalars.count else { continue }
                let before = HTMLTokenizer.decode(
                    String(String.UnicodeScalarView(scalars[position..<range.lowerBound])))
                text.plain(before)
                words += before
                let written = HTMLTokenizer.decode(String(String.UnicodeScalarView(scalars[range])))
                switch piece {
                case .url(let expanded):
                    addURL(expanded, to: &text)
                case .keep:
                    text.markdown(written)
                    words += written
                case .drop:
                    break
                }
                position = range.upperBound
            }
            let rest = HTMLTokenizer.decode(String(String.UnicodeScalarView(scalars[position...])))
            text.plain(rest)
            plain = words + rest
        }
        var markdown = text.finish()
        var copies: [MediaCopy] = []
        for (number, media) in (tweet.extendedEntities?.media ?? tweet.entities?.media ?? []).enumerated() {
            let line: String
            if let copy = mediaCopy(of: media, tweet: tweet.id) {
                copies.append(copy)
                let title = media.type == "animated_gif" ? " \"gif\"" : ""
                line = "![](/\(copy.destination)\(title))"
            } else {
                counts.mediaMissing += 1
                let kind = media.type == "photo" ? "photo" : media.type == "video" ? "video" : "GIF"
                let target = media.expandedURL ?? "https://x.com/\(handle)/status/\(tweet.id)/photo/\(number + 1)"
                var link = MarkdownText()
                link.link("(a \(kind) that is not in the export)", to: target)
                line = link.finish()
            }
            markdown += (markdown.isEmpty ? "" : "\n\n") + line
        }
        return (markdown, copies, firstWords(of: plain))
    }

    /// The entities of a tweet by their scalar ranges in `full_text`, in order, overlapping ones left out.
    private func pieces(of tweet: TwitterArchive.Tweet) -> [(Range<Int>, Piece)] {
        var found: [(Range<Int>, Piece)] = []
        func range(_ indices: [TwitterArchive.FlexibleInt]) -> Range<Int>? {
            guard indices.count == 2, indices[0].value >= 0, indices[0].value <= indices[1].value else { return nil }
            return indices[0].value..<indices[1].value
        }
        let entities = tweet.entities
        for url in entities?.urls ?? [] {
            guard let range = range(url.indices) else { continue }
            found.append((range, .url(url.expandedURL ?? url.url ?? "")))
        }
        for hashtag in entities?.hashtags ?? [] {
            if let range = range(hashtag.indices) { found.append((range, .keep)) }
        }
        for mention in entities?.userMentions ?? [] {
            if let range = range(mention.indices) { found.append((range, .keep)) }
        }
        if let media = (tweet.extendedEntities?.media ?? entities?.media)?.first, let range = range(media.indices) {
            found.append((range, .drop))
        }
        found.sort { $0.0.lowerBound < $1.0.lowerBound }
        var kept: [(Range<Int>, Piece)] = []
        for piece in found where kept.last.map({ $0.0.upperBound <= piece.0.lowerBound }) ?? true {
            kept.append(piece)
        }
        return kept
    }

    private func nextLink(in text: Substring, _ links: [(String, String)]) -> (Range<Substring.Index>, String)? {
        links.compactMap { link in text.range(of: link.0).map { ($0, link.1) } }
            .min { $0.0.lowerBound < $1.0.lowerBound }
    }

    /// An expanded link; a link to a post on X or Twitter is a quote post, shown as a link to the quoted post.
    private func addURL(_ url: String, to text: inout MarkdownText) {
        if let quoted = Self.quotedAuthor(url) {
            text.link("Quoted post by @\(quoted)", to: url)
        } else if !url.isEmpty {
            text.link(url)
        }
    }

    /// The author of a post at `url` when it is a post on X or Twitter (`https://x.com/<user>/status/<id>`).
    static func quotedAuthor(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let host = components.host?.lowercased(),
            ["twitter.com", "www.twitter.com", "x.com", "www.x.com", "mobile.twitter.com"].contains(host)
        else {
            return nil
        }
        let parts = components.path.split(separator: "/")
        guard parts.count >= 3, parts[1] == "status", parts[2].allSatisfy(\.isNumber) else { return nil }
        return String(parts[0])
    }

    // MARK: Media

    /// Where the export keeps a tweet's media file: `<tweet id>-<basename of the media URL>`, the URL being the best
    /// mp4 variant's (without its query) for videos and GIFs. Nil when the export does not hold the file.
    private func mediaCopy(of media: TwitterArchive.MediaEntity, tweet id: String) -> MediaCopy? {
        guard let folder = archive.mediaFolder else { return nil }
        var source = media.mediaURL
        if media.type == "video" || media.type == "animated_gif" {
            let mp4 = (media.videoInfo?.variants ?? []).filter { $0.contentType == "video/mp4" }
            source = mp4.max { ($0.bitrate?.value ?? 0) < ($1.bitrate?.value ?? 0) }?.url
        }
        guard let source, let name = URLComponents(string: source)?.path.split(separator: "/").last else { return nil }
        let file = "\(id)-\(name)"
        guard files.contains(folder + file), MediaName.isSafe(file) else { return nil }
        return MediaCopy(source: folder + file, destination: "media/\(handle)/\(file)")
    }

    // MARK: Author

    private func author(counts: inout ImportCounts) -> ImportedAuthor {
        var author = ImportedAuthor(handle: handle)
        author.name = archive.account.accountDisplayName
        if let bio = archive.profile?.description?.bio, !bio.isEmpty {
            var text = MarkdownText()
            text.plain(bio)
            author.bio = text.finish()
        }
        if let website = archive.profile?.description?.website, !website.isEmpty {
            author.url = website
        }
        if let avatar = archive.profile?.avatarMediaUrl,
            let name = URLComponents(string: avatar)?.path.split(separator: "/").last,
            let folder = archive.profileMediaFolder
        {
            let candidates = files.paths.filter { $0.hasPrefix(folder) && $0.hasSuffix("-" + name) }
            if let found = candidates.first, let file = found.split(separator: "/").last, MediaName.isSafe(String(file))
            {
                author.avatar = MediaCopy(source: found, destination: "media/\(handle)/avatar-\(name)")
            } else {
                counts.mediaMissing += 1
            }
        }
        return author
    }

    /// Reads `Thu Nov 03 08:50:26 +0000 2022`.
    static func dateFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE MMM dd HH:mm:ss Z yyyy"
        return formatter
    }
}

/// File names that are safe to write below `Content/media/`.
enum MediaName {
    static func isSafe(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.hasPrefix(".")
            && name.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) } && name.count <= 200
    }
}
