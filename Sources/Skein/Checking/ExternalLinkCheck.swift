import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `skein check --external`: every outside link of the content, requested once, a few at a time.
enum ExternalLinkCheck {
    /// How many requests run at once.
    static let concurrency = 8

    static func check(_ site: PreparedSite, timeout: Double) -> (diagnostics: [Diagnostic], checked: Int) {
        var places: [String: SourceLocation] = [:]
        var order: [String] = []
        func add(_ url: String, _ location: SourceLocation) {
            guard ThreadFileParser.isWebURL(url), places[url] == nil else { return }
            places[url] = location
            order.append(url)
        }
        for author in site.archive.authors {
            guard let profile = author.profile else { continue }
            for url in (profile.url.map { [$0] } ?? []) + profile.links { add(url, profile.location) }
        }
        for thread in site.archive.threads {
            if let source = thread.source { add(source, SourceLocation(file: thread.file, line: 1, column: 1)) }
            for tweet in thread.tweets {
                for link in tweet.content.links { add(link, tweet.location) }
            }
        }
        let diagnostics = zip(order, requestAll(order, timeout: timeout)).compactMap { url, problem in
            problem.map { Diagnostic.warning("the outside link \(url) \($0)", at: places[url]!) }
        }
        return (diagnostics, order.count)
    }

    /// The problems of `urls`, in order; `concurrency` requests wait at a time (more than the cores: they only wait).
    private static func requestAll(_ urls: [String], timeout: Double) -> [String?] {
        let results = UnsafeMutableBufferPointer<String?>.allocate(capacity: urls.count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let slots = results
        let slotsFree = DispatchSemaphore(value: concurrency)
        let group = DispatchGroup()
        for (index, url) in urls.enumerated() {
            slotsFree.wait()
            DispatchQueue.global().async(group: group) {
                slots[index] = problem(with: url, timeout: timeout)
                slotsFree.signal()
            }
        }
        group.wait()
        return Array(results)
    }

    /// Why `url` is broken, or `nil` when it answers. Servers that refuse HEAD are asked again with GET.
    private static func problem(with url: String, timeout: Double) -> String? {
        guard let target = URL(string: url) else { return "is not a valid URL" }
        var answer = request(target, method: "HEAD", timeout: timeout)
        if case .status(let code) = answer, code == 405 || code == 501 || code == 403 {
            answer = request(target, method: "GET", timeout: timeout)
        }
        switch answer {
        case .status(let code) where code < 400: return nil
        case .status(let code): return "answers \(code) \(HTTPURLResponse.localizedString(forStatusCode: code))"
        case .failure(let reason): return "cannot be reached (\(reason))"
        }
    }

    private enum Answer: Sendable {
        case status(Int)
        case failure(String)
    }

    private static func request(_ url: URL, method: String, timeout: Double) -> Answer {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("Skein link check", forHTTPHeaderField: "User-Agent")
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answer = Answer.failure("no answer within \(Int(timeout)) s")
        let task = URLSession.shared.dataTask(with: request) { _, response, error in
            if let response = response as? HTTPURLResponse {
                answer = .status(response.statusCode)
            } else if let error {
                answer = .failure(error.localizedDescription)
            }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + timeout + 1) == .timedOut { task.cancel() }
        return answer
    }
}
