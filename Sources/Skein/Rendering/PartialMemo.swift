import Mustache
import Synchronization

/// Many pages include a partial over values that print the same: the site header at each depth, an author's card
/// beside each of their threads. swift-mustache's work for each tag (splitting the name, casting every object it looks
/// in) is most of a page's time, so each partial's text is remembered by what it read, and a page whose values read the
/// same is given that text without rendering it.
///
/// Rendering a partial is a pure function of the answers to the questions it asks of its context: the first question
/// is always the same, and each next one depends only on the answers before it. So when a partial is first rendered
/// over an object, it is rendered over a recorder that notes each question (a name asked of the object or of an object
/// found in it, or the object printed whole) and a key of its answer, and the text is stored under that sequence in a
/// tree. Another page asks the same questions of its own object, straight from Skein's view models (no
/// swift-mustache), and follows the tree while the answers' keys match: a leaf is the text. A key is the kind of the
/// answer and, for texts, numbers and flags, their value, hashed with Swift's `Hasher` (seeded anew in each process,
/// so that content cannot be made to collide); an object's key is only that it is one, since what the partial reads
/// of it is asked as questions of its own.
///
/// This gives the bytes of rendering the partial in place only when its text depends on nothing but the object it is
/// included over, so:
/// - the theme (``Theme/compile(diagnostics:)``) wraps a partial only when ``Theme/partialIsReusable(_:in:)`` holds
///   (no transform, which may read the list's position; no block, parent, set delimiter or pragma; nothing indented)
///   and no field is given to templates as a plain string (``Theme/namesPartialsByFields``);
/// - the partial is remembered only over a view model (``MustacheObject``), and while rendering it over the recorder
///   looks nothing up below that object (the context below is a spy) and is answered only with values whose keys are
///   known (texts, numbers, flags, nulls, view models and lists of them). Once either fails, the partial is rendered in
///   place for the rest of the build.
///
/// A partial whose texts are seldom asked for again (a page's own byline) stops being remembered once it has been
/// used 64 times with fewer than one in four found: its tree is let go, and the pages rendered after that get a library
/// that holds the partial itself in the wrapper's place. Which pages are rendered first depends on scheduling; what
/// they are rendered to does not.
///
/// A cold build of 1,000 threads ran 5.6 % fewer instructions with it (the site header and footer and the author's card
/// beside each thread are found; a thread's line in "More from" and "Related" lists, with five names each, cost more
/// through the memo than in place, and are left inline in the default theme).
final class PartialMemo: Sendable {
    /// What the wrapper asks of the object it stands over: `skeinMemo.p<number>`, the partial's text or a null.
    static let field = "skeinMemo"
    /// What the context below a partial rendered over the recorder hands out.
    static let topField = "skeinMemoTop"
    /// The theme's partial `name`, when its name holds the wrapper.
    static func original(_ name: String) -> String { "skein.memo-in-place." + name }
    static func once(_ name: String) -> String { "skein.memo-once." + name }

    /// The wrapper of the partial with `number`: prints the remembered text, or renders the partial in place when
    /// there is none (the object is not a view model, or the partial is no longer remembered).
    static func wrapper(_ name: String, number: Int) -> String {
        let tag = ".\(field).p\(number)"
        return "{{#\(tag)}}{{{.}}}{{/\(tag)}}{{^\(tag)}}{{> \(original(name))}}{{/\(tag)}}"
    }

    /// The library pages are rendered with: the theme's, with the wrapper of each partial no longer remembered put back
    /// to the partial itself, so that its pages do not pay for the wrapper's two lookups.
    private let libraries: Mutex<MustacheLibrary>
    private let entries: [Entry]

    /// How often each partial was used and found, and whether it is still remembered, by name (for tests).
    var uses: [String: (uses: Int, found: Int, remembered: Bool)] {
        Dictionary(
            uniqueKeysWithValues: entries.map { entry in
                (entry.name, entry.state.withLock { ($0.uses, $0.hits, $0.usable) })
            })
    }

    private init(library: MustacheLibrary, names: [String]) {
        self.libraries = Mutex(library)
        self.entries = names.map(Entry.init)
    }

    /// The library to render a page with.
    var library: MustacheLibrary { libraries.withLock { $0 } }

