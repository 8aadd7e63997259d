/// Why a build stopped: bad content, or a failure of the environment around it.
public enum BuildFailure: Error, Sendable, CustomStringConvertible {
    /// The content or the templates have errors; every one of them is listed.
    case invalidInput([Diagnostic])
    /// A folder or file could not be read or written.
    case fileSystem(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidInput(let diagnostics):
            let count = diagnostics.filter { $0.severity == .error }.count
            return "the build found \(count) error\(count == 1 ? "" : "s")"
        case .fileSystem(let path, let reason):
            return "cannot use \(SourceLocation.displayPath(path)): \(reason)"
        }
    }
}
