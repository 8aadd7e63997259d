import Foundation
import Skein

/// What to import, and how.
public struct ImportOptions: Sendable {
    /// Where an export comes from.
    public enum Platform: String, Sendable {
        case twitter, mastodon
    }

    public var platform: Platform
    /// The export: a zip, a tar.gz, its unpacked folder, or (Mastodon) a bare `outbox.json`.
    public var source: String
    /// The archive's content folder, which receives the files.
    public var content: String
    /// Chains shorter than this are single posts, not threads.
    public var minimumPosts = 2
    /// X/Twitter: also import threads that start as a reply to someone else.
    public var includeReplies = false
    /// Mastodon: also import unlisted posts.
    public var includeUnlisted = false
    /// Overwrite files edited since they were imported.
    public var force = false

    public init(platform: Platform, source: String, content: String) {
        self.platform = platform
        self.source = source
        self.content = content
    }
}

/// What an import did.
public struct ImportReport: Sendable {
    /// The account's handle, which names its folders.
    public var handle: String
    public var counts: ImportCounts
    /// Files written, with why ("new", "updated", "overwritten"), relative to the content folder.
    public var written: [(path: String, reason: String)]
    /// Files edited since the last import, left as they are (without `--force`).
    public var kept: [String]
    /// How long each stage took, for `--verbose`.
    public var timings: [StageTiming] = []
}

/// `skein import`: an X/Twitter or Mastodon account export becomes thread files, an author profile and media under
/// `Content/`. Everything is read and checked first; a broken export writes nothing.
public enum Importer {
    public static func run(_ options: ImportOptions, progress: ProgressHandler? = nil) throws(BuildFailure)
        -> ImportReport
    {
        var clock = StageClock()
        progress?(Progress(stage: "reading the export", done: 0, total: 1))
        let files = try ExportFiles(opening: options.source)
        var converted: ConvertedExport
        switch options.platform {
        case .twitter:
            let archive = try TwitterArchive(files)
            converted = try TwitterConverter(archive: archive, files: files).convert()
        case .mastodon:
            converted = try MastodonConverter(files: files, includeUnlisted: options.includeUnlisted).convert()
        }
        progress?(Progress(stage: "reading the export", done: 1, total: 1))
        clock.lap("read", "\(converted.posts.count) posts of @\(converted.author.handle), \(files.paths.count) files")
        var counts = converted.counts
        let threads = ThreadAssembler.threads(
            from: converted.posts, minimumPosts: max(1, options.minimumPosts),
            includeRepliesToOthers: options.includeReplies, counts: &counts)
        clock.lap("threads", "\(threads.count) thread\(threads.count == 1 ? "" : "s")")
        let handle = converted.author.handle
        let ledgerPath = ImportLedger.path(platform: converted.platform, handle: handle)
        let oldLedger = try ImportLedger.load(from: options.content + "/" + ledgerPath)

        var planned: [PlannedFile] = []
        var ledger = ImportLedger()
        var taken = existingThreadNames(in: options.content)
        for thread in threads {
            let root = thread.posts[0].id
            let path: String
            if let recorded = oldLedger.threads[root], ImportLedger.isThreadPath(recorded, of: handle) {
                path = recorded
            } else {
                path = newThreadPath(for: thread, handle: handle, taken: &taken)
            }
            ledger.threads[root] = path
            planned.append(PlannedFile(path: path, source: .text(ThreadFileWriter.thread(thread, author: handle))))
            for media in thread.posts.flatMap(\.media) {
                planned.append(PlannedFile(path: media.destination, source: .export(media.source)))
            }
        }
        planned.append(
            PlannedFile(path: "authors/\(handle).yml", source: .text(ThreadFileWriter.author(converted.author))))
        if let avatar = converted.author.avatar {
            planned.append(PlannedFile(path: avatar.destination, source: .export(avatar.source)))
        }

        var writer = StagedWriter(content: options.content)
        defer { writer.discard() }
        var report = ImportReport(handle: handle, counts: counts, written: [], kept: [])
        var seen: Set<String> = []
        let total = planned.count
        for (number, file) in planned.enumerated() {
            progress?(Progress(stage: "writing", done: number, total: total))
            guard seen.insert(file.path).inserted else { continue }
            let bytes: Data
            switch file.source {
            case .text(let text): bytes = Data(text.utf8)
            case .export(let path): bytes = try files.read(path)
            }
            let existing = FileManager.default.contents(atPath: options.content + "/" + file.path)
            let isThread = file.path.hasPrefix("threads/")
            let isMedia = file.path.hasPrefix("media/")
            if existing == bytes {
                ledger.files[file.path] = ImportLedger.hash(bytes)
                if isThread { report.counts.threadsUnchanged += 1 }
                continue
            }
            let reason: String
            if let existing {
                if oldLedger.files[file.path] == ImportLedger.hash(existing) {
                    reason = "updated"
                } else if options.force {
                    reason = "overwritten (--force)"
                } else {
                    report.kept.append(file.path)
                    if let old = oldLedger.files[file.path] { ledger.files[file.path] = old }
                    continue
                }
            } else {
                reason = "new"
            }
            try writer.stage(bytes, at: file.path)
            ledger.files[file.path] = ImportLedger.hash(bytes)
            report.written.append((file.path, reason))
            if isThread { report.counts.threadsWritten += 1 }
            if isMedia { report.counts.mediaCopied += 1 }
        }
        for (path, hash) in oldLedger.files where ledger.files[path] == nil && !seen.contains(path) {
            if FileManager.default.fileExists(atPath: options.content + "/" + path) { ledger.files[path] = hash }
        }
        for (root, path) in oldLedger.threads where ledger.threads[root] == nil { ledger.threads[root] = path }
        if ledger != oldLedger { try writer.stage(ledger.encoded(), at: ledgerPath) }
        try writer.commit()
        progress?(Progress(stage: "writing", done: total, total: total))
        clock.lap("write", "\(report.written.count) written, \(report.kept.count) kept")
        report.timings = clock.laps
        return report
    }

    /// `threads/<handle>/<yyyy>-<mm>-<dd>-<first words>.md`, numbered when that name is taken: a file's name is
    /// its thread's slug, which must be unique in the archive.
    private static func newThreadPath(for thread: AssembledThread, handle: String, taken: inout Set<String>)
        -> String
    {
        let day = String(ThreadFileWriter.timestamp(thread.posts[0].date).prefix(10))
        let words = thread.posts[0].words
        let base = words.isEmpty ? "\(day)-thread" : "\(day)-\(words)"
        var name = base
        var number = 2
        while taken.contains(name) {
            name = "\(base)-\(number)"
            number += 1
        }
        taken.insert(name)
        return "threads/\(handle)/\(name).md"
    }

    /// The names (slugs) of the thread files already in the archive.
    private static func existingThreadNames(in content: String) -> Set<String> {
        guard let enumerator = FileManager.default.enumerator(atPath: content + "/threads") else { return [] }
        var names: Set<String> = []
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".md"), let name = path.split(separator: "/").last else { continue }
            names.insert(String(name.dropLast(3)))
        }
        return names
    }
}
