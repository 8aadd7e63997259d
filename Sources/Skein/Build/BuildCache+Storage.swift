import Foundation

/// `skein build` keeps its ``BuildCache`` in `.skein-cache/`: parsed thread files in ``shardCount`` files by key
/// (`parsed-<n>.bin`) and rendered tweets the same way (`tweets-<n>.bin`), so that a build after one edit rewrites a
/// few of them; the fingerprints of the pages written into an output in `pages-<output>.bin`; the related threads in
/// `related.bin`; and the search index's postings in `search.bin`, read and written by the search index stage. Each
/// file starts with Skein's version and the binary's size and modification time: a file written by another Skein is
/// ignored, since rendering may differ.
extension BuildCache {
    private static let magic = "skein-cache 6"

    /// The parsed and rendered threads stored in `folder` (`.skein-cache/`), for runs that write no site
    /// (`skein check`); saved again, with what the run adds, after its parse and Markdown stages.
    public static func threads(storedIn folder: String) -> BuildCache {
        load(from: folder, output: nil).cache
    }

    /// The cache stored in `folder`, for builds into `output`, and the fingerprint of the inputs of the build that
    /// wrote its pages; what is missing, damaged or written by another Skein is left out.
    static func load(from folder: String, output: String?) -> (cache: BuildCache, builtFrom: String?) {
        let cache = BuildCache()
        cache.storage.withLock { $0 = Storage(folder: folder, output: output) }
        // Every shard's entries, made into one table each at the end: a table per shard merged into the cache's
        // inserted each entry twice.
        var allParsed: [(UInt64, ParsedFile)] = []
        var allRendered: [(UInt64, RenderedTweets)] = []
        // The shards in parallel too: a shard holds a few blocks, and one shard at a time left a core idle.
        let shards = Array(0..<shardCount).parallelMap { shard in
            let parsed = readFile(path(of: .parsed, shard, in: folder)) { reader throws(BinaryReader.Damaged) in
                try readBlocks(&reader) { entry throws(BinaryReader.Damaged) in
                    let key: UInt64 = try entry.read()
                    return (key, ParsedFile(thread: try entry.read(), diagnostics: try entry.read()))
                }
            }
            let rendered = readFile(path(of: .rendered, shard, in: folder)) { reader throws(BinaryReader.Damaged) in
                try readBlocks(&reader) { entry throws(BinaryReader.Damaged) in
                    let key: UInt64 = try entry.read()
                    let tweets: RenderedTweets = try entry.read()
                    return (key, tweets)
                }
            }
            return (parsed: parsed, rendered: rendered)
        }
        for (shard, (parsed, rendered)) in shards.enumerated() {
            allParsed += parsed ?? []
            allRendered += rendered ?? []
            cache.storage.withLock { storage in
                if parsed == nil { storage?.changed[.parsed, default: []].insert(shard) }
                if rendered == nil { storage?.changed[.rendered, default: []].insert(shard) }
            }
        }
        cache.restore(
            parsed: Dictionary(allParsed, uniquingKeysWith: { $1 }),
            rendered: Dictionary(allRendered, uniquingKeysWith: { $1 }))
        cache.restore(
            related: readFile(relatedPath(in: folder)) { reader throws(BinaryReader.Damaged) in
                let key: UInt64 = try reader.read()
                var lists: [[Int]] = []
                for _ in 0..<(try reader.read() as Int) {
                    var list: [Int] = []
                    for _ in 0..<(try reader.read() as Int) { list.append(try reader.read()) }
                    lists.append(list)
                }
                return (key, lists)
            })
        guard let output else { return (cache, nil) }
        let pages = readFile(pagesPath(in: folder, output: output)) { reader throws(BinaryReader.Damaged) in
            let builtFrom: String = try reader.read()
            let output: String = try reader.read()
            let theme: UInt64 = try reader.read()
            var pages: [String: UInt64] = [:]
            var files: Set<String> = []
            for _ in 0..<(try reader.read() as Int) {
                let path: String = try reader.read()
                if try reader.read() { files.insert(path) }
                if try reader.read() { pages[path] = try reader.read() as UInt64 }
            }
            return (builtFrom, WrittenSite(output: output, theme: theme, pages: pages, files: files))
        }
        cache.restore(written: pages?.1)
        return (cache, pages?.0)
    }

