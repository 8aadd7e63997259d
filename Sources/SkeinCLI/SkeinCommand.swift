import ArgumentParser
import Foundation
import Skein

@main
struct SkeinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skein",
        abstract: "Build fast, permanent websites from archives of social-media threads.",
        discussion: """
            Run from anywhere inside an archive: skein finds the nearest folder upward that holds Content/site.yml.

            Exit status: 0 success, 1 content errors, 2 usage errors, 3 a file or folder that cannot be read or \
            written (the message says which, and what to do).

            Examples:
              skein build
              skein check --format github
              skein serve
              skein new my-thread --author ada
            """,
        version: SkeinVersion.string,
        subcommands: [Build.self, Check.self, Serve.self, New.self, Init.self, Import.self]
    )

    /// Runs the command. Usage errors exit with 2 and a one-line hint, as in most command-line tools.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let word = arguments.first, !word.hasPrefix("-"), word != "help",
            !commandNames.contains(word)
        {
            usageError("unknown command '\(word)'\(suggestion(for: word).map { "; did you mean '\($0)'?" } ?? "")")
        }
        if arguments.first == "import", arguments.count > 1, !arguments[1].hasPrefix("-"), arguments[1] != "help" {
            let kinds = names(of: Import.configuration.subcommands)
            let kind = arguments[1]
            if !kinds.contains(kind) {
                let nearest = suggestion(for: kind, among: kinds).map { "; did you mean '\($0)'?" }
                usageError("unknown kind of export '\(kind)' (\(kinds.joined(separator: " or ")))\(nearest ?? "")")
            }
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure { usageError(message(for: error)) }
            exit(withError: error)
        }
    }

    static func usageError(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\nRun 'skein --help' for usage.\n".utf8))
        Foundation.exit(2)
    }

    /// The subcommands' names.
    static var commandNames: [String] { names(of: configuration.subcommands) }

    /// The names of `commands`. (A loop: `map(\._commandName)` over these metatypes crashes Swift 6.3's compiler.)
    static func names(of commands: [ParsableCommand.Type]) -> [String] {
        var names: [String] = []
        for command in commands { names.append(command._commandName) }
        return names
    }

    /// The command nearest to `word`, when it is close enough to be a typo.
    static func suggestion(for word: String, among names: [String] = commandNames) -> String? {
        let best = names.map { ($0, distance(word, $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, best.0.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
