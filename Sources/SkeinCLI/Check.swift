import ArgumentParser
import Foundation
import Skein

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the archive and the theme, and every link of the rendered site, without writing Output/.",
        discussion: """
            Exit status: 0 when clean, 1 on errors (and on warnings with --strict), 2 on usage errors, 3 when a folder \
            cannot be read.

            Examples:
              skein check
              skein check --format github --strict
              skein check --external --max-length 280
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: "How to print what was found: human, github (Actions annotations) or json.")
    var format: DiagnosticFormat = .human

    @Flag(help: "Also request every outside link (HEAD, 10 s timeout, 8 at a time).")
    var external = false

    @Option(name: .customLong("max-length"), help: "Warn about tweets whose visible text is longer than this.")
    var maximumLength: Int?

    @Flag(help: "Check drafts too.")
    var drafts = false

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if let maximumLength, maximumLength < 1 { throw ValidationError("--max-length must be at least 1") }
    }

    func run() throws {
        let started = Date()
        let console = Console(outputOptions)
        let location = ArchiveLocation(content: archive.content, output: nil)
        // The threads `skein build` parsed and rendered are reused, and what this run adds is kept for the build.
        let cache = BuildCache.threads(storedIn: location.cacheFolder)
        let options = CheckOptions(
            build: BuildOptions(
                content: location.content, templates: archive.templates, selection: .init(drafts: drafts, future: true),
                progress: format == .human ? console.progress : nil, cache: cache),
            maximumTweetLength: maximumLength, external: external)
        let report: CheckReport
        do {
            report = try SiteChecker.check(options)
        } catch {
            throw console.fail(error)
        }
        console.clearProgress()
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        var summary = "\(plural(errors, "error")), \(plural(warnings, "warning"))"
        if report.pages > 0 {
            summary += "; checked \(plural(report.pages, "page")) and \(plural(report.internalLinks, "link"))"
        }
        if external {
            summary += "; \(report.brokenExternalLinks) of \(plural(report.externalLinks, "outside link")) broken"
        }
        summary += String(format: " in %.2f s", Date().timeIntervalSince(started))
        switch format {
        case .human:
            report.diagnostics.forEach(console.report)
            console.timings(report.timings)
            if !outputOptions.quiet { console.error(summary) }
        case .github, .json:
            FileHandle.standardOutput.write(Data(format.render(report.diagnostics, summary: summary).utf8))
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
