import Mustache
import Testing

@testable import Skein

/// Templates read view models through `child(named:)`; a stored property missing from its switch would render as
/// nothing. Every property of every view model, in a context where all are set, must be reachable.
@Suite struct ViewModelTests {
    @Test func everyStoredPropertyIsReachableFromTemplates() {
        var checked = 0
        func visit(_ value: Any, path: String) {
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional || mirror.displayStyle == .collection {
                for child in mirror.children { visit(child.value, path: path) }
                return
            }
            guard mirror.displayStyle == .struct, let parent = value as? MustacheParent else { return }
            for child in mirror.children {
                guard let label = child.label, !TemplateVariables.isSkeinsOwn(child.value) else { continue }
                #expect(
                    parent.child(named: label) != nil, "\(path).\(label) is not in \(type(of: value)).child(named:)")
                checked += 1
                visit(child.value, path: path + "." + label)
            }
        }
        visit(TemplateVariables.sampleContext, path: "context")
        #expect(checked > 100)
    }

    @Test func unknownTemplateVariablesAreFound() {
        let unknown = TemplateVariables.unknown(in: "{{site.title}}\n{{#thread}}{{titel}}{{/thread}} {{{meta.nope}}}")
        #expect(unknown.map(\.name) == ["titel", "nope"])
        #expect(unknown.map(\.line) == [2, 2])
    }
}
