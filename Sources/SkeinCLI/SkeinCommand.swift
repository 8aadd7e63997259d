import ArgumentParser
import Foundation
import Skein

@main
struct SkeinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skein",
        abstract: "Build fast, permanent websites from archives of social-media threads.",
        version: "0.1.0",
        subcommands: [Build.self, Check.self, New.self, Init.self]
    )

    /// Runs the command; usage errors exit with 2, as in most command-line tools, rather than 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.printError(message(for: error))
                Terminal.printError("Run 'skein --help' for usage.")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Prints diagnostics the way compilers do, coloured only on a terminal without NO_COLOR.
enum Terminal {
    static let useColour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func report(_ diagnostic: Diagnostic) {
        guard useColour else { return printError(diagnostic.description) }
        let colour = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        printError(
            "\u{1B}[1m\(diagnostic.location):\u{1B}[0m \(colour)\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)"
        )
    }

    /// Reports a failure and gives the exit code for it.
    static func fail(_ failure: BuildFailure) -> ExitCode {
        switch failure {
        case .invalidInput(let diagnostics):
            diagnostics.forEach(report)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            printError(
                "\(failure.description)\(warnings > 0 ? " and \(warnings) warning\(warnings == 1 ? "" : "s")" : ""); Output was left as it was"
            )
        case .fileSystem:
            printError((useColour ? "\u{1B}[1;31merror:\u{1B}[0m " : "error: ") + failure.description)
        }
        return ExitCode(1)
    }
}
