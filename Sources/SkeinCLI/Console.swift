import ArgumentParser
import Foundation
import Skein
import Synchronization

/// `--quiet` and `--verbose`, on every command.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print errors only.")
    var quiet = false

    @Flag(
        name: .shortAndLong, help: "Print each stage's timing and counts, and every file written or removed, with why.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }
}

/// Everything the commands print: diagnostics like a compiler, a live progress line on a terminal, a summary.
/// Colour and the progress line appear only when standard error is a terminal and NO_COLOR is not set.
final class Console: Sendable {
    let options: OutputOptions
    let isTerminal: Bool
    let useColour: Bool
    private let progressState = Mutex(ProgressState())

    private struct ProgressState {
        var started = Date()
        var lastDraw = Date.distantPast
        var drawn = false
    }

    init(_ options: OutputOptions) {
        self.options = options
        isTerminal = isatty(STDERR_FILENO) == 1
        useColour = isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes a line to standard error, clearing the progress line first.
    func error(_ text: String) {
        clearProgress()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes a line to standard output unless `--quiet`.
    func say(_ text: String) {
        guard !options.quiet else { return }
        clearProgress()
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// A detail shown with `--verbose`.
    func detail(_ text: String) {
        guard options.verbose else { return }
        error(paint(text, "2"))
    }

    /// One diagnostic; warnings are left out with `--quiet`.
    func report(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .warning && options.quiet { return }
        guard useColour else { return error(diagnostic.description) }
        let colour = diagnostic.severity == .error ? "1;31" : "1;33"
        error(
            "\(paint("\(diagnostic.location):", "1")) \(paint(diagnostic.severity.rawValue + ":", colour)) \(diagnostic.message)"
        )
    }

    /// `--verbose`: how long each stage took.
    func timings(_ timings: [StageTiming]) {
        for timing in timings {
            let cpu = timing.cpuSeconds.map { String(format: " (%.3f s of processor time)", $0) } ?? ""
            let memory = timing.residentBytes.map { ", \($0 / 1_048_576) MB resident" } ?? ""
            detail(
                "  \(timing.stage): \(String(format: "%.3f", timing.seconds)) s\(cpu)\(memory)\(timing.detail.isEmpty ? "" : " (\(timing.detail))")"
            )
        }
    }

    func paint(_ text: String, _ code: String) -> String {
        useColour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The progress handler for the library: redraws one line at most ten times a second, on a terminal only.
    var progress: ProgressHandler? {
        guard isTerminal && !options.quiet else { return nil }
        return { [self] progress in
            progressState.withLock { state in
                let now = Date()
                guard now.timeIntervalSince(state.lastDraw) >= 0.1 || progress.done == progress.total else { return }
                state.lastDraw = now
                state.drawn = true
                let elapsed = String(format: "%.1f", now.timeIntervalSince(state.started))
                let line = "\(progress.stage) \(progress.done)/\(progress.total) · \(elapsed) s"
                FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
            }
        }
    }

    /// Erases the progress line, if one was drawn.
    func clearProgress() {
        progressState.withLock { state in
            guard state.drawn else { return }
            state.drawn = false
            FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        }
    }

    /// Reports a failure and gives its exit status: 1 for content errors, 3 for the environment.
    func fail(_ failure: BuildFailure, untouched: String = "Output was left as it was") -> ExitCode {
        switch failure {
        case .invalidInput(let diagnostics):
            diagnostics.forEach(report)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            var summary = failure.description
            if warnings > 0 && !options.quiet { summary += " and \(plural(warnings, "warning"))" }
            error(summary + "; " + untouched)
            return ExitCode(1)
        case .fileSystem:
            error(paint("error:", "1;31") + " " + failure.description)
            return ExitCode(3)
        }
    }
}

/// `--content` and `--templates`, shared by the commands that read an archive.
struct ArchiveOptions: ParsableArguments {
    @Option(help: "The archive's content folder (default: Content/ of the archive found from here).")
    var content: String?

    @Option(help: "The theme folder (default: Templates/ beside the content folder, else the built-in theme).")
    var templates: String?
}

/// `--drafts` and `--future`, for the commands that build pages.
struct SelectionOptions: ParsableArguments {
    @Flag(help: "Include threads marked draft: true.")
    var drafts = false

    @Flag(help: "Include threads dated in the future.")
    var future = false

    /// The library's form of these flags.
    var selection: ArchiveResolver.Selection { .init(drafts: drafts, future: future) }
}

/// Where a command finds the archive when `--content` is not given: `Content/` here, or the nearest folder upward
/// holding `Content/site.yml`, whose `Output/` is then the default output too.
struct ArchiveLocation {
    var content: String
    var output: String

    init(content: String?, output: String?) {
        let here = FileManager.default.currentDirectoryPath
        if let content {
            self.content = content
            self.output = output ?? "Output"
        } else if FileManager.default.fileExists(atPath: "Content") {
            self.content = "Content"
            self.output = output ?? "Output"
        } else if let root = ArchiveRoot.find(from: here) {
            self.content = SourceLocation.displayPath(root + "/Content")
            self.output = output ?? SourceLocation.displayPath(root + "/Output")
        } else {
            self.content = "Content"
            self.output = output ?? "Output"
        }
    }

    /// `.skein-cache/` beside the content folder: what builds keep between runs.
    var cacheFolder: String {
        URL(fileURLWithPath: content).deletingLastPathComponent().appendingPathComponent(".skein-cache").path
    }
}

/// "1 thread", "2 threads".
func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
