import Foundation
import Skein
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `skein serve` against a real server on an ephemeral port, driven over raw sockets.
@Suite(.enabled(if: CommandLineTests.binary != nil, "the skein binary is not built"), .serialized)
struct ServeTests {
    static func archive() throws -> TemporaryArchive {
        try TemporaryArchive(ExampleArchive.files, site: "title: Preview\nbase_url: https://example.org/sub/path/\n")
    }

    @Test func servesPagesPrettyURLsAndTheNotFoundPage() throws {
        let archive = try Self.archive()
        let server = try ServeProcess(in: archive.root)
        let home = try RawHTTP.get("/", port: server.port)
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.headers["cache-control"] == "no-cache")
        #expect(home.body.contains("/__skein/events"), "the reload script is in served pages")
        #expect(home.body.contains(#"href="threads/first/""#))
        let folder = try RawHTTP.get("/threads/first", port: server.port)
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/threads/first/")
        #expect(try RawHTTP.get("/threads/first/", port: server.port).body.contains("The first thread"))
        let missing = try RawHTTP.get("/no/such/page/", port: server.port)
        #expect(missing.status == 404)
        #expect(missing.body.contains("Page not found"))
        #expect(
            missing.body.contains(#"href="/assets/skein.css""#), "links point at the local server, not the sub-path")
        let css = try RawHTTP.get("/assets/skein.css", port: server.port)
        #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(try RawHTTP.get("/threads/", port: server.port).status == 404, "no folder listings")
    }

