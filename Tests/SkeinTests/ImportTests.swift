import Foundation
import Skein
import Testing
import ZIPFoundation

@testable import SkeinImport

/// `skein import` on synthetic exports shaped like real ones (see `../shared/IMPORT-FORMATS.md`): every trap of the
/// formats, byte-for-byte thread files, idempotence, edits kept, hostile exports refused.
@Suite struct ImportTests {
    private func imported(_ archive: TemporaryArchive) -> [String: Data] {
        ExportFixtures.tree(archive.content).filter { $0.key != "site.yml" }
    }

    private func text(_ archive: TemporaryArchive) -> String {
        imported(archive).filter { !$0.key.hasPrefix("media/") }.sorted { $0.key < $1.key }
            .map { String(decoding: $0.value, as: UTF8.self) }.joined(separator: "\n")
    }

    // MARK: X/Twitter

    @Test func twitterExportBecomesTheExpectedThreadFiles() throws {
        let archive = try TemporaryArchive()
        let report = try ExportFixtures.run(.twitter, ExportFixtures.twitter, into: archive)
        try ExportFixtures.compareWithExpected("twitter", imported(archive))
        #expect(report.handle == "river_notes")
        let counts = report.counts
        #expect(counts.threadsWritten == 7)
        #expect(counts.posts == 17)
        #expect(counts.repostsSkipped == 1, "the retweet")
        #expect(counts.repliesSkipped == 2, "the reply to @someone and its own continuation")
        #expect(counts.singlePostsSkipped == 1)
        #expect(counts.mediaCopied == 5, "two photos, the best video, the GIF, the avatar")
        #expect(counts.mediaMissing == 1)
        #expect(counts.missingParents == 1)
    }

