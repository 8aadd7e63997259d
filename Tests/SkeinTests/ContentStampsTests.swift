import Foundation
import Testing

@testable import Skein

#if canImport(Glibc)
    import Glibc
#endif

/// A build reads only the content files whose stamps changed since the last build's record (``ContentStamps``), and
/// never misses an edit for it.
@Suite struct ContentStampsTests {
    func options(_ archive: TemporaryArchive) -> BuildOptions {
        var options = BuildOptions(
            content: archive.content, output: archive.output,
            selection: .init(now: Date(timeIntervalSince1970: 2_000_000_000)))
        options.recordFolder = archive.root + "/.skein-cache"
        return options
    }

    /// Sets a file's modification time, as `touch -d` and `cp -p` do.
    func setModified(_ path: String, to seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    @Test func filesWhoseStampsAreUnchangedAreNotReadAgain() throws {
        let archive = try TemporaryArchive([
            "Content/threads/old.md": threadFile(tweets: ["Old"]),
            "Content/threads/new.md": threadFile(tweets: ["New"]),
        ])
        let options = options(archive)
        // Files changed within two seconds of the stamps are read again: wait until these are older than that.
        Thread.sleep(forTimeInterval: 2.1)
        let first = BuildRecord.inputs(of: options, theme: "built-in")
        let old = archive.content + "/threads/old.md"
        #expect(first.fileHashes[old] != nil && first.stamps.files(before: Date()).count == 3)

        // A record whose hashes are all wrong: the files it vouches for are taken at its word, not read.
        let forged = ContentStamps(
            taken: first.stamps.taken,
            files: first.stamps.files(before: Date()).map { ($0.key, $0.value.stamp, 12345) })
        #expect(BuildRecord.inputs(of: options, theme: "built-in", known: forged).fileHashes[old] == 12345)

        // A file written since, even with its size and modification time as they were, is read again.
        let modified = try FileManager.default.attributesOfItem(atPath: old)[.modificationDate] as! Date
        try archive.write("Content/threads/old.md", threadFile(tweets: ["Odd"]))
        setModified(old, to: Int(modified.timeIntervalSince1970))
        let again = BuildRecord.inputs(of: options, theme: "built-in", known: forged)
        #expect(again.fileHashes[old] != 12345 && again.fileHashes[old] != first.fileHashes[old])
        #expect(again.fileHashes[archive.content + "/threads/new.md"] == 12345)
        // Stamps taken later than now are not trusted at all.
        #expect(
            BuildRecord.inputs(of: options, theme: "built-in", known: ContentStamps(taken: .distantFuture))
                .fileHashes[archive.content + "/threads/new.md"]
                == first.fileHashes[archive.content + "/threads/new.md"])
    }

    /// Stamps are read back as they were written, at the ends of every number's range.
    @Test func stampsReadBackAsWritten() {
        let stamps = [
            ContentStamps.Stamp(
                size: .min, inode: .max, modified: timespec(tv_sec: -1, tv_nsec: 999_999_999),
                changed: timespec(tv_sec: 0, tv_nsec: 0)),
            ContentStamps.Stamp(
                size: .max, inode: 0, modified: timespec(tv_sec: 12, tv_nsec: 1),
                changed: timespec(tv_sec: 1_000_000_000, tv_nsec: 5)),
        ]
        let written = ContentStamps(
            taken: Date(timeIntervalSince1970: 2_000_000_000),
            files: [("threads/é 1.md", stamps[0], .max), ("a", stamps[1], 0), ("line\nend", stamps[1], 1)])
        let read = written.files(before: Date(timeIntervalSince1970: 2_000_000_001))
        #expect(read.keys.sorted() == ["a", "threads/é 1.md"])
        #expect(read["threads/é 1.md"]?.stamp == stamps[0] && read["threads/é 1.md"]?.hash == .max)
        #expect(read["a"]?.stamp == stamps[1] && read["a"]?.hash == 0)
    }

    /// A damaged record is read as far as it makes sense, never trusted further, and never crashes the build.
    @Test func damagedStampsAreLeftOut() throws {
        let lines = [
            "threads/a.md 10 7 100 5 100 6 ff", "threads/b.md 10 7 100 5 100 6",
            "threads/c c.md -9223372036854775808 0 -1 0 0 0 1",
            "threads/d.md 99999999999999999999 0 0 0 0 0 1", "threads/e.md x 0 0 0 0 0 1",
            " 1 2 3 4 5 6 7", "   ", "", "threads/g.md", "threads/h.md 1 2 3 4 5 6 fffffffffffffffff",
            "threads/i.md  1 2 3 4 5 6", "threads/j.md 1 2 3 4 5 6 7 ",
        ]
        let json = #"{"taken": 100000, "lines": ""# + lines.joined(separator: "\\n") + #""}"#
        let stamps = try JSONDecoder().decode(ContentStamps.self, from: Data(json.utf8))
        let files = stamps.files(before: Date())
        #expect(files.keys.sorted() == ["threads/a.md", "threads/c c.md"])
        #expect(files["threads/a.md"]?.hash == 0xff && files["threads/c c.md"]?.stamp.size == Int64.min)
    }

    @Test func anEditThatKeepsSizeAndModificationTimeIsBuilt() throws {
        let archive = try TemporaryArchive([
            "Content/threads/a.md": threadFile(tweets: ["Apples"]),
            "Content/threads/b.md": threadFile(date: "2024-03-02", tweets: ["Other"]),
        ])
        let path = archive.content + "/threads/a.md"
        setModified(path, to: 1_700_000_000)
        Thread.sleep(forTimeInterval: 2.1)
        try SiteBuilder.build(options(archive))
        try archive.write("Content/threads/a.md", threadFile(tweets: ["Lemons"]))
        setModified(path, to: 1_700_000_000)
        let summary = try SiteBuilder.build(options(archive))
        #expect(!summary.upToDate)
        let page = try String(contentsOfFile: archive.output + "/threads/a/index.html", encoding: .utf8)
        #expect(page.contains("Lemons"))
    }
}
