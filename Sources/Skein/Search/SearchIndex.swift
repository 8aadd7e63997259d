import Foundation

/// The search index the build writes under `search/`, split so that a search loads only what it needs, and written
/// as scripts (`window.skeinSearch.add(…)`) so that it also works from `file://`, where pages cannot fetch files.
///
/// - `search/terms-<key>.js`: the inverted index for terms starting with `<key>` (the term's first two characters):
///   term → `[thread, weight, …]` pairs, weights from where the term stands (title 8, author and topics 4, text 1).
/// - `search/threads-<n>.js`: 16 threads each: title, URL, author, date, topics and the text's start, for results and
///   excerpts. Small chunks keep a first search under a megabyte on a 10,000-thread archive: its 30 results load at
///   most 30 chunks.
/// - `search/manifest.js`: which term shards exist and how threads are chunked.
struct SearchIndex {
    /// The file the search page loads first.
    static let manifestPath = "search/manifest.js"

    /// Threads per chunk of `threads-<n>.js`.
    static let chunkSize = 16
    /// Characters of a thread's text kept for its excerpt.
    static let excerptLength = 320

    /// Every file of the index, by path below the site's root.
    let files: [GeneratedFile]
    /// How many threads' terms were added: all of them, or those that changed since the index the cache kept.
    let threadsIndexed: Int

    /// The index of `archive`'s threads. With a `cache`, the terms of the threads the last index had, unchanged, are
    /// kept from it (``SearchPostings``), and the postings made are left in it for the next build.
    init(archive: Archive, cache: BuildCache? = nil) {
        let topicNames = Dictionary(uniqueKeysWithValues: archive.topics.map { ($0.slug, $0.name) })
        let dates = DateFormatting(site: archive.site)
        let days = archive.threads.indices.map { dates.isoDayText(archive.threads[$0].date) }
        // Threads and authors are read where they stand, field by field: a copy of a thread would retain each of its
        // strings and arrays.
        let threads = archive.threads
        @Sendable func author(_ index: Int) -> (name: String, handle: String) {
            let author = archive.authorIndex[threads[index].authorKey]!
            return (archive.authors[author].displayName, archive.authors[author].handle)
        }
        @Sendable func topics(_ index: Int) -> [String] { threads[index].topicSlugs.compactMap { topicNames[$0] } }
        @Sendable func entry(_ index: Int) -> Entry {
            let author = author(index)
            return Entry(
                t: threads[index].title, u: Route.thread(threads[index].slug).urlPath, a: author.name,
                h: author.handle, d: days[index], k: topics(index), x: threads[index].search.excerpt)
        }
        // Everything the index reads of a thread: its entry's fields and its text's terms.
        @Sendable func fingerprint(_ index: Int) -> UInt64 {
            let author = author(index)
            var hasher = StableHasher()
            for text in [threads[index].title, threads[index].slug, author.name, author.handle, days[index]] {
                hasher.combine(text)
            }
            hasher.combine(topics(index))
            // The text's terms and excerpt come from what the tweets render to, which the key stands for.
            hasher.combine(threads[index].renderedKey)
            return hasher.finalized
        }
        @Sendable func terms(_ index: Int) -> TermCounter {
            let author = author(index)
            var terms = TermCounter()
            for (part, weight) in [
                (threads[index].title, 8), (author.name + " " + author.handle, 4),
                (topics(index).joined(separator: " "), 4),
            ] {
                Self.forEachTerm(in: part) { terms.add($0, weight: weight) }
            }
            // The text's terms were counted when the tweets were rendered; each occurrence weighs 1.
            threads[index].search.forEachTerm { terms.add($0, weight: $1) }
            return terms
        }
        let fingerprints = Array(threads.indices).parallelMap(fingerprint)
        let slugs = threads.indices.map { threads[$0].slug }
        var postings = cache?.takeSearchPostings() ?? SearchPostings()
        let added: [Int]
        if let kept = postings.keep(slugs: slugs, fingerprints: fingerprints) {
            added = kept
        } else {
            postings = SearchPostings(slugs: slugs, fingerprints: fingerprints)
            added = Array(threads.indices)
        }
        // Terms are found per thread in parallel, and added in thread order, so files never depend on scheduling.
        // Threads go in batches, so that only one batch's terms are held besides the postings.
        for start in stride(from: 0, to: added.count, by: 1024) {
            let batch = Array(added[start..<min(start + 1024, added.count)]).parallelMap(terms)
            for (offset, terms) in batch.enumerated() { postings.add(terms, of: added[start + offset]) }
        }
        postings.rank()
        threadsIndexed = added.count
        // Each shard's terms in the order of their UTF-8 bytes, which is how JSONEncoder sorts keys.
        var shards: [String: [(term: String, postings: [Posting])]] = [:]
        postings.forEachTerm { term, list in shards[Self.shardKey(term), default: []].append((term, list)) }
        cache?.remember(search: postings)
        // Each file carries a fingerprint of its data, so that a rebuild encodes only the files whose data changed.
        var files: [GeneratedFile] = []
        for key in shards.keys.sorted() {
            let shard = shards[key]!.sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
            var hasher = StableHasher()
            for (term, list) in shard {
                hasher.combine(term)
                list.withUnsafeBytes { hasher.combine(bytes: $0) }
            }
            files.append(
                GeneratedFile(path: "search/terms-\(Self.fileName(key)).js", fingerprint: hasher.finalized) {
                    Self.termsScript(key, shard)
                })
        }
        // A chunk's entries are made when its file is: its fingerprint is that of its threads.
        for start in stride(from: 0, to: threads.count, by: Self.chunkSize) {
            let chunk = start..<min(start + Self.chunkSize, threads.count)
            var hasher = StableHasher()
            for index in chunk { hasher.combine(fingerprints[index]) }
            files.append(
                GeneratedFile(path: "search/threads-\(start / Self.chunkSize).js", fingerprint: hasher.finalized) {
                    Self.threadsScript(start / Self.chunkSize, chunk.map(entry))
                })
        }
        let manifest = Manifest(
            shards: shards.keys.sorted().map { [$0, Self.fileName($0)] }, chunk: Self.chunkSize, count: threads.count)
        files.append(GeneratedFile(path: Self.manifestPath, fingerprint: nil) { Self.script("manifest", 0, manifest) })
        self.files = files
    }

