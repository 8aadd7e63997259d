import Foundation

/// Images and avatars that name a file of `Content/media/` that is not there.
enum MediaCheck {
    static func missingImages(in archive: Archive, content: String) -> [Diagnostic] {
        let media = Set(archive.mediaFiles)
        var diagnostics: [Diagnostic] = []
        // Threads are read by position: iterating the array would copy each thread, retaining its strings and arrays.
        for index in archive.threads.indices where archive.threads[index].hasImages {
            for tweet in archive.threads[index].tweets {
                for image in tweet.content.images.map(\.url) where InternalLink.fromSitePath(image) != nil {
                    let path = image.drop { $0 == "/" }
                    guard path.hasPrefix("media/") else { continue }
                    let relative = String(path.dropFirst("media/".count)).removingPercentEncoding ?? ""
                    if !media.contains(relative) {
                        diagnostics.append(
                            .error("the image '\(image)' is not in \(content)/media/", at: tweet.location))
                    }
                }
            }
        }
        for author in archive.authors {
            guard let profile = author.profile, let avatar = profile.avatar, !ThreadFileParser.isWebURL(avatar) else {
                continue
            }
            if !media.contains(MediaPath.relative(avatar)) {
                diagnostics.append(.error("the avatar '\(avatar)' is not in \(content)/media/", at: profile.location))
            }
        }
        return diagnostics
    }
}
