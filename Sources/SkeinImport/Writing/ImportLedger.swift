import Foundation
import Skein

/// What an import wrote, kept in `Content/imports/<platform>-<handle>.json`: a hash of every file as written, so that
/// a later import can tell a file the user has edited (left alone without `--force`) from one it may update, and
/// the file each thread went to, so that an updated export updates the same files.
struct ImportLedger: Codable, Equatable {
    /// Content-relative path → hash of the bytes the import wrote.
    var files: [String: String] = [:]
    /// Id of a thread's first post → its content-relative file.
    var threads: [String: String] = [:]

    static func path(platform: String, handle: String) -> String {
        "imports/\(platform)-\(handle).json"
    }

    static func load(from path: String) throws(BuildFailure) -> ImportLedger {
        guard let data = FileManager.default.contents(atPath: path) else { return ImportLedger() }
        do { return try JSONDecoder().decode(ImportLedger.self, from: data) } catch {
            throw .invalidInput([
                Diagnostic(
                    .error, at: SourceLocation(file: path),
                    "this record of an earlier import cannot be read (\(describe(error))); delete it to import anew")
            ])
        }
    }

    /// Whether a recorded path is one an import could have written for `handle`: the ledger is a file in the
    /// archive, and a path in it must not lead a later import anywhere else.
    static func isThreadPath(_ path: String, of handle: String) -> Bool {
        path.hasPrefix("threads/\(handle)/") && path.hasSuffix(".md") && ExportFiles.safePath(path) == path
            && !path.contains("//")
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    /// A hash of the bytes, enough to notice that a file changed since it was written.
    static func hash(_ data: Data) -> String {
        "fnv1a64:" + Fingerprint.of(data)
    }
}
