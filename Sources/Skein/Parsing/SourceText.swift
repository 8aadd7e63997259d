import Foundation

/// A source file's text, checked and normalised: valid UTF-8, no byte-order mark, `\n` line ends.
struct SourceText: Sendable {
    /// The normalised text.
    var text: String
    /// The file it came from.
    var file: String

    /// Reads `file`, or reports why it cannot be used.
    static func read(_ file: String, diagnostics: inout [Diagnostic]) -> SourceText? {
        guard let data = FileManager.default.contents(atPath: file) else {
            diagnostics.append(.error("cannot read this file", at: SourceLocation(file: file)))
            return nil
        }
        return decode(data, file: file, diagnostics: &diagnostics)
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
        // `\r\n` is one grapheme in Swift, so normalise on scalars.
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
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

    /// The lines of the text, without their `\n`.
    var lines: [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
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
