import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Skein's version, which every build record and the command line's `--version` name.
public enum SkeinVersion {
    public static let string = "0.1.0"
}

/// What the last successful build into an output saw and left, kept between runs in a cache folder outside the
/// output (`.skein-cache/` beside `Content/`), so that a build whose inputs and output are exactly as they were
/// can stop at once: a no-op rebuild costs reading the inputs, not rebuilding the site.
///
/// The inputs are fingerprinted by content (every text file of the archive and the theme), by size and modification
/// time (media, which can be large), and by the options, Skein's version and the binary itself. The output is
/// fingerprinted by the path, size and modification time of every file the build left there, so that a file edited
/// or deleted by hand is noticed; those files are listed in the record, so that the next build stats them instead of
/// walking the output's folders (a file added by hand is not Skein's, and no build touches it). A thread dated in the
/// future is published by the first build after its date.
struct BuildRecord: Codable, Equatable {
    var inputs: String
    var outputs: String
    /// The earliest date of a thread left out for being in the future.
    var nextPublication: Date?
    var threads: Int
    var tweets: Int
    var authors: Int
    var topics: Int
    var pages: Int
    var files: Int
    /// The files of the output the build left, one path per line.
    var outputPaths: String?
    /// The warnings of the recorded build, repeated by the builds it spares.
    var warnings: [Diagnostic]
    /// Each text file of the archive as the build read it (``ContentStamps``).
    var contentStamps: ContentStamps?

    /// Where the record of builds into `output` lives in `folder`.
    static func path(in folder: String, output: String) -> String {
        let absolute = URL(fileURLWithPath: output).standardizedFileURL.path
        return folder + "/build-" + Fingerprint.of(absolute) + ".json"
    }

