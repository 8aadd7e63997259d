import Foundation
import Skein
import SkeinImport
import Testing
import ZIPFoundation

/// The synthetic account exports in `Fixtures/import/`, in the shapes real exports come in, and ways to run an
/// import of them into a throw-away archive.
enum ExportFixtures {
    static let twitter = Paths.fixtures + "/import/twitter"
    static let mastodon = Paths.fixtures + "/import/mastodon"
    static let expected = Paths.fixtures + "/import/expected"

    /// Imports `source` into `archive`.
    @discardableResult
    static func run(
        _ platform: ImportOptions.Platform, _ source: String, into archive: TemporaryArchive,
        _ configure: (inout ImportOptions) -> Void = { _ in }
    ) throws(BuildFailure) -> ImportReport {
        var options = ImportOptions(platform: platform, source: source, content: archive.content)
        configure(&options)
        return try Importer.run(options)
    }

    /// The diagnostics of an import that must fail.
    static func failure(_ platform: ImportOptions.Platform, _ source: String, into archive: TemporaryArchive) -> String
    {
        do {
            try run(platform, source, into: archive)
            return "(no error)"
        } catch {
            return error.description
                + (error.diagnostics.map { " " + $0.map(\.description).joined(separator: " | ") } ?? "")
        }
    }

    /// Every file below `folder`, relative to it, with its bytes; hidden staging folders included, so that a test
    /// sees anything an import left behind.
    static func tree(_ folder: String) -> [String: Data] {
        var tree: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return tree }
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                tree[path] = FileManager.default.contents(atPath: folder + "/" + path)
            }
        }
        return tree
    }

    /// A zip of `folder`'s files, their paths prefixed with `prefix`.
    static func zip(_ folder: String, prefix: String = "", to path: String) throws {
        let archive = try ZIPFoundation.Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (relative, data) in tree(folder).sorted(by: { $0.key < $1.key }) {
            try add(data, as: prefix + relative, to: archive)
        }
    }

    static func add(_ data: Data, as path: String, to archive: ZIPFoundation.Archive) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count),
            modificationDate: Date(timeIntervalSince1970: 0),
            compressionMethod: .deflate
        ) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// `tar czf` of `folder`, as older Mastodon servers pack their exports.
    static func tarGz(_ folder: String, to path: String) throws {
        try run("/bin/tar", ["-czf", path, "-C", folder, "."])
    }

    /// A tar.gz holding one file whose stored name is `name`, exactly as given (`../escape.txt`).
    static func tarGz(entryNamed name: String, to path: String) throws {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int) {
            for (index, byte) in text.utf8.enumerated() { header[offset + index] = byte }
        }
        let body = Array("escaped\n".utf8)
        put(name, at: 0)
        put("0000644\0", at: 100)
        put("0000000\0", at: 108)
        put("0000000\0", at: 116)
        put(String(format: "%011lo\0", body.count), at: 124)
        put("00000000000\0", at: 136)
        header[156] = UInt8(ascii: "0")
        put("ustar\0", at: 257)
        put("00", at: 263)
        put("        ", at: 148)
        let sum = header.reduce(0) { $0 + Int($1) }
        put(String(format: "%06lo\0 ", sum), at: 148)
        var tar = header + body + [UInt8](repeating: 0, count: 512 - body.count)
        tar += [UInt8](repeating: 0, count: 1024)
        let plain = path + ".tar"
        try Data(tar).write(to: URL(fileURLWithPath: plain))
        try run("/bin/gzip", ["-f", plain])
        try FileManager.default.moveItem(atPath: plain + ".gz", toPath: path)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments)")
    }

    /// The golden files of an import, or writes them with `SKEIN_UPDATE_GOLDEN=1`.
    static func compareWithExpected(_ name: String, _ actual: [String: Data]) throws {
        let folder = expected + "/" + name
        if ProcessInfo.processInfo.environment["SKEIN_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: folder)
            for (path, data) in actual {
                let url = URL(fileURLWithPath: folder + "/" + path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let golden = tree(folder)
        #expect(actual.keys.sorted() == golden.keys.sorted(), "files written differ from \(folder)")
        for (path, data) in golden.sorted(by: { $0.key < $1.key }) where actual[path] != data {
            Issue.record(
                "\(path) differs from the expected file:\n\(String(decoding: actual[path] ?? Data(), as: UTF8.self))")
        }
    }
}

extension BuildFailure {
    var diagnostics: [Diagnostic]? {
        if case .invalidInput(let diagnostics) = self { return diagnostics }
        return nil
    }
}
