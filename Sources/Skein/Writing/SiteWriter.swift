import Foundation
import Synchronization

/// The write stage: files go to a staging folder beside the output, then only the files whose bytes changed are moved
/// into it and files no longer produced are deleted. Until that last step, the previous site is untouched, and
/// unchanged files keep their modification time, so `rsync` and bucket syncs upload only what changed.
///
/// The staging folder holds two folders: `site`, a tree like the output's for files the output lacks, whose new
/// folders move in whole; and `replacing`, the new bytes of files the output has, one flat file each, named by number.
/// Those need no folder of their own in staging: after a theme edit, that is a mkdir(2) and an rmdir(2) fewer for each
/// of thousands of pages, and on ext4 without a journal each new inode is found by skipping those freed in the last
/// minute or so, which costs more the more there are.
///
/// Entries at the output's top level whose names start with `.` (`.git`, `.gitkeep`) are never touched.
final class SiteWriter: Sendable {
    /// What a write did.
    struct Report: Sendable, Equatable {
        var written = 0
        var unchanged = 0
        var removed = 0
        /// Each file written or removed, with why: `new`, `changed` or `removed`.
        var changes: [FileChange] = []
    }

    let output: URL
    let staging: URL
    /// The tree of files the output lacks.
    private let tree: URL
    private let outputPath: String
    private let treePath: String
    private let replacingPath: String
    /// Whether the output held no file when the build began (a first build), the paths staged in the tree so far, and
    /// those staged in `replacing`, each under its index in this list.
    private let state = Mutex<(outputIsEmpty: Bool, staged: [String], replaced: [String])>((false, [], []))

    init(output: String) {
        self.output = URL(fileURLWithPath: output, isDirectory: true).standardizedFileURL
        staging = self.output.deletingLastPathComponent().appendingPathComponent(
            ".\(self.output.lastPathComponent).skein-staging")
        tree = staging.appendingPathComponent("site")
        outputPath = self.output.path
        treePath = tree.path
        replacingPath = staging.appendingPathComponent("replacing").path
    }

    /// Prepares an empty staging folder and checks that the output can be written.
    func begin() throws(BuildFailure) {
        let files = FileManager.default
        do {
            let entries = (try? files.contentsOfDirectory(atPath: outputPath)) ?? []
            state.withLock { $0 = (!entries.contains { !$0.hasPrefix(".") }, [], []) }
            try? files.removeItem(at: staging)
            try files.createDirectory(at: tree, withIntermediateDirectories: true)
            try files.createDirectory(atPath: replacingPath, withIntermediateDirectories: true)
            try files.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw .fileSystem(
                path: output.path, reason: "the output folder cannot be created or written (\(Self.reason(error)))")
        }
        guard files.isWritableFile(atPath: output.path) else {
            throw .fileSystem(path: output.path, reason: "the output folder is not writable")
        }
    }

