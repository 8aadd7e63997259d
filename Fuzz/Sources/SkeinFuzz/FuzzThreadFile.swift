import Foundation
import Skein

/// One input: parsed as a thread file, and every tweet that parses rendered through the Markdown stage.
/// Any crash, hang or sanitizer report is a bug; the parser's diagnostics are the expected outcome for bad input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzThreadFile(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    var diagnostics: [Diagnostic] = []
    let text = String(decoding: data, as: UTF8.self)
    let renderer = MarkdownRenderer(mentions: .init(knownHandles: ["ada"], baseURL: URL(string: "https://x.com/")!))
    if let thread = ThreadFileParser.parse(text: text, file: "fuzz.md", diagnostics: &diagnostics) {
        for tweet in thread.tweets { _ = renderer.render(tweet.markdown) }
    }
    // Markdown alone too, so inputs that are not thread files still reach libcmark and the entity extractor.
    _ = renderer.render(text)
    _ = EntityExtractor.entities(in: text)
    return 0
}

/// libFuzzer's driver, for SwiftPM's renamed entry point of an executable target.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

/// The executable's entry point: hands control to libFuzzer with the command line.
@_cdecl("SkeinFuzz_main")
public func fuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    // Compiled regular expressions live as long as the process; create them before the leak checker starts counting.
    _ = EntityExtractor.entities(in: "warm up #tag @name example.com")
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { start, size in fuzzThreadFile(start, size) }
}
