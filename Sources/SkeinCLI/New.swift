import ArgumentParser
import Foundation
import Skein

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new thread file dated now.",
        discussion: "Example: skein new my-first-thread --author ada --topics swift,testing"
    )

    @Argument(help: "The thread's slug, which names its file and page.")
    var slug: String

    @Option(help: "The author's handle, without @.")
    var author: String

    @Option(help: "Topics, separated by commas.")
    var topics: String = ""

    @Option(help: "The archive's content folder.")
    var content = "Content"

    func run() throws {
        do {
            let path = try Scaffold.newThread(
                slug: slug, author: author, topics: topics.split(separator: ",").map(String.init), content: content)
            print("Wrote \(path)")
        } catch {
            throw Terminal.fail(error)
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new archive: site.yml, an author, a thread and a copy of the default theme.",
        discussion: "Example: skein init my-archive && cd my-archive && skein build"
    )

    @Argument(help: "The folder to create the archive in.")
    var directory: String

    func run() throws {
        do {
            _ = try Scaffold.newArchive(in: directory)
            print("Started an archive in \(directory)/. Next: cd \(directory) && skein build")
        } catch {
            throw Terminal.fail(error)
        }
    }
}
