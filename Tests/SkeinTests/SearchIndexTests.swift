import Foundation
import Testing

@testable import Skein

/// The search index the build writes beside `/search/`.
@Suite struct SearchIndexTests {
    /// The JSON data of one index script, `window.skeinSearch.add(kind, key, data);`.
    func data(_ archive: TemporaryArchive, _ file: String) throws -> Any {
        let text = try #require(archive.read("Output/search/" + file))
        #expect(text.hasPrefix("window.skeinSearch.add("))
        let arguments = text.dropFirst("window.skeinSearch.add(".count).dropLast(3)  // ");\n"
        let array = try JSONSerialization.jsonObject(with: Data(("[" + arguments + "]").utf8)) as? [Any]
        return try #require(array?.last)
    }

    func shardFile(_ key: String) -> String {
        "terms-" + key.utf8.map { String(format: "%02x", $0) }.joined() + ".js"
    }

    @Test func indexesTitlesAuthorsTopicsAndTextFoldedAndRanked() throws {
        let archive = try TemporaryArchive([
            "Content/authors/ada.yml": "name: Ada Lovelace\n",
            "Content/threads/a.md": threadFile(
                date: "2024-03-02", extra: "title: Engines of Café\n", tweets: ["Some text."]),
            "Content/threads/b.md": threadFile(date: "2024-03-01", tweets: ["About engines and cafe culture: 1 < 2."]),
        ])
        try archive.build()
        let manifest = try #require(try data(archive, "manifest.js") as? [String: Any])
        #expect(manifest["count"] as? Int == 2)
        let shard = try #require(try data(archive, shardFile("en")) as? [String: [Int]])
        // "a" (newest, 0) has "engines" in its title (8); "b" in its text (1) and its title, taken from the text (8).
        #expect(shard["engines"] == [1, 9, 0, 8])
        let cafe = try #require(try data(archive, shardFile("ca")) as? [String: [Int]])
        #expect(cafe["cafe"] == [1, 9, 0, 8], "Café and cafe are one term")
        let lovelace = try #require(try data(archive, shardFile("lo")) as? [String: [Int]])
        #expect(lovelace["lovelace"] == [0, 4, 1, 4], "authors' names are searchable")
        let threads = try #require(try data(archive, "threads-0.js") as? [[String: Any]])
        #expect(threads.map { $0["u"] as? String } == ["threads/a/", "threads/b/"])
        #expect((threads[1]["x"] as? String)?.contains("1 < 2") == true, "text survives, escaped in the file")
        #expect(archive.read("Output/search/threads-0.js")?.contains("<") == false)
        #expect(archive.read("Output/search/index.html")?.contains("<noscript>") == true)
    }

    @Test func theExcerptIsTheStartOfTheWholeTextAndEveryTweetIsSearchable() throws {
        let tweets =
            (1...12).map { "Tweet \($0) says \(String(repeating: "wörd ", count: 8))and ends." } + [
                "The last one mentions zeppelins."
            ]
        let archive = try TemporaryArchive([
            "Content/threads/a.md": threadFile(date: "2024-03-02", extra: "title: A thread\n", tweets: tweets)
        ])
        try archive.build()
        let threads = try #require(try data(archive, "threads-0.js") as? [[String: Any]])
        let excerpt = try #require(threads.first?["x"] as? String)
        #expect(excerpt == String(tweets.joined(separator: "\n").prefix(SearchIndex.excerptLength)))
        #expect(excerpt.contains("Tweet 2 says"), "the excerpt runs on into the second tweet")
        let shard = try #require(try data(archive, shardFile("ze")) as? [String: [Int]])
        #expect(shard["zeppelins"] == [0, 1], "the last tweet, far past the excerpt, is indexed")
        let words = try #require(try data(archive, shardFile("wo")) as? [String: [Int]])
        #expect(words["word"] == [0, 96], "each occurrence in every tweet counts")
    }