    /// Stages `text` for `path` unless the output already holds exactly its bytes; safe to call from many threads.
    func stage(_ text: String, at path: String) throws(BuildFailure) -> Bool {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(BuildFailure) in try stage(UnsafeRawBufferPointer(bytes), at: path) }
        }.get()
    }

    /// Stages `data` for `path` unless the output already holds exactly these bytes; safe to call from many threads.
    func stage(_ data: Data, at path: String) throws(BuildFailure) -> Bool {
        try data.withUnsafeBytes { bytes in Result { () throws(BuildFailure) in try stage(bytes, at: path) } }.get()
    }

    private func stage(_ bytes: UnsafeRawBufferPointer, at path: String) throws(BuildFailure) -> Bool {
        // On a first build nothing is there to compare with, and each read would only fail.
        let existing =
            state.withLock({ $0.outputIsEmpty }) ? nil : FileManager.default.contents(atPath: outputPath + "/" + path)
        if let existing, existing.count == bytes.count,
            bytes.isEmpty || existing.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 })
        {
            return false
        }
        // A file that replaces one of the output's is staged flat, under its number; any other in the tree.
        let target = existing == nil ? treePath + "/" + path : replacingPath + "/\(number(replacing: path))"
        do {
            // mkdir(2) alone when only the page's own folder is missing, as on a first build; FileManager makes
            // the folders above it too, at the cost of a stat(2) for each.
            if existing == nil, let slash = target.lastIndex(of: "/") {
                let folder = String(target[..<slash])
                if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
            }
            try Self.write(bytes, to: target)
        } catch {
            throw .fileSystem(path: staging.path, reason: "cannot write \(path) (\(Self.reason(error)))")
        }
        if existing == nil { state.withLock { $0.staged.append(path) } }
        return true
    }

    /// The number under which the new bytes of the output's file `path` are staged in `replacing`.
    private func number(replacing path: String) -> Int {
        state.withLock {
            $0.replaced.append(path)
            return $0.replaced.count - 1
        }
    }

    /// Writes a new file with open(2) and write(2). Foundation's `Data.write(to:)` also calls fsync(2), which made
    /// every staged page wait for the disk; the staged files are renamed into place, and a build that stops half-way
    /// leaves the output as it was either way.
    static func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += count
        }
    }

    /// Moves staged files into the output and deletes files that the build no longer produces. When `previous`, the
    /// files of the last build into this output, is known, only those are candidates for deletion, and the output
    /// need not be walked.
    func commit(produced: Set<String>, previous: Set<String>? = nil) throws(BuildFailure) -> Report {
        var report = Report()
        let files = FileManager.default
        let (outputWasEmpty, staged, replaced) = state.withLock { ($0.outputIsEmpty, $0.staged, $0.replaced) }
        do {
            try move("", staged: staged.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, into: &report)
            for (number, path) in replaced.enumerated() {
                try replace(path, with: replacingPath + "/\(number)")
                report.changes.append(FileChange(path: path, reason: .changed))
            }
            report.written += replaced.count
            report.changes.sort { $0.path < $1.path }
            // A first build has nothing to delete, and leaves no empty folder.
            let stale =
                outputWasEmpty
                ? []
                : previous.map { $0.subtracting(produced).sorted() }
                    ?? existingFiles().filter { !produced.contains($0) }
            for path in stale where files.fileExists(atPath: output.appendingPathComponent(path).path) {
                try files.removeItem(at: output.appendingPathComponent(path))
                report.removed += 1
                report.changes.append(FileChange(path: path, reason: .removed))
            }
            if !outputWasEmpty && (previous == nil || !stale.isEmpty) { removeEmptyFolders(in: output, isTop: true) }
            try? files.removeItem(at: staging)
        } catch {
            throw .fileSystem(path: output.path, reason: "cannot update the output folder (\(Self.reason(error)))")
        }
        report.unchanged = produced.count - report.written
        return report
    }

    /// Renames a staged file over the output's file at `path`, in one rename(2). Should its folder have gone since it
    /// was compared, the folder is made again.
    private func replace(_ path: String, with staged: String) throws {
        let target = outputPath + "/" + path
        if rename(staged, target) == 0 { return }
        if errno == ENOENT, let slash = target.lastIndex(of: "/") {
            try FileManager.default.createDirectory(
                atPath: String(target[..<slash]), withIntermediateDirectories: true)
            if rename(staged, target) == 0 { return }
        }
        throw BuildFailure.fileSystem(path: target, reason: String(cString: strerror(errno)))
    }

    /// Moves the staged entries of the folder `relative` into the output. A staged folder that the output lacks moves
    /// whole, in one rename (on a first build, that is every folder); one that it has is entered; a file replaces the
    /// old file in one rename(2), so a reader sees the old page or the new one, never half of one. `staged`, sorted,
    /// names the files in the staging tree.
    private func move(_ relative: String, staged: [String], into report: inout Report) throws {
        let files = FileManager.default
        let folder = relative.isEmpty ? tree : tree.appendingPathComponent(relative)
        for entry in try files.contentsOfDirectory(atPath: folder.path).sorted() {
            let path = relative.isEmpty ? entry : relative + "/" + entry
            let source = tree.appendingPathComponent(path)
            let target = output.appendingPathComponent(path)
            var sourceIsFolder: ObjCBool = false
            var targetIsFolder: ObjCBool = false
            _ = files.fileExists(atPath: source.path, isDirectory: &sourceIsFolder)
            let targetExists = files.fileExists(atPath: target.path, isDirectory: &targetIsFolder)
            if sourceIsFolder.boolValue && targetExists && targetIsFolder.boolValue {
                try move(path, staged: staged, into: &report)
                continue
            }
            if targetExists && sourceIsFolder.boolValue != targetIsFolder.boolValue { try files.removeItem(at: target) }
            let moved = sourceIsFolder.boolValue ? Self.files(under: path, in: staged) : [path]
            if rename(source.path, target.path) != 0 {
                throw BuildFailure.fileSystem(path: target.path, reason: String(cString: strerror(errno)))
            }
            let reason: FileChange.Reason = targetExists && !sourceIsFolder.boolValue ? .changed : .new
            report.changes += moved.map { FileChange(path: $0, reason: reason) }
            report.written += moved.count
        }
    }

    /// The paths in `sorted` (by their UTF-8 bytes) below the folder `folder`.
    static func files(under folder: String, in sorted: [String]) -> ArraySlice<String> {
        let prefix = (folder + "/").utf8
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].utf8.lexicographicallyPrecedes(prefix) { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < sorted.count && sorted[end].utf8.starts(with: prefix) { end += 1 }
        return sorted[low..<end]
    }

    /// Removes the staging folder after a failure.
    func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Files in the output, relative to it, leaving out top-level dot entries.
    func existingFiles() -> [String] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: output.path) else { return [] }
        var result: [String] = []
        for entry in entries.sorted() where !entry.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(
                atPath: output.appendingPathComponent(entry).path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                result += Self.allFiles(under: output.appendingPathComponent(entry)).map { entry + "/" + $0 }
            } else {
                result.append(entry)
            }
        }
        return result
    }

    /// Every file below `folder`, hidden ones included, without following links: readdir(3) and its entry types,
    /// since URL resource values cost as much per file as a whole page (a no-op rebuild walks every file).
    static func allFiles(under folder: URL) -> [String] {
        var result: [String] = []
        func walk(_ path: String, _ prefix: String) {
            guard let directory = opendir(path) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(path + "/" + name, &info) == 0 else { continue }
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                }
                if type == UInt8(DT_DIR) {
                    walk(path + "/" + name, prefix + name + "/")
                } else {
                    result.append(prefix + name)
                }
            }
        }
        walk(folder.standardizedFileURL.path, "")
        return result.sorted()
    }

    @discardableResult
    private func removeEmptyFolders(in folder: URL, isTop: Bool) -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
        var remaining = entries.count
        for entry in entries where !(isTop && entry.hasPrefix(".")) {
            let url = folder.appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue,
                removeEmptyFolders(in: url, isTop: false)
            {
                remaining -= 1
            }
        }
        if !isTop && remaining == 0 {
            return (try? FileManager.default.removeItem(at: folder)) != nil
        }
        return false
    }

    private static func reason(_ error: Error) -> String {
        if let error = error as? POSIXError { return String(cString: strerror(error.code.rawValue)) }
        return (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}

/// A file a build wrote or removed, and why.
public struct FileChange: Sendable, Equatable {
    /// Why the file was touched.
    public enum Reason: String, Sendable {
        /// The file did not exist.
        case new
        /// Its bytes changed.
        case changed
        /// The build no longer produces it.
        case removed
    }

    /// The path below the output folder.
    public var path: String
    /// Why it was touched.
    public var reason: Reason
}
