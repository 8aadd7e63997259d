import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The binary as people meet it: in a terminal (a pseudo-terminal here, so progress and colour are exercised) and in
/// a pipe or CI log (where neither may appear).
@Suite(.enabled(if: CommandLineTests.binary != nil, "the skein binary is not built"))
struct TerminalTests {
    /// Runs the binary with standard output and error on a new pseudo-terminal; returns the status and all it wrote.
    static func inTerminal(_ arguments: [String], in folder: String, environment extra: [String: String] = [:]) throws
        -> (
            status: Int32, screen: String
        )
    {
        var primary: Int32 = 0
        var secondary: Int32 = 0
        try #require(openpty(&primary, &secondary, nil, nil, nil) == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CommandLineTests.binary))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        environment.merge(extra) { $1 }
        process.environment = environment
        let terminal = FileHandle(fileDescriptor: secondary, closeOnDealloc: false)
        process.standardOutput = terminal
        process.standardError = terminal
        try process.run()
        close(secondary)
        var screen = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(primary, &buffer, buffer.count)
            if count <= 0 { break }  // EIO once the program has exited and the terminal closed
            screen.append(contentsOf: buffer[0..<count])
        }
        close(primary)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: screen, as: UTF8.self))
    }

    static func archive(threads: Int = 40) throws -> TemporaryArchive {
        var files: [String: String] = ["Content/authors/ada.yml": "name: Ada\n"]
        for number in 0..<threads {
            files["Content/threads/t\(number).md"] = threadFile(
                extra: number == 0 ? "colour: blue\n" : "",
                tweets: (1...5).map { "Tweet \($0) of \(number). #topic\(number % 7)" })
        }
        return try TemporaryArchive(files)
    }

    @Test func aTerminalGetsALiveProgressLineAndColour() throws {
        let archive = try Self.archive()
        let run = try Self.inTerminal(["build"], in: archive.root)
        #expect(run.status == 0, "\(run.screen)")
        #expect(run.screen.contains("\r\u{1B}[2Krendering "), "a progress line redrawn in place")
        #expect(run.screen.contains("/40 · "), "items done of total, and elapsed time")
        #expect(run.screen.contains("\u{1B}[1;33mwarning:"), "warnings in colour")
        let lastLine = run.screen.components(separatedBy: "\r\u{1B}[2K").last ?? ""
        #expect(lastLine.contains("Built 40 threads"), "the progress line is cleared before the summary")
    }

    @Test func noColorKeepsColourOffInATerminal() throws {
        let archive = try Self.archive(threads: 2)
        let run = try Self.inTerminal(["check"], in: archive.root, environment: ["NO_COLOR": "1"])
        #expect(!run.screen.contains("\u{1B}[1;3"))
        #expect(run.screen.contains("warning: unknown key `colour`"))
    }

    @Test func aPipeGetsNeitherProgressNorColour() throws {
        let archive = try Self.archive()
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        for command in [["build"], ["check"], ["build", "--verbose"]] {
            let run = try CommandLineTests.skein(command, in: archive.root, environment: environment)
            #expect(!(run.output + run.errors).contains("\u{1B}"), "\(command): escape codes in a pipe")
        }
        let build = try CommandLineTests.skein(["build"], in: archive.root, environment: environment)
        #expect(build.output.split(separator: "\n").count == 1, "only the summary")
    }

    @Test func importShowsProgressInATerminalAndOneSummaryInAPipe() throws {
        let terminal = try TemporaryArchive()
        let run = try Self.inTerminal(["import", "twitter", ExportFixtures.twitter], in: terminal.root)
        #expect(run.status == 0, "\(run.screen)")
        #expect(run.screen.contains("\r\u{1B}[2Kwriting "), "a progress line redrawn in place")
        let lastLine = run.screen.components(separatedBy: "\r\u{1B}[2K").last ?? ""
        #expect(lastLine.hasPrefix("Imported @river_notes into Content/ in "), "the line is cleared before the summary")

        let piped = try TemporaryArchive()
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        let pipe = try CommandLineTests.skein(
            ["import", "mastodon", ExportFixtures.mastodon, "--include-unlisted"], in: piped.root,
            environment: environment)
        #expect(pipe.status == 0 && pipe.errors.isEmpty, "\(pipe.errors)")
        #expect(!pipe.output.contains("\u{1B}"))
        let lines = pipe.output.split(separator: "\n")
        #expect(lines.count == 1, "only the summary")
        for part in [
            "2 threads written (0 unchanged)", "5 posts in threads", "1 single post skipped", "1 boosts skipped",
            "1 replies to others skipped", "3 private posts skipped", "4 media copied", "1 media missing",
        ] {
            #expect(lines.first?.contains(part) == true, "\(part) in \(pipe.output)")
        }
        let broken = try CommandLineTests.skein(["import", "mastodon", piped.root + "/nothing.zip"], in: piped.root)
        #expect(broken.status == 3 && broken.errors.contains("nothing.zip"), "\(broken.errors)")
        try piped.write("junk.zip", "PK\u{3}\u{4} not a zip")
        let junk = try CommandLineTests.skein(["import", "twitter", "junk.zip"], in: piped.root)
        #expect(junk.status == 1, "\(junk.errors)")
        #expect(junk.errors.hasPrefix("junk.zip: error: this is not a zip file that can be read"), "\(junk.errors)")
        #expect(junk.errors.contains("nothing was written"))
        let verboseArchive = try TemporaryArchive()
        let verbose = try CommandLineTests.skein(
            ["import", "twitter", ExportFixtures.twitter, "--verbose"], in: verboseArchive.root)
        #expect(verbose.errors.contains("  read: ") && verbose.errors.contains("  write: "), "stage timings")
        #expect(verbose.errors.contains("  new: Content/threads/river_notes/2022-11-10-worth-reading.md"))
        let typo = try CommandLineTests.skein(["import", "twiter", "export.zip"], in: piped.root)
        #expect(typo.status == 2)
        #expect(typo.errors.contains("unknown kind of export 'twiter' (twitter or mastodon); did you mean 'twitter'?"))
    }

    @Test func quietPrintsErrorsOnlyAndVerboseTellsEverything() throws {
        let archive = try Self.archive(threads: 3)
        let quiet = try CommandLineTests.skein(["build", "--quiet"], in: archive.root)
        #expect(quiet.status == 0)
        #expect(quiet.output.isEmpty && quiet.errors.isEmpty, "\(quiet.output)\(quiet.errors)")
        try archive.write("Content/threads/t1.md", "---\nauthor: ada\n---\nNo date.\n")
        let failing = try CommandLineTests.skein(["build", "-q"], in: archive.root)
        #expect(failing.status == 1)
        #expect(failing.errors.contains("t1.md:1:1: error: front matter needs `date:`"))
        #expect(!failing.errors.contains("warning"))
        try FileManager.default.removeItem(atPath: archive.content + "/threads/t1.md")
        let verbose = try CommandLineTests.skein(["build", "--verbose"], in: archive.root)
        #expect(verbose.errors.contains("  parse: "), "stage timings")
        #expect(verbose.errors.contains(" s of processor time), "), "with the processor time each stage took")
        #expect(verbose.errors.contains("(2 threads parsed)"), "and counts")
        #expect(
            verbose.errors.contains("  removed: threads/t1/index.html"), "and every file written or removed, with why")
        #expect(try CommandLineTests.skein(["build", "-q", "-v"], in: archive.root).status == 2)
    }

    @Test func helpVersionAndCompletionScripts() throws {
        let folder = try TemporaryArchive()
        let help = try CommandLineTests.skein(["--help"], in: folder.root)
        #expect(help.status == 0)
        for word in ["build", "check", "new", "init", "Exit status", "Examples"] {
            #expect(help.output.contains(word), "\(word)")
        }
        for command in ["build", "check", "new", "init"] {
            let commandHelp = try CommandLineTests.skein([command, "--help"], in: folder.root)
            #expect(commandHelp.output.contains("Example"), "\(command) --help has an example")
            #expect(commandHelp.output.contains("--quiet") && commandHelp.output.contains("--verbose"))
        }
        #expect(try CommandLineTests.skein(["--version"], in: folder.root).output == "0.1.0\n")
        for shell in ["bash", "zsh", "fish"] {
            let script = try CommandLineTests.skein(["--generate-completion-script", shell], in: folder.root)
            #expect(script.status == 0)
            #expect(script.output.contains("build") && script.output.contains("check"), "\(shell)")
        }
    }

    @Test func exitStatusesSayWhatKindOfFailure() throws {
        let archive = try Self.archive(threads: 1)
        let typo = try CommandLineTests.skein(["biuld"], in: archive.root)
        #expect(typo.status == 2)
        #expect(typo.errors == "error: unknown command 'biuld'; did you mean 'build'?\nRun 'skein --help' for usage.\n")
        #expect(try CommandLineTests.skein(["build", "--bogus"], in: archive.root).status == 2)
        #expect(try CommandLineTests.skein(["build", "--base-url", "not a url"], in: archive.root).status == 2)
        try archive.write("blocker", "a file where the output folder should be")
        let unwritable = try CommandLineTests.skein(["build", "--output", "blocker/site"], in: archive.root)
        #expect(unwritable.status == 3)
        #expect(unwritable.errors.hasPrefix("error: cannot use "), "\(unwritable.errors)")
        #expect(try CommandLineTests.skein(["build", "--templates", "Nowhere"], in: archive.root).status == 3)
    }

    @Test func findsTheArchiveFromAnyFolderInside() throws {
        let archive = try Self.archive(threads: 2)
        try FileManager.default.createDirectory(
            atPath: archive.content + "/threads/deeper/still", withIntermediateDirectories: true)
        let run = try CommandLineTests.skein(["build"], in: archive.content + "/threads/deeper/still")
        #expect(run.status == 0, "\(run.errors)")
        #expect(FileManager.default.fileExists(atPath: archive.output + "/index.html"), "Output/ beside Content/")
        let outside = try TemporaryArchive(site: nil)
        try FileManager.default.removeItem(atPath: outside.content)
        #expect(try CommandLineTests.skein(["build"], in: outside.root).status == 3, "no archive above")
    }
}
