import Foundation
import Skein

/// The parts of an X/Twitter data export that an import reads, decoded. Every file is JavaScript
/// (`window.YTD.tweets.part0 = [ … ]`) around a JSON array; every number in it is a string.
struct TwitterArchive {
    var account: Account
    var profile: Profile?
    var tweets: [Tweet]
    /// Full texts of long posts, by the `created_at` of their tweet.
    var notes: [String: NoteTweet.Core]
    /// The folder of media files, ending in `/`, when the export has one.
    var mediaFolder: String?
    /// Profile pictures, ending in `/`.
    var profileMediaFolder: String?

    struct Account: Decodable {
        var username: String
        var accountId: String
        var accountDisplayName: String?
    }

    struct Profile: Decodable {
        struct Description: Decodable {
            var bio: String?
            var website: String?
            var location: String?
        }
        var description: Description?
        var avatarMediaUrl: String?
    }

    struct Tweet: Decodable {
        var id: String
        var createdAt: String
        var fullText: String
        var inReplyToStatusID: String?
        var inReplyToUserID: String?
        var entities: Entities?
        var extendedEntities: ExtendedEntities?
        var editInfo: EditInfo?

        enum CodingKeys: String, CodingKey {
            case id = "id_str"
            case createdAt = "created_at"
            case fullText = "full_text"
            case text
            case inReplyToStatusID = "in_reply_to_status_id_str"
            case inReplyToUserID = "in_reply_to_user_id_str"
            case entities
            case extendedEntities = "extended_entities"
            case editInfo = "edit_info"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            createdAt = try container.decode(String.self, forKey: .createdAt)
            fullText =
                try container.decodeIfPresent(String.self, forKey: .fullText)
                ?? container.decode(String.self, forKey: .text)
            inReplyToStatusID = try container.decodeIfPresent(String.self, forKey: .inReplyToStatusID)
            inReplyToUserID = try container.decodeIfPresent(String.self, forKey: .inReplyToUserID)
            entities = try container.decodeIfPresent(Entities.self, forKey: .entities)
            extendedEntities = try container.decodeIfPresent(ExtendedEntities.self, forKey: .extendedEntities)
            editInfo = try container.decodeIfPresent(EditInfo.self, forKey: .editInfo)
        }
    }

    struct Entities: Decodable {
        var urls: [URLEntity]?
        var hashtags: [TextEntity]?
        var userMentions: [MentionEntity]?
        var media: [MediaEntity]?

        enum CodingKeys: String, CodingKey {
            case urls, hashtags, media
            case userMentions = "user_mentions"
        }
    }

    struct URLEntity: Decodable {
        var url: String?
        var expandedURL: String?
        var indices: [FlexibleInt]

        enum CodingKeys: String, CodingKey {
            case url, indices
            case expandedURL = "expanded_url"
        }
    }

    struct TextEntity: Decodable {
        var indices: [FlexibleInt]
    }

    struct MentionEntity: Decodable {
        var screenName: String?
        var indices: [FlexibleInt]

        enum CodingKeys: String, CodingKey {
            case indices
            case screenName = "screen_name"
        }
    }

    struct ExtendedEntities: Decodable {
        var media: [MediaEntity]?
    }

    struct MediaEntity: Decodable {
        var mediaURL: String?
        var expandedURL: String?
        var type: String?
        var indices: [FlexibleInt]
        var videoInfo: VideoInfo?

        enum CodingKeys: String, CodingKey {
            case type, indices
            case mediaURL = "media_url_https"
            case expandedURL = "expanded_url"
            case videoInfo = "video_info"
        }
    }

    struct VideoInfo: Decodable {
        struct Variant: Decodable {
            var bitrate: FlexibleInt?
            var contentType: String?
            var url: String

            enum CodingKeys: String, CodingKey {
                case bitrate, url
                case contentType = "content_type"
            }
        }
        var variants: [Variant]?
    }

