import Foundation

/// Values written to and read from ``BuildCache``'s file: a compact binary form, since the cache of a large archive
/// holds every rendered tweet and must load in a fraction of a build's time. Not an exchange format: the cache is
/// only read back by the same Skein binary that wrote it.
protocol BinaryCodable {
    func write(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged)
}

/// Appends values to a byte buffer: integers as LEB128 varints, texts as length and UTF-8.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    /// The bytes in a buffer of their own size, for bytes kept to the end of a build: the writer's buffer grows by
    /// doubling, so it may hold twice the bytes written.
    var keptBytes: [UInt8] { bytes.withUnsafeBufferPointer { [UInt8]($0) } }

    /// Empties the buffer, once its bytes are written out.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func write(_ number: UInt64) {
        var number = number
        while number >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: number) | 0x80)
            number >>= 7
        }
        bytes.append(UInt8(number))
    }

    mutating func write(_ number: Int) { write(UInt64(bitPattern: Int64(number))) }

    /// Appends bytes another writer wrote, as they are.
    mutating func append(_ other: BinaryWriter) { bytes.append(contentsOf: other.bytes) }

    mutating func write(_ flag: Bool) { bytes.append(flag ? 1 : 0) }

    mutating func write(_ date: Date) { write(date.timeIntervalSince1970.bitPattern) }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { write(bytes: $0) }
    }

    /// Bytes with their length before them.
    mutating func write(bytes: UnsafeBufferPointer<UInt8>) {
        write(bytes.count)
        self.bytes.append(contentsOf: bytes)
    }

    mutating func write(_ value: some BinaryCodable) { value.write(to: &self) }

    mutating func write<Value: BinaryCodable>(_ value: Value?) {
        write(value != nil)
        if let value { value.write(to: &self) }
    }

    mutating func write<Value: BinaryCodable>(_ values: [Value]) {
        write(values.count)
        for value in values { value.write(to: &self) }
    }
}

/// Reads what ``BinaryWriter`` wrote; any inconsistency throws, and the reader's caller then treats the file as
/// absent.
struct BinaryReader {
    /// The bytes end early or hold something that cannot be.
    struct Damaged: Error {}

    /// The bytes being read, which must outlive the reader (a mapped file, inside `withUnsafeBytes`).
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    /// The `Data` whose bytes these are, if any, with the address of its first byte: then ``readData()`` gives a
    /// slice of it rather than a copy.
    private let owner: (data: Data, base: UnsafeRawPointer)?

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        owner = nil
    }

    /// A reader of `data`'s bytes, `bytes` (inside `data.withUnsafeBytes`), whose ``readData()`` slices `data`.
    init(_ bytes: UnsafeRawBufferPointer, of data: Data) {
        self.bytes = bytes
        owner = bytes.baseAddress.map { (data, $0) }
    }

    private init(_ bytes: UnsafeRawBufferPointer, owner: (data: Data, base: UnsafeRawPointer)?) {
        self.bytes = bytes
        self.owner = owner
    }

    var isAtEnd: Bool { offset == bytes.count }
    /// How many bytes are left to read.
    var remaining: Int { bytes.count - offset }

    /// A reader of the next `count` bytes, which this reader skips.
    mutating func split(_ count: Int) throws(Damaged) -> BinaryReader {
        guard count >= 0, count <= remaining else { throw Damaged() }
        defer { offset += count }
        return BinaryReader(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), owner: owner)
    }

    mutating func read() throws(Damaged) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func read() throws(Damaged) -> Int { Int(Int64(bitPattern: try read())) }

    mutating func read() throws(Damaged) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Damaged() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func read() throws(Damaged) -> Date {
        Date(timeIntervalSince1970: Double(bitPattern: try read()))
    }

    mutating func read() throws(Damaged) -> String {
        let utf8 = try readBytes()
        return utf8.isEmpty ? "" : String(decoding: utf8, as: UTF8.self)
    }

    /// Bytes written by `write(bytes:)`, as a slice of the `Data` read, which shares its storage (a mapped file's
    /// pages, which need no copy and no zeroed memory), or as a copy when the reader has no `Data`.
    mutating func readData() throws(Damaged) -> Data {
        let bytes = try readBytes()
        guard let owner, let start = bytes.baseAddress else { return Data(bytes) }
        let offset = owner.data.startIndex + (UnsafeRawPointer(start) - owner.base)
        return owner.data[offset..<offset + bytes.count]
    }

    /// Bytes written by `write(bytes:)`, in place: valid as long as the reader's bytes are.
    mutating func readBytes() throws(Damaged) -> UnsafeBufferPointer<UInt8> {
        let count: Int = try read()
        guard count >= 0, count <= remaining else { throw Damaged() }
        defer { offset += count }
        guard count > 0, let base = bytes.baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + offset, count: count)
    }

    mutating func read<Value: BinaryCodable>() throws(Damaged) -> Value { try Value(from: &self) }

    mutating func read<Value: BinaryCodable>() throws(Damaged) -> Value? {
        let present: Bool = try read()
        return present ? try Value(from: &self) : nil
    }

    mutating func read<Value: BinaryCodable>() throws(Damaged) -> [Value] {
        let count: Int = try read()
        guard count >= 0, count <= remaining else { throw Damaged() }
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try Value(from: &self)) }
        return values
    }
}

extension String: BinaryCodable {
    func write(to writer: inout BinaryWriter) { writer.write(self) }
    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) { self = try reader.read() }
}

extension UInt64: BinaryCodable {
    func write(to writer: inout BinaryWriter) { writer.write(self) }
    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) { self = try reader.read() }
}
