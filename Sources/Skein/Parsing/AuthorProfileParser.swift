import Foundation

/// Reads `Content/authors/<handle>.yml`.
public enum AuthorProfileParser {
    static let knownKeys = ["name", "bio", "avatar", "url", "links"]

    /// The profile in `file`; its handle is the file name.
    public static func parse(file: String, diagnostics: inout [Diagnostic]) -> AuthorProfile? {
        let handle = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let fileStart = SourceLocation(file: file, line: 1, column: 1)
        guard Handle.isValid(handle) else {
            diagnostics.append(
                .error(
                    "'\(handle)' is not a handle: name the file after the handle (letters, digits, `_`, `.`, `-`)",
                    at: fileStart))
            return nil
        }
        guard let source = SourceText.read(file, diagnostics: &diagnostics) else { return nil }
        let errorsBefore = diagnostics.count
        guard
            var yaml = YAMLMapping(
                yaml: source.text, file: file, lineOffset: 0, what: "an author file", diagnostics: &diagnostics)
        else {
            return nil
        }
        let name = yaml.string("name", diagnostics: &diagnostics)?.value
        let bio = yaml.string("bio", diagnostics: &diagnostics)?.value
        let avatar = yaml.string("avatar", diagnostics: &diagnostics)
        let url = yaml.string("url", diagnostics: &diagnostics)
        let links = yaml.strings("links", diagnostics: &diagnostics) ?? []
        yaml.reportUnknownKeys(known: knownKeys, what: "an author file", diagnostics: &diagnostics)
        for link in links + (url.map { [$0] } ?? []) where !ThreadFileParser.isWebURL(link.value) {
            diagnostics.append(.error("'\(link.value)' is not an http or https URL", at: link.location))
        }
        if let avatar, !ThreadFileParser.isWebURL(avatar.value), !MediaPath.isSafe(avatar.value) {
            diagnostics.append(.error("`avatar` must be a URL or a path under Content/media/", at: avatar.location))
        }
        guard !diagnostics[errorsBefore...].containsErrors else { return nil }
        return AuthorProfile(
            handle: handle, name: name, bio: bio, avatar: avatar?.value, url: url?.value, links: links.map(\.value),
            location: fileStart)
    }
}

/// Paths of files under `Content/media/`.
enum MediaPath {
    /// `media/x.jpg`, `/media/x.jpg` and `x.jpg` all name `Content/media/x.jpg`; this gives `x.jpg`.
    static func relative(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        if trimmed.hasPrefix("media/") { trimmed = trimmed.dropFirst("media/".count) }
        return String(trimmed)
    }

    /// Whether `path` stays inside the media folder.
    static func isSafe(_ path: String) -> Bool {
        let components = relative(path).split(separator: "/", omittingEmptySubsequences: false)
        return !components.isEmpty
            && components.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\\") }
            && !path.contains(":")
    }
}
