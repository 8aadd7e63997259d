import Foundation
import Testing

/// The `skein` binary, driven the way a writer or CI drives it.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static var binary: String? {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("skein").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("skein").path,
            Paths.packageRoot + "/.build/debug/skein",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func skein(_ arguments: [String], in folder: String) throws -> Run {
        try Self.skein(arguments, in: folder)
    }

    /// Runs the binary in `folder`, ending it after `timeout` seconds.
    static func skein(
        _ arguments: [String], in folder: String, timeout: Double = 60, environment: [String: String]? = nil
    ) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(binary, "build the skein product first"))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var defaults = ProcessInfo.processInfo.environment
        defaults["NO_COLOR"] = "1"
        process.environment = environment ?? defaults
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let deadline = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        defer { deadline.cancel() }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
    }

    @Test(.enabled(if: binary != nil, "the skein binary is not built"))
    func buildEndsWithOneSummaryLine() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        let run = try skein(["build"], in: archive.root)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("Built 3 threads, 6 tweets, "))
        #expect(run.output.split(separator: "\n").count == 1)
        #expect(archive.read("Output/index.html") != nil, "no Templates/ folder: the built-in theme is used")
    }

    @Test(.enabled(if: binary != nil, "the skein binary is not built"))
    func errorsPrintLikeACompilerAndExitWithOne() throws {
        let archive = try TemporaryArchive([
            "Content/threads/no-date.md": "---\nauthor: ada\n---\nHello.\n",
            "Content/threads/bad-yaml.md": "---\nauthor: ada\ndate: [2024\n---\nHello.\n",
            "Content/threads/good.md": threadFile(tweets: ["Fine."]),
        ])
        let run = try skein(["build"], in: archive.root)
        #expect(run.status == 1)
        let lines = run.errors.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("Content/threads/bad-yaml.md:4:1: error: invalid YAML") }, "\(lines)")
        #expect(
            lines.contains("Content/threads/no-date.md:1:1: error: front matter needs `date:`, such as 2024-03-01"),
            "\(lines)")
        #expect(lines.last == "the build found 2 errors; Output was left as it was")
        #expect(!run.errors.contains("Fatal error") && !run.errors.contains("Stack"))
        #expect(!FileManager.default.fileExists(atPath: archive.output + "/index.html"))
    }

    @Test(.enabled(if: binary != nil, "the skein binary is not built"))
    func aMissingContentFolderIsOneClearError() throws {
        let archive = try TemporaryArchive()
        let run = try skein(["build", "--content", "Nowhere"], in: archive.root)
        #expect(run.status == 3, "a missing folder is an environment failure")
        #expect(run.errors.hasPrefix("error: cannot use Nowhere: there is no content folder here"))
    }

    @Test(.enabled(if: binary != nil, "the skein binary is not built"))
    func newWritesAThreadThatBuilds() throws {
        let archive = try TemporaryArchive()
        let run = try skein(["new", "first-steps", "--author", "@ada", "--topics", "swift, testing"], in: archive.root)
        #expect(run.status == 0, "\(run.errors)")
        let text = try #require(archive.read("Content/threads/first-steps.md"))
        #expect(text.hasPrefix("---\nauthor: ada\ndate: "))
        #expect(text.contains("topics: [\"swift\", \"testing\"]"))
        #expect(try skein(["new", "first-steps", "--author", "ada"], in: archive.root).status == 3, "never overwrites")
        let build = try skein(["build"], in: archive.root)
        #expect(build.status == 0, "\(build.errors)")
        #expect(archive.read("Output/topics/testing/index.html") != nil)
    }

    @Test(.enabled(if: binary != nil, "the skein binary is not built"))
    func initStartsAnArchiveThatBuilds() throws {
        let archive = try TemporaryArchive(site: nil)
        try FileManager.default.removeItem(atPath: archive.content)
        let run = try skein(["init", "mine"], in: archive.root)
        #expect(run.status == 0, "\(run.errors)")
        #expect(FileManager.default.fileExists(atPath: archive.root + "/mine/Templates/thread.mustache"))
        let build = try skein(["build"], in: archive.root + "/mine")
        #expect(build.status == 0, "\(build.errors)")
        #expect(build.output.hasPrefix("Built 1 thread, 3 tweets, "))
        #expect(try skein(["init", "mine"], in: archive.root).status == 3, "never overwrites an archive")
    }
}