    static func load(from path: String) -> BuildRecord? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(BuildRecord.self, from: data)
    }

    func save(to path: String) {
        let encoder = JSONEncoder()
        // Unescaped slashes, and spaces in the content stamps: a record full of escapes took JSONDecoder 60 ms.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return }
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Whether a build with these inputs, at `now`, into an output with this fingerprint would change nothing.
    func isCurrent(inputs: String, outputs: String, now: Date) -> Bool {
        self.inputs == inputs && self.outputs == outputs && (nextPublication.map { now < $0 } ?? true)
    }

    /// The fingerprint of everything a build reads: the archive's files, the theme, the options and Skein itself;
    /// the hash of each file's bytes by path (``StableHasher/hash(_:)``), which the parse stage finds a cached
    /// parse by without reading the file again; and the stamps to record. A file that `known` (the last record's
    /// stamps) vouches for is not read.
    static func inputs(of options: BuildOptions, theme: String, known: ContentStamps? = nil) -> (
        fingerprint: String, fileHashes: [String: UInt64], stamps: ContentStamps
    ) {
        let taken = Date()
        var parts = [
            "skein " + SkeinVersion.string, executableStamp(), "content " + absolute(options.content),
            "output " + absolute(options.output), "theme " + theme,
            "base " + (options.baseURL?.absoluteString ?? "-"),
            "drafts \(options.selection.drafts) future \(options.selection.future)",
        ]
        var ignored: [Diagnostic] = []
        let root = options.content
        let texts =
            ["site.yml"]
            + ContentInventory.files(under: root + "/authors", recursive: false, diagnostics: &ignored)
            .map { "authors/" + $0 }
            + ContentInventory.files(under: root + "/threads", recursive: true, diagnostics: &ignored)
            .map { "threads/" + $0 }
        let knownFiles = known?.files(before: taken) ?? [:]
        let folder = open(root, O_RDONLY | O_DIRECTORY)
        defer { if folder >= 0 { close(folder) } }
        let hashes = texts.parallelMap { path -> (stamp: ContentStamps.Stamp?, hash: UInt64?) in
            let stamp =
                folder >= 0 ? ContentStamps.Stamp(of: path, in: folder) : ContentStamps.Stamp(of: root + "/" + path)
            if let stamp, let known = knownFiles[path], known.stamp == stamp { return (stamp, known.hash) }
            return (stamp, FileManager.default.contents(atPath: root + "/" + path).map(StableHasher.hash))
        }
        var fileHashes: [String: UInt64] = [:]
        var stamped: [(path: String, stamp: ContentStamps.Stamp, hash: UInt64)] = []
        for (path, file) in zip(texts, hashes) {
            parts.append(path + " " + (file.hash.map { String($0, radix: 16) } ?? "missing"))
            if let hash = file.hash {
                fileHashes[root + "/" + path] = hash
                if let stamp = file.stamp { stamped.append((path, stamp, hash)) }
            }
        }
        let stamps = ContentStamps(taken: taken, files: stamped)
        for path in ContentInventory.files(under: root + "/media", recursive: true, diagnostics: &ignored) {
            parts.append("media/" + path + " " + stamp(root + "/media/" + path))
        }
        return (Fingerprint.of(parts.joined(separator: "\n")), fileHashes, stamps)
    }

    /// The fingerprint of a theme folder's files, or of the built-in theme.
    static func theme(_ options: BuildOptions) -> String {
        guard let folder = SiteBuilder.themeFolder(options) else { return "built-in" }
        let files = ContentInventory.files(under: folder, recursive: true)
        let hashes = files.map { folder + "/" + $0 }.parallelMap { path in
            FileManager.default.contents(atPath: path).map { Fingerprint.of($0) } ?? "missing"
        }
        return absolute(folder) + " " + Fingerprint.of(zip(files, hashes).map { "\($0) \($1)" }.joined(separator: "\n"))
    }

    /// Every file of the output, by path, with its size and modification time (``stamp(_:)``): the files `paths`
    /// lists (from the last build's record), or all that are there.
    static func outputStamps(of output: String, paths: String? = nil) -> [String: String] {
        let files =
            // Split on bytes: by characters, 16,500 lines took 70 ms.
            paths.map { $0.utf8.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) } }
            ?? SiteWriter(output: output).existingFiles()
        // A record edited by hand may list a file twice.
        return Dictionary(
            zip(files, fileStamps(files, in: output)), uniquingKeysWith: { first, _ in first })
    }

    /// The stamps of `files`, paths below `output`, stamped in parallel from the open folder.
    private static func fileStamps(_ files: [String], in output: String) -> [String] {
        let folder = open(output, O_RDONLY | O_DIRECTORY)
        defer { if folder >= 0 { close(folder) } }
        return files.parallelMap { file in
            folder >= 0 ? stamp(ContentStamps.Stamp(of: file, in: folder)) : stamp(output + "/" + file)
        }
    }

    /// The stamps of the output after a build that made `changes` to it: the files it wrote stamped again, the files
    /// it removed left out, the others as they were before it, which spares walking the whole output again.
    static func outputStamps(_ before: [String: String], after changes: [FileChange], in output: String)
        -> [String: String]
    {
        var stamps = before
        let written = changes.filter { $0.reason != .removed }.map(\.path)
        for (path, stamp) in zip(written, fileStamps(written, in: output)) { stamps[path] = stamp }
        for change in changes where change.reason == .removed { stamps[change.path] = nil }
        return stamps
    }

    /// The fingerprint of the output from its stamps: every file's path, size and modification time. Each file is
    /// hashed alone and the hashes are added, a sum that does not depend on order: sorting the paths first was most
    /// of the time this took (16,500 files at 10,000 threads).
    static func outputs(_ stamps: [String: String]) -> String {
        var sum: UInt64 = 0
        for (path, stamp) in stamps {
            var hasher = StableHasher()
            hasher.combine(path)
            hasher.combine(stamp)
            sum &+= hasher.finalized
        }
        return "\(stamps.count) " + String(sum, radix: 16)
    }

    private static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Size and modification time, to the nanosecond.
    static func stamp(_ path: String) -> String { stamp(ContentStamps.Stamp(of: path)) }

    private static func stamp(_ stamp: ContentStamps.Stamp?) -> String {
        guard let stamp else { return "missing" }
        return "\(stamp.size) \(stamp.modified.tv_sec).\(stamp.modified.tv_nsec)"
    }

    /// The running binary, so that a rebuilt Skein does not trust records of the one before.
    private static func executableStamp() -> String {
        "binary " + stamp(Bundle.main.executablePath ?? CommandLine.arguments[0])
    }

    /// Skein's version and the running binary: what a cache must have been written by to be trusted.
    static func skeinStamp() -> String {
        "skein " + SkeinVersion.string + " " + executableStamp()
    }
}

