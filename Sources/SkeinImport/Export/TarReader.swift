import Foundation

/// Reads the regular files of an unpacked tar stream (ustar, with GNU long names and pax paths), as older Mastodon
/// servers write their exports. Links and devices are refused; every path is checked with ``ExportFiles/safePath(_:)``.
enum TarReader {
    struct Problem: Error {
        var message: String
    }

    static func files(in data: Data) throws(Problem) -> [String: Data] {
        let bytes = [UInt8](data)
        var files: [String: Data] = [:]
        var offset = 0
        var longName: String?
        while offset + 512 <= bytes.count {
            let header = bytes[offset..<offset + 512]
            if header.allSatisfy({ $0 == 0 }) { return files }
            guard checksumMatches(header) else {
                throw Problem(message: "the archive is damaged: a tar header at byte \(offset) has a wrong checksum")
            }
            let size = try number(header, 124, 12)
            let type = header[header.startIndex + 156]
            let start = offset + 512
            guard size >= 0, start + size <= bytes.count else {
                throw Problem(message: "the archive is truncated: its last file is incomplete")
            }
            let body = bytes[start..<start + size]
            offset = start + (size + 511) / 512 * 512
            var name = longName ?? fullName(header)
            longName = nil
            switch type {
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                guard let safe = ExportFiles.safePath(name) else {
                    throw Problem(message: "the entry '\(name)' would be written outside the export's folder")
                }
                files[safe] = Data(body)
            case UInt8(ascii: "5"):
                continue
            case UInt8(ascii: "L"):
                longName = string(body)
            case UInt8(ascii: "x"):
                if let path = paxPath(body) { longName = path }
            case UInt8(ascii: "g"):
                continue
            case UInt8(ascii: "1"), UInt8(ascii: "2"):
                if name.isEmpty { name = "?" }
                throw Problem(message: "the entry '\(name)' is a link; exports have none")
            default:
                throw Problem(message: "the entry '\(name)' is not a regular file or folder")
            }
        }
        guard offset == bytes.count || bytes[offset...].allSatisfy({ $0 == 0 }) else {
            throw Problem(message: "the archive is truncated: a tar header is incomplete")
        }
        return files
    }

    private static func fullName(_ header: ArraySlice<UInt8>) -> String {
        let name = field(header, 0, 100)
        let magic = field(header, 257, 6)
        let prefix = magic.hasPrefix("ustar") ? field(header, 345, 155) : ""
        return prefix.isEmpty ? name : prefix + "/" + name
    }

    private static func field(_ header: ArraySlice<UInt8>, _ start: Int, _ length: Int) -> String {
        let slice = header[(header.startIndex + start)..<(header.startIndex + start + length)]
        return string(slice.prefix { $0 != 0 })
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    private static func number(_ header: ArraySlice<UInt8>, _ start: Int, _ length: Int) throws(Problem) -> Int {
        let text = field(header, start, length).trimmingCharacters(in: .whitespaces)
        guard let value = Int(text.isEmpty ? "0" : text, radix: 8) else {
            throw Problem(message: "the archive is damaged: a tar header has an unreadable size")
        }
        return value
    }

    private static func checksumMatches(_ header: ArraySlice<UInt8>) -> Bool {
        let stored = Int(field(header, 148, 8).trimmingCharacters(in: .whitespaces), radix: 8)
        var sum = 0
        for (index, byte) in header.enumerated() {
            sum += (148..<156).contains(index) ? 32 : Int(byte)
        }
        return stored == sum
    }

    /// The `path` record of a pax extended header: lines of `LENGTH key=value\n`.
    private static func paxPath(_ body: ArraySlice<UInt8>) -> String? {
        for line in string(body).split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let record = line[line.index(after: space)...]
            if record.hasPrefix("path=") { return String(record.dropFirst(5)) }
        }
        return nil
    }
}
