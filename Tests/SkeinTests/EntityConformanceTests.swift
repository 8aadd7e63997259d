import Foundation
import Skein
import Testing
import Yams

/// twitter-text's conformance suite (`../shared/conformance/twitter-text/extract.yml`), section by section.
@Suite struct EntityConformanceTests {
    struct Case {
        var description: String
        var text: String
        var expected: [String]
    }

    /// Cases where Skein deliberately differs from twitter-text, with the reason.
    static let deliberateDifferences: [String: String] = [:]

    static let suitePath = Paths.conformance + "/extract.yml"

    static func cases(_ section: String) throws -> [Case] {
        let text = try String(contentsOfFile: suitePath, encoding: .utf8)
        let root = try #require(try Yams.load(yaml: text) as? [String: Any])
        let tests = try #require(root["tests"] as? [String: Any])
        let items = try #require(tests[section] as? [[String: Any]])
        return items.map { item in
            Case(
                description: item["description"] as? String ?? "",
                text: item["text"] as? String ?? "",
                expected: (item["expected"] as? [Any] ?? []).map { "\($0)" })
        }
    }

    /// Runs one section, prints its pass rate, and returns the failures not listed as deliberate.
    static func run(_ section: String, extract: (String) -> [String]) throws -> (
        passed: Int, total: Int, failures: [String]
    ) {
        let cases = try cases(section)
        var failures: [String] = []
        var passed = 0
        for item in cases {
            let actual = extract(item.text)
            if actual == item.expected {
                passed += 1
            } else if deliberateDifferences[item.description] == nil {
                failures.append("\(item.description): expected \(item.expected), got \(actual)")
            }
        }
        print("twitter-text \(section): \(passed)/\(cases.count) passed (\(passed * 100 / max(cases.count, 1))%)")
        return (passed, cases.count, failures)
    }

    static var suiteIsPresent: Bool { FileManager.default.fileExists(atPath: suitePath) }

    @Test(.enabled(if: suiteIsPresent, "../shared/conformance/twitter-text/extract.yml is not on this machine"))
    func everyMentionCasePasses() throws {
        let result = try Self.run("mentions") { EntityExtractor.mentions(in: $0).map(\.value) }
        #expect(result.failures.isEmpty, "\(result.failures.joined(separator: "\n"))")
    }

    @Test(
        .enabled(if: suiteIsPresent, "../shared/conformance/twitter-text/extract.yml is not on this machine"),
        arguments: ["hashtags", "hashtags_from_astral"])
    func everyHashtagCasePasses(section: String) throws {
        let result = try Self.run(section) { EntityExtractor.hashtags(in: $0).map(\.value) }
        #expect(result.failures.isEmpty, "\(result.failures.joined(separator: "\n"))")
    }

    @Test(.enabled(if: suiteIsPresent, "../shared/conformance/twitter-text/extract.yml is not on this machine"))
    func atLeastNinetyPercentOfURLCasesPass() throws {
        let result = try Self.run("urls") { EntityExtractor.urls(in: $0).map(\.value) }
        #expect(result.passed * 10 >= result.total * 9, "\(result.failures.joined(separator: "\n"))")
    }
}