    /// Writes the shards of `table` that changed since the cache was read, then lets go of its entries: a build
    /// needs parsed files no more once they are resolved, and rendered tweets are in the archive by then. Saving the
    /// parsed files before the Markdown stage means a large archive never holds its Markdown and its HTML together.
    /// Does nothing for a cache that was not read from disk (`skein serve` keeps its cache). Returns how many files
    /// were written, or nil when there is no storage.
    @discardableResult
    func save(_ table: Table) -> Int? {
        guard let storage = storage.withLock({ $0 }) else { return nil }
        let (parsed, rendered, _) = contents()
        release(table)
        let changed = storage.changed[table] ?? []
        // Each shard's keys, found in one pass; the shards are written in parallel.
        var keys = [[UInt64]](repeating: [], count: Self.shardCount)
        for key in table == .parsed ? Array(parsed.keys) : Array(rendered.keys) {
            keys[Self.shard(of: key)].append(key)
        }
        let shardKeys = keys
        _ = changed.sorted().parallelMap { shard in
            Self.writeFile(Self.path(of: table, shard, in: storage.folder)) { writer, flush in
                switch table {
                case .parsed:
                    Self.writeBlocks(shardKeys[shard].sorted(), to: &writer, flush: flush) { key, entry in
                        entry.write(key)
                        entry.write(parsed[key]!.thread)
                        entry.write(parsed[key]!.diagnostics)
                    }
                case .rendered:
                    Self.writeBlocks(shardKeys[shard].sorted(), to: &writer, flush: flush) { key, entry in
                        entry.write(key)
                        entry.write(rendered[key]!)
                    }
                }
            }
            // The cache's earlier form kept both tables in one file per shard.
            try? FileManager.default.removeItem(atPath: storage.folder + "/threads-\(shard).bin")
        }
        self.storage.withLock { $0?.changed[table] = nil }
        return changed.count
    }

    private static func path(of table: Table, _ shard: Int, in folder: String) -> String {
        folder + (table == .parsed ? "/parsed-" : "/tweets-") + "\(shard).bin"
    }

    /// Writes the fingerprints of the pages written, noting the fingerprint of the inputs of the build, and the
    /// related threads when they changed.
    func savePages(builtFrom inputs: String) {
        guard let storage = storage.withLock({ $0 }), let output = storage.output else { return }
        if let related = changedRelatedThreads() {
            Self.writeFile(Self.relatedPath(in: storage.folder)) { writer, _ in
                writer.write(related.key)
                writer.write(related.lists.count)
                for list in related.lists {
                    writer.write(list.count)
                    for thread in list { writer.write(thread) }
                }
            }
        }
        let path = Self.pagesPath(in: storage.folder, output: output)
        Self.forgetOutputsThatAreGone(in: storage.folder, besides: path)
        guard let written = contents().written else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        Self.writeFile(path) { writer, _ in
            writer.write(inputs)
            writer.write(written.output)
            writer.write(written.theme)
            // Each path once, whether a file, a page's fingerprint or both: sorting 16,000 paths takes longer than
            // writing them.
            let paths = written.files.union(written.pages.keys).sorted()
            writer.write(paths.count)
            for path in paths {
                writer.write(path)
                writer.write(written.files.contains(path))
                let fingerprint = written.pages[path]
                writer.write(fingerprint != nil)
                if let fingerprint { writer.write(fingerprint) }
            }
        }
    }

    private static func relatedPath(in folder: String) -> String { folder + "/related.bin" }

    /// The search index's postings stored in `folder`, if any.
    static func readSearchPostings(in folder: String) -> SearchPostings? {
        readFile(searchPath(in: folder)) { reader throws(BinaryReader.Damaged) in try reader.read() }
    }

    static func write(_ postings: SearchPostings, in folder: String) {
        writeFile(searchPath(in: folder)) { writer, flush in postings.write(to: &writer, flush: flush) }
    }

    private static func searchPath(in folder: String) -> String { folder + "/search.bin" }

    /// Deletes the page fingerprints and the build record of every output whose folder is gone, but `current`'s: a CI
    /// job that builds into a new temporary folder each time would otherwise add both (27 MB at 100,000 threads) to
    /// the cache it restores, on every run. A file whose output cannot be read, or no longer resolves to the path
    /// that named it (a relative output read from another folder), is kept.
    private static func forgetOutputsThatAreGone(in folder: String, besides current: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix("pages-") && name.hasSuffix(".bin") {
            let path = folder + "/" + name
            guard path != current, let output = recordedOutput(in: path), pagesPath(in: folder, output: output) == path
            else { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue { continue }
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: BuildRecord.path(in: folder, output: output))
        }
    }