    /// The counter on bytes gives each distinct term the weights a dictionary of strings sums, with many terms (its
    /// table grows) and repeated ones.
    @Test func termsAreCountedAsADictionaryCountsThem() {
        var random = IncrementalBuildTests.SeededGenerator(state: 9)
        let words = (0..<300).map { "w\($0)" } + ["Café", "CAFÉ", "cafe", "東京", "x", "ab", "AB", "Ab"]
        for _ in 0..<200 {
            var counter = TermCounter()
            var expected: [String: Int] = [:]
            for _ in 0..<Int.random(in: 0...400, using: &random) {
                let text = words.randomElement(using: &random)! + " " + words.randomElement(using: &random)!
                let weight = Int.random(in: 1...8, using: &random)
                SearchIndex.forEachTerm(in: text) { counter.add($0, weight: weight) }
                for term in SearchIndex.terms(in: text) { expected[term, default: 0] += weight }
            }
            let counted = counter.counted
            #expect(Dictionary(uniqueKeysWithValues: counted) == expected)
            #expect(counted.count == expected.count, "each term once")
        }
    }

    /// The terms files are written without JSONEncoder; they must be its bytes (keys sorted, strings escaped, `<` and
    /// line separators escaped so that content cannot end the script).
    @Test func termsScriptsAreWhatJSONEncoderWrites() {
        var random = IncrementalBuildTests.SeededGenerator(state: 11)
        let pieces = [
            "a", "Z", "é", "É", "東京", "10", "9", "_", "\"", "\\", "/", "<", "</script>", "\u{2028}", "\u{2029}", "\n",
            "\t",
            "\r", "\u{8}", "\u{C}", "\u{1}", "\u{1F}", "\u{7F}", "🦀", "e\u{301}", " ", "&", "＃", "\u{FFFD}",
        ]
        for _ in 0..<300 {
            var shard: [String: [SearchIndex.Posting]] = [:]
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                let term = (0..<Int.random(in: 1...4, using: &random)).map { _ in pieces.randomElement(using: &random)!
                }
                .joined()
                shard[term] = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                    SearchIndex.Posting(
                        thread: Int32.random(in: 0...100_000, using: &random),
                        weight: Int32.random(in: 1...50, using: &random))
                }
            }
            let key = pieces.randomElement(using: &random)! + "k"
            // The terms in the order of their UTF-8 bytes, as the index gives them.
            let terms = shard.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) }
            let written = Array(SearchIndex.termsScript(key, terms).utf8)
            let encoded = Array(
                SearchIndex.script("terms", key, shard.mapValues { $0.flatMap { [Int($0.thread), Int($0.weight)] } })
                    .utf8)
            let same = zip(written, encoded).prefix { $0 == $1 }.count
            #expect(
                written == encoded,
                "from byte \(same): \(String(decoding: written.dropFirst(same).prefix(30), as: UTF8.self).debugDescription) instead of \(String(decoding: encoded.dropFirst(same).prefix(30), as: UTF8.self).debugDescription)"
            )
        }
    }

    /// The threads files too.
    @Test func threadsScriptsAreWhatJSONEncoderWrites() {
        var random = IncrementalBuildTests.SeededGenerator(state: 12)
        let pieces = ["a", "É", "東京", "\"", "\\", "/", "</script>", "\u{2028}", "\n", "\u{1}", "🦀", " ", ""]
        func text() -> String {
            (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        for chunk in 0..<100 {
            let entries = (0..<Int.random(in: 0...5, using: &random)).map { _ in
                SearchIndex.Entry(
                    t: text(), u: text(), a: text(), h: text(), d: text(),
                    k: (0..<Int.random(in: 0...3, using: &random)).map { _ in text() }, x: text())
            }
            #expect(SearchIndex.threadsScript(chunk, entries) == SearchIndex.script("threads", chunk, entries))
        }
    }

    /// A thread's text terms, found when its tweets are rendered and kept in the cache's file, count every
    /// occurrence in every tweet, come back from the file as they were, and bytes that are not terms are refused.
    @Test func aThreadsTermsSurviveTheCacheAndDamageIsRefused() throws {
        let texts = ["Café culture, CAFÉ culture!", "東京 and cafe", "", "ab ab AB x"]
        let search = SearchText(texts)
        var counted: [String: Int] = [:]
        search.forEachTerm { counted[String(decoding: $0, as: UTF8.self), default: 0] += $1 }
        var expected: [String: Int] = [:]
        for text in texts { for term in SearchIndex.terms(in: text) { expected[term, default: 0] += 1 } }
        #expect(counted == expected)
        #expect(counted["cafe"] == 3 && counted["ab"] == 3)
        #expect(search.excerpt == texts.joined(separator: "\n"))

        var writer = BinaryWriter()
        let stored = RenderedTweets(
            first: nil, later: Data(), count: 0, hashtags: [], title: "", wordCount: 0, hasImages: false, search: search
        )
        writer.write(stored)
        let readBack: RenderedTweets? = writer.bytes.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes)
            let tweets: RenderedTweets? = try? RenderedTweets(from: &reader)
            return reader.isAtEnd ? tweets : nil
        }
        #expect(readBack == stored)
        #expect(SearchText(excerpt: "", encodedTerms: [5, 0x61]) == nil, "a term longer than what is left")
        #expect(SearchText(excerpt: "", encodedTerms: [1, 0x61, 0x80]) == nil, "a count cut short")
        #expect(SearchText(excerpt: "", encodedTerms: []) != nil)
    }

    /// A build with a cache indexes again only the threads that changed, and keeps the others' terms from the index
    /// it made before: its files are a clean build's, whether the cache is kept in memory or in `.skein-cache/`.
    @Test(arguments: [false, true]) func aRebuildIndexesOnlyTheThreadsThatChanged(onDisk: Bool) throws {
        let archive = try TemporaryArchive(
            Dictionary(
                uniqueKeysWithValues: (0..<8).map {
                    (
                        "Content/threads/t\($0).md",
                        threadFile(date: "2024-03-0\($0 + 1)", tweets: ["Common words and word\($0)."])
                    )
                }))
        var options = BuildOptions(
            content: archive.content, output: archive.output,
            selection: .init(now: Date(timeIntervalSince1970: 2_000_000_000)))
        if onDisk { options.recordFolder = archive.root + "/.skein-cache" } else { options.cache = BuildCache() }
        var indexed: [String] = []
        func build() throws {
            let summary = try SiteBuilder.build(options)
            indexed += summary.timings.filter { $0.stage == "search index" }.map(\.detail)
        }
        try build()
        // t3 is the fifth newest: the threads before and after it keep their places.
        try archive.write("Content/threads/t3.md", threadFile(date: "2024-03-04", tweets: ["Common words, changed."]))
        try build()
        // A thread added before four others moves them one place on.
        try archive.write("Content/threads/t9.md", threadFile(date: "2024-03-05", tweets: ["Common new words."]))
        try build()
        try FileManager.default.removeItem(atPath: archive.content + "/threads/t6.md")
        try build()
        #expect(
            indexed == [
                // The terms of four shards (co, wo, an, ad), one chunk of threads and the manifest.
                "6 files, 8 threads indexed",
                // "changed" adds the shard ch, "new" the shard ne.
                "7 files, 1 thread indexed, 7 kept from the last build",
                "8 files, 1 thread indexed, 8 kept from the last build",
                "8 files, 0 threads indexed, 8 kept from the last build",
            ])
        let clean = try TemporaryArchive(site: nil)
        try SiteBuilder.build(
            BuildOptions(content: archive.content, output: clean.output, selection: options.selection))
        #expect(archive.outputTree() == clean.outputTree())
        let common = try #require(try data(archive, shardFile("co")) as? [String: [Int]])
        #expect(common["common"]?.count == 16, "the eight threads that have the word, and no other")
        #expect(try data(archive, shardFile("wo")) as? [String: [Int]] != nil)
    }

    /// The postings a cache keeps come back as they were written, and a file that holds postings of threads that are
    /// not there or out of rank is refused.
    @Test func postingsSurviveTheCacheAndDamageIsRefused() throws {
        var postings = SearchPostings(slugs: ["a", "b", "c"], fingerprints: [1, 2, 3])
        for (thread, text) in ["tea tea cake", "cake", "tea"].enumerated() {
            var terms = TermCounter()
            SearchIndex.forEachTerm(in: text) { terms.add($0, weight: 1) }
            postings.add(terms, of: thread)
        }
        postings.rank()
        func lists(_ postings: SearchPostings) -> [String: [Int]] {
            var lists: [String: [Int]] = [:]
            postings.forEachTerm { lists[$0] = $1.flatMap { [Int($0.thread), Int($0.weight)] } }
            return lists
        }
        #expect(lists(postings) == ["tea": [0, 2, 2, 1], "cake": [0, 1, 1, 1]])
        func read(_ bytes: [UInt8]) -> SearchPostings? {
            bytes.withUnsafeBytes { bytes in
                var reader = BinaryReader(bytes)
                let postings = try? SearchPostings(from: &reader)
                return reader.isAtEnd ? postings : nil
            }
        }
        var writer = BinaryWriter()
        writer.write(postings)
        let readBack = try #require(read(writer.bytes))
        #expect(lists(readBack) == lists(postings) && readBack.slugs == postings.slugs)
        #expect(readBack.fingerprints == postings.fingerprints)
        func stored(_ lists: [(String, [Int])]) -> [UInt8] {
            var writer = BinaryWriter()
            writer.write(["a", "b"])
            writer.write([1 as UInt64, 2])
            writer.write(lists.count)
            for (term, numbers) in lists {
                var term = term
                term.withUTF8 { writer.write(bytes: $0) }
                let list = stride(from: 0, to: numbers.count, by: 2).map {
                    SearchIndex.Posting(thread: Int32(numbers[$0]), weight: Int32(numbers[$0 + 1]))
                }
                list.withUnsafeBytes { writer.write(bytes: $0.assumingMemoryBound(to: UInt8.self)) }
            }
            return writer.bytes
        }
        #expect(read(stored([("tea", [0, 2, 1, 1])])) != nil)
        #expect(read(stored([("tea", [0, 2, 2, 1])])) == nil, "a thread that is not there")
        #expect(read(stored([("tea", [1, 1, 0, 2])])) == nil, "a lighter posting first")
        #expect(read(stored([("tea", [1, 1, 0, 1])])) == nil, "a later thread first")
        #expect(read(stored([("tea", [0, 1]), ("tea", [1, 1])])) == nil, "a term twice")
        #expect(read(stored([("tea", [])])) == nil, "a term without postings")
        #expect(read(stored([("tea", [0, 0])])) == nil, "a posting that weighs nothing")
    }

    @Test func everyPageHasASearchBoxThatLeadsToTheSearchPage() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        try archive.build()
        #expect(archive.read("Output/index.html")?.contains(#"action="search/" method="get""#) == true)
        #expect(
            archive.read("Output/threads/first/index.html")?.contains(#"action="../../search/" method="get""#) == true)
    }

    /// How terms were found before the text was cut into ASCII and other pieces: the whole text folded, or split
    /// byte by byte when it is all ASCII.
    static func wholeTextTerms(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init).filter { $0.count > 1 }
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !($0.isLetter || $0.isNumber) }
            .map(String.init)
            .filter { $0.count > 1 || $0.unicodeScalars.first.map { $0.value > 0x2E7F } == true }
    }

    @Test func termsAreFoundAsInTheWholeTextFolded() {
        var random = IncrementalBuildTests.SeededGenerator(state: 42)
        let pieces = [
            "Café", "CAFÉ", "naïve", "engines", "Rust", "x", "🦀", "👩‍💻", "東京", "中", "e\u{301}", "\u{301}", "Ⅻ", "①",
            "ß", "İstanbul", "Ǆ", "ﬁne", "don't", "a_b", "3.14", "#tag", "@ada", "https://example.com/a?b=c", "—",
            "Σίσυφος",
        ]
        let separators = [" ", "\n", "\t", "\r\n", "", ", ", " \u{301}", "…"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...8, using: &random)).map { _ in
                pieces.randomElement(using: &random)! + separators.randomElement(using: &random)!
            }.joined()
            #expect(SearchIndex.terms(in: text) == Self.wholeTextTerms(text), "\(text.debugDescription)")
        }
    }
}

extension SearchIndex {
    /// The terms of `text` as strings, in order: what the tests compare.
    static func terms(in text: String) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text) { terms.append(String(decoding: $0, as: UTF8.self)) }
        return terms
    }
}

extension TermCounter {
    /// Each distinct term with its weight, in the order first seen: what the tests compare.
    var counted: [(String, Int)] {
        var counted: [(String, Int)] = []
        forEach { counted.append((String(decoding: $0, as: UTF8.self), $1)) }
        return counted
    }
}
