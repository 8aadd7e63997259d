import Foundation

/// A thread as it will be written: its posts in reading order.
struct AssembledThread: Equatable {
    var posts: [ImportedPost]
    /// The id of the post the first one answers, when that post is not in the export.
    var missingParent: String?
}

/// Chains of self-replies become threads. A post with two replies of its own (a branch) keeps the earliest as the
/// thread's next post, and each later one starts a thread of its own. A chain whose first post answers a missing
/// post starts at the first post present. Chains that start as a reply to someone else are left out unless asked.
enum ThreadAssembler {
    static func threads(
        from posts: [ImportedPost], minimumPosts: Int, includeRepliesToOthers: Bool, counts: inout ImportCounts
    ) -> [AssembledThread] {
        let ordered = posts.sorted(by: isEarlier)
        var byID: [String: ImportedPost] = [:]
        for post in ordered where byID[post.id] == nil { byID[post.id] = post }
        var replies: [String: [ImportedPost]] = [:]
        for post in ordered {
            if case .own(let parent) = post.parent, byID[parent] != nil, parent != post.id {
                replies[parent, default: []].append(post)
            }
        }
        var visited: Set<String> = []
        var threads: [AssembledThread] = []

        func subtreeSize(_ root: ImportedPost) -> Int {
            var count = 0
            var stack = [root]
            while let post = stack.popLast() {
                guard visited.insert(post.id).inserted else { continue }
                count += 1
                stack += replies[post.id] ?? []
            }
            return count
        }

        func follow(_ root: ImportedPost) {
            var queue = [root]
            while !queue.isEmpty {
                let start = queue.removeFirst()
                guard !visited.contains(start.id) else { continue }
                var chain: [ImportedPost] = []
                var current: ImportedPost? = start
                while let post = current, visited.insert(post.id).inserted {
                    chain.append(post)
                    let next = (replies[post.id] ?? []).filter { !visited.contains($0.id) }
                    current = next.first
                    queue += next.dropFirst()
                }
                if chain.count < minimumPosts {
                    counts.singlePostsSkipped += chain.count
                    continue
                }
                var missingParent: String?
                if case .own(let parent) = chain[0].parent, byID[parent] == nil {
                    missingParent = parent
                    counts.missingParents += 1
                }
                counts.posts += chain.count
                threads.append(AssembledThread(posts: chain, missingParent: missingParent))
            }
        }

        for post in ordered where !visited.contains(post.id) {
            switch post.parent {
            case .other where !includeRepliesToOthers:
                counts.repliesSkipped += subtreeSize(post)
            case .own(let parent) where byID[parent] != nil && parent != post.id:
                continue
            default:
                follow(post)
            }
        }
        // Whatever is left answers a post of its own chain (ids that loop): start at its earliest post.
        for post in ordered where !visited.contains(post.id) { follow(post) }
        return threads.sorted { isEarlier($0.posts[0], $1.posts[0]) }
    }

    /// Date order, then id order (shorter numeric ids are older).
    static func isEarlier(_ a: ImportedPost, _ b: ImportedPost) -> Bool {
        if a.date != b.date { return a.date < b.date }
        if a.id.count != b.id.count { return a.id.count < b.id.count }
        return a.id < b.id
    }
}
