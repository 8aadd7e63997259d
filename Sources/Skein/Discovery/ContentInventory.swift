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

    /// Lists the files of the archive at `root`; a symbolic link that loops back is reported, not followed.
    public static func discover(in root: String, diagnostics: inout [Diagnostic]) throws(BuildFailure)
        -> ContentInventory
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .fileSystem(
                path: root, reason: "there is no content folder here (pass --content DIR, or run `skein init`)")
        }
        let siteFile = root + "/site.yml"
        let contentRoot = realPath(root) ?? root
        func files(under folder: String, recursive: Bool) -> [String] {
            ContentInventory.files(under: folder, recursive: recursive, inside: contentRoot, diagnostics: &diagnostics)
        }
        return ContentInventory(
            root: root,
            siteFile: FileManager.default.fileExists(atPath: siteFile) ? siteFile : nil,
            authorFiles: files(under: root + "/authors", recursive: false)
                .filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.map { root + "/authors/" + $0 },
            threadFiles: files(under: root + "/threads", recursive: true)
                .filter { $0.hasSuffix(".md") }.map { root + "/threads/" + $0 },
            mediaFiles: files(under: root + "/media", recursive: true)
        )
    }

    /// Files below `folder` as sorted relative paths, hidden ones left out. Links to folders are followed unless
    /// they lead back to a folder being walked; a link to nothing is listed, so that reading it reports it.
    /// With `inside`, a link leading out of that folder is reported and left out: content must not pull files of
    /// the machine (`media/keys -> /home/me/.ssh`) into a published site.
    static func files(
        under folder: String, recursive: Bool, inside boundary: String? = nil, diagnostics: inout [Diagnostic]
    ) -> [String] {
        var found: [String] = []
        guard let real = realPath(folder) else { return [] }
        walk(
            folder, prefix: "", ancestors: [real], recursive: recursive, boundary: boundary, into: &found,
            diagnostics: &diagnostics)
        return found.sorted()
    }

    /// `files(under:recursive:diagnostics:)` for folders that hold no content (themes, output), ignoring loops.
    static func files(under folder: String, recursive: Bool) -> [String] {
        var ignored: [Diagnostic] = []
        return files(under: folder, recursive: recursive, diagnostics: &ignored)
    }

    private static func walk(
        _ folder: String, prefix: String, ancestors: Set<String>, recursive: Bool, boundary: String?,
        into found: inout [String], diagnostics: inout [Diagnostic]
    ) {
        guard let entries = entries(of: folder) else { return }
        for (entry, type) in entries where !entry.hasPrefix(".") {
            let path = folder + "/" + entry
            // The folder's listing says what most entries are; a link, or an entry of a file system that does not
            // say, is asked with lstat(2) and stat(2) (FileManager's attributes cost as much as reading a small file).
            if type == DT_REG {
                found.append(prefix + entry)
                continue
            }
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let isLink = (info.st_mode & S_IFMT) == S_IFLNK
            let exists = !isLink || stat(path, &info) == 0
            let isDirectory = exists && (info.st_mode & S_IFMT) == S_IFDIR
            if isLink, exists, let boundary, let target = realPath(path),
                target != boundary, !target.hasPrefix(boundary + "/")
            {
                diagnostics.append(
                    .error(
                        "this symbolic link leads outside the content folder, to \(target); it is not followed",
                        at: SourceLocation(file: path)))
                continue
            }
            if isDirectory {
                guard recursive, let real = realPath(path) else { continue }
                // A link to the folder itself or to any folder above it would be walked forever.
                if ancestors.contains(real) || ancestors.contains(where: { $0.hasPrefix(real + "/") }) {
                    diagnostics.append(
                        .error(
                            "this symbolic link loops back to \(SourceLocation.displayPath(real)); it is not followed",
                            at: SourceLocation(file: path)))
                    continue
                }
                walk(
                    path, prefix: prefix + entry + "/", ancestors: ancestors.union([real]), recursive: true,
                    boundary: boundary, into: &found, diagnostics: &diagnostics)
            } else {
                found.append(prefix + entry)
            }
        }
    }

    /// The names in `folder` (`.` and `..` among them), sorted, each with its type as the listing gives it (`DT_REG`,
    /// `DT_DIR`, `DT_LNK`, `DT_UNKNOWN`…); nil when the folder cannot be read.
    private static func entries(of folder: String) -> [(name: String, type: Int32)]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var entries: [(name: String, type: Int32)] = []
        while let entry = readdir(directory) {
            var name = entry.pointee.d_name
            let text = withUnsafeBytes(of: &name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            entries.append((text, Int32(entry.pointee.d_type)))
        }
        return entries.sorted { $0.name < $1.name }
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