    /// Wraps each of `names` (theme partials that passed the checks above) in ``wrapper(_:number:)``, numbered in
    /// sorted order.
    /// Only the partials wrapped are numbered, so that ``installed(in:templates:)`` finds the same numbers from the
    /// library alone.
    static func install(in library: inout MustacheLibrary, names: [String], prefix: String) throws {
        var number = 0
        for name in names.sorted() {
            let render = "{{#\(topField)}}{{> \(original(name))}}{{/\(topField)}}"
            try library.wrapPartial(
                name, movingTo: original(name), in: wrapper(name, number: number), helpers: [once(name): render],
                prefix: prefix)
            if library.getTemplate(named: original(name)) != nil { number += 1 }
        }
    }

    /// The memo of the partials of `templates` that `library` holds wrapped, numbered in sorted order as
    /// ``install(in:names:prefix:)`` numbered them; nil when there are none.
    static func installed(in library: MustacheLibrary, templates: [String: String]) -> PartialMemo? {
        let names = templates.keys.sorted().filter { library.getTemplate(named: original($0)) != nil }
        return names.isEmpty ? nil : PartialMemo(library: library, names: names)
    }

    /// The text of the partial with `number` over `object`, remembered or rendered over the recorder; nil when it must
    /// be rendered in place.
    func text(of number: Int, over object: MustacheObject) -> String? {
        guard entries.indices.contains(number) else { return nil }
        let entry = entries[number]
        guard let use = entry.state.withLock({ $0.usable ? $0.startUse() : nil }) else { return nil }
        var replay = Replay(top: object, questions: use.questions)
        if let root = use.root, let text = replay.find(from: root, in: entry) {
            entry.state.withLock { $0.hits += 1 }
            return text
        }
        let recorder = Recorder()
        let spy = ContextSpy(name: Self.topField, value: RecordingObject(object, path: [], recorder: recorder))
        guard let text = library.render(spy, withTemplate: entry.once), !spy.lookedBeyond, !recorder.failed else {
            entry.state.withLock { $0.stop() }
            unwrap(entry.name)
            return nil
        }
        if entry.state.withLock({ $0.insert(recorder.links, text: text) }) == .stopped { unwrap(entry.name) }
        return text
    }

    /// Puts the partial `name` itself back in the library that pages are rendered with.
    private func unwrap(_ name: String) {
        libraries.withLock { library in
            if let partial = library.getTemplate(named: Self.original(name)) { library.register(partial, named: name) }
        }
    }

    /// The partial's questions so far, and whether one was answered with a value the memo cannot key.
    private final class Recorder {
        var links: [(question: Question, key: Int)] = []
        var failed = false

        /// Notes the question and its answer's key; returns the answer as the recorder hands it to swift-mustache.
        func answer(_ question: Question, with value: Any?) -> Any? {
            guard let (key, found) = PartialMemo.key(of: value) else {
                failed = true
                return value
            }
            links.append((question, key))
            guard let name = question.name else { return value }
            switch found {
            case .one(let object):
                return RecordingObject(object, path: question.path + [.field(name)], recorder: self)
            case .many(let objects):
                return objects.enumerated().map { index, object in
                    RecordingObject(object, path: question.path + [.field(name), .item(index)], recorder: self)
                }
            case nil: return value
            }
        }
    }

    /// A view model as the recorder hands it out: every name asked of it, and its printing whole, is noted.
    private final class RecordingObject: MustacheParent, CustomStringConvertible {
        let object: MustacheObject
        let path: [Step]
        let recorder: Recorder

        init(_ object: MustacheObject, path: [Step], recorder: Recorder) {
            self.object = object
            self.path = path
            self.recorder = recorder
        }

        func child(named name: String) -> Any? {
            // A remembered partial inside this one is rendered in place, its questions noted as this one's.
            if name == PartialMemo.field { return nil }
            return recorder.answer(Question(path: path, name: name), with: object.child(named: name))
        }

        var description: String {
            let text = String(describing: object)
            _ = recorder.answer(Question(path: path, name: nil), with: MustacheText(text: text))
            return text
        }
    }

    /// One step from the object the partial stands over to an object found in it.
    enum Step: Hashable {
        case field(String)
        case item(Int)
    }

    /// A question a partial asks: a name of the object at `path`, or (`name` nil) the object printed whole.
    struct Question: Hashable {
        let path: [Step]
        let name: String?
    }

    /// A view model, or a list of them, that an answer holds.
    enum Found {
        case one(MustacheObject)
        case many([MustacheObject])
    }

