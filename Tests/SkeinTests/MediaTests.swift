import Foundation
import Testing

@testable import Skein

/// Images keep their place while they load (width and height from the file), and videos play.
@Suite struct MediaTests {
    @Test func sizesAreReadFromEveryCommonFormat() {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 0x04, 0xB0, 0, 0, 0x03, 0x20]  // 1200 × 800
        #expect(ImageSize.read(Data(png)) == ImageSize(width: 1200, height: 800))

        let gif = Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00]  // 320 × 240, little-endian
        #expect(ImageSize.read(Data(gif)) == ImageSize(width: 320, height: 240))

        // A JPEG with an APP0 segment before its frame header (SOF2, progressive).
        let jpeg: [UInt8] =
            [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + [UInt8](repeating: 0, count: 14)
            + [0xFF, 0xC2, 0x00, 0x11, 0x08, 0x02, 0x58, 0x03, 0x20, 0x03]  // height 600, width 800
        #expect(ImageSize.read(Data(jpeg)) == ImageSize(width: 800, height: 600))

        var webp = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [UInt8](repeating: 0, count: 8)
        webp += [0x7F, 0x02, 0x00, 0xDF, 0x01, 0x00]  // 640 × 480, stored minus one
        #expect(ImageSize.read(Data(webp)) == ImageSize(width: 640, height: 480))

        let svg = #"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="300px" height="150">"#
        #expect(ImageSize.read(Data(svg.utf8)) == ImageSize(width: 300, height: 150))
        let viewBox = #"<svg viewBox="0 0 96 48" xmlns="http://www.w3.org/2000/svg"><rect/></svg>"#
        #expect(ImageSize.read(Data(viewBox.utf8)) == ImageSize(width: 96, height: 48))
        #expect(ImageSize.read(Data("not an image".utf8)) == nil)
        #expect(ImageSize.read(Data([0xFF, 0xD8, 0xFF])) == nil, "a cut-short JPEG has no size")
    }

    @Test func localImagesGetTheirSizeAndVideosPlay() {
        var renderer = MarkdownRenderer(mentions: .init(knownHandles: [], baseURL: URL(string: "https://x.com/")!))
        renderer.imageSizes = ["a/chart.png": ImageSize(width: 1200, height: 800)]
        let html = renderer.render(
            "![A chart](/media/a/chart.png) ![Unknown](/media/a/other.png) ![Far](https://example.org/x.png)\n\n"
                + "![A clip](/media/a/clip.mp4)\n\n![](media/a/loop.mp4 \"gif\")"
        ).html
        #expect(
            html.contains(
                "<img src=\"skein:media/a/chart.png\" alt=\"A chart\" width=\"1200\" height=\"800\" loading=\"lazy\" />"
            ))
        #expect(html.contains("<img src=\"skein:media/a/other.png\" alt=\"Unknown\" />"))
        #expect(html.contains("<img src=\"https://example.org/x.png\" alt=\"Far\" />"))
        #expect(
            html.contains(
                "<video src=\"skein:media/a/clip.mp4\" controls preload=\"metadata\" playsinline aria-label=\"A clip\"></video>"
            ))
        #expect(html.contains("<video src=\"skein:media/a/loop.mp4\" autoplay loop muted playsinline></video>"))
    }
}
