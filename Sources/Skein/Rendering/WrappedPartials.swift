import Mustache

// What ``CardMemo``, ``TweetStencils`` and ``PartialMemo`` share: a partial whose text Skein makes once is replaced in the library by a
// wrapper that prints that text, and the partial is rendered on its own over a spy that tells whether it read
// anything of the page around it.

extension MustacheLibrary {
    /// Moves the partial `name` to `original`, registers each of `helpers` (name and text) and then `wrapper` under
    /// `name`, each text after `prefix`, when `accept` takes the library so made. Nothing changes when the partial is
    /// missing or one of the names is taken.
    mutating func wrapPartial(
        _ name: String, movingTo original: String, in wrapper: String, helpers: [String: String], prefix: String,
        accept: (MustacheLibrary) -> Bool = { _ in true }
    ) throws {
        guard let partial = getTemplate(named: name), getTemplate(named: original) == nil,
            helpers.keys.allSatisfy({ getTemplate(named: $0) == nil })
        else { return }
        var wrapped = self
        wrapped.register(partial, named: original)
        for (helper, text) in helpers { wrapped.register(try MustacheTemplate(string: prefix + text), named: helper) }
        guard accept(wrapped) else { return }
        wrapped.register(try MustacheTemplate(string: prefix + wrapper), named: name)
        self = wrapped
    }
}

/// The context below a partial rendered on its own (``CardMemo``, ``TweetStencils``, ``PartialMemo``): hands out `value` once under
/// `name`, and notes any other question, which on a page would have been asked of the page's context.
final class ContextSpy: MustacheParent, @unchecked Sendable {
    let name: String
    let value: Any
    private var handedOut = false
    private(set) var lookedBeyond = false

    init(name: String, value: Any) {
        self.name = name
        self.value = value
    }

    func child(named asked: String) -> Any? {
        if asked == name && !handedOut {
            handedOut = true
            return value
        }
        lookedBeyond = true
        return nil
    }
}