/// The text files of the archive (`site.yml`, authors, threads) as a build read them: each one's hash with its stamp
/// (size, inode, and the times of its last change of content and of status, to the nanosecond). The next build
/// takes the hash of a file whose stamp is the same instead of reading it, which after one edit at 10,000 threads is
/// 46 MB not read.
///
/// A file changed twice within one tick of the file system's clock can keep its stamp, so a file changed less than two
/// seconds before the stamps were taken (FAT's tick) is read again by the next build (as git does with its index). No program can
/// set the status time, which any write or rename moves, so a file given its old modification time back (`touch -d`,
/// `cp -p`) is read again too.
struct ContentStamps: Codable, Equatable {
    struct Stamp: Equatable {
        var size: Int64
        var inode: UInt64
        var modified: timespec
        var changed: timespec

        /// The stamp of the file at `path`, relative to the open folder `folder` when one is given: the kernel then
        /// looks up only the path's own components, which halved the time of stamping an output's 16,500 files.
        init?(of path: String, in folder: Int32? = nil) {
            var info = stat()
            guard (folder.map { fstatat($0, path, &info, 0) } ?? stat(path, &info)) == 0 else { return nil }
            size = Int64(info.st_size)
            inode = UInt64(info.st_ino)
            #if os(Linux)
                (modified, changed) = (info.st_mtim, info.st_ctim)
            #else
                (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
            #endif
        }

        init(size: Int64, inode: UInt64, modified: timespec, changed: timespec) {
            (self.size, self.inode, self.modified, self.changed) = (size, inode, modified, changed)
        }

        static func == (left: Stamp, right: Stamp) -> Bool {
            left.size == right.size && left.inode == right.inode
                && (left.modified.tv_sec, left.modified.tv_nsec) == (right.modified.tv_sec, right.modified.tv_nsec)
                && (left.changed.tv_sec, left.changed.tv_nsec) == (right.changed.tv_sec, right.changed.tv_nsec)
        }

        /// The later of its two times, in seconds since 1970.
        var latest: Double {
            max(
                Double(modified.tv_sec) + Double(modified.tv_nsec) / 1e9,
                Double(changed.tv_sec) + Double(changed.tv_nsec) / 1e9)
        }
    }

    /// When the stamps were taken: before any file was stat'ed.
    var taken: Date
    /// One line per file: path, size, inode, the two times' seconds and nanoseconds, and hash, separated by spaces,
    /// which JSON need not escape (a path may hold spaces: the numbers are read from the line's end).
    /// A JSON dictionary of 10,000 entries would take longer to decode than the files take to read.
    private(set) var lines: String = ""

    /// The stamps of `files`, taken at `taken`, written on bytes: string by string, 10,000 files took 50 ms.
    init(taken: Date, files: [(path: String, stamp: Stamp, hash: UInt64)] = []) {
        self.taken = taken
        var bytes: [UInt8] = []
        bytes.reserveCapacity(files.count * 120)
        for (path, stamp, hash) in files {
            // A path with a line end in it is left out, and read every time.
            guard !path.isEmpty, !path.utf8.contains(10) else { continue }
            bytes.append(contentsOf: path.utf8)
            // Each number written by a function, not from an array of them: an array a file was most of the time.
            let decimal = { (number: Int64) in
                bytes.append(32)
                if number < 0 { bytes.append(UInt8(ascii: "-")) }
                Self.write(number.magnitude, radix: 10, to: &bytes)
            }
            decimal(stamp.size)
            decimal(Int64(bitPattern: stamp.inode))
            decimal(Int64(stamp.modified.tv_sec))
            decimal(Int64(stamp.modified.tv_nsec))
            decimal(Int64(stamp.changed.tv_sec))
            decimal(Int64(stamp.changed.tv_nsec))
            bytes.append(32)
            Self.write(hash, radix: 16, to: &bytes)
            bytes.append(10)
        }
        lines = String(decoding: bytes, as: UTF8.self)
    }

