import Foundation
import Skein

/// Turns a Mastodon account export (`outbox.json`, `actor.json`, `media_attachments/`) into posts: public posts
/// only (and unlisted ones when asked), boosts left out, HTML turned into Markdown, content warnings shown, polls
/// shown as their options, attachments copied with their alt text.
///
/// `outbox.json` is read with `JSONSerialization`, which keeps the last of two equal keys: real exports hold
/// `orderedItems` twice, an empty list first and the posts second (`JSONDecoder` keeps the first, and finds none).
struct MastodonConverter {
    let files: ExportFiles
    let includeUnlisted: Bool

    static let publicAudience = "https://www.w3.org/ns/activitystreams#Public"

    func convert() throws(BuildFailure) -> ConvertedExport {
        guard
            let outboxPath = files.paths.filter({ $0 == "outbox.json" || $0.hasSuffix("/outbox.json") })
                .min(by: { $0.count < $1.count })
        else {
            throw ExportFiles.corrupt(files.origin, "this is not a Mastodon export: it has no outbox.json")
        }
        let folder = String(outboxPath.dropLast("outbox.json".count))
        let outbox = try object(at: outboxPath)
        guard let items = outbox["orderedItems"] as? [Any] else {
            throw ExportFiles.corrupt(
                files.location(outboxPath), "it has no orderedItems list: this is not an ActivityPub outbox")
        }
        let actor = files.contains(folder + "actor.json") ? try object(at: folder + "actor.json") : [:]
        let actorID = (actor["id"] as? String) ?? (outbox["id"] as? String).map(Self.actorID(fromOutbox:)) ?? ""
        let handle = try handle(actor: actor, actorID: actorID, outboxPath: outboxPath)

        var counts = ImportCounts()
        let mediaIndex = Dictionary(
            files.paths.compactMap { path in path.range(of: "media_attachments/").map { (path[$0.lowerBound...], path) }
            },
            uniquingKeysWith: { first, _ in first })
        var posts: [ImportedPost] = []
        for case let item as [String: Any] in items {
            switch item["type"] as? String {
            case "Announce":
                counts.repostsSkipped += 1
                continue
            case "Create":
                break
            default:
                continue
            }
            guard let note = item["object"] as? [String: Any], let id = note["id"] as? String else { continue }
            guard isPublic(note) else {
                counts.privateSkipped += 1
                continue
            }
            guard let published = note["published"] as? String, let date = Self.parseDate(published) else {
                throw ExportFiles.corrupt(
                    files.location(outboxPath), "the post \(id) has no date that can be read ('published')")
            }
            var parent = ImportedPost.Parent.none
            if let reply = note["inReplyTo"] as? String {
                parent = !actorID.isEmpty && reply.hasPrefix(actorID + "/") ? .own(Self.shortID(reply)) : .other
            }
            let (markdown, media, words) = body(of: note, handle: handle, mediaIndex: mediaIndex, counts: &counts)
            var post = ImportedPost(
                id: Self.shortID(id), date: date, url: (note["url"] as? String) ?? id, parent: parent,
                markdown: markdown, media: media, words: words)
            post.parentURL = note["inReplyTo"] as? String
            posts.append(post)
        }
        let author = author(actor: actor, handle: handle, folder: folder, counts: &counts)
        return ConvertedExport(platform: "mastodon", author: author, posts: posts, counts: counts)
    }

    /// Public: addressed to everyone. Unlisted: everyone only in copy. Followers-only and direct posts are neither.
    private func isPublic(_ note: [String: Any]) -> Bool {
        let to = (note["to"] as? [String]) ?? []
        let cc = (note["cc"] as? [String]) ?? []
        if to.contains(Self.publicAudience) { return true }
        return includeUnlisted && cc.contains(Self.publicAudience)
    }

