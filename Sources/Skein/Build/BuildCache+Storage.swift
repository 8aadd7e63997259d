import Foundation

/// `skein build` keeps its ``BuildCache`` in a file between runs. The file starts with Skein's version and the
/// binary's size and modification time: a cache written by another Skein is ignored, since rendering may differ.
extension BuildCache {
    private static let magic = "skein-cache 1"

    /// Where the cache of builds into `output` lives in `folder`.
    static func path(in folder: String, output: String) -> String {
        let absolute = URL(fileURLWithPath: output).standardizedFileURL.path
        return folder + "/cache-" + Fingerprint.of(absolute) + ".bin"
    }

    /// The cache saved at `path` and the fingerprint of the inputs of the build that saved it; an empty cache when
    /// there is none, it is damaged, or another Skein wrote it.
    static func load(from path: String) -> (cache: BuildCache, builtFrom: String?) {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else {
            return (BuildCache(), nil)
        }
        return data.withUnsafeBytes { read(BinaryReader($0)) }
    }

    private static func read(_ reader: BinaryReader) -> (cache: BuildCache, builtFrom: String?) {
        var reader = reader
        let cache = BuildCache()
        do throws(BinaryReader.Damaged) {
            let magic: String = try reader.read()
            let stamp: String = try reader.read()
            guard magic == Self.magic, stamp == BuildRecord.skeinStamp() else { return (cache, nil) }
            let builtFrom: String = try reader.read()
            let rule: UInt64 = try reader.read()
            let parsedEntries = try readBlocks(&reader) { entry throws(BinaryReader.Damaged) in
                let key: UInt64 = try entry.read()
                return (key, ParsedFile(thread: try entry.read(), diagnostics: try entry.read()))
            }
            let renderedEntries = try readBlocks(&reader) { entry throws(BinaryReader.Damaged) in
                let key: UInt64 = try entry.read()
                let tweets: [RenderedMarkdown] = try entry.read()
                return (key, tweets)
            }
            let parsed = Dictionary(parsedEntries, uniquingKeysWith: { $1 })
            let rendered = Dictionary(renderedEntries, uniquingKeysWith: { $1 })
            var written: WrittenSite?
            if try reader.read() as Bool {
                let output: String = try reader.read()
                let theme: UInt64 = try reader.read()
                var pages: [String: UInt64] = [:]
                for _ in 0..<(try reader.read() as Int) {
                    let path: String = try reader.read()
                    let fingerprint: UInt64 = try reader.read()
                    pages[path] = fingerprint
                }
                let files: [String] = try reader.read()
                written = WrittenSite(output: output, theme: theme, pages: pages, files: Set(files))
            }
            guard reader.isAtEnd else { throw BinaryReader.Damaged() }
            cache.restore(parsed: parsed, rendered: rendered, rule: rule, written: written)
            return (cache, builtFrom)
        } catch {
            return (BuildCache(), nil)
        }
    }

    /// Writes the cache to `path`, noting the fingerprint of the inputs of the build that made it.
    func save(to path: String, builtFrom inputs: String) {
        let (parsed, rendered, rule, written) = contents()
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil),
            let file = FileHandle(forWritingAtPath: partial)
        else { return }
        // Written a megabyte at a time, so that the file never has to fit in memory besides the cache itself.
        var writer = BinaryWriter()
        var failed = false
        func flush(always: Bool = false) {
            guard always || writer.bytes.count >= 1 << 20, !failed else { return }
            do { try file.write(contentsOf: writer.bytes) } catch { failed = true }
            writer.removeAll()
        }
        writer.write(Self.magic)
        writer.write(BuildRecord.skeinStamp())
        writer.write(inputs)
        writer.write(rule)
        func emit(_ block: BinaryWriter?, entries: Int) {
            guard let block else { return writer.write(entries) }
            writer.write(entries)
            writer.write(block.bytes.count)
            writer.append(block)
            flush()
        }
        Self.writeBlocks(parsed.keys.sorted(), emit: emit) { key, entry in
            entry.write(key)
            entry.write(parsed[key]!.thread)
            entry.write(parsed[key]!.diagnostics)
        }
        Self.writeBlocks(rendered.keys.sorted(), emit: emit) { key, entry in
            entry.write(key)
            entry.write(rendered[key]!)
        }
        writer.write(written != nil)
        if let written {
            writer.write(written.output)
            writer.write(written.theme)
            writer.write(written.pages.count)
            for path in written.pages.keys.sorted() {
                writer.write(path)
                writer.write(written.pages[path]!)
            }
            writer.write(written.files.sorted())
        }
        flush(always: true)
        try? file.close()
        if failed || rename(partial, path) != 0 { try? FileManager.default.removeItem(atPath: partial) }
    }
}

extension BuildCache {
    /// Entries per block. Blocks are written with their length, so that they can be read in parallel.
    private static let blockSize = 256

    /// Writes the entries of `keys` in blocks: `emit` is given the number of blocks first (with no block), then each
    /// block and its number of entries, in order. One block at a time, so that saving needs little memory.
    private static func writeBlocks(
        _ keys: [UInt64], emit: (BinaryWriter?, _ entries: Int) -> Void,
        entry write: (UInt64, inout BinaryWriter) -> Void
    ) {
        emit(nil, (keys.count + blockSize - 1) / blockSize)
        var block = BinaryWriter()
        for start in stride(from: 0, to: keys.count, by: blockSize) {
            block.removeAll()
            let slice = keys[start..<min(start + blockSize, keys.count)]
            for key in slice { write(key, &block) }
            emit(block, slice.count)
        }
    }

    private static func readBlocks<Entry: Sendable>(
        _ reader: inout BinaryReader,
        entry read: @escaping @Sendable (inout BinaryReader) throws(BinaryReader.Damaged) -> Entry
    ) throws(BinaryReader.Damaged) -> [Entry] {
        var blocks: [(count: Int, reader: BinaryReader)] = []
        for _ in 0..<(try reader.read() as Int) {
            let count: Int = try reader.read()
            let length: Int = try reader.read()
            blocks.append((count, try reader.split(length)))
        }
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

extension TweetSource: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(markdown)
        writer.write(id)
        writer.write(time)
        writer.write(url)
        writer.write(location)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        self.init(
            markdown: try reader.read(), id: try reader.read(), time: try reader.read(), url: try reader.read(),
            location: try reader.read())
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
        writer.write(tweets)
        writer.write(location)
        writer.write(slugLocation)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        self.init(
            author: try reader.read(), authorLocation: try reader.read(), date: try reader.read(),
            isDateOnly: try reader.read(), title: try reader.read(), topics: try reader.read(),
            source: try reader.read(), slug: try reader.read(), summary: try reader.read(), isDraft: try reader.read(),
            language: try reader.read(), tweets: try reader.read(), location: try reader.read(),
            slugLocation: try reader.read())
    }
}

extension RenderedMarkdown.Image: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(url)
        writer.write(alt)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        self.init(url: try reader.read(), alt: try reader.read())
    }
}

extension RenderedMarkdown: BinaryCodable {
    func write(to writer: inout BinaryWriter) {
        writer.write(segments)
        writer.write(plainText)
        writer.write(wordCount)
        writer.write(hashtags)
        writer.write(images)
        writer.write(links)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        self.init(
            segments: try reader.read(), plainText: try reader.read(),
            wordCount: try reader.read(), hashtags: try reader.read(), images: try reader.read(),
            links: try reader.read())
    }
}
