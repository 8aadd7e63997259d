import Foundation

/// A source file's text, checked and normalised: valid UTF-8, no byte-order mark, `\n` line ends.
struct SourceText: Sendable {
    /// The normalised text.
    var text: String
    /// The file it came from.
    var file: String

    /// The largest source file Skein reads: far above any real thread, far below what would slow a build down.
    static let maximumBytes = 5 * 1024 * 1024

    /// Reads `file`, or reports why it cannot be used.
    static func read(_ file: String, diagnostics: inout [Diagnostic]) -> SourceText? {
        guard let data = data(of: file, diagnostics: &diagnostics) else { return nil }
        return decode(data, file: file, diagnostics: &diagnostics)
    }

    /// The bytes of `file`, or why they cannot be read: missing, unreadable or too large.
    static func data(of file: String, diagnostics: inout [Diagnostic]) -> Data? {
        // stat(2), not FileManager's attributes, which cost as much as reading a thread file.
        var info = stat()
        let size = stat(file, &info) == 0 ? Int(info.st_size) : 0
        guard size <= maximumBytes else {
            diagnostics.append(
                .error(
                    "the file is \(size / 1024 / 1024) MB; source files may be at most \(maximumBytes / 1024 / 1024) MB",
                    at: SourceLocation(file: file, line: 1, column: 1)))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            diagnostics.append(
                .error("cannot read this file (is it a broken link, or not readable?)", at: SourceLocation(file: file)))
            return nil
        }
        return data
    }

    /// Decodes `data`, reporting the first invalid byte or NUL with its line and column.
    static func decode(_ data: Data, file: String, diagnostics: inout [Diagnostic]) -> SourceText? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(ofByte: nul, in: bytes)
            diagnostics.append(
                .error(
                    "the file contains a NUL byte; is it a binary file?",
                    at: SourceLocation(file: file, line: line, column: column)))
            return nil
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes)
            let (line, column) = position(ofByte: offset, in: bytes)
            diagnostics.append(
                .error(
                    "the file is not valid UTF-8 (save it as UTF-8)",
                    at: SourceLocation(file: file, line: line, column: column)))
            return nil
        }
        if isPlain(bytes) { return SourceText(text: text, file: file) }
        // `\r\n` is one grapheme in Swift, so normalise on scalars.
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        var line = 1
        var column = 0
        for scalar in text.unicodeScalars {
            column += 1
            if scalar == "\n" || scalar == "\r" {
                if !(scalar == "\n" && previousWasCR) { line += 1 }
                column = 0
            } else if isForbidden(scalar) {
                let code = String(scalar.value, radix: 16, uppercase: true)
                diagnostics.append(
                    .error(
                        "the file contains the invisible control character U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code); remove it",
                        at: SourceLocation(file: file, line: line, column: column)))
                return nil
            }
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            scalars.append(scalar)
        }
        return SourceText(text: String(scalars), file: file)
    }

    /// Whether the bytes hold nothing to normalise or refuse, as most files do: no `\r`, no control character but tab
    /// and `\n`, no U+FFFE or U+FFFF (`EF BF BE`, `EF BF BF`).
    private static func isPlain(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\t") { return false }
            } else if byte == 0x7F {
                return false
            } else if byte == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE {
                return false
            }
            index += 1
        }
        return true
    }

    /// Control characters other than tab and line ends, and the noncharacters U+FFFE and U+FFFF: no page or feed
    /// may contain them (XML forbids most of them outright).
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F || scalar.value == 0xFFFE
            || scalar.value == 0xFFFF
    }

    /// The lines of the text, without their `\n`.
    var lines: [Substring] {
        // Split on bytes: with `\r` gone, every `\n` is a Character of its own. Each line is cut from the text by
        // indices made from byte offsets, which a native string makes without walking it.
        let utf8 = text.utf8
        var lines: [Substring] = []
        text.forEachPiece(separatedBy: "\n") { bytes, offset in
            let start = utf8.index(utf8.startIndex, offsetBy: offset)
            lines.append(text[start..<utf8.index(start, offsetBy: bytes.count)])
        }
        return lines
    }

    /// The byte offset where the first invalid UTF-8 sequence starts.
    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
        }
        return offset
    }

    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = (bytes[lineStart..<min(offset, bytes.count)].filter { $0 & 0xC0 != 0x80 }).count + 1
        return (line, column)
    }
}
