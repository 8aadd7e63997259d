import Foundation

/// What the search index needs of a thread's tweets: the distinct terms of their text, each with how often it occurs,
/// and the start of the text for results. It is found when the tweets are rendered and cached with them, so that a
/// rebuild after one edit counts the terms of that thread only, and so that the tweets' plain text need not stay in
/// memory until the index is made.
struct SearchText: Sendable, Equatable {
    /// The start of the tweets' text joined by line ends: ``SearchIndex/excerptLength`` characters at most.
    let excerpt: String
    /// Each distinct term in the order first seen: its length, its UTF-8 bytes and its count, lengths and counts as
    /// LEB128 varints. One buffer per thread: a large archive holds one for each of its threads.
    private let terms: [UInt8]

    /// The terms and excerpt of tweets whose plain texts are `texts`, in order.
    init(_ texts: some Collection<String>) {
        var counter = TermCounter()
        // The text is the tweets joined by line ends, which split terms anyway: each tweet is read on its own, and
        // only the tweets the excerpt needs are joined.
        var excerpt = ""
        var excerptIsLongEnough = false
        for (number, text) in texts.enumerated() {
            SearchIndex.forEachTerm(in: text) { counter.add($0, weight: 1) }
            guard !excerptIsLongEnough else { continue }
            excerpt += (number == 0 ? "" : "\n") + text
            excerptIsLongEnough =
                excerpt.utf8.count >= SearchIndex.excerptLength && excerpt.count >= SearchIndex.excerptLength
        }
        self.excerpt = String(excerpt.prefix(SearchIndex.excerptLength))
        var terms = BinaryWriter()
        counter.forEach { term, count in
            terms.write(bytes: term)
            terms.write(count)
        }
        self.terms = terms.keptBytes
    }

    /// Read back from ``BuildCache``'s file; nil when `encodedTerms` are not terms as this type writes them.
    init?(excerpt: String, encodedTerms: [UInt8]) {
        self.excerpt = excerpt
        self.terms = encodedTerms
        var isWellFormed = true
        forEachTerm(orFailure: { isWellFormed = false }) { _, _ in }
        guard isWellFormed else { return nil }
    }

    /// The terms as stored, for ``BuildCache``'s file.
    var encodedTerms: [UInt8] { terms }

    /// Calls `body` with each distinct term's UTF-8 bytes and its count, in the order first seen.
    func forEachTerm(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        forEachTerm(orFailure: {}, body)
    }

    private func forEachTerm(orFailure failed: () -> Void, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        terms.withUnsafeBytes { bytes in
            var reader = BinaryReader(bytes)
            do throws(BinaryReader.Damaged) {
                while !reader.isAtEnd {
                    let term = try reader.readBytes()
                    body(term, try reader.read())
                }
            } catch {
                failed()
            }
        }
    }
}

/// A thread's distinct terms with their summed weights, counted on bytes: a word the thread had before is found by
/// its hash and compared byte by byte, so only distinct terms become strings. Most words of a thread repeat, and
/// making a string and hashing it with `Hasher` for each was most of the search index's time.
struct TermCounter {
    /// The distinct terms' bytes, one after another, and where each ends.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var weights: [Int] = []
    /// Open addressing: a term's position plus one, or 0 for an empty slot.
    private var slots = [Int32](repeating: 0, count: 64)

    /// How many distinct terms there are.
    var count: Int { ends.count }

    /// Adds `weight` to the term whose UTF-8 bytes are `term`.
    mutating func add(_ term: UnsafeBufferPointer<UInt8>, weight: Int) {
        guard !term.isEmpty else { return }
        weights[position(of: term)] += weight
    }

    /// The position of the term whose UTF-8 bytes are `term`, which must not be empty, in the order first seen; a
    /// new term is added with weight 0.
    mutating func position(of term: UnsafeBufferPointer<UInt8>) -> Int {
        let mask = slots.count - 1
        var slot = Self.slot(of: term, mask: mask)
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            let start = index == 0 ? 0 : ends[index - 1]
            if ends[index] - start == term.count
                && bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + start, term.baseAddress!, term.count) })
                    == 0
            {
                return index
            }
            slot = (slot + 1) & mask
        }
        bytes.append(contentsOf: term)
        ends.append(bytes.count)
        weights.append(0)
        slots[slot] = Int32(ends.count)
        if ends.count * 2 > slots.count { grow() }
        return ends.count - 1
    }

    /// The term at `position`, as a string.
    func term(at position: Int) -> String {
        String(decoding: bytes[(position == 0 ? 0 : ends[position - 1])..<ends[position]], as: UTF8.self)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        bytes.withUnsafeBufferPointer { bytes in
            for index in ends.indices {
                let term = UnsafeBufferPointer(rebasing: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]])
                var slot = Self.slot(of: term, mask: mask)
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index + 1)
            }
        }
    }

    /// Where a term's search starts: its FNV-1a hash, folded, within the table.
    private static func slot(of term: UnsafeBufferPointer<UInt8>, mask: Int) -> Int {
        let hash = Fingerprint.hash(term)
        return Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }

    /// Calls `body` with each distinct term's bytes and weight, in the order first seen.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        bytes.withUnsafeBufferPointer { bytes in
            for index in ends.indices {
                let start = index == 0 ? 0 : ends[index - 1]
                body(UnsafeBufferPointer(rebasing: bytes[start..<ends[index]]), weights[index])
            }
        }
    }
}
