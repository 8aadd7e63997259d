import Foundation

/// Where an archive is: like git finds its repository, the nearest folder upward that holds `Content/site.yml`.
public enum ArchiveRoot {
    /// The archive folder containing `directory`, or `nil` when no folder from it upward holds `Content/site.yml`.
    public static func find(from directory: String) -> String? {
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Content/site.yml").path) {
                return folder.path
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
