import Foundation

/// `skein new` and `skein init`: files a writer starts from.
public enum Scaffold {
    /// Writes `threads/<slug>.md` in `content` with front matter dated `date`; returns its path.
    public static func newThread(
        slug: String, author: String, topics: [String], content: String, date: Date = Date(),
        timeZone: TimeZone = .current
    ) throws(BuildFailure) -> String {
        guard Slug.isValid(slug) else {
            throw .fileSystem(
                path: slug, reason: "a slug is lower-case letters, digits and hyphens, such as my-first-thread")
        }
        let handle = author.hasPrefix("@") ? String(author.dropFirst()) : author
        guard Handle.isValid(handle) else {
            throw .fileSystem(path: author, reason: "a handle is letters, digits, `_`, `.` and `-`")
        }
        let path = content + "/threads/" + slug + ".md"
        guard !FileManager.default.fileExists(atPath: path) else {
            throw .fileSystem(path: path, reason: "a thread with this slug exists already")
        }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        var frontMatter = "---\nauthor: \(handle)\ndate: \(formatter.string(from: date))\n"
        let cleanTopics = topics.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if !cleanTopics.isEmpty {
            frontMatter += "topics: [\(cleanTopics.map(yamlQuoted).joined(separator: ", "))]\n"
        }
        frontMatter += "---\n"
        let body =
            "The first tweet of the thread. Its first sentence becomes the title unless you set `title:`.\n---\nThe second tweet.\n"
        try write(frontMatter + body, to: path)
        return path
    }

    /// Writes a new archive in `directory`: `Content/` with a site, an author and a thread, and `Templates/`.
    public static func newArchive(in directory: String, date: Date = Date()) throws(BuildFailure) -> [String] {
        let content = directory + "/Content"
        guard !FileManager.default.fileExists(atPath: content) else {
            throw .fileSystem(path: content, reason: "it exists already; `skein init` only starts new archives")
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        var written: [String] = []
        let files: [(String, String)] = [
            (
                "Content/site.yml",
                """
                title: My thread archive
                description: Threads worth keeping.
                base_url: https://example.org/
                language: en
                timezone: UTC
                page_size: 20

                """
            ),
            (
                "Content/authors/me.yml",
                """
                name: Your Name
                bio: What you write about, in **Markdown**.
                url: https://example.org/

                """
            ),
            (
                "Content/threads/hello-world.md",
                """
                ---
                author: me
                date: \(formatter.string(from: date))
                topics: [meta]
                ---
                This is the first tweet of my archive. Each tweet is Markdown. #archives
                ---
                Tweets are separated by a line of three hyphens. Mention @me or link https://example.org/ and they become links.
                ---
                Run `skein build` and open Output/index.html.

                """
            ),
            (".gitignore", "Output/\n.skein-cache/\n.build/\n"),
        ]
        for (path, text) in files {
            try write(text, to: directory + "/" + path)
            written.append(directory + "/" + path)
        }
        let theme = Theme.builtIn
        for (name, text) in theme.templates.sorted(by: { $0.key < $1.key }) {
            try write(text, to: directory + "/Templates/" + name + ".mustache")
        }
        for (name, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            try write(String(decoding: data, as: UTF8.self), to: directory + "/Templates/assets/" + name)
        }
        written.append(directory + "/Templates/")
        return written
    }

    private static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func write(_ text: String, to path: String) throws(BuildFailure) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw .fileSystem(path: path, reason: "cannot write it (\((error as NSError).localizedDescription))")
        }
    }
}
