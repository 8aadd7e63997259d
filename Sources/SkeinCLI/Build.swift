import ArgumentParser
import Foundation
import Skein

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from Content/ into Output/.",
        discussion: "Example: skein build --base-url https://example.org/archive/"
    )

    @Option(help: "The archive's content folder.")
    var content = "Content"

    @Option(help: "The theme folder (default: Templates/ beside the content folder, else the built-in theme).")
    var templates: String?

    @Option(help: "Where the site is written.")
    var output = "Output"

    @Option(name: .customLong("base-url"), help: "The URL the site is published at; overrides base_url of site.yml.")
    var baseURL: String?

    @Flag(help: "Include threads marked draft: true.")
    var drafts = false

    @Flag(help: "Include threads dated in the future.")
    var future = false

    func validate() throws {
        if let baseURL, SiteConfigurationParser.baseURL(baseURL) == nil {
            throw ValidationError(
                "--base-url must be an absolute http or https URL, such as https://example.org/archive/")
        }
    }

    func run() throws {
        let options = BuildOptions(
            content: content, templates: templates, output: output,
            baseURL: baseURL.flatMap(SiteConfigurationParser.baseURL),
            selection: .init(drafts: drafts, future: future))
        do {
            let summary = try SiteBuilder.build(options)
            summary.warnings.forEach(Terminal.report)
            if ProcessInfo.processInfo.environment["SKEIN_TIMINGS"] != nil {
                for (stage, seconds) in summary.timings {
                    Terminal.printError(String(format: "%-18@ %6.3f s", stage, seconds))
                }
            }
            let seconds = String(format: "%.2f", summary.seconds)
            var changes =
                "\(plural(summary.filesWritten, "file")) written, \(summary.filesUnchanged) unchanged, \(summary.filesRemoved) removed"
            if !summary.warnings.isEmpty { changes += ", " + plural(summary.warnings.count, "warning") }
            print(
                "Built \(plural(summary.threads, "thread")), \(plural(summary.tweets, "tweet")), \(plural(summary.pages, "page")) "
                    + "into \(output)/ in \(seconds) s (\(changes))")
        } catch {
            throw Terminal.fail(error)
        }
    }
}

/// "1 thread", "2 threads".
func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