    struct EditInfo: Decodable {
        struct Initial: Decodable { var editTweetIds: [String]? }
        struct Edit: Decodable { var initialTweetId: String? }
        var initial: Initial?
        var edit: Edit?
    }

    struct NoteTweet: Decodable {
        struct Core: Decodable {
            struct NoteURL: Decodable {
                var shortUrl: String?
                var expandedUrl: String?
            }
            var text: String
            var urls: [NoteURL]?
        }
        var createdAt: String?
        var core: Core
    }

    /// A number the export writes as a string (`"42"`), or, in older exports, as a number.
    struct FlexibleInt: Decodable {
        var value: Int

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                value = number
            } else if let number = Int(try container.decode(String.self)) {
                value = number
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a number")
            }
        }
    }

    /// A record as the export wraps it (`{"tweet": {…}}`), or bare, as 2018-era exports have it.
    private struct Record<Value: Decodable>: Decodable {
        var value: Value

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            let wrapped = container.allKeys.count == 1 ? container.allKeys[0] : nil
            if let wrapped, let value = try? container.decode(Value.self, forKey: wrapped) {
                self.value = value
            } else {
                value = try Value(from: decoder)
            }
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    // MARK: Reading

    /// Reads the export: the tweet files the manifest lists (or those found by name), the account, the profile and
    /// the long posts. An export without them is not an X/Twitter export, and says so.
    init(_ files: ExportFiles) throws(BuildFailure) {
        let dataFolder = try Self.dataFolder(in: files)
        func find(_ name: String) -> String? {
            files.contains(dataFolder + name) ? dataFolder + name : nil
        }
        guard let accountPath = find("account.js") else {
            throw ExportFiles.corrupt(
                files.location(dataFolder + "account.js"), "the export has no account.js, which names its account")
        }
        guard let account = try Self.records(Account.self, in: accountPath, of: files).first else {
            throw ExportFiles.corrupt(files.location(accountPath), "it names no account")
        }
        guard ImportedAuthor.isValidHandle(account.username) else {
            throw ExportFiles.corrupt(
                files.location(accountPath), "its username '\(account.username)' is not a handle (letters, digits, _)")
        }
        self.account = account
        if let profilePath = find("profile.js") {
            profile = try Self.records(Profile.self, in: profilePath, of: files).first
        }
        var tweets: [Tweet] = []
        for path in try Self.tweetFiles(in: files, dataFolder: dataFolder) {
            tweets += try Self.records(Tweet.self, in: path, of: files)
        }
        self.tweets = tweets
        var notes: [String: NoteTweet.Core] = [:]
        if let path = find("note-tweet.js") {
            for note in try Self.records(NoteTweet.self, in: path, of: files) {
                if let created = note.createdAt { notes[created] = note.core }
            }
        }
        self.notes = notes
        let mediaFolders = ["tweets_media/", "tweet_media/"].map { dataFolder + $0 }
        mediaFolder = mediaFolders.first { folder in files.paths.contains { $0.hasPrefix(folder) } }
        profileMediaFolder = dataFolder + "profile_media/"
    }

    /// The folder holding `tweets.js` (normally `data/`), as a prefix.
    private static func dataFolder(in files: ExportFiles) throws(BuildFailure) -> String {
        let markers = ["manifest.js", "tweets.js", "tweet.js", "account.js"]
        let candidates = files.paths.filter { path in
            markers.contains(String(path.split(separator: "/").last ?? ""))
        }
        guard let shortest = candidates.min(by: { ($0.count, $0) < ($1.count, $1) }) else {
            throw ExportFiles.corrupt(
                files.origin,
                "this is not an X/Twitter export: it has no data/tweets.js, data/account.js or data/manifest.js")
        }
        return shortest.contains("/") ? String(shortest[...shortest.lastIndex(of: "/")!]) : ""
    }

    /// The files of tweets: those `manifest.js` lists under `dataTypes.tweets.files`, else every `tweets.js`,
    /// `tweets-partN.js` and old `tweet.js`.
    private static func tweetFiles(in files: ExportFiles, dataFolder: String) throws(BuildFailure) -> [String] {
        let manifestPath = dataFolder + "manifest.js"
        if files.contains(manifestPath) {
            let manifest = try json(in: manifestPath, of: files, opening: UInt8(ascii: "{"), closing: UInt8(ascii: "}"))
            let root = dataFolder.hasSuffix("data/") ? String(dataFolder.dropLast(5)) : dataFolder
            var listed: [String] = []
            if let types = (manifest as? [String: Any])?["dataTypes"] as? [String: Any] {
                for key in ["tweets", "tweet"] {
                    let entries = ((types[key] as? [String: Any])?["files"] as? [[String: Any]]) ?? []
                    for entry in entries {
                        guard let name = entry["fileName"] as? String else { continue }
                        let candidates = [
                            root + name, dataFolder + (name.split(separator: "/").last.map(String.init) ?? name),
                        ]
                        guard let found = candidates.first(where: files.contains) else {
                            throw ExportFiles.corrupt(
                                files.location(manifestPath),
                                "it lists '\(name)', which the export does not hold: the export is incomplete")
                        }
                        listed.append(found)
                    }
                }
            }
            if !listed.isEmpty { return listed }
        }
        let found = files.paths.filter { path in
            guard path.hasPrefix(dataFolder) else { return false }
            let name = path.dropFirst(dataFolder.count)
            guard !name.contains("/"), name.hasSuffix(".js") else { return false }
            return name == "tweets.js" || name == "tweet.js" || name.hasPrefix("tweets-part")
                || name.hasPrefix("tweet-part")
        }
        guard !found.isEmpty else {
            throw ExportFiles.corrupt(
                files.location(dataFolder + "tweets.js"), "the export has no tweets.js: it holds no posts to import")
        }
        return found
    }

    /// The records of one file.
    private static func records<Value: Decodable>(_ type: Value.Type, in path: String, of files: ExportFiles)
        throws(BuildFailure) -> [Value]
    {
        let data = try javaScriptPayload(in: path, of: files, opening: UInt8(ascii: "["), closing: UInt8(ascii: "]"))
        do {
            return try JSONDecoder().decode([Record<Value>].self, from: data).map(\.value)
        } catch {
            throw ExportFiles.corrupt(files.location(path), "its records cannot be read: \(describe(error))")
        }
    }

    private static func json(in path: String, of files: ExportFiles, opening: UInt8, closing: UInt8)
        throws(BuildFailure) -> Any
    {
        let data = try javaScriptPayload(in: path, of: files, opening: opening, closing: closing)
        do { return try JSONSerialization.jsonObject(with: data) } catch {
            throw ExportFiles.corrupt(files.location(path), "it is not the JSON the export writes: \(describe(error))")
        }
    }

    /// The JSON inside `window.YTD.… = [ … ];`: from the first opening bracket to the last closing one.
    private static func javaScriptPayload(in path: String, of files: ExportFiles, opening: UInt8, closing: UInt8)
        throws(BuildFailure) -> Data
    {
        let data = try files.read(path)
        guard let start = data.firstIndex(of: opening), let end = data.lastIndex(of: closing), start < end else {
            throw ExportFiles.corrupt(
                files.location(path), "it holds no data: the file is empty or cut short (the export may be truncated)")
        }
        return data[start...end]
    }
}

/// A decoding error in one line: what was expected, and where.
func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, let context):
        return "'\(key.stringValue)' is missing at \(path(context.codingPath))"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
        return "\(context.debugDescription) at \(path(context.codingPath))"
    case DecodingError.dataCorrupted(let context):
        let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
        return (underlying ?? context.debugDescription) + " (the file may be cut short)"
    default:
        return "\(error)"
    }
}

private func path(_ codingPath: [any CodingKey]) -> String {
    codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
}
