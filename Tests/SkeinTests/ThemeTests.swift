import Foundation
import Skein
import Testing

@Suite struct ThemeTests {
    /// A copy of the default theme in the archive's folder, with `changes` applied (nil deletes a file).
    func theme(in archive: TemporaryArchive, changes: [String: String?]) throws -> String {
        let folder = archive.root + "/Theme"
        for (name, text) in Theme.builtIn.templates { try archive.write("Theme/\(name).mustache", text) }
        for (path, change) in changes {
            if let change {
                try archive.write("Theme/" + path, change)
            } else {
                try FileManager.default.removeItem(atPath: folder + "/" + path)
            }
        }
        return folder
    }

    @Test func aTemplateSyntaxErrorNamesFileLineAndColumn() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        let folder = try theme(in: archive, changes: ["topics.mustache": "<h1>\n{{#topics}}\n{{name}}\n{{/topic}}\n"])
        let errors = archive.failingBuild(templates: folder)
        #expect(errors.count == 1)
        #expect(errors.first?.location.file == folder + "/topics.mustache")
        #expect(errors.first?.location.line == 4)
        #expect(errors.first?.message.contains("does not match") == true)
    }

    @Test func aMissingPartialIsAnErrorWhereItIsIncluded() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        let folder = try theme(in: archive, changes: ["partials/topics.mustache": nil])
        let errors = archive.failingBuild(templates: folder)
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.message.contains("'partials/topics' does not exist") })
        let inCard = try #require(errors.first { $0.location.file.hasSuffix("partials/card.mustache") })
        #expect(inCard.location.line == 9)
    }

    @Test func aMissingPageTemplateIsAnError() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        let folder = try theme(in: archive, changes: ["month.mustache": nil])
        let errors = archive.failingBuild(templates: folder)
        #expect(errors.map(\.message) == ["the theme has no template 'month', which the site needs"])
    }

    @Test func aThemeFolderReplacesTheBuiltInTheme() throws {
        let archive = try TemporaryArchive(ExampleArchive.files)
        let folder = try theme(in: archive, changes: ["404.mustache": "Custom not-found page for {{site.title}}\n"])
        try archive.write("Theme/assets/extra.css", "body{}")
        try archive.build(templates: folder)
        #expect(archive.read("Output/404.html") == "Custom not-found page for Test Site\n")
        #expect(archive.read("Output/assets/extra.css") == "body{}")
        #expect(archive.read("Output/assets/skein.css") == nil)
    }

    @Test func theBuiltInThemeIsTemplatesFolderAsCommitted() throws {
        let folder = Paths.packageRoot + "/Templates"
        let onDisk = try Theme.load(directory: folder)
        let builtIn = Theme.builtIn
        #expect(onDisk.templates == builtIn.templates, "run `make theme` after editing Templates/")
        #expect(onDisk.assets == builtIn.assets, "run `make theme` after editing Templates/assets/")
    }
}
