import ArgumentParser
import Foundation
import Skein

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new thread file dated now.",
        discussion: """
            Examples:
              skein new my-first-thread --author ada
              skein new notes-on-swifts --author tomas --topics birds,climate
            """
    )

    @Argument(help: "The thread's slug, which names its file and page (lower-case letters, digits, hyphens).")
    var slug: String

    @Option(help: "The author's handle, without @.")
    var author: String

    @Option(help: "Topics, separated by commas.")
    var topics: String = ""

    @Option(help: "The archive's content folder (default: Content/ of the archive found from here).")
    var content: String?

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let console = Console(outputOptions)
        do {
            let path = try Scaffold.newThread(
                slug: slug, author: author, topics: topics.split(separator: ",").map(String.init),
                content: ArchiveLocation(content: content, output: nil).content)
            console.say("Wrote \(path)")
        } catch {
            throw console.fail(error)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new archive: site.yml, an author, a thread and a copy of the default theme.",
        discussion: """
            Example:
              skein init my-archive && cd my-archive && skein build
            """
    )

    @Argument(help: "The folder to create the archive in.")
    var directory: String

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let console = Console(outputOptions)
        do {
            let files = try Scaffold.newArchive(in: directory)
            for file in files { console.detail("  wrote \(file)") }
            console.say("Started an archive in \(directory)/. Next: cd \(directory) && skein build")
        } catch {
            throw console.fail(error)
        }
    }
}
