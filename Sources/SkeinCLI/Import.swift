import ArgumentParser
import Foundation
import Skein
import SkeinImport

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn an X/Twitter or Mastodon account export into thread files.",
        discussion: """
            Writes Content/threads/<handle>/<yyyy>-<mm>-<dd>-<slug>.md, Content/authors/<handle>.yml and the media under Content/media/<handle>/. Running it again on the same export changes nothing; a newer export updates what it imported, but never a file you have edited since (unless --force).

            Examples:
              skein import twitter ~/Downloads/twitter-2024-05-01.zip
              skein import mastodon ~/Downloads/archive-20240501.tar.gz --include-unlisted
            """,
        subcommands: [Twitter.self, Mastodon.self]
    )

    /// What both importers share.
    struct Shared: ParsableArguments {
        @Option(help: "The archive's content folder (default: Content/ of the archive found from here).")
        var content: String?

        @Option(
            name: .customLong("min-tweets"),
            help: "Import chains of at least this many posts; shorter ones are single posts.")
        var minimumPosts = 2

        @Flag(help: "Overwrite files you have edited since they were imported.")
        var force = false

        @OptionGroup var outputOptions: OutputOptions

        func validate() throws {
            if minimumPosts < 1 { throw ValidationError("--min-tweets must be 1 or more") }
        }
    }

    struct Twitter: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "twitter",
            abstract: "Import an X/Twitter data export (its zip, or the unpacked folder).",
            discussion: """
                Threads are chains of replies to your own posts. Retweets are left out, and so are replies to other people unless --include-replies. Edited posts keep their last version.

                Example:
                  skein import twitter twitter-2024-05-01-abc.zip --min-tweets 3
                """
        )

        @Argument(help: "The export's zip file or its unpacked folder.")
        var path: String

        @Flag(name: .customLong("include-replies"), help: "Also import threads that start as a reply to someone else.")
        var includeReplies = false

        @OptionGroup var shared: Shared

        func run() throws {
            var options = ImportOptions(platform: .twitter, source: path, content: "")
            options.includeReplies = includeReplies
            try Import.run(options, shared)
        }
    }

    struct Mastodon: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mastodon",
            abstract: "Import a Mastodon account export (zip, tar.gz, unpacked folder, or outbox.json).",
            discussion: """
                Only public posts are imported (and unlisted ones with --include-unlisted); followers-only and direct posts never are. Boosts are left out.

                Example:
                  skein import mastodon archive-20240501.zip --include-unlisted
                """
        )

        @Argument(help: "The export's zip or tar.gz, its unpacked folder, or its outbox.json.")
        var path: String

        @Flag(name: .customLong("include-unlisted"), help: "Also import unlisted posts.")
        var includeUnlisted = false

        @OptionGroup var shared: Shared

        func run() throws {
            var options = ImportOptions(platform: .mastodon, source: path, content: "")
            options.includeUnlisted = includeUnlisted
            try Import.run(options, shared)
        }
    }

    static func run(_ base: ImportOptions, _ shared: Shared) throws {
        let console = Console(shared.outputOptions)
        var options = base
        options.content = ArchiveLocation(content: shared.content, output: nil).content
        options.minimumPosts = shared.minimumPosts
        options.force = shared.force
        let started = Date()
        let report: ImportReport
        do {
            report = try Importer.run(options, progress: console.progress)
        } catch {
            throw console.fail(error, untouched: "nothing was written")
        }
        console.clearProgress()
        console.timings(report.timings)
        for (path, reason) in report.written { console.detail("  \(reason): \(options.content)/\(path)") }
        for path in report.kept {
            console.error(
                "\(options.content)/\(path): warning: edited since it was imported; left as it is (--force overwrites it)"
            )
        }
        let counts = report.counts
        var parts = [
            "\(plural(counts.threadsWritten, "thread")) written (\(counts.threadsUnchanged) unchanged)",
            plural(counts.posts, options.platform == .twitter ? "tweet" : "post") + " in threads",
            plural(counts.singlePostsSkipped, "single post") + " skipped",
            "\(counts.repostsSkipped) \(options.platform == .twitter ? "retweets" : "boosts") skipped",
            "\(counts.repliesSkipped) replies to others skipped",
        ]
        parts.append("\(counts.privateSkipped) private posts skipped")
        parts.append("\(counts.mediaCopied) media copied")
        parts.append("\(counts.mediaMissing) media missing")
        if counts.missingParents > 0 { parts.append("\(counts.missingParents) continuing a missing post") }
        if !report.kept.isEmpty { parts.append("\(report.kept.count) edited files kept") }
        console.say(
            "Imported @\(report.handle) into \(options.content)/ in \(String(format: "%.2f", Date().timeIntervalSince(started))) s: "
                + parts.joined(separator: ", "))
    }
}
