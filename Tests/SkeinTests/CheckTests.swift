import Foundation
import Skein
import Testing

@Suite struct CheckTests {
    func check(_ archive: TemporaryArchive, external: Bool = false, maximumLength: Int? = nil) throws -> CheckReport {
        try SiteChecker.check(
            CheckOptions(
                build: BuildOptions(content: archive.content, output: archive.output),
                maximumTweetLength: maximumLength,
                external: external, timeout: 5))
    }

    @Test func reportsBrokenLinksAtTheTweetThatWroteThem() throws {
        let archive = try TemporaryArchive([
            "Content/threads/a.md": threadFile(tweets: [
                "See [b](/threads/b/#t2) and [nothing](/threads/nope/).", "Two.",
            ]),
            "Content/threads/b.md": threadFile(tweets: ["Only [one](/threads/a/#t9)."]),
        ])
        let report = try check(archive)
        let messages = report.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line): \($0.message)" }
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("5:") && $0.contains("'/threads/nope/' leads to no page") })
        #expect(
            messages.contains {
                $0.hasPrefix("5:") && $0.contains("'/threads/b/#t2' names no tweet of that thread (#t1 to #t1)")
            })
        #expect(messages.contains { $0.contains("'/threads/a/#t9'") })
        #expect(!FileManager.default.fileExists(atPath: archive.output), "check never writes the site")
    }

    @Test func warnsAboutMissingAltTextLongTweetsAndAuthorsWithoutProfiles() throws {
        let archive = try TemporaryArchive([
            "Content/media/a.png": "png",
            "Content/threads/a.md": threadFile(
                author: "nobody", tweets: ["![](/media/a.png)", String(repeating: "word ", count: 80)]),
        ])
        let report = try check(archive, maximumLength: 280)
        let warnings = report.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.contains { $0.message.contains("has no alt text") && $0.location.line == 5 })
        #expect(
            warnings.contains { $0.message.contains("399 characters long, more than 280") && $0.location.line == 7 })
        #expect(warnings.contains { $0.message.contains("'nobody' has no profile") && $0.location.line == 2 })
        #expect(!report.diagnostics.contains { $0.severity == .error })
    }

    @Test func reportsTemplateVariablesNoPageProvides() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        try Self.copyBuiltInTheme(into: archive)
        try archive.write(
            "Templates/404.mustache", "{{<layout}}{{$content}}\n<p>{{site.titel}}</p>\n{{/content}}{{/layout}}\n")
        let errors = try check(archive).diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.location.file.hasSuffix("Templates/404.mustache") == true)
        #expect(errors.first?.location.line == 2)
        #expect(errors.first?.message.contains("'titel'") == true)
    }

    @Test func reportsAHardCodedBrokenLinkInATemplate() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        try Self.copyBuiltInTheme(into: archive)
        let footer = Theme.builtIn.templates["partials/footer"]!.replacingOccurrences(
            of: "Made with Skein", with: #"<a href="{{site.homeURL}}about/">About</a>"#)
        try archive.write("Templates/partials/footer.mustache", footer)
        let errors = try check(archive).diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty)
        #expect(
            errors.allSatisfy { $0.message.contains("about/") && $0.message.contains("leads to no page") }, "\(errors)")
    }

    static func copyBuiltInTheme(into archive: TemporaryArchive) throws {
        for (name, text) in Theme.builtIn.templates { try archive.write("Templates/\(name).mustache", text) }
        for (name, data) in Theme.builtIn.assets { try archive.write("Templates/assets/" + name, data) }
    }

    @Test func formatsForHumansGitHubAndMachines() throws {
        let diagnostics = [
            Diagnostic(
                .error, at: SourceLocation(file: "Content/threads/a.md", line: 3, column: 7), "bad, very: bad\nline"),
            Diagnostic(.warning, at: SourceLocation(file: "Content/site.yml", line: 1, column: 1), "odd"),
        ]
        #expect(
            DiagnosticFormat.human.render(diagnostics, summary: "1 error")
                == "Content/threads/a.md:3:7: error: bad, very: bad\nline\nContent/site.yml:1:1: warning: odd\n1 error\n"
        )
        let github = DiagnosticFormat.github.render(diagnostics, summary: "1 error").split(separator: "\n")
        #expect(github[0] == "::error file=Content/threads/a.md,line=3,col=7::bad, very: bad%0Aline")
        #expect(github[1] == "::warning file=Content/site.yml,line=1,col=1::odd")
        let json = try JSONSerialization.jsonObject(
            with: Data(DiagnosticFormat.json.render(diagnostics, summary: "s").utf8))
        let document = try #require(json as? [String: Any])
        #expect(document["errors"] as? Int == 1)
        #expect(document["warnings"] as? Int == 1)
        let first = try #require((document["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["file"] as? String == "Content/threads/a.md")
        #expect(first["line"] as? Int == 3)
    }

    @Test(.enabled(if: CommandLineTests.binary != nil, "the skein binary is not built"))
    func exitStatusesFollowTheFindings() throws {
        let clean = try TemporaryArchive([
            "Content/authors/ada.yml": "name: Ada\n", "Content/threads/a.md": threadFile(tweets: ["Hi."]),
        ])
        #expect(try CommandLineTests.skein(["check"], in: clean.root).status == 0)
        #expect(try CommandLineTests.skein(["check", "--strict"], in: clean.root).status == 0)
        let warned = try TemporaryArchive(["Content/threads/a.md": threadFile(tweets: ["Hi."])])
        #expect(try CommandLineTests.skein(["check"], in: warned.root).status == 0)
        #expect(try CommandLineTests.skein(["check", "--strict"], in: warned.root).status == 1)
        let broken = try TemporaryArchive(["Content/threads/a.md": "---\nauthor: ada\n---\nHi.\n"])
        let run = try CommandLineTests.skein(["check", "--format", "github"], in: broken.root)
        #expect(run.status == 1)
        #expect(run.output.hasPrefix("::error file=Content/threads/a.md,line=1,col=1::front matter needs `date:`"))
        #expect(try CommandLineTests.skein(["check", "--format", "xml"], in: clean.root).status == 2)
        #expect(try CommandLineTests.skein(["check", "--no-such-flag"], in: clean.root).status == 2)
    }

    @Test(.enabled(if: LocalServer.canStart, "python3 is not installed"))
    func externalLinksAreRequested() throws {
        let server = try LocalServer(files: ["exists.html": "<p>here</p>"])
        let archive = try TemporaryArchive([
            "Content/threads/a.md": threadFile(tweets: [
                "Fine: [a](\(server.url)exists.html)", "Gone: [x](\(server.url)missing.html)",
                "Closed: [c](http://127.0.0.1:9/nothing)",
            ])
        ])
        let report = try check(archive, external: true)
        #expect(report.externalLinks == 3)
        #expect(report.brokenExternalLinks == 2)
        let warnings = report.diagnostics.filter { $0.message.contains("outside link") }
        #expect(warnings.contains { $0.message.contains("missing.html answers 404") && $0.location.line == 7 })
        #expect(
            warnings.contains { $0.message.contains("127.0.0.1:9/nothing cannot be reached") && $0.location.line == 9 })
    }
}

/// A static file server on a free loopback port (Python's http.server), stopped when the test ends.
final class LocalServer {
    static var canStart: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
            || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/python3")
    }

    let url: String
    private let process = Process()
    private let folder: TemporaryArchive

    init(files: [String: String]) throws {
        folder = try TemporaryArchive(site: nil)
        for (path, text) in files { try folder.write("www/" + path, text) }
        let port = Int.random(in: 20_000...40_000)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", folder.root + "/www",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        url = "http://127.0.0.1:\(port)/"
        // Wait until it answers, at most five seconds.
        for _ in 0..<50 {
            if (try? Data(contentsOf: URL(string: url + "exists.html")!)) != nil { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    deinit {
        // Foundation's waitUntilExit can wait forever while the test process exits; reap it directly.
        let pid = process.processIdentifier
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