    @Test func refusesEveryWayOutOfTheSite() throws {
        let archive = try Self.archive()
        let server = try ServeProcess(in: archive.root)
        for path in [
            "/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/threads/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
            "/threads%2f..%2f..%2fetc%2fpasswd", "/..\\..\\etc\\passwd", "/assets/skein.css%00.html",
            "//etc/passwd", "/./index.html",
        ] {
            let response = try RawHTTP.get(path, port: server.port)
            #expect([400, 404].contains(response.status), "\(path) answered \(response.status)")
            #expect(!response.body.contains("root:"), "\(path)")
        }
        let absolute = try RawHTTP.parse(
            RawHTTP.exchange("GET /etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: server.port))
        #expect(absolute.status == 404)
        let longURL = try RawHTTP.exchange(
            "GET /\(String(repeating: "a", count: 200_000)) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            port: server.port)
        #expect(!longURL.hasPrefix("HTTP/1.1 200"))
        let bigHeader = try RawHTTP.exchange(
            "GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "b", count: 200_000))\r\nConnection: close\r\n\r\n",
            port: server.port)
        #expect(!bigHeader.hasPrefix("HTTP/1.1 200"))
        #expect(try RawHTTP.get("/", port: server.port).status == 200, "still serving after all that")
    }

    @Test func browsersHearOfEveryRebuildAndEveryError() throws {
        let archive = try Self.archive()
        let server = try ServeProcess(in: archive.root)
        let socket = try server.listenForEvents()
        defer { close(socket) }
        var seen = ""

        try archive.write("Content/threads/first.md", threadFile(author: "ada", tweets: ["An edited first thread."]))
        seen = RawHTTP.read(socket, until: Date().addingTimeInterval(10)) { $0.contains("event: reload") }
        #expect(seen.contains("event: reload"), "a save reaches the browser: \(seen)")

        try archive.write("Content/threads/first.md", "---\nauthor: ada\n---\nNo date now.\n")
        seen = RawHTTP.read(socket, until: Date().addingTimeInterval(10)) {
            $0.contains("event: failure") && $0.contains("]\n\n")
        }
        #expect(seen.contains("event: failure"))
        #expect(seen.contains(#"Content\/threads\/first.md:1:1: error: front matter needs `date:`"#), "\(seen)")
        #expect(
            try RawHTTP.get("/threads/first/", port: server.port).body.contains("An edited first thread."),
            "the last good site stays up")

        try archive.write("Content/threads/first.md", threadFile(author: "ada", tweets: ["Fixed."]))
        seen = RawHTTP.read(socket, until: Date().addingTimeInterval(10)) { $0.contains("event: reload") }
        #expect(seen.contains("event: reload"), "the next good build reloads")
        #expect(try RawHTTP.get("/threads/first/", port: server.port).body.contains("Fixed."))
    }

    @Test func foldersCreatedWhileServingAreWatchedToo() throws {
        let archive = try Self.archive()
        let server = try ServeProcess(in: archive.root)
        let socket = try server.listenForEvents()
        defer { close(socket) }
        try FileManager.default.createDirectory(
            atPath: archive.content + "/threads/2025/spring", withIntermediateDirectories: true)
        _ = RawHTTP.read(socket, until: Date().addingTimeInterval(3)) { $0.contains("event: reload") }
        try archive.write("Content/threads/2025/spring/late.md", threadFile(tweets: ["Written in a new folder."]))
        let seen = RawHTTP.read(socket, until: Date().addingTimeInterval(10)) { _ in
            (try? RawHTTP.get("/threads/late/", port: server.port).status) == 200
        }
        #expect(
            try RawHTTP.get("/threads/late/", port: server.port).body.contains("Written in a new folder."), "\(seen)")
    }

    @Test func pollingTakesOverWhereInotifyCannotBeUsed() throws {
        let archive = try Self.archive()
        let server = try ServeProcess(in: archive.root, environment: ["SKEIN_WATCH": "poll"])
        let socket = try server.listenForEvents()
        defer { close(socket) }
        try archive.write("Content/threads/first.md", threadFile(author: "ada", tweets: ["Seen by polling."]))
        let seen = RawHTTP.read(socket, until: Date().addingTimeInterval(10)) { $0.contains("event: reload") }
        #expect(seen.contains("event: reload"))
        #expect(try RawHTTP.get("/threads/first/", port: server.port).body.contains("Seen by polling."))
    }

    @Test func warnsWhenReachableFromOtherMachines() throws {
        let archive = try Self.archive()
        let everywhere = try ServeProcess(in: archive.root, arguments: ["--host", "0.0.0.0"])
        #expect(everywhere.greeting.contains("warning: serving on 0.0.0.0"), "\(everywhere.greeting)")
        let loopback = try ServeProcess(in: archive.root)
        #expect(!loopback.greeting.contains("warning"))
    }

    @Test func aStylesheetChangeOnlySwapsStylesheets() throws {
        let archive = try Self.archive()
        for (name, text) in Theme.builtIn.templates { try archive.write("Templates/\(name).mustache", text) }
        for (name, data) in Theme.builtIn.assets { try archive.write("Templates/assets/" + name, data) }
        let server = try ServeProcess(in: archive.root)
        let socket = try server.listenForEvents()
        defer { close(socket) }
        try archive.write("Templates/assets/skein.css", "body { color: rebeccapurple; }\n")
        let seen = RawHTTP.read(socket, until: Date().addingTimeInterval(10)) { $0.contains("event: ") }
        #expect(seen.contains("event: css") && !seen.contains("event: reload"), "\(seen)")
        #expect(try RawHTTP.get("/assets/skein.css", port: server.port).body.contains("rebeccapurple"))
    }

    @Test func stopsWithinASecondWithABrowserConnected() throws {
        let archive = try Self.archive()
        let server = try ServeProcess(in: archive.root)
        let socket = try server.listenForEvents()
        defer { close(socket) }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("skein-preview-\(server.process.processIdentifier)").path
        #expect(FileManager.default.fileExists(atPath: folder))
        let started = Date()
        kill(server.process.processIdentifier, SIGTERM)
        server.process.waitUntilExit()
        #expect(Date().timeIntervalSince(started) < 1.0)
        #expect(server.process.terminationStatus == 0)
        // The site it built for itself goes with it.
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func theReloadScriptIsNeverInABuiltSite() throws {
        let archive = try Self.archive()
        try archive.build()
        for (path, data) in archive.outputTree() {
            #expect(!String(decoding: data, as: UTF8.self).contains("__skein"), "\(path)")
        }
    }
}
