import Foundation

/// The pixel size of an image, read from its first bytes, so that pages can give `<img>` a width and height and
/// reserve the space before the image arrives (no layout shift).
public struct ImageSize: Sendable, Equatable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public var description: String { "\(width)x\(height)" }

    /// The sizes of the images among `files` (paths relative to `folder`), by path; files that are not PNG, JPEG,
    /// GIF, WebP or SVG, or whose size cannot be read, are left out.
    static func sizes(of files: [String], in folder: String) -> [String: ImageSize] {
        let images = files.filter { file in
            ["png", "jpg", "jpeg", "gif", "webp", "svg"].contains((file as NSString).pathExtension.lowercased())
        }
        let found = images.parallelMap { file -> ImageSize? in
            guard let handle = FileHandle(forReadingAtPath: folder + "/" + file) else { return nil }
            defer { try? handle.close() }
            return (try? handle.read(upToCount: 65_536)).flatMap(read)
        }
        var sizes: [String: ImageSize] = [:]
        for (file, size) in zip(images, found) { sizes[file] = size }
        return sizes
    }

    /// The size stated in an image's header.
    static func read(_ data: Data) -> ImageSize? {
        let bytes = [UInt8](data)
        func big(_ at: Int, _ count: Int) -> Int? {
            guard at >= 0, at + count <= bytes.count else { return nil }
            return bytes[at..<at + count].reduce(0) { $0 << 8 | Int($1) }
        }
        func little(_ at: Int, _ count: Int) -> Int? {
            guard at >= 0, at + count <= bytes.count else { return nil }
            return bytes[at..<at + count].reversed().reduce(0) { $0 << 8 | Int($1) }
        }
        func valid(_ width: Int?, _ height: Int?) -> ImageSize? {
            guard let width, let height, width > 0, height > 0 else { return nil }
            return ImageSize(width: width, height: height)
        }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            return valid(big(16, 4), big(20, 4))
        }
        if bytes.starts(with: Array("GIF8".utf8)) {
            return valid(little(6, 2), little(8, 2))
        }
        if bytes.starts(with: [0xFF, 0xD8]) {
            var at = 2
            while at + 9 < bytes.count, bytes[at] == 0xFF {
                let marker = bytes[at + 1]
                if marker == 0xFF {
                    at += 1
                    continue
                }
                let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
                if isFrame { return valid(big(at + 7, 2), big(at + 5, 2)) }
                guard let length = big(at + 2, 2) else { return nil }
                at += 2 + length
            }
            return nil
        }
        if bytes.starts(with: Array("RIFF".utf8)), bytes.count >= 30, Array(bytes[8..<12]) == Array("WEBP".utf8) {
            switch String(decoding: bytes[12..<16], as: UTF8.self) {
            case "VP8 ": return valid(little(26, 2).map { $0 & 0x3FFF }, little(28, 2).map { $0 & 0x3FFF })
            case "VP8L":
                guard let bits = little(21, 4) else { return nil }
                return valid((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
            case "VP8X": return valid(little(24, 3).map { $0 + 1 }, little(27, 3).map { $0 + 1 })
            default: return nil
            }
        }
        return svg(String(decoding: data.prefix(4096), as: UTF8.self))
    }

    nonisolated(unsafe) private static let svgTag = /<svg\b[^>]*>/
    nonisolated(unsafe) private static let attribute = /\s(width|height|viewBox)\s*=\s*["']([^"']*)["']/

    /// An SVG's `width` and `height` in pixels, or else its `viewBox`.
    private static func svg(_ text: String) -> ImageSize? {
        guard let tag = text.firstMatch(of: svgTag) else { return nil }
        var values: [String: String] = [:]
        for match in tag.output.matches(of: attribute) { values[String(match.output.1)] = String(match.output.2) }
        func pixels(_ value: String?) -> Int? {
            guard var value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value).map { Int($0.rounded()) }
        }
        if let width = pixels(values["width"]), let height = pixels(values["height"]), width > 0, height > 0 {
            return ImageSize(width: width, height: height)
        }
        let box = (values["viewBox"] ?? "").split { $0 == " " || $0 == "," }.compactMap { Double($0) }
        guard box.count == 4, box[2] > 0, box[3] > 0 else { return nil }
        return ImageSize(width: Int(box[2].rounded()), height: Int(box[3].rounded()))
    }
}