    /// The output named at the start of a file of page fingerprints in this cache's form, whichever binary wrote it (the
    /// stamp is not checked: a record of a gone output is useless to every Skein).
    private static func recordedOutput(in path: String) -> String? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
        return data.withUnsafeBytes { bytes -> String? in
            var reader = BinaryReader(bytes)
            do throws(BinaryReader.Damaged) {
                let magic: String = try reader.read()
                let _: String = try reader.read()  // the stamp of the Skein that wrote it
                let _: String = try reader.read()  // the inputs it was built from
                let output: String = try reader.read()
                return magic == Self.magic ? output : nil
            } catch {
                return nil
            }
        }
    }

    private static func pagesPath(in folder: String, output: String) -> String {
        folder + "/pages-" + Fingerprint.of(URL(fileURLWithPath: output).standardizedFileURL.path) + ".bin"
    }

    /// What `read` makes of the file at `path` after its header, or nil when it is missing, damaged, not read to its
    /// end, or written by another Skein.
    private static func readFile<Value>(
        _ path: String, _ read: (inout BinaryReader) throws(BinaryReader.Damaged) -> Value
    ) -> Value? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
        return data.withUnsafeBytes { bytes -> Value? in
            var reader = BinaryReader(bytes, of: data)
            do throws(BinaryReader.Damaged) {
                let magic: String = try reader.read()
                let stamp: String = try reader.read()
                guard magic == Self.magic, stamp == BuildRecord.skeinStamp() else { return nil }
                let value = try read(&reader)
                return reader.isAtEnd ? value : nil
            } catch {
                return nil
            }
        }
    }

    /// Writes a file through `write`, which calls its second argument between entries so that the bytes go out a
    /// megabyte at a time and the file never has to fit in memory; it replaces the old file only once complete.
    private static func writeFile(
        _ path: String, _ write: (inout BinaryWriter, (inout BinaryWriter) -> Void) -> Void
    ) {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil),
            let file = FileHandle(forWritingAtPath: partial)
        else { return }
        var failed = false
        func send(_ writer: inout BinaryWriter) {
            guard !failed else { return }
            do { try file.write(contentsOf: writer.bytes) } catch { failed = true }
            writer.removeAll()
        }
        var writer = BinaryWriter()
        writer.write(magic)
        writer.write(BuildRecord.skeinStamp())
        write(&writer) { writer in if writer.bytes.count >= 1 << 20 { send(&writer) } }
        send(&writer)
        try? file.close()
        if failed || rename(partial, path) != 0 { try? FileManager.default.removeItem(atPath: partial) }
    }
}

extension BuildCache {
    /// Entries per block. Blocks are written with their length, so that they can be read in parallel.
    private static let blockSize = 256

    /// Writes the entries of `keys` in blocks of ``blockSize``, each with its length, one block at a time.
    static func writeBlocks(
        _ keys: [UInt64], to writer: inout BinaryWriter, flush: (inout BinaryWriter) -> Void,
        entry write: (UInt64, inout BinaryWriter) -> Void
    ) {
        writer.write((keys.count + blockSize - 1) / blockSize)
        var block = BinaryWriter()
        for start in stride(from: 0, to: keys.count, by: blockSize) {
            block.removeAll()
            let slice = keys[start..<min(start + blockSize, keys.count)]
            for key in slice { write(key, &block) }
            writer.write(slice.count)
            writer.write(block.bytes.count)
            writer.append(block)
            flush(&writer)
        }
    }

    static func readBlocks<Entry: Sendable>(
        _ reader: inout BinaryReader,
        entry read: @escaping @Sendable (inout BinaryReader) throws(BinaryReader.Damaged) -> Entry
    ) throws(BinaryReader.Damaged) -> [Entry] {
        var blocks: [(count: Int, reader: BinaryReader)] = []
        for _ in 0..<(try reader.read() as Int) {
            let count: Int = try reader.read()
            let length: Int = try reader.read()
            blocks.append((count, try reader.split(length)))
        }
        // The readers point into the mapped file, which outlives this call; each block is read by one thread only.
        nonisolated(unsafe) let pending = blocks
        let decoded = Array(pending.indices).parallelMap { index -> [Entry]? in
            var block = pending[index].reader
            var entries: [Entry] = []
            do throws(BinaryReader.Damaged) {
                for _ in 0..<pending[index].count { entries.append(try read(&block)) }
                return block.isAtEnd ? entries : nil
            } catch {
                return nil
            }
        }
        var entries: [Entry] = []
        for block in decoded {
            guard let block else { throw BinaryReader.Damaged() }
            entries += block
        }
        return entries
    }
}

