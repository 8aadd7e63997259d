import CompressNIO
import Foundation
import NIOCore
import Skein
import ZIPFoundation

/// The files of an account export, read the same way whether the export is a folder, a zip, a tar.gz or one bare
/// file. Paths are relative and `/`-separated. Nothing is ever extracted to disk: files are read into memory when
/// asked for, so a hostile entry name cannot place a file anywhere; it is refused when the export is opened.
final class ExportFiles {
    /// Where the export came from, as the user named it; used in messages.
    let origin: String
    /// Every regular file's path, sorted.
    let paths: [String]
    /// The same paths, for lookups.
    private lazy var pathSet = Set(paths)
    private let storage: Storage

    private enum Storage {
        case folder(String)
        case zip(ZIPFoundation.Archive, [String: Entry])
        case memory([String: Data])
    }

    /// The largest export a tar.gz may unpack to in memory.
    static let maximumUnpackedSize = 8 << 30

    /// Opens `path`: a folder, a `.zip`, a `.tar.gz`/`.tgz`, or a single file (`outbox.json`).
    init(opening path: String) throws(BuildFailure) {
        origin = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .fileSystem(path: path, reason: "there is no export here: give the export's zip or its folder")
        }
        if isDirectory.boolValue {
            let root = path.hasSuffix("/") ? String(path.dropLast()) : path
            storage = .folder(root)
            paths = ExportFiles.regularFiles(under: root)
            return
        }
        let head = ExportFiles.firstBytes(of: path, count: 4)
        if head.starts(with: [0x50, 0x4B]) {
            let (archive, entries) = try ExportFiles.openZip(path)
            storage = .zip(archive, entries)
            paths = entries.keys.sorted()
        } else if head.starts(with: [0x1F, 0x8B]) {
            let files = try ExportFiles.openTarGz(path)
            storage = .memory(files)
            paths = files.keys.sorted()
        } else {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw .fileSystem(path: path, reason: "cannot read it (\(error.localizedDescription))")
            }
            let name = URL(fileURLWithPath: path).lastPathComponent
            storage = .memory([name: data])
            paths = [name]
        }
    }

    /// Whether the export holds `path`.
    func contains(_ path: String) -> Bool {
        pathSet.contains(path)
    }

    /// The bytes of `path`.
    func read(_ path: String) throws(BuildFailure) -> Data {
        switch storage {
        case .folder(let root):
            do { return try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)) } catch {
                throw .fileSystem(path: root + "/" + path, reason: "cannot read it (\(error.localizedDescription))")
            }
        case .zip(let archive, let entries):
            guard let entry = entries[path] else { throw missing(path) }
            var data = Data()
            do {
                _ = try archive.extract(entry) { data.append($0) }
            } catch {
                throw ExportFiles.corrupt(origin, "its entry '\(path)' cannot be read (\(error)): the zip is damaged")
            }
            return data
        case .memory(let files):
            guard let data = files[path] else { throw missing(path) }
            return data
        }
    }

    /// A message naming a file of this export.
    func location(_ path: String) -> String {
        switch storage {
        case .folder(let root): root + "/" + path
        case .zip, .memory: paths == [path] && origin.hasSuffix(path) ? origin : origin + ":" + path
        }
    }

    private func missing(_ path: String) -> BuildFailure {
        ExportFiles.corrupt(origin, "it has no file '\(path)'")
    }

    static func corrupt(_ path: String, _ message: String) -> BuildFailure {
        .invalidInput([Diagnostic(.error, at: SourceLocation(file: path), message)])
    }

    // MARK: Opening

    private static func firstBytes(of path: String, count: Int) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return [UInt8]((try? handle.read(upToCount: count)) ?? Data())
    }

    private static func regularFiles(under root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                found.append(relative)
            }
        }
        return found.sorted()
    }

    /// A path inside an export that stays inside it: relative, no `..`, no backslashes or NUL.
    static func safePath(_ raw: String) -> String? {
        var path = raw
        while path.hasPrefix("./") { path.removeFirst(2) }
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return nil }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains("..") else { return nil }
        return path
    }

    private static func openZip(_ path: String) throws(BuildFailure) -> (ZIPFoundation.Archive, [String: Entry]) {
        let archive: ZIPFoundation.Archive
        do {
            archive = try ZIPFoundation.Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw corrupt(path, "this is not a zip file that can be read (\(error)): the download may be incomplete")
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            guard let safe = safePath(entry.path) else {
                throw corrupt(path, "the entry '\(entry.path)' would be written outside the export's folder")
            }
            switch entry.type {
            case .file: entries[safe] = entry
            case .directory: continue
            case .symlink: throw corrupt(path, "the entry '\(entry.path)' is a symbolic link; exports have none")
            }
        }
        guard !entries.isEmpty else { throw corrupt(path, "this zip is empty or damaged") }
        return (archive, entries)
    }

    private static func openTarGz(_ path: String) throws(BuildFailure) -> [String: Data] {
        let compressed: Data
        do { compressed = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .fileSystem(path: path, reason: "cannot read it (\(error.localizedDescription))")
        }
        var buffer = ByteBuffer(bytes: compressed)
        let unpacked: ByteBuffer
        do {
            unpacked = try buffer.decompress(with: .gzip(), maxSize: maximumUnpackedSize)
        } catch {
            throw corrupt(path, "this gzip file cannot be unpacked (\(error)): the download may be incomplete")
        }
        do {
            return try TarReader.files(in: Data(unpacked.readableBytesView))
        } catch let problem {
            throw corrupt(path, problem.message)
        }
    }
}
