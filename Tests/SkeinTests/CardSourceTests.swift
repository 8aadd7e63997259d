import Foundation
import Testing

@testable import Skein

/// Listing and thread pages hold cards whose fields are made when a template reads them (``CardSource``): each must
/// give what the card with every field made gives.
@Suite struct CardSourceTests {
    @Test func aCardMadeFieldByFieldGivesTheFieldsOfTheWholeCard() throws {
        // Listings of two per page, so that cards stand at several depths; a thread with a summary and topics.
        var files = ExampleArchive.files
        files["Content/site.yml"] = "title: Test Site\nbase_url: https://example.org/blog/\npage_size: 2\n"
        files["Content/threads/summed.md"] = threadFile(
            author: "ada", date: "2024-03-05", extra: "summary: Said *once*\n",
            tweets: ["A thread about #swift with a [link](/threads/summed/) and @ada.", "And #more."])
        let archive = try TemporaryArchive(files)
        let site = try SiteBuilder.prepare(BuildOptions(content: archive.content, output: archive.output))
        // The sample card has every optional set: a nil would pass for Skein's own.
        let sample = try #require(TemplateVariables.sampleContext.listing?.threads.first)
        let names = Mirror(reflecting: sample).children.compactMap { child in
            TemplateVariables.isSkeinsOwn(child.value) ? nil : child.label
        }
        #expect(names.count == 13)
        var cards = 0
        for page in site.pages where ["home", "author", "topic", "month", "thread"].contains(page.template) {
            let context = page.context
            let shown =
                (context.listing?.threads ?? []) + (context.thread?.moreFromAuthor ?? [])
                + (context.thread?.related ?? [])
            for card in shown {
                let source = try #require(card.source, "\(page.route.filePath): a card made whole")
                for name in names {
                    #expect(
                        String(describing: card.child(named: name))
                            == String(describing: source.card.field(named: name)),
                        "\(page.route.filePath): \(name)")
                }
                cards += 1
            }
        }
        #expect(cards > 20)
    }
}
