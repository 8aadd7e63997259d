import Foundation

/// A 64-bit hash that is the same in every run, for fingerprints kept between builds: Swift's `Hasher` is seeded
/// anew in each process. It reads eight bytes at a time and mixes them with multiplications; enough to notice that
/// data changed, not a defence against forgery.
struct StableHasher {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    init() {}

    /// A hasher that starts from `seed`, such as the fingerprint of what every page shares.
    init(seed: UInt64) {
        value = seed
    }

    /// The hash of everything combined so far.
    var finalized: UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }

    mutating func combine(_ number: UInt64) {
        value = (value ^ number) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
    }

    mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

    mutating func combine(_ flag: Bool) { combine(flag ? 1 as UInt64 : 2) }

    mutating func combine(_ date: Date) { combine(date.timeIntervalSince1970.bitPattern) }

    /// The text's UTF-8 bytes, and its length, so that `("ab", "c")` and `("a", "bc")` differ.
    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func combine(_ text: String?) {
        if let text {
            combine(true)
            combine(text)
        } else {
            combine(false)
        }
    }

    mutating func combine(_ texts: [String]) {
        combine(texts.count)
        for text in texts { combine(text) }
    }

    mutating func combine(bytes: UnsafeRawBufferPointer) {
        combine(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            combine(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        combine(tail)
    }

    /// The hash of `data`.
    static func hash(_ data: Data) -> UInt64 {
        var hasher = StableHasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalized
    }
}
