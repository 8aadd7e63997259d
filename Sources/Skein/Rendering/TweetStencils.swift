import Mustache

/// A thread page shows every tweet through the theme's tweet partial, and swift-mustache's work for each tag (finding
/// the name, casting what it finds) is most of a page's time. Tweets differ only in their fields' texts, so the partial
/// is rendered once for each shape a tweet can have (which of its fields hold nothing), with a marker in place of each
/// field's text: a stencil. A tweet's text is then its shape's stencil with its own texts in the markers' places,
/// escaped where the partial escapes them; the partial's place holds ``wrapper``, one tag that prints it.
///
/// This gives the bytes of rendering the partial in place only when its text depends on nothing but the tweet's
/// fields, and the wrapper prints something only over a tweet; so the theme (``Theme/compile(diagnostics:)``) is
/// given stencils only when all of these hold:
/// - the partial and those it includes use no transform, block, parent, set delimiter or pragma, and no partial or
///   block of the theme is indented (``Theme/partialIsReusable(_:in:)``); no field is given to templates as a plain
///   string (``Theme/namesPartialsByFields``);
/// - the theme includes the partial only as all of a `{{#tweets}}` section (``Theme/includesOnlyPerTweet(_:)``);
/// - for every shape, every name the partial looks up is one of the tweet's fields (the context below the tweet is a
///   spy that notes any other question), and the partial does not print the tweet itself (`{{.}}`).
///
/// Otherwise the partial is rendered in place, as before.
final class TweetStencils: Sendable {
    /// The name the tweet partial is registered under; with stencils, it holds ``wrapper``.
    static let partial = "partials/tweet"
    /// The theme's partial, when its name holds the wrapper.
    static let original = "skein.tweet-in-place"
    static let probe = "skein.tweet-probe"
    /// What the wrapper asks a tweet for: its text (see ``TweetView/child(named:)``).
    static let field = "skeinStencilledTweet"
    static let wrapper = "{{{.\(field)}}}"
    static let probeField = "skeinTweetToProbe"
    static let renderProbe = "{{#\(probeField)}}{{> \(original)}}{{/\(probeField)}}"

    /// By shape (a bit for each field that holds nothing, by position in ``TweetView/fields``).
    private let stencils: [Stencil?]

    /// The partial's text for one shape of tweet, cut at each field's marker.
    struct Stencil: Sendable {
        enum Piece: Sendable {
            case text(String)
            /// The field at this position of ``TweetView/fields``, escaped or as it is.
            case field(Int, escaped: Bool)
        }

        let pieces: [Piece]
        /// The bytes of the text pieces.
        let textSize: Int

        /// The stencil's text with `fields` in the markers' places.
        func filled(with fields: [String?]) -> String {
            var text = ""
            text.reserveCapacity(textSize + fields.reduce(0) { $0 + ($1?.utf8.count ?? 0) } + 64)
            for piece in pieces {
                switch piece {
                case .text(let piece): text += piece
                case .field(let index, let escaped):
                    let value = fields[index] ?? ""
                    text += escaped ? FastHTMLEscaping.escape(value) : value
                }
            }
            return text
        }
    }

    /// The stencils of every shape, made with `library`'s partial ``original``; nil when one cannot be made.
    private init?(library: MustacheLibrary) {
        let count = TweetView.fieldNames.count
        var stencils = [Stencil?](repeating: nil, count: 1 << count)
        // Every subset of the fields that may hold nothing.
        let optional = TweetView.optionalFields.reduce(0) { $0 | 1 << $1 }
        var shape = 0
        repeat {
            guard let stencil = Self.make(shape: shape, library: library) else { return nil }
            stencils[shape] = stencil
            shape = (shape - optional) & optional
        } while shape != 0
        self.stencils = stencils
    }

    /// The stencils of the library's tweet partial, when ``install(in:prefix:)`` put the wrapper in its place.
    static func installed(in library: MustacheLibrary) -> TweetStencils? {
        library.getTemplate(named: original) == nil ? nil : TweetStencils(library: library)
    }

