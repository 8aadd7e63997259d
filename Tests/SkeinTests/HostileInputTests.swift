import Foundation
import Testing

/// The catalogue in `Fixtures/hostile/`: each folder is an archive (or names a generator in `generate.txt` for what
/// is too big or too odd to commit) and `expected.txt` gives `file:line: message fragment` (line 0: the whole file).
/// Through both `skein check` and `skein build`: no crash, no hang, that diagnostic, exit status 1, and the previous
/// `Output/` byte for byte.
@Suite struct HostileInputTests {
    static let folder = Paths.fixtures + "/hostile"
    static let cases = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []

    @Test func theCatalogueHasAtLeastFortyCases() {
        #expect(Self.cases.count >= 40)
    }

    @Test(.enabled(if: CommandLineTests.binary != nil, "the skein binary is not built"), arguments: cases)
    func hostileInputFailsCleanly(name: String) throws {
        let expected = try String(contentsOfFile: Self.folder + "/\(name)/expected.txt", encoding: .utf8)
            .trimmingCharacters(in: .newlines)
        let parts = expected.split(separator: ":", maxSplits: 2).map(String.init)
        try #require(parts.count == 3, "expected.txt must be file:line: fragment")
        let (file, line, fragment) = (parts[0], Int(parts[1])!, parts[2].trimmingCharacters(in: .whitespaces))

        let archive = try TemporaryArchive(site: nil)
        try FileManager.default.removeItem(atPath: archive.root)
        try FileManager.default.copyItem(atPath: Self.folder + "/" + name, toPath: archive.root)
        try FileManager.default.createDirectory(atPath: archive.content, withIntermediateDirectories: true)
        if let generator = try? String(contentsOfFile: archive.root + "/generate.txt", encoding: .utf8) {
            try Self.generate(generator.trimmingCharacters(in: .whitespacesAndNewlines), in: archive)
        }
        try archive.write("Output/index.html", "the previous site")
        try archive.write("Output/threads/old/index.html", "an older page")
        let previous = archive.outputTree()

        for command in ["check", "build"] {
            let started = Date()
            let run = try CommandLineTests.skein([command], in: archive.root, timeout: 30)
            let seconds = Date().timeIntervalSince(started)
            #expect(seconds < 20, "\(name): skein \(command) took \(seconds) s")
            #expect(run.status == 1, "\(name): skein \(command) exited \(run.status): \(run.errors.prefix(500))")
            let prefix = line == 0 ? "\(file): error: " : "\(file):\(line):"
            let matching = run.errors.split(separator: "\n").first { $0.hasPrefix(prefix) && $0.contains(fragment) }
            #expect(matching != nil, "\(name): skein \(command) said:\n\(run.errors.prefix(1000))")
            #expect(!run.errors.contains("Fatal error") && !run.errors.contains("Stack dump"), "\(name) crashed")
        }
        #expect(archive.outputTree() == previous, "\(name): the failed build changed Output/")
    }

    @Test(.enabled(if: CommandLineTests.binary != nil, "the skein binary is not built"))
    func unusualButValidInputBuildsCleanly() throws {
        let long = (1...300).map { "Tweet \($0) of a very long thread. 🧵" }
        let archive = try TemporaryArchive([
            "Content/threads/emoji.md": threadFile(tweets: ["👩🏽‍💻 Emoji everywhere 🎉🎉 #café ✌️#hashtag", "🇵🇹🇯🇵 flags"]),
            "Content/threads/cjk.md": threadFile(author: "ken", tweets: ["日本語のスレッドです。#漢字 と @ada", "中文推文。한국어 트윗."]),
            "Content/threads/rtl.md": threadFile(
                author: "sara", extra: "lang: ar\n", tweets: ["مرحبا بالعالم #العربية", "שלום עולם"]),
            "Content/threads/long.md": threadFile(tweets: long),
        ])
        let run = try CommandLineTests.skein(["check", "--strict"], in: archive.root, timeout: 60)
        #expect(run.errors.contains("0 errors"), "\(run.errors.prefix(2000))")
        let build = try CommandLineTests.skein(["build"], in: archive.root, timeout: 60)
        #expect(build.status == 0, "\(build.errors)")
        #expect(archive.read("Output/threads/long/index.html")?.contains(#"id="t300""#) == true)
        #expect(archive.read("Output/topics/漢字/index.html") != nil)
        #expect(archive.read("Output/threads/rtl/index.html")?.contains(#"<html lang="ar">"#) == true)
    }

    static func generate(_ generator: String, in archive: TemporaryArchive) throws {
        let thread = archive.content + "/threads/t.md"
        let header = "---\nauthor: ada\ndate: 2024-03-01\n---\n"
        try FileManager.default.createDirectory(atPath: archive.content + "/threads", withIntermediateDirectories: true)
        switch generator {
        case "symlink-loop":
            try archive.write("Content/threads/a.md", header + "Fine.\n")
            try FileManager.default.createSymbolicLink(
                atPath: archive.content + "/threads/loop", withDestinationPath: "..")
        case "symlink-out-of-content":
            try archive.write("Content/threads/a.md", header + "Fine.\n")
            try archive.write("secrets/key.txt", "a private key")
            try FileManager.default.createDirectory(
                atPath: archive.content + "/media", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: archive.content + "/media/host", withDestinationPath: archive.root + "/secrets")
        case "unreadable-file":
            try FileManager.default.createSymbolicLink(
                atPath: thread, withDestinationPath: archive.root + "/nowhere.md")
        case "twenty-megabyte-file":
            let tweet = String(repeating: "Twenty megabytes of words. ", count: 40) + "\n---\n"
            try archive.write(
                "Content/threads/t.md",
                header + String(repeating: tweet, count: 20 * 1024 * 1024 / tweet.utf8.count + 1))
        case "two-megabyte-line":
            try archive.write("Content/threads/t.md", header + String(repeating: "a", count: 2 * 1024 * 1024) + "\n")
        case "hundred-thousand-nested-quotes":
            try archive.write("Content/threads/t.md", header + String(repeating: "> ", count: 100_000) + "deep\n")
        case "ten-thousand-tweets":
            try archive.write(
                "Content/threads/t.md", header + (1...10_000).map { "Tweet \($0)." }.joined(separator: "\n---\n") + "\n"
            )
        default:
            Issue.record("unknown generator \(generator)")
        }
    }
}
