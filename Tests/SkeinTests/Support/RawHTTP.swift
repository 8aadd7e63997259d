import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A bare HTTP/1.1 client over a socket, so that requests go out exactly as written (URL libraries normalise `..`).
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// Sends `request` (a whole request, CRLFs included) to 127.0.0.1:`port` and reads until the server closes or
    /// `timeout` passes; returns everything read.
    static func exchange(_ request: String, port: Int, timeout: Double = 5) throws -> String {
        let socket = try connect(port: port)
        defer { close(socket) }
        _ = request.withCString { send(socket, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        return read(socket, until: Date().addingTimeInterval(timeout)) { _ in false }
    }

    /// A GET of `path` with `Connection: close`, parsed.
    static func get(_ path: String, port: Int, headers: String = "") throws -> Response {
        let text = try exchange(
            "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\(headers)\r\n", port: port)
        return parse(text)
    }

    static func parse(_ text: String) -> Response {
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first?.components(separatedBy: "\r\n") ?? []
        let status = head.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            let pair = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 { headers[pair[0].lowercased()] = pair[1] }
        }
        return Response(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    static func connect(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
        return descriptor
    }

    /// Reads until the peer closes, `deadline` passes, or `done` says the text so far is enough.
    static func read(_ socket: Int32, until deadline: Date, done: (String) -> Bool) -> String {
        var text = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            var request = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&request, 1, 50) > 0 else { continue }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            text.append(contentsOf: buffer[0..<count])
            if done(String(decoding: text, as: UTF8.self)) { break }
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// A `skein serve` process on a free port, stopped when the test ends.
final class ServeProcess {
    let process = Process()
    let port: Int
    private let output = Pipe()

    /// Everything the server printed up to its URL.
    private(set) var greeting = ""

    init(in folder: String, arguments: [String] = [], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: try #require(CommandLineTests.binary))
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = output
        process.standardError = output
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        try process.run()
        // The first line names the URL: "Serving Content at http://127.0.0.1:PORT/ (Ctrl-C to stop)".
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        let handle = output.fileHandleForReading
        while !text.contains("(Ctrl-C to stop)") && Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let range = text.range(of: #"http://[^/ ]+:\d+"#, options: .regularExpression),
            let port = Int(text[range].split(separator: ":").last ?? "")
        else { throw POSIXError(.EIO) }
        self.port = port
        greeting = text
    }

    /// A socket subscribed to the server's events, as a browser's page is; the stream has started when this returns.
    func listenForEvents() throws -> Int32 {
        let socket = try RawHTTP.connect(port: port)
        _ = "GET /__skein/events HTTP/1.1\r\nHost: x\r\n\r\n".withCString {
            send(socket, $0, strlen($0), Int32(MSG_NOSIGNAL))
        }
        let head = RawHTTP.read(socket, until: Date().addingTimeInterval(5)) { $0.contains(": connected") }
        #expect(head.contains("text/event-stream") && head.contains(": connected"), "\(head)")
        return socket
    }

    /// Stopped as Ctrl-C stops it, so that it removes its build folder from the temporary folder; killed only if it
    /// has not stopped within five seconds.
    deinit {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        var status: Int32 = 0
        waitpid(process.processIdentifier, &status, WNOHANG)
    }
}