    /// Puts the wrapper in place of the tweet partial, which moves to ``original``, when every shape's stencil can be
    /// made.
    static func install(in library: inout MustacheLibrary, prefix: String) throws {
        try library.wrapPartial(
            partial, movingTo: original, in: wrapper, helpers: [probe: renderProbe], prefix: prefix,
            accept: { TweetStencils(library: $0) != nil })
    }

    /// The tweet's text as the wrapper prints it (`{{{.}}}`).
    func stencilled(_ tweet: TweetView) -> StencilledTweet {
        let fields = tweet.fields
        let shape = fields.indices.reduce(0) { $0 | (fields[$1] == nil ? 1 << $1 : 0) }
        // Only the optional fields can hold nothing: every shape has its stencil.
        return StencilledTweet(stencil: stencils[shape]!, fields: fields)
    }

    /// A tweet's text, made when the wrapper prints it.
    struct StencilledTweet: MustacheCustomRenderable {
        let stencil: Stencil
        let fields: [String?]
        var renderText: String { stencil.filled(with: fields) }
        var isNull: Bool { false }
    }

    /// The marker of the field at `index`: `&` shows whether the partial escaped it (`&amp;`) or not.
    private static func marker(_ index: Int) -> String { "\u{1}\(index)&\u{1}" }

    /// Renders the partial for a tweet of `shape` whose fields hold their markers, and cuts the text at the markers.
    private static func make(shape: Int, library: MustacheLibrary) -> Stencil? {
        var fields: [String: Any] = [:]
        for (index, name) in TweetView.fieldNames.enumerated() {
            fields[name] = shape & 1 << index == 0 ? MustacheText(text: marker(index)) : MustacheNull()
        }
        let probe = Probe(fields: fields)
        let spy = ContextSpy(name: probeField, value: probe)
        guard let text = library.render(spy, withTemplate: Self.probe), !spy.lookedBeyond, !probe.printedWhole else {
            return nil
        }
        return cut(text)
    }

    /// `text` cut at the fields' markers, or nil when it holds anything else between U+0001s.
    private static func cut(_ text: String) -> Stencil? {
        var pieces: [Stencil.Piece] = []
        var textSize = 0
        let parts = text.split(separator: "\u{1}", omittingEmptySubsequences: false)
        // Text, marker, text, marker, …, text.
        guard parts.count % 2 == 1 else { return nil }
        for (position, part) in parts.enumerated() {
            if position % 2 == 0 {
                if !part.isEmpty { pieces.append(.text(String(part))) }
                textSize += part.utf8.count
                continue
            }
            let digits = part.prefix { $0.isASCII && $0.isNumber }
            let rest = part.dropFirst(digits.count)
            guard let index = Int(digits), index < TweetView.fieldNames.count, rest == "&" || rest == "&amp;" else {
                return nil
            }
            pieces.append(.field(index, escaped: rest == "&amp;"))
        }
        return Stencil(pieces: pieces, textSize: textSize)
    }

    /// The tweet a stencil is made from: each field holds its marker, or the null value.
    private final class Probe: MustacheParent, CustomStringConvertible, @unchecked Sendable {
        let fields: [String: Any]
        /// Whether the partial printed the tweet itself (`{{.}}`), which shows every field's text at once.
        var printedWhole = false

        init(fields: [String: Any]) { self.fields = fields }

        func child(named name: String) -> Any? { fields[name] }

        var description: String {
            printedWhole = true
            return ""
        }
    }
}

extension TweetView {
    /// The names of ``fields``, in order.
    static let fieldNames = ["number", "position", "anchor", "html", "timeText", "timeISO", "originalURL"]
    /// The positions in ``fields`` of those that may hold nothing.
    static let optionalFields = [4, 5, 6]

    /// Every field templates read, as its text (nil when it holds nothing), in the order of ``fieldNames``
    /// (`TweetStencilsTests` checks that none is left out).
    var fields: [String?] { [String(number), position, anchor, html, timeText, timeISO, originalURL] }
}

/// How a thread page prints its tweets from stencils (``TweetStencils``). Equal whatever the stencils: they change no
/// byte of the page.
public struct TweetStencilling: Sendable, Hashable {
    let stencils: TweetStencils

    public static func == (_: TweetStencilling, _: TweetStencilling) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
