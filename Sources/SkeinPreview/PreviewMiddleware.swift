import Foundation
import Hummingbird
import ServiceLifecycle

/// Serves the built site: pretty URLs, the 404 page with status 404, no caching, the reload script in every page,
/// and the event stream browsers listen to. Never a file outside the site, never a folder listing.
struct PreviewMiddleware<Context: RequestContext>: RouterMiddleware {
    let site: SiteFiles
    let broadcaster: ReloadBroadcaster
    let report: @Sendable (PreviewServer.Message) -> Void

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        if path == LiveReloadScript.eventsPath { return events() }
        switch site.lookup(path) {
        case .file(let file):
            return try serve(file, status: .ok, head: request.method == .head)
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-cache"])
        case .notFound:
            return try notFound(head: request.method == .head)
        case .refused(let reason):
            report(.refused(path: String(path.prefix(200)), reason: reason))
            return Response(
                status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "Bad request\n")))
        }
    }

    private func serve(_ file: String, status: HTTPResponse.Status, head: Bool) throws -> Response {
        guard var data = FileManager.default.contents(atPath: file) else { return try notFound(head: head) }
        let type = SiteFiles.contentType(of: file)
        if type.hasPrefix("text/html") {
            data = Data(LiveReloadScript.inject(into: String(decoding: data, as: UTF8.self)).utf8)
        }
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-cache"]
        headers[.contentLength] = String(data.count)
        return Response(
            status: status, headers: headers, body: head ? .init() : .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func notFound(head: Bool) throws -> Response {
        if case .file(let page) = site.lookup("/404.html") { return try serve(page, status: .notFound, head: head) }
        return Response(status: .notFound, headers: [.cacheControl: "no-cache"])
    }

    /// Server-Sent Events until the browser leaves or the server shuts down.
    private func events() -> Response {
        let stream = broadcaster.subscribe()
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
                for await event in stream.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: event.serverSentEvent))
                }
                try await writer.finish(nil)
            })
    }
}
