import Foundation

extension Archive {
    /// Builds the archive and every index from resolved content and its rendered Markdown, in one pass over threads.
    /// The rendered threads are taken: each one's arrays are let go once its ``Thread`` is made, so that the
    /// archive's tweets are never in memory twice.
    public static func assemble(
        _ content: ResolvedContent, threads rendered: inout [RenderedThread], bios: [String: RenderedMarkdown]
    ) -> Archive {
        var threads: [Thread] = []
        var threadsByAuthor: [String: [Int]] = [:]
        var tweetCounts: [String: Int] = [:]
        // The same few hashtags recur across thousands of tweets: each spelling is numbered, and made a slug, the
        // first time it is seen, after which a name costs one lookup.
        var topics = TopicTally()
        // The first tweet, and what the thread file says of each of the others, in parallel.
        let mentionBase = content.site.mentionBaseURL.absoluteString
        // Each thread is read where it stands, field by field: a copy would retain each of its strings and arrays. The
        // array given to the closure is let go before the threads are moved out of it below.
        let madeInParallel = { (items: [RenderedThread]) in
            Array(items.indices).parallelMap { index -> (first: Tweet?, later: [UInt8]) in
                let author = items[index].source.author
                let originalURL = { (tweet: TweetSource) in
                    tweet.url ?? tweet.id.map { mentionBase + author + "/status/" + $0 }
                }
                let first = items[index].source.tweets.first.flatMap { tweet in
                    items[index].rendered.first.map { content in
                        Tweet(
                            number: 1, content: content, time: tweet.time, originalURL: originalURL(tweet),
                            location: tweet.location)
                    }
                }
                return (first, TweetStorage.encode(items[index].source.tweets.dropFirst(), originalURL: originalURL))
            }
        }(rendered)

        // Each is moved out of the array (reversed, so that the first comes off its end first) and freed as soon as
        // its Thread is made, tweets' sources and all. The array is reversed in its buffer, where a swap moves the two
        // threads: the array's own swap copies each, retaining every string and array it holds.
        rendered.withUnsafeMutableBufferPointer { $0.reverse() }
        for index in 0..<rendered.count {
            let item = rendered.removeLast()
            let source = item.source
            let authorKey = Handle.key(source.author)
            let topicSlugs = topics.add(thread: index, naming: [source.topics, item.rendered.hashtags])
            threadsByAuthor[authorKey, default: []].append(index)
            tweetCounts[authorKey, default: 0] += source.tweets.count
            threads.append(
                Thread(
                    slug: source.slug, authorKey: authorKey, authorLocation: source.authorLocation,
                    title: source.title ?? item.rendered.title, date: source.date, topicSlugs: topicSlugs,
                    tweetCount: item.rendered.count, firstTweet: madeInParallel[index].first,
                    laterRenderings: item.rendered.later, laterSources: madeInParallel[index].later,
                    lastTweetTime: source.tweets.compactMap(\.time).max(), hasImages: item.rendered.hasImages,
                    summary: source.summary, source: source.source, language: source.language,
                    file: source.location.file, wordCount: item.rendered.wordCount, search: item.rendered.search,
                    renderedKey: item.key))
        }

        let names = topics.names()
        let sortedTopics = topics.slugs.indices.map { slug in
            Topic(slug: topics.slugs[slug], name: names[slug], threadIndices: topics.threads[slug])
        }.sorted { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) }

