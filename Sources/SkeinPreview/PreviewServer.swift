import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Skein

/// `skein serve`: builds the site into a private folder, serves it, and rebuilds on every save, telling browsers to
/// reload. A failed build never stops it: browsers show the errors over the last good site until the next good build.
public struct PreviewServer: Sendable {
    /// Where and what to serve.
    public struct Configuration: Sendable {
        /// The archive, theme and selection to build; the output folder and base URL are the server's own.
        public var build: BuildOptions
        public var host: String
        /// 0 picks a free port.
        public var port: Int

        /// Creates a configuration.
        public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 8000) {
            self.build = build
            self.host = host
            self.port = port
        }
    }

    /// What the server tells the person running it.
    public enum Message: Sendable {
        /// Serving at this URL.
        case serving(String)
        /// A build finished: how long it took and how many files changed.
        case built(seconds: Double, changedFiles: Int)
        /// A build failed with these diagnostics.
        case failed([Diagnostic])
        /// A request that tried to leave the site was refused.
        case refused(path: String, reason: String)
        /// Something the person should know (the server is reachable from other machines).
        case warning(String)
    }

    let configuration: Configuration
    let report: @Sendable (Message) -> Void

    /// A server that reports through `report`.
    public init(_ configuration: Configuration, report: @escaping @Sendable (Message) -> Void) {
        self.configuration = configuration
        self.report = report
    }

    /// Builds, serves and watches until SIGINT or SIGTERM.
    public func run() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("skein-preview-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: output) }
        let broadcaster = ReloadBroadcaster()
        let cache = BuildCache()
        let site = SiteFiles(root: output)

        let rebuild: @Sendable (String, Set<String>) -> Void = { baseURL, changed in
            var options = configuration.build
            options.output = output
            options.baseURL = URL(string: baseURL)
            options.cache = cache
            options.progress = nil
            do throws(BuildFailure) {
                let summary = try SiteBuilder.build(options)
                report(.built(seconds: summary.seconds, changedFiles: summary.filesWritten + summary.filesRemoved))
                let onlyStylesheets = !changed.isEmpty && changed.allSatisfy { $0.hasSuffix(".css") }
                broadcaster.send(onlyStylesheets ? .stylesheets : .reload)
            } catch {
                switch error {
                case .invalidInput(let diagnostics):
                    report(.failed(diagnostics))
                    broadcaster.send(.failed(diagnostics.map(\.description)))
                case .fileSystem:
                    let diagnostic = Diagnostic(.error, at: SourceLocation(file: options.content), error.description)
                    report(.failed([diagnostic]))
                    broadcaster.send(.failed([diagnostic.description]))
                }
            }
        }

        let router = Router()
        router.add(middleware: PreviewMiddleware(site: site, broadcaster: broadcaster, report: report))
        let watcher = ContentWatcher(folders: watchedFolders())
        let host = configuration.host
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            report(.warning("serving on \(host): anyone who can reach this machine can read the site"))
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "skein"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let displayHost = host.contains(":") ? "[\(host)]" : host
                let url = "http://\(displayHost):\(port)/"
                // Watching starts before the first build: a save during it makes another build.
                let changes = watcher.changes()
                rebuild(url, [])
                report(.serving(url))
                Task.detached {
                    for await changed in changes {
                        rebuild(url, changed)
                    }
                }
            },
            logger: Logger(label: "skein.serve", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        defer {
            watcher.stop()
            broadcaster.finishAll()
        }
        try await app.runService()
    }

    /// The content folder and the theme folder, when it is a folder of the archive's.
    func watchedFolders() -> [String] {
        var folders = [configuration.build.content]
        if let templates = configuration.build.templates {
            folders.append(templates)
        } else {
            let beside = URL(fileURLWithPath: configuration.build.content).deletingLastPathComponent()
                .appendingPathComponent("Templates").path
            if FileManager.default.fileExists(atPath: beside) { folders.append(beside) }
        }
        return folders.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }
}
