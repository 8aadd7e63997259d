import Foundation

/// Every file of an archive that a build reads, found once, sorted so that builds never depend on directory order.
public struct ContentInventory: Sendable, Equatable {
    /// The content folder.
    public var root: String
    /// `site.yml`, when the archive has one.
    public var siteFile: String?
    /// `authors/<handle>.yml`, one per author.
    public var authorFiles: [String]
    /// `threads/**/*.md`, at any depth.
    public var threadFiles: [String]
    /// Everything under `media/`, as paths relative to `media/`.
    public var mediaFiles: [String]

    /// Lists the files of the archive at `root`.
    public static func discover(in root: String) throws(BuildFailure) -> ContentInventory {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .fileSystem(
                path: root, reason: "there is no content folder here (pass --content DIR, or run `skein init`)")
        }
        let siteFile = root + "/site.yml"
        return ContentInventory(
            root: root,
            siteFile: FileManager.default.fileExists(atPath: siteFile) ? siteFile : nil,
            authorFiles: files(under: root + "/authors", recursive: false).filter {
                $0.hasSuffix(".yml") || $0.hasSuffix(".yaml")
            }
            .map { root + "/authors/" + $0 },
            threadFiles: files(under: root + "/threads", recursive: true).filter { $0.hasSuffix(".md") }
                .map { root + "/threads/" + $0 },
            mediaFiles: files(under: root + "/media", recursive: true)
        )
    }

    /// Regular files below `folder` as sorted relative paths; hidden files and folders are skipped, and symbolic
    /// links to folders are not followed, so a link loop cannot hang discovery.
    static func files(under folder: String, recursive: Bool) -> [String] {
        let base = URL(fileURLWithPath: folder, isDirectory: true)
        guard
            let enumerator = FileManager.default.enumerator(
                at: base,
                includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey],
                options: recursive ? [.skipsHiddenFiles] : [.skipsHiddenFiles, .skipsSubdirectoryDescendants]
            )
        else { return [] }
        let prefix = base.standardizedFileURL.path + "/"
        var found: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(prefix) { found.append(String(path.dropFirst(prefix.count))) }
        }
        return found.sorted()
    }
}
