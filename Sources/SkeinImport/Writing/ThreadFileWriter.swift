import Foundation
import Skein
import Yams

/// The text of the files an import writes: thread files in Skein's format (front matter, then the posts separated
/// by `---`, each with its `{id=… time=… url=…}` line) and the author's profile.
enum ThreadFileWriter {
    static func thread(_ thread: AssembledThread, author: String) -> String {
        let first = thread.posts[0]
        var text = "---\n"
        text += yaml([("author", author), ("date", timestamp(first.date)), ("source", first.url)])
        text += "---\n"
        for (number, post) in thread.posts.enumerated() {
            if number > 0 { text += "---\n" }
            text += "{id=\(attribute(post.id)) time=\(timestamp(post.date)) url=\(attribute(post.url))}\n"
            var body = post.markdown
            if number == 0, thread.missingParent != nil {
                var note = MarkdownText()
                if let parentURL = first.parentURL {
                    note.markdown("*Continues ")
                    note.link("a post", to: parentURL)
                    note.markdown(" that is not in the export.*")
                } else {
                    note.markdown("*Continues a post that is not in the export.*")
                }
                // After the post's own text, which gives the thread its title.
                body = (body.isEmpty ? "" : body + "\n\n") + note.finish()
            }
            text += (body.isEmpty ? "*(This post has no text.)*" : body) + "\n"
        }
        return text
    }

    static func author(_ author: ImportedAuthor) -> String {
        var pairs: [(String, String)] = []
        if let name = author.name { pairs.append(("name", name)) }
        if let bio = author.bio { pairs.append(("bio", bio)) }
        if let avatar = author.avatar { pairs.append(("avatar", avatar.destination)) }
        if let url = author.url, url.hasPrefix("https://") || url.hasPrefix("http://") { pairs.append(("url", url)) }
        return pairs.isEmpty ? "{}\n" : yaml(pairs)
    }

    /// A YAML mapping of strings, in the given order, quoted wherever YAML needs it.
    static func yaml(_ pairs: [(String, String)]) -> String {
        let mapping = Node.mapping(Node.Mapping(pairs.map { (Node($0.0), Node($0.1)) }))
        return (try? Yams.serialize(node: mapping, width: -1, allowUnicode: true)) ?? ""
    }

    /// An attribute value has no spaces or braces; URLs and ids never do, but a hostile export might.
    private static func attribute(_ value: String) -> String {
        value.filter { !$0.isWhitespace && $0 != "{" && $0 != "}" }
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
