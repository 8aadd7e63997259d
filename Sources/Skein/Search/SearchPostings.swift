/// The search index's terms and postings as a build made them, kept by ``BuildCache`` so that the next build indexes
/// again only the threads that changed. After one edit, that is one thread's terms: indexing all 10,000 threads of an
/// archive took about a seventh of such a rebuild.
///
/// Each thread is known by its slug and the fingerprint of everything the index reads of it (``SearchIndex``). A
/// build keeps the postings of the threads whose fingerprints are unchanged, numbers them by their new positions, and
/// adds those of the others: the ranking of a term's postings depends only on their weights and the threads' order,
/// so the result is what indexing every thread again would give.
struct SearchPostings: Sendable {
    /// The threads indexed, in the archive's order, by slug.
    private(set) var slugs: [String] = []
    /// By position in ``slugs``: the fingerprint of what the index reads of the thread.
    private(set) var fingerprints: [UInt64] = []
    /// The distinct terms; a term's position here is its list's in ``lists``.
    private var vocabulary = TermCounter()
    /// Each term's postings, ranked: heaviest first, then in the threads' order. Empty for a term that no thread has
    /// any more.
    private var lists: [[SearchIndex.Posting]] = []
    /// Whether these postings differ from those the cache read.
    private(set) var isChanged = false

    /// No thread indexed.
    init() {}

    /// Threads with these slugs and fingerprints, none of their terms added yet.
    init(slugs: [String], fingerprints: [UInt64]) {
        self.slugs = slugs
        self.fingerprints = fingerprints
        isChanged = true
    }

    /// Keeps the postings of the threads that are still there, unchanged, for an archive whose threads have these
    /// slugs and fingerprints, and returns the positions of the threads whose terms are to be added. Nil, and the
    /// postings left as they were, when the threads that stay are not in their old order (a redated thread moves) or
    /// when more than a quarter changed: then indexing every thread again is as quick.
    mutating func keep(slugs: [String], fingerprints: [UInt64]) -> [Int]? {
        // Old position → new, or -1 for a thread gone or changed.
        var renumbered = [Int32](repeating: -1, count: self.slugs.count)
        var isKept = [Bool](repeating: false, count: slugs.count)
        if slugs == self.slugs {
            // The same threads: after an edit, the most frequent rebuild.
            for position in slugs.indices where fingerprints[position] == self.fingerprints[position] {
                renumbered[position] = Int32(position)
                isKept[position] = true
            }
        } else {
            var positions = [String: Int](minimumCapacity: slugs.count)
            for (position, slug) in slugs.enumerated() { positions[slug] = position }
            guard positions.count == slugs.count else { return nil }
            var last = -1
            for (old, slug) in self.slugs.enumerated() {
                guard let new = positions[slug], fingerprints[new] == self.fingerprints[old] else { continue }
                guard new > last else { return nil }
                last = new
                renumbered[old] = Int32(new)
                isKept[new] = true
            }
        }
        let added = slugs.indices.filter { !isKept[$0] }
        guard added.count * 4 <= slugs.count else { return nil }
        // Every thread kept, in order, and none added: the postings are as they were.
        if added.isEmpty && renumbered.count == slugs.count { return [] }
        isChanged = true
        for term in lists.indices {
            lists[term].removeAll { renumbered[Int($0.thread)] < 0 }
            for index in lists[term].indices {
                lists[term][index].thread = renumbered[Int(lists[term][index].thread)]
            }
        }
        self.slugs = slugs
        self.fingerprints = fingerprints
        return added
    }

    /// Adds the terms of a thread, each with its weight; call ``rank()`` once every thread is added.
    mutating func add(_ terms: TermCounter, of thread: Int) {
        isChanged = true
        terms.forEach { term, weight in
            let position = vocabulary.position(of: term)
            if position == lists.count { lists.append([]) }
            lists[position].append(SearchIndex.Posting(thread: Int32(thread), weight: Int32(weight)))
        }
    }

    /// Ranks every list again where it needs to be: threads are added at the end of their lists, so a list is out of
    /// rank only where a thread was added before a kept one or weighs more than one before it.
    mutating func rank() {
        for term in lists.indices where !lists[term].isRanked {
            lists[term].sort { ($0.weight, $1.thread) > ($1.weight, $0.thread) }
        }
    }

    /// Calls `body` with each term that some thread has, and its postings.
    func forEachTerm(_ body: (String, [SearchIndex.Posting]) -> Void) {
        for position in lists.indices where !lists[position].isEmpty {
            body(vocabulary.term(at: position), lists[position])
        }
    }
}

extension SearchPostings: BinaryCodable {
    /// The threads, then the terms that some thread has, each with its postings; the reader refuses postings of
    /// threads that are not there, and lists out of rank.
    func write(to writer: inout BinaryWriter) { write(to: &writer, flush: { _ in }) }

    /// Writes the postings, calling `flush` after each term, so that a file never has to hold them all in memory.
    func write(to writer: inout BinaryWriter, flush: (inout BinaryWriter) -> Void) {
        writer.write(slugs)
        writer.write(fingerprints)
        writer.write(lists.count(where: { !$0.isEmpty }))
        var position = 0
        vocabulary.forEach { term, _ in
            let list = lists[position]
            position += 1
            guard !list.isEmpty else { return }
            writer.write(bytes: term)
            // As they are in memory: the stamp every cache file starts with ties it to this binary.
            list.withUnsafeBytes { writer.write(bytes: $0.assumingMemoryBound(to: UInt8.self)) }
            flush(&writer)
        }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        slugs = try reader.read()
        fingerprints = try reader.read()
        guard slugs.count == fingerprints.count else { throw .init() }
        let terms: Int = try reader.read()
        guard terms >= 0 else { throw .init() }
        lists.reserveCapacity(terms)
        for _ in 0..<terms {
            let term = try reader.readBytes()
            guard !term.isEmpty, vocabulary.position(of: term) == lists.count else { throw .init() }
            let bytes = try reader.readBytes()
            let size = MemoryLayout<SearchIndex.Posting>.stride
            guard !bytes.isEmpty, bytes.count % size == 0 else { throw .init() }
            let list = [SearchIndex.Posting](unsafeUninitializedCapacity: bytes.count / size) { list, count in
                UnsafeMutableRawBufferPointer(list).copyMemory(from: UnsafeRawBufferPointer(bytes))
                count = bytes.count / size
            }
            let threads = 0..<Int32(slugs.count)
            guard list.allSatisfy({ threads.contains($0.thread) && $0.weight > 0 }), list.isRanked else {
                throw .init()
            }
            lists.append(list)
        }
    }
}

extension [SearchIndex.Posting] {
    /// Whether each posting comes before the next: heavier, or as heavy and of an earlier thread.
    fileprivate var isRanked: Bool {
        indices.dropLast().allSatisfy { index in
            let (this, next) = (self[index], self[index + 1])
            return this.weight > next.weight || (this.weight == next.weight && this.thread < next.thread)
        }
    }
}
