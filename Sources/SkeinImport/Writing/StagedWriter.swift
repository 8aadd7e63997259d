import Foundation
import Skein

/// A file an import writes, relative to the content folder.
struct PlannedFile {
    enum Source {
        case text(String)
        case export(String)
    }

    var path: String
    var source: Source
}

/// Writes every file into a hidden folder inside the content folder first, then moves them into place, so that a
/// failure while reading the export leaves the archive as it was.
struct StagedWriter {
    let content: String
    private let staging: String
    private var staged: [String] = []

    init(content: String) {
        self.content = content
        staging = content + "/.skein-import-\(ProcessInfo.processInfo.processIdentifier)"
    }

    mutating func stage(_ bytes: Data, at path: String) throws(BuildFailure) {
        let target = staging + "/" + path
        do {
            try FileManager.default.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try bytes.write(to: URL(fileURLWithPath: target))
        } catch {
            throw .fileSystem(path: content, reason: "cannot write into it (\(error.localizedDescription))")
        }
        staged.append(path)
    }

    mutating func commit() throws(BuildFailure) {
        for path in staged {
            let target = content + "/" + path
            do {
                try FileManager.default.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                if rename(staging + "/" + path, target) != 0 {
                    throw CocoaError(.fileWriteUnknown)
                }
            } catch {
                throw .fileSystem(path: target, reason: "cannot write it (\(error.localizedDescription))")
            }
        }
        staged = []
    }

    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
