import ArgumentParser
import Foundation
import Skein
import SkeinPreview

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site locally; the browser reloads on every save.",
        discussion: """
            Builds the site into a private folder (never Output/), serves it, and rebuilds when anything in the content \
            or theme folders changes. Build errors show in the terminal and over the page in the browser; the server \
            keeps running. Stop it with Ctrl-C.

            Examples:
              skein serve
              skein serve --port 0 --drafts
            """
    )

    @OptionGroup var archive: ArchiveOptions

    @Option(help: "The address to listen on; other than loopback, anyone who can reach this machine can read the site.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8000

    @OptionGroup var selection: SelectionOptions

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        let console = Console(outputOptions)
        let location = ArchiveLocation(content: archive.content, output: nil)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location.content, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw console.fail(
                .fileSystem(path: location.content, reason: "there is no content folder here (pass --content DIR)"))
        }
        let configuration = PreviewServer.Configuration(
            build: BuildOptions(
                content: location.content, templates: archive.templates,
                selection: selection.selection),
            host: host, port: port)
        let server = PreviewServer(configuration) { message in
            switch message {
            case .serving(let url):
                console.say("Serving \(location.content) at \(url) (Ctrl-C to stop)")
            case .built(let seconds, let changed):
                console.detail(String(format: "  rebuilt in %.2f s, %d files changed", seconds, changed))
            case .failed(let diagnostics):
                diagnostics.forEach(console.report)
                console.error("the build failed; the browser shows the errors until the next good build")
            case .refused(let path, let reason):
                console.error("refused a request for \(path) (\(reason))")
            case .warning(let text):
                console.report(Diagnostic(.warning, at: SourceLocation(file: "skein serve"), text))
            }
        }
        do {
            try await server.run()
            // The server has stopped and removed its folder, and output is unbuffered; the exit handlers of the
            // networking runtime would only add seconds of teardown before the process ends.
            console.say("Stopped.")
            _exit(0)
        } catch {
            console.error("error: cannot serve on \(host):\(port): \(error)")
            throw ExitCode(3)
        }
    }
}
