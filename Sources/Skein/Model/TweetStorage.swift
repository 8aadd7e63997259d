import Foundation

/// A thread's tweets after the first, kept as bytes (``BinaryWriter``'s form) in two buffers per thread: their
/// renderings, made by the Markdown stage and cached as they are, and what the thread file says of them (time,
/// original post, line). A large archive holds every tweet from the Markdown stage to the last page; as values each
/// one was a dozen allocations, which took more memory than its HTML. A tweet is made again only where a page shows
/// it.
enum TweetStorage {
    /// Renderings, one after another.
    static func encode(_ renderings: some Sequence<RenderedMarkdown>) -> [UInt8] {
        var writer = BinaryWriter()
        for rendering in renderings { writer.write(rendering) }
        return writer.keptBytes
    }

    /// What the thread file says of each tweet, one after another; `originalURL` is each one's link to its original.
    static func encode(_ sources: some Sequence<TweetSource>, originalURL: (TweetSource) -> String?) -> [UInt8] {
        var writer = BinaryWriter()
        for source in sources {
            writer.write(source.time)
            writer.write(originalURL(source))
            writer.write(source.location.line)
            writer.write(source.location.column)
        }
        return writer.keptBytes
    }

    /// How many renderings `bytes` hold as ``encode(_:)`` writes them, or -1 when they hold something else: for bytes
    /// read from a file, checked without making their strings.
    static func count(ofRenderingsIn bytes: UnsafeRawBufferPointer) -> Int {
        var reader = BinaryReader(bytes)
        var count = 0
        do throws(BinaryReader.Damaged) {
            while !reader.isAtEnd {
                try RenderedMarkdown.skip(&reader)
                count += 1
            }
            return count
        } catch {
            return -1
        }
    }

    /// The tweets whose renderings and sources these bytes hold, written in `file`, numbered from `first`.
    static func decode(renderings: Data, sources: [UInt8], file: String, numberedFrom first: Int) -> [Tweet] {
        renderings.withUnsafeBytes { renderings in
            sources.withUnsafeBytes { sources in
                var contents = BinaryReader(renderings)
                var facts = BinaryReader(sources)
                var tweets: [Tweet] = []
                do throws(BinaryReader.Damaged) {
                    while !contents.isAtEnd {
                        let content: RenderedMarkdown = try contents.read()
                        let time: Date? = try facts.read()
                        let originalURL: String? = try facts.read()
                        let location = SourceLocation(file: file, line: try facts.read(), column: try facts.read())
                        tweets.append(
                            Tweet(
                                number: first + tweets.count, content: content, time: time,
                                originalURL: originalURL, location: location))
                    }
                } catch {
                    // Written by `encode` in this process, or checked by `holds` when read from a file.
                    assertionFailure("a thread's stored tweets cannot be read")
                }
                return tweets
            }
        }
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
    /// Reads past one rendering without making it.
    static func skip(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        func strings(_ perElement: Int) throws(BinaryReader.Damaged) {
            let count: Int = try reader.read()
            guard count >= 0 else { throw BinaryReader.Damaged() }
            for _ in 0..<count {
                for _ in 0..<perElement { _ = try reader.readBytes() }
            }
        }
        _ = try reader.readBytes()  // html
        _ = try reader.readBytes()  // plainText
        let _: Int = try reader.read()  // wordCount
        let _: Int = try reader.read()  // characterCount
        try strings(1)  // hashtags
        try strings(2)  // images: url and alt
        try strings(1)  // links
    }

    func write(to writer: inout BinaryWriter) {
        writer.write(html)
        writer.write(plainText)
        writer.write(wordCount)
        writer.write(characterCount)
        writer.write(hashtags)
        writer.write(images)
        writer.write(links)
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        self.init(
            html: try reader.read(), plainText: try reader.read(), wordCount: try reader.read(),
            characterCount: try reader.read(), hashtags: try reader.read(), images: try reader.read(),
            links: try reader.read())
    }
}

/// A thread's tweets' Markdown in one buffer, each text as ``BinaryWriter`` writes a string. ``BuildCache`` stores it
/// so, the key of the thread's rendering is hashed from it, and its strings are made only to render the tweets: a
/// rebuild that finds a thread's rendering in the cache never makes them (making them was a third of reading the
/// cache).
struct TweetMarkdown: Sendable {
    /// The encoded texts; read back from the cache, a slice of its mapped file.
    let bytes: Data
    /// How many texts.
    let count: Int

    init(_ texts: [String]) {
        var writer = BinaryWriter()
        for text in texts { writer.write(text) }
        bytes = Data(writer.bytes)
        count = texts.count
    }

    /// Read back from the cache: `count` texts, checked to be there; their UTF-8 is not checked here, but a string
    /// made of it repairs what is not valid.
    init(stored: Data, count: Int) throws(BinaryReader.Damaged) {
        let complete = stored.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            do throws(BinaryReader.Damaged) {
                for _ in 0..<count { _ = try reader.readBytes() }
                return reader.isAtEnd
            } catch {
                return false
            }
        }
        guard complete else { throw BinaryReader.Damaged() }
        bytes = stored
        self.count = count
    }

    /// The texts, in order.
    var texts: [String] {
        bytes.withUnsafeBytes { raw in
            var reader = BinaryReader(raw)
            var texts: [String] = []
            texts.reserveCapacity(count)
            for _ in 0..<count { texts.append((try? reader.read() as String) ?? "") }
            return texts
        }
    }
}
