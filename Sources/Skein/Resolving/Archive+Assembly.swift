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
        var topicThreads: [String: [Int]] = [:]
        var spellings: [String: [String: Int]] = [:]
        var tweetCounts: [String: Int] = [:]
        // The same hashtags recur across thousands of tweets.
        var slugs: [String: String] = [:]
        // Finding a title splits text into characters: the slowest part, so done first, in parallel.
        let titles = rendered.parallelMap { $0.source.title ?? Self.title(from: $0.tweets.first?.plainText ?? "") }

        for index in rendered.indices {
            // Taken out of the array, so that its arrays are freed as soon as its Thread is made.
            let item = rendered[index]
            rendered[index].tweets = []
            rendered[index].source.tweets = []
            let source = item.source
            let authorKey = Handle.key(source.author)
            var topicSlugs: [String] = []
            for name in source.topics + item.tweets.flatMap(\.hashtags) {
                let slug = slugs[name] ?? Slug.make(from: name)
                slugs[name] = slug
                guard !slug.isEmpty else { continue }
                spellings[slug, default: [:]][name, default: 0] += 1
                if !topicSlugs.contains(slug) { topicSlugs.append(slug) }
            }
            for slug in topicSlugs { topicThreads[slug, default: []].append(index) }
            threadsByAuthor[authorKey, default: []].append(index)
            tweetCounts[authorKey, default: 0] += source.tweets.count
            let tweets = zip(source.tweets, item.tweets).enumerated().map { number, pair in
                Tweet(
                    number: number + 1, content: pair.1, time: pair.0.time,
                    originalURL: pair.0.url
                        ?? pair.0.id.map {
                            content.site.mentionBaseURL.absoluteString + source.author + "/status/" + $0
                        },
                    location: pair.0.location)
            }
            threads.append(
                Thread(
                    slug: source.slug, authorKey: authorKey, authorLocation: source.authorLocation,
                    title: titles[index],
                    date: source.date, topicSlugs: topicSlugs, tweets: tweets, summary: source.summary,
                    source: source.source,
                    language: source.language, file: source.location.file,
                    wordCount: item.tweets.reduce(0) { $0 + $1.wordCount }))
        }

        rendered = []
        let topics = topicThreads.keys.map { slug in
            // The most used spelling; ties go to the one that sorts first, so the name never depends on file order.
            let name = spellings[slug]!.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            return Topic(slug: slug, name: name, threadIndices: topicThreads[slug]!)
        }.sorted { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) }

        let authors = content.authors.map { author in
            Author(
                handle: author.handle, key: author.key, profile: author.profile, bio: bios[author.key],
                tweetCount: tweetCounts[author.key] ?? 0)
        }
        return Archive(
            site: content.site, authors: authors, threads: threads, topics: topics, mediaFiles: content.mediaFiles,
            threadsByAuthor: threadsByAuthor,
            authorIndex: Dictionary(uniqueKeysWithValues: authors.enumerated().map { ($1.key, $0) }))
    }

    /// The first sentence of `text`, shortened at a word boundary to about 70 characters.
    static func title(from text: String) -> String {
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
                    next == bytes.endIndex || bytes[next] == 0x20 || (bytes[next] >= 0x09 && bytes[next] <= 0x0D)
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