        let authors = content.authors.map { author in
            Author(
                handle: author.handle, key: author.key, profile: author.profile, bio: bios[author.key],
                tweetCount: tweetCounts[author.key] ?? 0)
        }
        return Archive(
            site: content.site, authors: authors, threads: threads, topics: sortedTopics,
            mediaFiles: content.mediaFiles,
            threadsByAuthor: threadsByAuthor,
            authorIndex: Dictionary(uniqueKeysWithValues: authors.enumerated().map { ($1.key, $0) }))
    }

    /// The topics named so far: each spelling of a topic or hashtag by number, with its slug's number and uses, and
    /// each slug by number, with the threads that name it.
    private struct TopicTally {
        private var spellingNumbers: [String: Int] = [:]
        private var spellings: [(name: String, slug: Int?, uses: Int)] = []
        private var slugNumbers: [String: Int] = [:]
        private(set) var slugs: [String] = []
        private(set) var threads: [[Int]] = []

        /// Counts each use of the names in `lists` by the thread at `index`, and returns the slugs they make, each once,
        /// in the order first named; a name whose slug is empty names no topic.
        mutating func add(thread index: Int, naming lists: [[String]]) -> [String] {
            var shown: [Int] = []
            for name in lists.joined() {
                let spelling = number(of: name)
                guard let slug = spellings[spelling].slug else { continue }
                spellings[spelling].uses += 1
                if !shown.contains(slug) { shown.append(slug) }
            }
            for slug in shown { threads[slug].append(index) }
            return shown.map { slugs[$0] }
        }

        /// The number of the spelling `name`, given (with its slug's) the first time it is seen.
        private mutating func number(of name: String) -> Int {
            if let known = spellingNumbers[name] { return known }
            let slug = Slug.make(from: name)
            var slugNumber: Int?
            if !slug.isEmpty {
                slugNumber = slugNumbers[slug]
                if slugNumber == nil {
                    slugNumber = slugs.count
                    slugNumbers[slug] = slugs.count
                    slugs.append(slug)
                    threads.append([])
                }
            }
            spellingNumbers[name] = spellings.count
            spellings.append((name, slugNumber, 0))
            return spellings.count - 1
        }

        /// Each slug's name: its most used spelling; ties go to the one that sorts first, so the name never depends
        /// on file order.
        func names() -> [String] {
            var best: [(name: String, uses: Int)?] = Array(repeating: nil, count: slugs.count)
            for spelling in spellings {
                guard let slug = spelling.slug else { continue }
                if let current = best[slug], (spelling.uses, current.name) <= (current.uses, spelling.name) { continue }
                best[slug] = (spelling.name, spelling.uses)
            }
            return best.map { $0!.name }
        }
    }

    /// The first sentence of `text`, shortened at a word boundary to about 70 characters.
    static func title(from text: String) -> String {
        if let title = asciiTitle(from: text) { return title }
        // The first line that is not empty, read no further than its end.
        let firstLine = String(text.drop { $0 == "\n" }.prefix { $0 != "\n" })
        var sentence = firstLine
        if let end = sentenceEnd(in: firstLine) {
            sentence = String(firstLine[...end]).trimmingCharacters(in: .whitespaces)
            if sentence.hasSuffix(".") && !sentence.hasSuffix("..") { sentence.removeLast() }
        }
        let limit = 70
        guard sentence.count > limit else { return sentence.isEmpty ? "Untitled thread" : sentence }
        var shortened = ""
        for word in sentence.split(separator: " ") {
            if shortened.count + word.count + 1 > limit - 1 { break }
            shortened += (shortened.isEmpty ? "" : " ") + word
        }
        if shortened.isEmpty { shortened = String(sentence.prefix(limit - 1)) }
        return shortened.trimmingCharacters(in: .punctuationCharacters) + "…"
    }

    /// ``title(from:)`` on bytes, when the first line is ASCII without `\r`, so that each byte is a character; nil
    /// otherwise. Foundation's trimming and character counting were most of the assembly's time.
    private static func asciiTitle(from text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var start = 0
            while start < bytes.count && bytes[start] == 0x0A { start += 1 }
            var end = start
            while end < bytes.count && bytes[end] != 0x0A {
                if bytes[end] >= 0x80 || bytes[end] == 0x0D { return nil }
                end += 1
            }
            var sentence = bytes[start..<end]
            if let stop = sentence.indices.first(where: { index in
                (sentence[index] == UInt8(ascii: ".") || sentence[index] == UInt8(ascii: "!")
                    || sentence[index] == UInt8(ascii: "?"))
                    && (index + 1 == end || sentence[index + 1].isASCIIWhitespace)
            }) {
                sentence = trimmed(sentence[...stop], where: asciiWhitespace)
                if sentence.last == UInt8(ascii: "."), sentence.dropLast().last != UInt8(ascii: ".") {
                    sentence = sentence.dropLast()
                }
            }
            let limit = 70
            guard sentence.count > limit else {
                return sentence.isEmpty ? "Untitled thread" : String(decoding: sentence, as: UTF8.self)
            }
            var shortened: [UInt8] = []
            for word in sentence.split(separator: 0x20) {
                if shortened.count + word.count + 1 > limit - 1 { break }
                if !shortened.isEmpty { shortened.append(0x20) }
                shortened += word
            }
            if shortened.isEmpty { shortened = Array(sentence.prefix(limit - 1)) }
            return String(decoding: trimmed(shortened[...], where: asciiPunctuation), as: UTF8.self) + "…"
        }
    }

    /// Which ASCII bytes Foundation's `.whitespaces` and `.punctuationCharacters` hold, asked of Foundation once.
    private static let asciiWhitespace = (0..<128).map { CharacterSet.whitespaces.contains(Unicode.Scalar(UInt8($0))) }
    private static let asciiPunctuation = (0..<128).map {
        CharacterSet.punctuationCharacters.contains(Unicode.Scalar(UInt8($0)))
    }

    private static func trimmed<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes, where table: [Bool]) -> Bytes
    where Bytes.SubSequence == Bytes {
        var bytes = bytes
        while let first = bytes.first, table[Int(first)] { bytes = bytes.dropFirst() }
        while let last = bytes.last, table[Int(last)] { bytes = bytes.dropLast() }
        return bytes
    }

    /// Where the first sentence of `line` ends: at `.`, `!`, `?` or `…` followed by white space or the end of the
    /// line. An ASCII line is read byte by byte, each byte being a character.
    private static func sentenceEnd(in line: String) -> String.Index? {
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = line.utf8
            var index = bytes.startIndex
            while index != bytes.endIndex {
                let next = bytes.index(after: index)
                let byte = bytes[index]
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?"),
                    next == bytes.endIndex || bytes[next].isASCIIWhitespace
                {
                    return index
                }
                index = next
            }
            return nil
        }
        var index = line.startIndex
        while index != line.endIndex {
            let next = line.index(after: index)
            if ".!?…".contains(line[index]) && (next == line.endIndex || line[next].isWhitespace) { return index }
            index = next
        }
        return nil
    }
}
