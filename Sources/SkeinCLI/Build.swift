import ArgumentParser
import Foundation
import Skein

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from Content/ into Output/.",
        discussion: """
            Only files whose bytes change are rewritten; Output/ is left as it was when the build has errors.

            Examples:
              skein build
              skein build --base-url https://example.org/archive/ --output public
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(help: "Where the site is written (default: Output/ beside the content folder).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "The URL the site is published at; overrides base_url of site.yml.")
    var baseURL: String?

    @OptionGroup var selection: SelectionOptions

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if let baseURL, SiteConfigurationParser.baseURL(baseURL) == nil {
            throw ValidationError(
                "--base-url must be an absolute http or https URL, such as https://example.org/archive/")
        }
    }

    func run() throws {
        let console = Console(outputOptions)
        let location = ArchiveLocation(content: archive.content, output: output)
        var options = BuildOptions(
            content: location.content, templates: archive.templates, output: location.output,
            baseURL: baseURL.flatMap(SiteConfigurationParser.baseURL), selection: selection.selection,
            progress: console.progress)
        options.recordFolder = location.cacheFolder
        options.processEndsAfterBuild = true
        let summary: BuildSummary
        do {
            summary = try SiteBuilder.build(options)
        } catch {
            throw console.fail(error)
        }
        console.clearProgress()
        summary.warnings.forEach(console.report)
        console.timings(summary.timings)
        for change in summary.changes { console.detail("  \(change.reason.rawValue): \(change.path)") }
        var changes = "\(plural(summary.filesWritten, "file")) written, \(summary.filesUnchanged) unchanged, "
        changes += "\(summary.filesRemoved) removed"
        if !summary.warnings.isEmpty { changes += ", " + plural(summary.warnings.count, "warning") }
        if summary.upToDate { changes += "; nothing changed since the last build" }
        console.say(
            "Built \(plural(summary.threads, "thread")), \(plural(summary.tweets, "tweet")), "
                + "\(plural(summary.pages, "page")) into \(location.output)/ in \(String(format: "%.2f", summary.seconds)) s "
                + "(\(changes))")
    }
}
