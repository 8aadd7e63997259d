import Foundation

/// A place in a source file, printed as `path:line:column`.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The file's path as the build was given it.
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column, counted in Unicode scalars; 0 when unknown.
    public var column: Int

    /// Creates a location; line and column default to the start of the file.
    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location as compilers print it; the path is made relative to the working directory when it lies below it.
    public var description: String {
        let path = SourceLocation.displayPath(file)
        guard line > 0 else { return path }
        return "\(path):\(line):\(max(column, 1))"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// `path` relative to the current directory when it lies inside it, as written otherwise.
    public static func displayPath(_ path: String) -> String {
        let directory = FileManager.default.currentDirectoryPath
        let absolute = path.hasPrefix("/") ? path : directory + "/" + path
        let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return standardized.hasPrefix(prefix) ? String(standardized.dropFirst(prefix.count)) : path
    }
}
