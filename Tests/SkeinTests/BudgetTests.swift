import Foundation
import Skein
import Testing

/// What a reader downloads: a thread page of 25 full tweets, with the theme's CSS, stays under 40 KB before
/// compression, and reads without JavaScript.
@Suite struct BudgetTests {
    @Test func aThreadOf25TweetsWeighsUnder40KB() throws {
        let sentence = "Tweets are short, but threads are long, and a reader on a phone pays for every byte of both."
        let tweets = (1...25).map { number in
            "\(number)/25 \(sentence) \(sentence) See https://example.org/notes/\(number) and #budget, @someone."
        }
        let archive = try TemporaryArchive([
            "Content/threads/long.md": threadFile(extra: "title: A thread of twenty-five tweets\n", tweets: tweets),
            "Content/authors/ada.yml": "name: Ada\nbio: Writes threads.\n",
        ])
        try archive.build()
        let page = try #require(archive.read("Output/threads/long/index.html"))
        let css = try #require(archive.read("Output/assets/skein.css"))
        #expect(tweets.allSatisfy { tweet in page.contains(String(tweet.prefix(40))) })
        #expect(tweets.map(\.utf8.count).reduce(0, +) > 5_000, "realistic tweets: over 200 characters each")
        let total = page.utf8.count + css.utf8.count
        #expect(total < 40 * 1024, "HTML \(page.utf8.count) B + CSS \(css.utf8.count) B = \(total) B")
        let scripts = page.components(separatedBy: "<script").count - 1
        #expect(scripts == 0, "a thread page needs no JavaScript")
    }
}