    @Test func twitterTextKeepsEveryEntityInItsPlace() throws {
        let archive = try TemporaryArchive()
        try ExportFixtures.run(.twitter, ExportFixtures.twitter, into: archive)
        let all = text(archive)
        // Entities after `&amp;` and after astral characters: sliced by scalars of the escaped text, then unescaped.
        #expect(
            all.contains(
                "Rust \\& Swift \\<3: a thread on #memory safety 🧵 <https://example.com/memory_safety?a=1&b=2>"))
        #expect(all.contains("2/ Astral first: 𝐁𝐨𝐥𝐝 𝑖𝑡𝑎𝑙𝑖𝑐 \\& 😀 then #unicode, thanks @mira_k \\& @bo_b!"))
        #expect(!all.contains("t.co/"), "every t.co link is expanded or dropped")
        #expect(!all.contains("&amp;") && !all.contains("&lt;"))
        // The long post's full text comes from note-tweet.js, joined on created_at, with its link expanded.
        #expect(all.contains("Here is all of it, with its link https://example.org/long-read and an \\& that is not"))
        #expect(all.contains("#longform."))
        // Quote posts link to the quoted post.
        #expect(all.contains("Worth reading: [Quoted post by @someone](<https://twitter.com/someone/status/123456>)"))
        // Edits: the last version stays, and a reply to the first version follows it.
        #expect(all.contains("Second version, typo fixed.\n---\n{id=4002"))
        #expect(!all.contains("tpyo"))
        #expect(!all.contains("RT @someone") && !all.contains("I agree"))
        #expect(!all.contains("PRIVATE MESSAGE") && !all.contains("private@example.com"))
    }

    @Test func twitterThreadsFollowSelfRepliesBranchesAndMissingParents() throws {
        let archive = try TemporaryArchive()
        try ExportFixtures.run(.twitter, ExportFixtures.twitter, into: archive)
        let main = try #require(archive.read("Content/threads/river_notes/2022-11-03-rust-swift-3-a-thread-on.md"))
        let ids = main.split(separator: "\n").filter { $0.hasPrefix("{id=") }.map { $0.dropFirst(4).prefix(4) }
        #expect(ids == ["1001", "1002", "1003", "1004", "1005"], "the earliest reply is the main line, in date order")
        let branch = try #require(archive.read("Content/threads/river_notes/2022-11-03-a-side-note-on-2-ownership.md"))
        #expect(branch.contains("{id=1006") && branch.contains("{id=1007"), "the later reply starts its own thread")
        let orphan = try #require(
            archive.read("Content/threads/river_notes/2022-11-06-continuing-from-yesterday-the-garden-survived.md"))
        #expect(
            orphan.contains(
                "the frost.\n\n*Continues [a post](<https://x.com/river_notes/status/1999>) that is not in the export.*\n"
            ), "after the post's own text, which gives the thread its title")
    }

    @Test func twitterMediaFollowTheArchiveNamingRule() throws {
        let archive = try TemporaryArchive()
        try ExportFixtures.run(.twitter, ExportFixtures.twitter, into: archive)
        let main = try #require(archive.read("Content/threads/river_notes/2022-11-03-rust-swift-3-a-thread-on.md"))
        #expect(
            main.contains(
                "3/ Here is the chart.\n\n![](/media/river_notes/1003-Fh3Abc.jpg)\n\n![](/media/river_notes/1003-Fh3Def.png)\n"
            ))
        #expect(main.contains("![](/media/river_notes/1004-best.mp4)\n"), "the mp4 variant with the highest bitrate")
        #expect(main.contains("![](/media/river_notes/1005-GifAbc.mp4 \"gif\")"), "a GIF loops like one")
        #expect(archive.read("Content/media/river_notes/1004-best.mp4") == "mp4 bytes, best variant")
        #expect(archive.read("Content/media/river_notes/1004-low.mp4") == nil)
        let last = try #require(archive.read("Content/threads/river_notes/2022-11-11-not-bold-and-not-italic-1.md"))
        #expect(
            last.contains(
                "[(a photo that is not in the export)](<https://twitter.com/river_notes/status/9002/photo/1>)"))
        let author = try #require(archive.read("Content/authors/river_notes.yml"))
        #expect(author.contains("avatar: media/river_notes/avatar-Av4tar_400x400.jpg"))
    }

    @Test func markdownInTweetsIsShownAsWritten() throws {
        let archive = try TemporaryArchive()
        try ExportFixtures.run(.twitter, ExportFixtures.twitter, into: archive)
        try archive.build()
        let page = try #require(archive.read("Output/threads/2022-11-11-not-bold-and-not-italic-1/index.html"))
        for written in [
            "*not bold* and _not italic_", "1. not a list", "# not a heading",
            "&lt;b&gt;raw&lt;/b&gt; [x](y) `code` 5 * 3 = 15 \\o/",
            "- not a bullet", "&gt; not a quote", "\u{A0}\u{A0}\u{A0}\u{A0}not code",
        ] {
            #expect(page.contains(written), "\(written)")
        }
        #expect(!page.contains("<em>") && !page.contains("<h1>not") && !page.contains("<ol>") && !page.contains("<hr"))
        let thread = try #require(archive.read("Output/threads/2022-11-03-rust-swift-3-a-thread-on/index.html"))
        #expect(
            thread.contains("<video src=\"../../media/river_notes/1005-GifAbc.mp4\" autoplay loop muted playsinline>"))
        #expect(thread.contains("<video src=\"../../media/river_notes/1004-best.mp4\" controls"))
        #expect(thread.contains("topics/memory/"), "hashtags stay hashtags, linked to their topic")
    }

    @Test func repliesToOthersAreImportedWhenAsked() throws {
        let archive = try TemporaryArchive()
        let report = try ExportFixtures.run(.twitter, ExportFixtures.twitter, into: archive) {
            $0.includeReplies = true
        }
        #expect(report.counts.repliesSkipped == 0)
        #expect(text(archive).contains("@someone I agree, and here is why.\n---\n"))
    }

    @Test func aZipImportsLikeItsFolder() throws {
        let folder = try TemporaryArchive()
        try ExportFixtures.run(.twitter, ExportFixtures.twitter, into: folder)
        let zipped = try TemporaryArchive()
        let zip = zipped.root + "/twitter-2024-01-01-abc.zip"
        try ExportFixtures.zip(ExportFixtures.twitter, to: zip)
        try ExportFixtures.run(.twitter, zip, into: zipped)
        #expect(imported(zipped) == imported(folder))
    }

    @Test func anOldArchiveWithTweetJsAndBareRecordsImports() throws {
        let archive = try TemporaryArchive()
        let old = archive.root + "/old-export/data"
        try archive.write(
            "old-export/data/account.js",
            #"window.YTD.account.part0 = [ { "account" : { "username" : "early", "accountId" : "42" } } ]"#)
        let tweets = """
            window.YTD.tweet.part0 = [ {
              "id_str" : "11", "created_at" : "Mon Jan 01 10:00:00 +0000 2018", "full_text" : "An early thread",
              "entities" : { "hashtags" : [ ], "urls" : [ ], "user_mentions" : [ ] }
            }, {
              "id_str" : "12", "created_at" : "Mon Jan 01 10:01:00 +0000 2018", "full_text" : "with bare records",
              "in_reply_to_status_id_str" : "11", "in_reply_to_user_id_str" : "42",
              "entities" : { "hashtags" : [ ], "urls" : [ ], "user_mentions" : [ ] }
            } ]
            """
        try archive.write("old-export/data/tweet.js", tweets)
        // Older exports keep media in tweet_media/; an old @-reply names a user but no status.
        try archive.write(
            "old-export/data/tweet-part1.js",
            """
            window.YTD.tweet.part1 = [ {
              "id_str" : "13", "created_at" : "Mon Jan 01 10:02:00 +0000 2018", "full_text" : "a photo https://t.co/p",
              "in_reply_to_status_id_str" : "12", "in_reply_to_user_id_str" : "42",
              "entities" : { "urls" : [ ], "media" : [ { "url" : "https://t.co/p", "indices" : [ "8", "22" ],
                "type" : "photo", "media_url_https" : "https://pbs.twimg.com/media/Old.jpg" } ] }
            }, {
              "id_str" : "14", "created_at" : "Mon Jan 01 11:00:00 +0000 2018", "full_text" : "@friend an old reply",
              "in_reply_to_user_id_str" : "77", "entities" : { }
            }, {
              "id_str" : "15", "created_at" : "Mon Jan 01 11:01:00 +0000 2018", "full_text" : "its continuation",
              "in_reply_to_status_id_str" : "14", "in_reply_to_user_id_str" : "42"
            } ]
            """)
        try archive.write("old-export/data/tweet_media/13-Old.jpg", "old jpeg")
        let report = try ExportFixtures.run(.twitter, old, into: archive)
        #expect(report.counts.threadsWritten == 1 && report.counts.posts == 3)
        #expect(report.counts.repliesSkipped == 2)
        let thread = try #require(archive.read("Content/threads/early/2018-01-01-an-early-thread.md"))
        #expect(thread.contains("with bare records") && thread.contains("a photo\n\n![](/media/early/13-Old.jpg)\n"))
        #expect(archive.read("Content/media/early/13-Old.jpg") == "old jpeg")
    }

    /// Whatever a post says, its escaped Markdown renders to the same text: nothing becomes markup.
    @Test(arguments: [
        "*a* _b_ **c** __d__ `e` [f](g) ![h](i) <j> &amp; &#39; \\ k",
        "# h\n## h2\n- l\n+ m\n* n\n1. o\n2) p\n> q\n---\n***\n___\n===\n~~~\ncode\n~~~\n```\nx\n```",
        "    indented\n\ttabbed\n  two",
        "a -- b --- c ... d",
        "<script>alert(1)</script> <!-- c --> <a href=x>y</a>",
        "a backslash at the end\\\nnext line",
        "#tag at the start, @mention_here, snake_case_word, _leading and trailing_ and 2*3*4",
        "[ref]: /somewhere \"title\"\n[ref]",
        "&copy; &#x41; &nbsp; & alone",
        "Emoji 🧵, astral 𝐁𝐨𝐥𝐝, right-to-left שלום",
    ])
    func escapedTextRendersAsWritten(_ text: String) {
        let markdown = MarkdownText.escape(text, atLineStart: true)
        let renderer = MarkdownRenderer(mentions: .init(knownHandles: [], baseURL: URL(string: "https://x.com/")!))
        func normalized(_ text: String) -> String {
            text.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "…", with: "...")
                .replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
                .replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"")
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let rendered = renderer.render(markdown)
        #expect(normalized(rendered.plainText) == normalized(text), "\(markdown)")
        for tag in [
            "<em>", "<strong>", "<code>", "<h1>", "<h2>", "<ul>", "<ol>", "<blockquote>", "<hr", "<pre>", "<a href=\"g",
        ] {
            #expect(!rendered.html.contains(tag), "\(tag) in \(rendered.html)")
        }
    }

    @Test func theManifestNamesTheTweetFiles() throws {
        let archive = try TemporaryArchive()
        let renamed = archive.root + "/renamed"
        try FileManager.default.copyItem(atPath: ExportFixtures.twitter, toPath: renamed)
        try FileManager.default.moveItem(
            atPath: renamed + "/data/tweets-part1.js", toPath: renamed + "/data/posts-second-half.js")
        let manifest = renamed + "/data/manifest.js"
        try String(contentsOfFile: manifest, encoding: .utf8)
            .replacingOccurrences(of: "data/tweets-part1.js", with: "data/posts-second-half.js")
            .write(toFile: manifest, atomically: true, encoding: .utf8)
        let report = try ExportFixtures.run(.twitter, renamed, into: archive)
        #expect(report.counts.threadsWritten == 7, "the part is found under the name the manifest gives")
        try FileManager.default.removeItem(atPath: renamed + "/data/posts-second-half.js")
        let failure = ExportFixtures.failure(.twitter, renamed, into: try TemporaryArchive())
        #expect(failure.contains("it lists 'data/posts-second-half.js', which the export does not hold"), "\(failure)")
    }

    // MARK: Mastodon

    @Test func mastodonExportBecomesTheExpectedThreadFiles() throws {
        let archive = try TemporaryArchive()
        let report = try ExportFixtures.run(.mastodon, ExportFixtures.mastodon, into: archive)
        try ExportFixtures.compareWithExpected("mastodon", imported(archive))
        #expect(report.handle == "lena")
        let counts = report.counts
        #expect(counts.threadsWritten == 1 && counts.posts == 3, "the posts of the second orderedItems key")
        #expect(counts.repostsSkipped == 1)
        #expect(counts.privateSkipped == 5, "two unlisted, two followers-only, one direct")
        #expect(counts.repliesSkipped == 1)
        #expect(counts.singlePostsSkipped == 1)
        #expect(counts.mediaCopied == 4 && counts.mediaMissing == 1)
        let all = text(archive)
        #expect(!all.contains("SECRET") && !all.contains("Unlisted musings"))
    }

    @Test func mastodonHTMLBecomesMarkdownThatReadsTheSame() throws {
        let archive = try TemporaryArchive()
        try ExportFixtures.run(.mastodon, ExportFixtures.mastodon, into: archive)
        let thread = try #require(archive.read("Content/threads/lena/2023-03-01-old-railway-maps-a-thread-maps.md"))
        #expect(thread.contains("Old railway maps, a thread 🧵 #Maps\n\nThanks [@bob](<https://other.example/@bob>)"))
        #expect(thread.contains("for the scans \\& notes \\<3\n\\*stars\\* stay stars, 1. no list"))
        #expect(
            thread.contains(
                "[example.com/articles/2023/very…](<https://example.com/articles/2023/very-long-path-to-an-article>)"),
            "the invisible parts of a shortened link are left out")
        #expect(thread.contains("**Content warning:** spoilers: the night train ends\n\nThe 1920 timetable"))
        #expect(thread.contains("- Beira Alta (12 votes)\n- Linha do \\*Tua\\* (1 vote)"))
        // Alt text from `name`, files found whatever their prefix.
        #expect(
            thread.contains(
                "![A 1920 map of the Lisbon line, hand-coloured](/media/lena/110000000000000001-aaa111.png)"))
        #expect(thread.contains("![A scan scrolling slowly](/media/lena/110000000000000002-bbb222.mp4)"))
        #expect(thread.contains("![Three folded maps on a desk](/media/lena/110000000000000003-ccc333.jpg)"))
        let author = try #require(archive.read("Content/authors/lena.yml"))
        #expect(author.contains("name: Lena Park") && author.contains("avatar: media/lena/avatar.png"))
        try archive.build()
        let profile = try #require(archive.read("Output/authors/lena/index.html"))
        #expect(profile.contains("topics/maps/"), "a bio hashtag with a topic page links to it")
        #expect(!profile.contains("topics/cats/"), "a bio hashtag without one stays text")
    }

    @Test func unlistedPostsAreImportedWhenAsked() throws {
        let archive = try TemporaryArchive()
        let report = try ExportFixtures.run(.mastodon, ExportFixtures.mastodon, into: archive) {
            $0.includeUnlisted = true
        }
        #expect(report.counts.threadsWritten == 2 && report.counts.privateSkipped == 3)
        #expect(text(archive).contains("Unlisted musings, part two."))
        #expect(!text(archive).contains("SECRET"))
    }

    @Test func mastodonZipTarGzAndBareOutboxImport() throws {
        let folder = try TemporaryArchive()
        try ExportFixtures.run(.mastodon, ExportFixtures.mastodon, into: folder)
        let expected = imported(folder)
        for kind in ["zip", "tar.gz"] {
            let archive = try TemporaryArchive()
            let packed = archive.root + "/archive-20230401." + kind
            if kind == "zip" {
                try ExportFixtures.zip(ExportFixtures.mastodon, to: packed)
            } else {
                try ExportFixtures.tarGz(ExportFixtures.mastodon, to: packed)
            }
            try ExportFixtures.run(.mastodon, packed, into: archive)
            #expect(imported(archive) == expected, "\(kind)")
        }
        let bare = try TemporaryArchive()
        let report = try ExportFixtures.run(.mastodon, ExportFixtures.mastodon + "/outbox.json", into: bare)
        #expect(report.handle == "lena" && report.counts.posts == 3)
        #expect(report.counts.mediaMissing == 4, "a bare outbox has no media files")
    }

    // MARK: Safety and idempotence

    @Test func importingTheSameExportAgainChangesNothing() throws {
        let archive = try TemporaryArchive()
        try ExportFixtures.run(.twitter, ExportFixtures.twitter, into: archive)
        let first = imported(archive)
        let file = archive.content + "/threads/river_notes/2022-11-10-worth-reading.md"
        let before = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        let again = try ExportFixtures.run(.twitter, ExportFixtures.twitter, into: archive)
        #expect(again.written.isEmpty && again.kept.isEmpty)
        #expect(again.counts.threadsUnchanged == 7)
        #expect(imported(archive) == first)
        let after = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        #expect(before == after, "unchanged files are not rewritten")
    }

    @Test func editedFilesAreKeptUnlessForced() throws {
        let archive = try TemporaryArchive()
        try ExportFixtures.run(.twitter, ExportFixtures.twitter, into: archive)
        // An updated export: one post's text changed.
        let updated = archive.root + "/updated"
        try FileManager.default.copyItem(atPath: ExportFixtures.twitter, toPath: updated)
        let part = updated + "/data/tweets-part1.js"
        let changed = try String(contentsOfFile: part, encoding: .utf8)
            .replacingOccurrences(of: "My notes on it follow.", with: "My notes on it follow, revised.")
            .replacingOccurrences(of: "A short follow-up to the long one.", with: "A follow-up, revised.")
        try changed.write(toFile: part, atomically: true, encoding: .utf8)
        // The user edits one imported thread by hand.
        let edited = "Content/threads/river_notes/2022-11-08-this-long-post-is-cut-short.md"
        let mine = try #require(archive.read(edited)) + "\nMy own addition.\n"
        try archive.write(edited, mine)

        let report = try ExportFixtures.run(.twitter, updated, into: archive)
        #expect(report.kept == ["threads/river_notes/2022-11-08-this-long-post-is-cut-short.md"])
        #expect(report.written.map(\.path) == ["threads/river_notes/2022-11-10-worth-reading.md"])
        #expect(archive.read(edited) == mine, "an edited file is never overwritten without --force")
        #expect(archive.read("Content/threads/river_notes/2022-11-10-worth-reading.md")?.contains("revised") == true)

        let again = try ExportFixtures.run(.twitter, updated, into: archive)
        #expect(again.kept == ["threads/river_notes/2022-11-08-this-long-post-is-cut-short.md"], "still edited")

        let forced = try ExportFixtures.run(.twitter, updated, into: archive) { $0.force = true }
        #expect(forced.written.map(\.reason) == ["overwritten (--force)"])
        #expect(archive.read(edited)?.contains("A follow-up, revised.") == true)
        #expect(archive.read(edited)?.contains("My own addition.") == false)
    }

    @Test func brokenOrHostileExportsWriteNothing() throws {
        let archive = try TemporaryArchive()
        let root = archive.root
        let before = ExportFixtures.tree(archive.content)

        try archive.write("bad/random.zip", Data("PK\u{3}\u{4}this is not really a zip".utf8))
        let zip = ExportFixtures.failure(.twitter, root + "/bad/random.zip", into: archive)
        #expect(zip.contains("not a zip file that can be read"), "\(zip)")

        let mastodonZip = root + "/bad/good.zip"
        try ExportFixtures.zip(ExportFixtures.mastodon, to: mastodonZip)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: mastodonZip))
        try archive.write("bad/cut.zip", bytes.prefix(bytes.count / 2))
        let cutZip = ExportFixtures.failure(.mastodon, root + "/bad/cut.zip", into: archive)
        #expect(cutZip.contains("cut.zip: error:"), "\(cutZip)")

        let tarGz = root + "/bad/good.tar.gz"
        try ExportFixtures.tarGz(ExportFixtures.mastodon, to: tarGz)
        let packed = try Data(contentsOf: URL(fileURLWithPath: tarGz))
        try archive.write("bad/cut.tar.gz", packed.prefix(packed.count * 2 / 3))
        let cutTar = ExportFixtures.failure(.mastodon, root + "/bad/cut.tar.gz", into: archive)
        #expect(cutTar.contains("cannot be unpacked") || cutTar.contains("truncated"), "\(cutTar)")

        let escaping = try ZIPFoundation.Archive(url: URL(fileURLWithPath: root + "/bad/slip.zip"), accessMode: .create)
        try ExportFixtures.add(Data("x".utf8), as: "data/account.js", to: escaping)
        try ExportFixtures.add(Data("escaped".utf8), as: "../../escape.txt", to: escaping)
        let slip = ExportFixtures.failure(.twitter, root + "/bad/slip.zip", into: archive)
        #expect(slip.contains("'../../escape.txt' would be written outside the export's folder"), "\(slip)")

        try ExportFixtures.tarGz(entryNamed: "../escape.txt", to: root + "/bad/slip.tar.gz")
        let tarSlip = ExportFixtures.failure(.mastodon, root + "/bad/slip.tar.gz", into: archive)
        #expect(tarSlip.contains("'../escape.txt' would be written outside"), "\(tarSlip)")

        try archive.write("bad/unknown/notes.txt", "not an export")
        let unknown = ExportFixtures.failure(.twitter, root + "/bad/unknown", into: archive)
        #expect(unknown.contains("this is not an X/Twitter export"), "\(unknown)")
        let notMastodon = ExportFixtures.failure(.mastodon, root + "/bad/unknown", into: archive)
        #expect(notMastodon.contains("this is not a Mastodon export"), "\(notMastodon)")

        try archive.write(
            "bad/truncated/data/account.js",
            #"window.YTD.account.part0 = [ { "account" : { "username" : "x", "accountId" : "1" } } ]"#)
        try archive.write(
            "bad/truncated/data/tweets.js", #"window.YTD.tweets.part0 = [ { "tweet" : { "id_str" : "1", "full_"#)
        let truncated = ExportFixtures.failure(.twitter, root + "/bad/truncated", into: archive)
        #expect(truncated.contains("tweets.js: error:"), "\(truncated)")

        #expect(ExportFixtures.tree(archive.content) == before, "nothing was written, no staging left behind")
        #expect(!FileManager.default.fileExists(atPath: archive.root + "/escape.txt"))
    }

    @Test func neitherAHostileHandleNorATamperedLedgerWritesOutsideContent() throws {
        let archive = try TemporaryArchive()
        try archive.write(
            "evil/data/account.js",
            #"window.YTD.account.part0 = [ { "account" : { "username" : "../../outside", "accountId" : "1" } } ]"#)
        try archive.write("evil/data/tweets.js", "window.YTD.tweets.part0 = [ ]")
        let handle = ExportFixtures.failure(.twitter, archive.root + "/evil", into: archive)
        #expect(handle.contains("its username '../../outside' is not a handle"), "\(handle)")

        try ExportFixtures.run(.twitter, ExportFixtures.twitter, into: archive)
        let ledgerPath = "Content/imports/twitter-river_notes.json"
        let ledger = try #require(archive.read(ledgerPath))
        try archive.write(
            ledgerPath,
            ledger.replacingOccurrences(
                of: "\"1001\" : \"threads/river_notes/2022-11-03-rust-swift-3-a-thread-on.md\"",
                with: "\"1001\" : \"threads/river_notes/../../../escaped.md\""))
        try FileManager.default.removeItem(
            atPath: archive.content + "/threads/river_notes/2022-11-03-rust-swift-3-a-thread-on.md")
        try ExportFixtures.run(.twitter, ExportFixtures.twitter, into: archive)
        #expect(!FileManager.default.fileExists(atPath: archive.root + "/escaped.md"))
        #expect(archive.read("Content/threads/river_notes/2022-11-03-rust-swift-3-a-thread-on.md") != nil)
    }

    @Test func anImportedArchivePassesCheckAndBuilds() throws {
        let archive = try TemporaryArchive()
        try ExportFixtures.run(.twitter, ExportFixtures.twitter, into: archive)
        try ExportFixtures.run(.mastodon, ExportFixtures.mastodon, into: archive) { $0.includeUnlisted = true }
        let report = try SiteChecker.check(
            CheckOptions(build: BuildOptions(content: archive.content, output: archive.output)))
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        let summary = try archive.build()
        #expect(summary.threads == 9, "seven threads from X/Twitter, two from Mastodon")
    }
}