    private func body(
        of note: [String: Any], handle: String, mediaIndex: [Substring: String], counts: inout ImportCounts
    ) -> (String, [MediaCopy], String) {
        var parts: [String] = []
        if let warning = note["summary"] as? String, !warning.isEmpty {
            var text = MarkdownText()
            text.markdown("**Content warning:** ")
            text.plain(HTMLTokenizer.decode(warning))
            parts.append(text.finish())
        }
        let html = (note["content"] as? String) ?? ""
        let content = HTMLToMarkdown.convert(html)
        if !content.isEmpty { parts.append(content) }
        let options = (note["oneOf"] as? [[String: Any]]) ?? (note["anyOf"] as? [[String: Any]]) ?? []
        if !options.isEmpty {
            var poll = MarkdownText()
            for (number, option) in options.enumerated() {
                let votes = ((option["replies"] as? [String: Any])?["totalItems"] as? Int) ?? 0
                poll.markdown(number == 0 ? "- " : "\n- ")
                poll.plain("\(option["name"] as? String ?? "") (\(votes == 1 ? "1 vote" : "\(votes) votes"))")
            }
            parts.append(poll.finish())
        }
        var copies: [MediaCopy] = []
        for case let attachment as [String: Any] in (note["attachment"] as? [Any]) ?? [] {
            let url = (attachment["url"] as? String) ?? ""
            let alt = ((attachment["name"] as? String) ?? "").replacingOccurrences(of: "\n", with: " ")
            let kind = (attachment["mediaType"] as? String) ?? ""
            let postID = Self.shortID(note["id"] as? String ?? "")
            guard let suffix = url.range(of: "media_attachments/").map({ url[$0.lowerBound...] }),
                let source = mediaIndex[suffix], let name = source.split(separator: "/").last,
                MediaName.isSafe("\(postID)-\(name)")
            else {
                counts.mediaMissing += 1
                var missing = MarkdownText()
                missing.link("(an attachment that is not in the export)", to: (note["url"] as? String) ?? "")
                parts.append(missing.finish())
                continue
            }
            let copy = MediaCopy(source: source, destination: "media/\(handle)/\(postID)-\(name)")
            copies.append(copy)
            var line = MarkdownText()
            if kind.hasPrefix("image/") || kind.hasPrefix("video/") {
                line.markdown("![" + MarkdownText.escape(alt, atLineStart: false) + "](/\(copy.destination))")
            } else {
                line.markdown("[" + MarkdownText.escape(alt.isEmpty ? String(name) : alt, atLineStart: false))
                line.markdown("](/\(copy.destination))")
            }
            parts.append(line.finish())
        }
        let plain = HTMLTokenizer.tokens(of: html).compactMap { token -> String? in
            if case .text(let text) = token { return text }
            return " "
        }.joined()
        return (parts.joined(separator: "\n\n"), copies, firstWords(of: plain))
    }

    private func author(actor: [String: Any], handle: String, folder: String, counts: inout ImportCounts)
        -> ImportedAuthor
    {
        var author = ImportedAuthor(handle: handle)
        author.name = (actor["name"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        if let summary = actor["summary"] as? String {
            let bio = HTMLToMarkdown.convert(summary)
            author.bio = bio.isEmpty ? nil : bio
        }
        author.url = actor["url"] as? String
        if let icon = (actor["icon"] as? [String: Any])?["url"] as? String {
            let path = folder + icon.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            let name = icon.split(separator: "/").last.map(String.init) ?? ""
            if files.contains(path), MediaName.isSafe(name) {
                author.avatar = MediaCopy(source: path, destination: "media/\(handle)/\(name)")
            } else {
                counts.mediaMissing += 1
            }
        }
        return author
    }

    private func handle(actor: [String: Any], actorID: String, outboxPath: String)
        throws(BuildFailure) -> String
    {
        let name = (actor["preferredUsername"] as? String) ?? actorID.split(separator: "/").last.map(String.init)
        guard let name, ImportedAuthor.isValidHandle(name) else {
            throw ExportFiles.corrupt(
                files.location(outboxPath), "the account's name cannot be found (actor.json has no preferredUsername)")
        }
        return name
    }

    private func object(at path: String) throws(BuildFailure) -> [String: Any] {
        let data = try files.read(path)
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ExportFiles.corrupt(files.location(path), "it is not a JSON object")
            }
            return object
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw ExportFiles.corrupt(
                files.location(path), "it is not JSON that can be read: \(describe(error)); the export may be cut short"
            )
        }
    }

    /// `https://host/users/alice` from the outbox's id `https://host/users/alice/outbox`.
    static func actorID(fromOutbox id: String) -> String {
        id.hasSuffix("/outbox") ? String(id.dropLast("/outbox".count)) : id
    }

    /// The last part of a post's URI: `https://host/users/alice/statuses/110` → `110`.
    static func shortID(_ uri: String) -> String {
        uri.split(separator: "/").last.map(String.init) ?? uri
    }

    static func parseDate(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