extension SourceLocation: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(file)
        writer.write(line)
        writer.write(column)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        self.init(file: try reader.read(), line: try reader.read(), column: try reader.read())
    }
}

extension Diagnostic: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(severity == .error)
        writer.write(location)
        writer.write(message)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        let isError: Bool = try reader.read()
        self.init(isError ? .error : .warning, at: try reader.read(), try reader.read())
    }
}

extension Date: BinaryCodable {
    func write(to writer: inout BinaryWriter) { writer.write(self) }
    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) { self = try reader.read() }
}

/// A tweet is written without its file, which is its thread's, and without its Markdown, which the thread's
/// ``TweetMarkdown`` holds: a path read back for each of an archive's tweets was a fifth of the strings the cache
/// made, its Markdown two fifths.
extension TweetSource {
    func write(to writer: inout BinaryWriter) {
        writer.write(id)
        writer.write(time)
        writer.write(url)
        writer.write(location.line)
        writer.write(location.column)
    }

    init(from reader: inout BinaryReader, file: String) throws(BinaryReader.Damaged) {
        self.init(
            markdown: "", id: try reader.read(), time: try reader.read(), url: try reader.read(),
            location: SourceLocation(file: file, line: try reader.read(), column: try reader.read()))
    }
}

extension ThreadSource: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(author)
        writer.write(authorLocation)
        writer.write(date)
        writer.write(isDateOnly)
        writer.write(title)
        writer.write(topics)
        writer.write(source)
        writer.write(slug)
        writer.write(summary)
        writer.write(isDraft)
        writer.write(language)
        writer.write(location)
        writer.write(slugLocation)
        writer.write(tweets.count)
        for tweet in tweets { tweet.write(to: &writer) }
        markdown.bytes.withUnsafeBytes { writer.write(bytes: $0.assumingMemoryBound(to: UInt8.self)) }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        let author: String = try reader.read()
        let authorLocation: SourceLocation = try reader.read()
        let date: Date = try reader.read()
        let isDateOnly: Bool = try reader.read()
        let title: String? = try reader.read()
        let topics: [String] = try reader.read()
        let source: String? = try reader.read()
        let slug: String = try reader.read()
        let summary: String? = try reader.read()
        let isDraft: Bool = try reader.read()
        let language: String? = try reader.read()
        let location: SourceLocation = try reader.read()
        let slugLocation: SourceLocation = try reader.read()
        let count: Int = try reader.read()
        // Each tweet takes bytes: a damaged count fails on the first one missing, not in an allocation.
        guard count >= 0, count <= reader.remaining else { throw BinaryReader.Damaged() }
        var tweets: [TweetSource] = []
        tweets.reserveCapacity(count)
        for _ in 0..<count { tweets.append(try TweetSource(from: &reader, file: location.file)) }
        let markdown = try TweetMarkdown(stored: try reader.readData(), count: count)
        self.init(
            author: author, authorLocation: authorLocation, date: date, isDateOnly: isDateOnly, title: title,
            topics: topics, source: source, slug: slug, summary: summary, isDraft: isDraft, language: language,
            tweets: tweets, location: location, slugLocation: slugLocation, storedMarkdown: markdown)
    }
}

extension RenderedTweets: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(first)
        later.withUnsafeBytes { writer.write(bytes: $0.assumingMemoryBound(to: UInt8.self)) }
        writer.write(count)
        writer.write(hashtags)
        writer.write(title)
        writer.write(wordCount)
        writer.write(hasImages)
        writer.write(search.excerpt)
        search.encodedTerms.withUnsafeBufferPointer { writer.write(bytes: $0) }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        let first: RenderedMarkdown? = try reader.read()
        let later = try reader.readData()
        let count: Int = try reader.read()
        // The later tweets are read only when a page shows them: their bytes are checked now.
        let laterCount = later.withUnsafeBytes { TweetStorage.count(ofRenderingsIn: $0) }
        guard count == (first == nil ? 0 : 1) + laterCount else {
            throw BinaryReader.Damaged()
        }
        let hashtags: [String] = try reader.read()
        let title: String = try reader.read()
        let wordCount: Int = try reader.read()
        let hasImages: Bool = try reader.read()
        let excerpt: String = try reader.read()
        guard let search = SearchText(excerpt: excerpt, encodedTerms: Array(try reader.readBytes())) else {
            throw BinaryReader.Damaged()
        }
        self.init(
            first: first, later: later, count: count, hashtags: hashtags, title: title, wordCount: wordCount,
            hasImages: hasImages, search: search)
    }
}