    /// The key of an answer, and the view models it holds, if any; nil for a value the memo does not know. The answer's
    /// type is compared before it is cast: a cast that fails costs hundreds of instructions.
    static func key(of value: Any?) -> (key: Int, found: Found?)? {
        var hasher = Hasher()
        var found: Found?
        guard let value else { return (2, nil) }
        switch ObjectIdentifier(type(of: value)) {
        case ObjectIdentifier(MustacheText.self):
            hasher.combine(1)
            hasher.combine((value as! MustacheText).text)
        case ObjectIdentifier(MustacheNull.self): return (3, nil)
        case ObjectIdentifier(MustacheObject.self):
            found = .one(value as! MustacheObject)
            hasher.combine(4)
        case ObjectIdentifier(Bool.self):
            hasher.combine(5)
            hasher.combine(value as! Bool)
        case ObjectIdentifier(Int.self):
            hasher.combine(6)
            hasher.combine(value as! Int)
        case ObjectIdentifier([MustacheObject].self):
            let objects = value as! [MustacheObject]
            found = .many(objects)
            hasher.combine(7)
            hasher.combine(objects.count)
        case ObjectIdentifier(String.self):
            hasher.combine(9)
            hasher.combine(value as! String)
        case ObjectIdentifier([String].self):
            hasher.combine(8)
            hasher.combine(value as! [String])
        default: return nil
        }
        return (hasher.finalize(), found)
    }

    /// A page's own answers to the questions of a partial's tree.
    private struct Replay {
        let top: MustacheObject
        /// The tree's questions by number, as they were when the replay began: its nodes ask none added later.
        let questions: [Question]
        /// View models found so far, by path.
        private var found: [(path: [Step], found: Found?)] = []
        /// The keys of the answers so far, by question: a partial asks `site` again for each `site.x` it prints.
        private var keys: [Int?]

        init(top: MustacheObject, questions: [Question]) {
            self.top = top
            self.questions = questions
            self.keys = Array(repeating: nil, count: questions.count)
        }

        /// The text at the leaf the page's answers lead to from `node`, or nil.
        mutating func find(from node: Node, in entry: Entry) -> String? {
            var node = node
            while true {
                for link in node.prefix where answerKey(link.question) != link.key { return nil }
                if let text = node.text { return text }
                let key = answerKey(node.branch)
                guard let next = entry.state.withLock({ _ in key.flatMap { node.children[$0] } }) else { return nil }
                node = next
            }
        }

        /// The key of this page's answer to the question with `number`.
        private mutating func answerKey(_ number: Int) -> Int? {
            // A node added after the replay began may ask a question numbered since: a miss.
            guard number < questions.count else { return nil }
            if let key = keys[number] { return key }
            let key = newAnswerKey(number)
            keys[number] = key
            return key
        }

        private mutating func newAnswerKey(_ number: Int) -> Int? {
            let question = questions[number]
            guard case .one(let object) = value(at: question.path) else { return nil }
            guard let name = question.name else {
                return PartialMemo.key(of: MustacheText(text: String(describing: object)))?.key
            }
            guard let (key, answer) = PartialMemo.key(of: object.child(named: name)) else { return nil }
            if let answer {
                let path = question.path + [.field(name)]
                if !found.contains(where: { $0.path == path }) { found.append((path, answer)) }
            }
            return key
        }

        /// The view model at `path`, or the list of them; nil when there is none.
        private mutating func value(at path: [Step]) -> Found? {
            if path.isEmpty { return .one(top) }
            if let known = found.last(where: { $0.path == path }) { return known.found }
            let value: Found? =
                switch (value(at: Array(path.dropLast())), path.last!) {
                case (.one(let parent), .field(let name)): PartialMemo.key(of: parent.child(named: name))?.found
                case (.many(let list), .item(let index)): list.indices.contains(index) ? .one(list[index]) : nil
                default: nil
                }
            found.append((path, value))
            return value
        }
    }

    /// A node of a partial's tree: questions whose answers must have these keys, in order, then either the text (a
    /// leaf) or the question whose answer's key picks the next node. Only `children` changes, under the entry's lock.
    private final class Node: @unchecked Sendable {
        let prefix: [(question: Int, key: Int)]
        let text: String?
        let branch: Int
        var children: [Int: Node]