    /// `value`'s digits in `radix` (10 or 16, lower-case), as `String(value, radix:)` writes them: made from the
    /// last in a buffer on the stack, then appended at once.
    private static func write(_ value: UInt64, radix: UInt64, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var first = digits.count
            var rest = value
            repeat {
                let digit = UInt8(rest % radix)
                first -= 1
                digits[first] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                rest /= radix
            } while rest > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    /// The files whose stamps can be trusted by a build that starts at `now`: those last changed more than two seconds
    /// before the stamps were taken, when the stamps are older than `now`.
    func files(before now: Date) -> [String: (stamp: Stamp, hash: UInt64)] {
        guard taken <= now else { return [:] }
        let limit = taken.timeIntervalSince1970 - 2
        var files: [String: (stamp: Stamp, hash: UInt64)] = [:]
        var lines = lines
        lines.withUTF8 { bytes in
            // Read on bytes: splitting 10,000 lines into substrings and parsing those took 70 ms.
            var start = 0
            // Two arrays for all lines, emptied for each: two new ones a line were most of the time.
            var bounds: [Int] = []
            var numbers: [Int64] = []
            bounds.reserveCapacity(8)
            numbers.reserveCapacity(7)
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 10) ?? bytes.count
                defer { start = end + 1 }
                // The seven spaces before the numbers, found from the line's end.
                bounds.removeAll(keepingCapacity: true)
                bounds.append(end)
                var index = end
                while bounds.count < 8, index > start {
                    index -= 1
                    if bytes[index] == 32 { bounds.append(index) }
                }
                guard bounds.count == 8, bounds[7] > start else { continue }
                bounds.reverse()
                numbers.removeAll(keepingCapacity: true)
                for field in 0..<7 {
                    guard
                        let number = Self.number(
                            bytes[(bounds[field] + 1)..<bounds[field + 1]], radix: field == 6 ? 16 : 10)
                    else { break }
                    numbers.append(number)
                }
                guard numbers.count == 7 else { continue }
                let pathEnd = bounds[0]
                let stamp = Stamp(
                    size: numbers[0], inode: UInt64(bitPattern: numbers[1]),
                    modified: timespec(tv_sec: Int(numbers[2]), tv_nsec: Int(numbers[3])),
                    changed: timespec(tv_sec: Int(numbers[4]), tv_nsec: Int(numbers[5])))
                if stamp.latest < limit {
                    files[String(decoding: bytes[start..<pathEnd], as: UTF8.self)] = (
                        stamp, UInt64(bitPattern: numbers[6])
                    )
                }
            }
        }
        return files
    }

    /// A number written in `radix` (10, with an optional minus sign, or 16), as its bit pattern.
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>, radix: UInt64) -> Int64? {
        var digits = digits[...]
        let negative = radix == 10 && digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 20 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
            let (times, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, carry) = times.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return negative ? 0 &- Int64(bitPattern: value) : Int64(bitPattern: value)
    }
}

/// A 64-bit FNV-1a hash in hexadecimal: enough to notice that bytes changed, not a defence against forgery.
public enum Fingerprint {
    /// Hashed from the bytes in place: `Data`'s own iterator costs several times as much per byte.
    public static func of(_ data: Data) -> String {
        String(data.withUnsafeBytes { hash($0) }, radix: 16)
    }

    /// The hash itself; the search index's term counter finds terms by it too.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    public static func of(_ text: String) -> String {
        var text = text
        return String(text.withUTF8 { hash($0) }, radix: 16)
    }
}
