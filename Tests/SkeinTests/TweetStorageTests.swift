import Foundation
import Testing

@testable import Skein

/// A thread's tweets after the first are kept as bytes until a page shows them (``TweetStorage``).
@Suite struct TweetStorageTests {
    /// What the archive gives back for each tweet is what its thread file and its Markdown say, whether the tweets
    /// were just rendered or read from the cache.
    @Test func tweetsReadBackAreTheTweetsOfTheFile() throws {
        let archive = try TemporaryArchive([
            "Content/threads/a.md": threadFile(
                extra: "title: Stored\n",
                tweets: [
                    "{id=1 time=2024-03-01T10:00:00Z}\nFirst, with #swift.",
                    "{id=2 time=2024-03-01T10:05:00Z}\nSecond: see https://example.com/x and @ada.",
                    "{url=https://social.example/@ada/3}\n![A cat](https://example.com/cat.png)",
                    "Fourth, *plain*.",
                ])
        ])
        let cache = BuildCache()
        for run in ["rendered", "from the cache"] {
            var options = BuildOptions(content: archive.content, output: archive.output, cache: cache)
            options.selection = .init(now: Date(timeIntervalSince1970: 2_000_000_000))
            let site = try SiteBuilder.prepare(options)
            let thread = try #require(site.archive.threads.first)
            let tweets = thread.tweets
            #expect(thread.tweetCount == 4, "\(run)")
            #expect(tweets.map(\.number) == [1, 2, 3, 4], "\(run)")
            #expect(tweets.map(\.location.line) == [7, 10, 13, 15], "\(run)")
            #expect(Set(tweets.map(\.location.file)) == [thread.file], "\(run)")
            #expect(tweets[1].time == ISO8601DateFormatter().date(from: "2024-03-01T10:05:00Z"), "\(run)")
            #expect(tweets[2].time == nil && tweets[3].originalURL == nil, "\(run)")
            #expect(tweets[1].originalURL == "https://x.com/ada/status/2", "\(run)")
            #expect(tweets[2].originalURL == "https://social.example/@ada/3", "\(run)")
            #expect(tweets[1].content.links == ["https://example.com/x"], "\(run)")
            #expect(tweets[1].content.html.contains(#"href="skein:authors/ada/""#), "\(run)")
            #expect(tweets[2].content.images.map(\.alt) == ["A cat"], "\(run)")
            #expect(tweets[3].content.html == "<p>Fourth, <em>plain</em>.</p>\n", "\(run)")
            #expect(tweets[0].content.plainText == "First, with #swift.", "the first tweet keeps its text (\(run))")
            #expect(thread.topicSlugs == ["swift"], "\(run)")
            #expect(thread.lastTweetTime == ISO8601DateFormatter().date(from: "2024-03-01T10:05:00Z"), "\(run)")
            #expect(thread.hasImages, "\(run)")
        }
    }

    /// Cached tweets whose bytes are cut short or are not renderings are refused when the cache is read, so that
    /// no page ever reads them.
    @Test func damagedStoredTweetsAreRefused() {
        let renderer = MarkdownRenderer(
            mentions: .init(knownHandles: [], baseURL: URL(string: "https://x.com/")!))
        let tweets = RenderedTweets(
            ["One #a.", "Two https://example.com/b.", "Three ![c](d.png)."].map(renderer.render))
        func readBack(_ bytes: [UInt8]) -> RenderedTweets? {
            bytes.withUnsafeBytes { bytes in
                var reader = BinaryReader(bytes)
                guard let tweets = try? RenderedTweets(from: &reader), reader.isAtEnd else { return nil }
                return tweets
            }
        }
        var writer = BinaryWriter()
        writer.write(tweets)
        #expect(readBack(writer.bytes) == tweets)
        #expect(tweets.count == 3 && tweets.hashtags == ["a"] && tweets.hasImages)

        func damaged(_ later: [UInt8]) -> [UInt8] {
            var writer = BinaryWriter()
            writer.write(tweets.first)
            later.withUnsafeBufferPointer { writer.write(bytes: $0) }
            writer.write(tweets.count)
            writer.write(tweets.hashtags)
            writer.write(tweets.title)
            writer.write(tweets.wordCount)
            writer.write(tweets.hasImages)
            writer.write(tweets.search.excerpt)
            tweets.search.encodedTerms.withUnsafeBufferPointer { writer.write(bytes: $0) }
            return writer.bytes
        }
        #expect(readBack(damaged(Array(tweets.later))) == tweets, "the same bytes written by hand are read")
        #expect(readBack(damaged(Array(tweets.later.dropLast(3)))) == nil, "cut short")
        #expect(readBack(damaged(Array(tweets.later.prefix(tweets.later.count / 2)))) == nil, "cut in half")
        #expect(readBack(damaged(Array(tweets.later) + [0])) == nil, "one rendering too many")
        #expect(readBack(damaged([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])) == nil, "not a rendering")
    }
}