        init(prefix: [(question: Int, key: Int)], text: String?, branch: Int = -1, children: [Int: Node] = [:]) {
            self.prefix = prefix
            self.text = text
            self.branch = branch
            self.children = children
        }
    }

    /// One wrapped partial: the name of its helper, its tree and the questions the tree asks, by number.
    private final class Entry: Sendable {
        let name: String
        let once: String
        let state = Mutex(State())

        init(name: String) {
            self.name = name
            self.once = PartialMemo.once(name)
        }
    }

    private struct State {
        var root: Node?
        var questions: [Question] = []
        var numbers: [Question: Int] = [:]
        var usable = true
        var uses = 0
        var hits = 0

        /// Counts a use; returns the root to follow, if any, and the questions its nodes ask.
        mutating func startUse() -> (root: Node?, questions: [Question]) {
            uses += 1
            return (root, questions)
        }

        /// No more remembering for this build.
        mutating func stop() {
            usable = false
            root = nil
        }

        enum Insertion { case stored, stopped }

        /// Stores `text` under the questions and keys of `links`, or stops remembering when too few texts were found.
        mutating func insert(_ links: [(question: Question, key: Int)], text: String) -> Insertion {
            if uses >= 64 && hits * 4 < uses {
                stop()
                return .stopped
            }
            let numbered = links.map { (question: number(of: $0.question), key: $0.key) }
            guard let root else {
                root = Node(prefix: numbered, text: text)
                return .stored
            }
            if let replaced = Self.inserting(numbered[...], text: text, into: root) { self.root = replaced }
            return .stored
        }

        /// The number of `question`, given it the first time it is asked.
        private mutating func number(of question: Question) -> Int {
            if let number = numbers[question] { return number }
            questions.append(question)
            numbers[question] = questions.count - 1
            return questions.count - 1
        }

        /// Inserts the rest of a trace below `node`; returns the node that takes `node`'s place when it had to be split.
        private static func inserting(_ links: ArraySlice<(question: Int, key: Int)>, text: String, into node: Node)
            -> Node?
        {
            var links = links
            for (position, link) in node.prefix.enumerated() {
                // The same answers so far lead to the same question; any other difference would be a bug.
                guard let next = links.first, next.question == link.question else { return nil }
                if next.key != link.key {
                    let rest = Node(
                        prefix: Array(node.prefix[(position + 1)...]), text: node.text, branch: node.branch,
                        children: node.children)
                    let added = Node(prefix: Array(links.dropFirst()), text: text)
                    return Node(
                        prefix: Array(node.prefix[..<position]), text: nil, branch: link.question,
                        children: [link.key: rest, next.key: added])
                }
                links = links.dropFirst()
            }
            guard node.text == nil, let next = links.first, next.question == node.branch else { return nil }
            if let child = node.children[next.key] {
                if let replaced = inserting(links.dropFirst(), text: text, into: child) {
                    node.children[next.key] = replaced
                }
            } else {
                node.children[next.key] = Node(prefix: Array(links.dropFirst()), text: text)
            }
            return nil
        }
    }

    /// The page being rendered on this thread, when its partials may be remembered.
    final class Rendering: @unchecked Sendable {
        @TaskLocal static var current: Rendering?

        let memo: PartialMemo
        /// The wrapper asks twice (its section, then its inverted section): the first answer, kept for the second.
        private var pending: (object: ObjectIdentifier, number: Int, text: String?)?

        init(memo: PartialMemo) {
            self.memo = memo
        }

        /// What `skeinMemo` gives on `object`.
        func accessor(over object: MustacheObject) -> Accessor { Accessor(rendering: self, object: object) }

        fileprivate func answer(_ number: Int, over object: MustacheObject) -> Any {
            let text: String?
            if let pending, pending.number == number, pending.object == object.identity {
                text = pending.text
                self.pending = nil
            } else {
                text = memo.text(of: number, over: object)
                pending = (object.identity, number, text)
            }
            return text.map { MustacheText(text: $0) } ?? MustacheNull()
        }
    }

    /// `skeinMemo` of a view model: `p<number>` is the partial's text, or a null.
    struct Accessor: MustacheParent {
        let rendering: Rendering
        let object: MustacheObject

        func child(named name: String) -> Any? {
            guard name.hasPrefix("p"), let number = Int(name.dropFirst()) else { return nil }
            return rendering.answer(number, over: object)
        }
    }
}