    /// Calls `body` with the UTF-8 bytes of each term of `text`, in order, without making strings of them: lower-cased
    /// words of letters and digits, diacritics folded, as the search page splits queries too.
    ///
    /// Most words are ASCII even in text with emoji or accents: the text is cut at ASCII spaces and line ends (which
    /// separate terms either way), ASCII pieces are split and lower-cased byte by byte, and only the others are
    /// folded by Foundation.
    static func forEachTerm(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var word: [UInt8] = []
            var start = 0
            var isASCII = true
            func piece(_ end: Int) {
                guard start < end else { return }
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
                isASCII ? asciiTerms(in: slice, word: &word, body) : foldedTerms(in: slice, body)
            }
            for index in 0..<bytes.count {
                switch bytes[index] {
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    piece(index)
                    start = index + 1
                    isASCII = true
                case 0x80...: isASCII = false
                default: break
                }
            }
            piece(bytes.count)
        }
    }

    /// A word already in lower case is handed over where it stands; one with capitals is lowered into `word`.
    private static func asciiTerms(
        in bytes: UnsafeBufferPointer<UInt8>, word: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var start = 0
        var hasCapitals = false
        func end(_ end: Int) {
            defer {
                start = end + 1
                hasCapitals = false
            }
            guard end - start > 1 else { return }
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard hasCapitals else { return body(slice) }
            word.removeAll(keepingCapacity: true)
            word.append(
                contentsOf: slice.lazy.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 })
            word.withUnsafeBufferPointer(body)
        }
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): hasCapitals = true
            default: end(index)
            }
        }
        end(bytes.count)
    }

    private static func foldedTerms(
        in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        for word in String(decoding: bytes, as: UTF8.self)
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        where word.count > 1 || word.unicodeScalars.first.map({ $0.value > 0x2E7F }) == true {
            var term = String(word)
            term.withUTF8(body)
        }
    }

    /// The shard of a term: its first two characters.
    static func shardKey(_ term: String) -> String { String(term.prefix(2)) }

    /// A shard key as a file name: hexadecimal UTF-8, so any script makes a plain name.
    static func fileName(_ key: String) -> String {
        key.utf8.map { String(format: "%02x", $0) }.joined()
    }

    /// `window.skeinSearch.add(kind, key, data)` with the data as JSON that cannot end the script: `<` and the line
    /// separators are escaped, so text like `</script>` from content stays text.
    static func script(_ kind: String, _ key: some Encodable, _ value: some Encodable) -> String {
        func json(_ value: some Encodable) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(value)) ?? Data("null".utf8)
            // `<` and the line separators U+2028/U+2029 (E2 80 A8/A9) become escapes, in one pass over the bytes.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(data.count + data.count / 64)
            var index = data.startIndex
            while index < data.endIndex {
                let byte = data[index]
                if byte == UInt8(ascii: "<") {
                    bytes.append(contentsOf: Array("\\u003c".utf8))
                } else if byte == 0xE2, index + 2 < data.endIndex, data[index + 1] == 0x80,
                    data[index + 2] == 0xA8 || data[index + 2] == 0xA9
                {
                    bytes.append(contentsOf: Array((data[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                    index += 2
                } else {
                    bytes.append(byte)
                }
                index += 1
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return "window.skeinSearch.add(\"\(kind)\", \(json(key)), \(json(value)));\n"
    }

    /// `script("terms", key, postings)` with each term's postings as `[thread, weight, …]`, written directly: the bytes
    /// JSONEncoder gives, several times faster (the terms are most of the index).
    /// The terms must be in the order of their UTF-8 bytes, as JSONEncoder sorts keys.
    static func termsScript(_ key: String, _ shard: [(term: String, postings: [Posting])]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(shard.count * 24)
        bytes += "window.skeinSearch.add(\"terms\", ".utf8
        appendJSON(key, to: &bytes)
        bytes += ", {".utf8
        for (index, (term, postings)) in shard.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendJSON(term, to: &bytes)
            bytes += ":[".utf8
            for (position, posting) in postings.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes += String(posting.thread).utf8
                bytes.append(UInt8(ascii: ","))
                bytes += String(posting.weight).utf8
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes += "});\n".utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `script("threads", chunk, entries)`, written directly: the bytes JSONEncoder gives (its keys sorted).
    static func threadsScript(_ chunk: Int, _ entries: [Entry]) -> String {
        var bytes: [UInt8] = []
        bytes += "window.skeinSearch.add(\"threads\", \(chunk), [".utf8
        for (index, entry) in entries.enumerated() {
            bytes += (index == 0 ? "{\"a\":" : ",{\"a\":").utf8
            appendJSON(entry.a, to: &bytes)
            bytes += ",\"d\":".utf8
            appendJSON(entry.d, to: &bytes)
            bytes += ",\"h\":".utf8
            appendJSON(entry.h, to: &bytes)
            bytes += ",\"k\":[".utf8
            for (position, topic) in entry.k.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                appendJSON(topic, to: &bytes)
            }
            bytes += "],\"t\":".utf8
            appendJSON(entry.t, to: &bytes)
            bytes += ",\"u\":".utf8
            appendJSON(entry.u, to: &bytes)
            bytes += ",\"x\":".utf8
            appendJSON(entry.x, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes += "]);\n".utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` as a JSON string, escaped as JSONEncoder escapes it (without escaping slashes), and with `<` and the
    /// line separators escaped too, as ``script(_:_:_:)`` does.
    static func appendJSON(_ text: String, to bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""): bytes += "\\\"".utf8
            case UInt8(ascii: "\\"): bytes += "\\\\".utf8
            case 0x08: bytes += "\\b".utf8
            case 0x0C: bytes += "\\f".utf8
            case 0x0A: bytes += "\\n".utf8
            case 0x0D: bytes += "\\r".utf8
            case 0x09: bytes += "\\t".utf8
            case 0..<0x20: bytes += "\\u00".utf8 + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            case UInt8(ascii: "<"): bytes += "\\u003c".utf8
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] & 0xFE) == 0xA8:
                bytes += (utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8
                index += 2
            default: bytes.append(byte)
            }
            index += 1
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A thread as results show it: title, URL below the root, author's name and handle, day, topics, text.
    struct Entry: Codable, Sendable, Equatable {
        var t: String
        var u: String
        var a: String
        var h: String
        var d: String
        var k: [String]
        var x: String
    }

    /// A thread that has a term, and the term's weight there.
    struct Posting: Sendable {
        // Half the size of `Int`: there are millions of postings in a large archive.
        var thread: Int32
        var weight: Int32
    }

    struct Manifest: Codable, Sendable {
        var shards: [[String]]
        var chunk: Int
        var count: Int
    }
}
