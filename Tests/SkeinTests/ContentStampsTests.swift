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
        var forged = ContentStamps(taken: first.stamps.taken)
        for (path, file) in first.stamps.files(before: Date()) { forged.append(path, file.stamp, 12345) }
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

    /// A damaged record is read as far as it makes sense, never trusted further, and never crashes the build.
    @Test func damagedStampsAreLeftOut() throws {
        let lines = [
            "threads/a.md\t10\t7\t100\t5\t100\t6\tff", "threads/b.md\t10\t7\t100\t5\t100\t6",
            "threads/c.md\t-9223372036854775808\t0\t-1\t0\t0\t0\t1",
            "threads/d.md\t99999999999999999999\t0\t0\t0\t0\t0\t1", "threads/e.md\tx\t0\t0\t0\t0\t0\t1",
            "threads/f.md\t1\t2\t3\t4\t5\t6\t7\t8", "\t\t\t", "", "threads/g.md",
            "threads/h.md\t1\t2\t3\t4\t5\t6\tfffffffffffffffff",
        ]
        let json =
            #"{"taken": 100000, "lines": ""#
            + lines.joined(separator: "\\n").replacingOccurrences(
                of: "\t", with: "\\t") + #""}"#
        let stamps = try JSONDecoder().decode(ContentStamps.self, from: Data(json.utf8))
        let files = stamps.files(before: Date())
        #expect(files.keys.sorted() == ["threads/a.md", "threads/c.md"])
        #expect(files["threads/a.md"]?.hash == 0xff && files["threads/c.md"]?.stamp.size == Int64.min)
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
