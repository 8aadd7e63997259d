/// A small archive exercising every page type: three authors (one without a profile), topics, pagination.
enum ExampleArchive {
    static let files: [String: String] = [
        "Content/authors/ada.yml": "name: Ada Lovelace\nbio: Writes about **engines**. Friends with @bob.\n",
        "Content/authors/bob.yml": "name: Bob\nurl: https://bob.example/\n",
        "Content/threads/first.md": threadFile(
            author: "ada", date: "2024-01-05T10:00:00Z", extra: "topics: [engines]\n",
            tweets: [
                "The first thread. It has #Engines and mentions @bob.", "Second tweet with https://example.org/page",
                "Third.",
            ]),
        "Content/threads/nested/deeper/second.md": threadFile(
            author: "bob", date: "2024-02-10", extra: "title: Bob's thread\n", tweets: ["Hello #engines", "Bye @carol"]),
        "Content/threads/third.md": threadFile(
            author: "carol", date: "2024-02-11", tweets: ["Carol has no profile. #Knitting"]),
        "Content/threads/draft.md": threadFile(
            author: "ada", date: "2024-03-01", extra: "draft: true\n", tweets: ["Unfinished."]),
    ]
}
