import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Watches folders recursively and reports which paths changed, a burst of saves (an editor's write, rename and
/// chmod) as one batch. Uses inotify on Linux, with one watch per folder and folders added as they appear; elsewhere,
/// or when inotify is unavailable, it compares the folders' files every half second.
final class ContentWatcher: Sendable {
    /// How long the folders must be quiet before a batch is reported.
    static let quietPeriod = 0.05

    private let folders: [String]
    private let stopped = Atomic<Bool>(false)

    init(folders: [String]) {
        self.folders = folders.filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// Batches of changed paths, until ``stop()``. Returns once the watches are in place (or the first snapshot is
    /// taken), so that every change made after it is seen: a save right after the server starts, while a loaded
    /// machine was still setting up the watches, was missed.
    func changes() -> AsyncStream<Set<String>> {
        let ready = DispatchSemaphore(value: 0)
        let stream = AsyncStream { continuation in
            // SKEIN_WATCH=poll forces polling: for network and container file systems whose changes inotify misses.
            let polling = ProcessInfo.processInfo.environment["SKEIN_WATCH"] == "poll"
            let thread = Thread { [self] in
                #if canImport(Glibc)
                    if !polling && watchWithInotify(continuation, ready: ready) { return }
                #endif
                poll(continuation, ready: ready)
            }
            thread.name = "skein-watcher"
            thread.start()
        }
        _ = ready.wait(timeout: .now() + 5)
        return stream
    }

    /// Ends the stream within a tenth of a second.
    func stop() { stopped.store(true, ordering: .relaxed) }

    private var isStopped: Bool { stopped.load(ordering: .relaxed) }

    #if canImport(Glibc)
        /// Returns false when inotify cannot be used, so that polling takes over.
        private func watchWithInotify(
            _ continuation: AsyncStream<Set<String>>.Continuation, ready: DispatchSemaphore
        ) -> Bool {
            let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            let mask = UInt32(
                IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB)
            var watched: [Int32: String] = [:]
            func add(_ folder: String) {
                let watch = inotify_add_watch(descriptor, folder, mask)
                if watch >= 0 { watched[watch] = folder }
                for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                    var isDirectory: ObjCBool = false
                    let path = folder + "/" + entry
                    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                        add(path)
                    }
                }
            }
            for folder in folders { add(folder) }
            guard !watched.isEmpty else { return false }
            ready.signal()

            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var pending: Set<String> = []
            var lastEvent = Date.distantPast
            while !isStopped {
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = Glibc.poll(&request, 1, 50)
                if ready > 0 {
                    let count = read(descriptor, &buffer, buffer.count)
                    var offset = 0
                    while count > 0 && offset + MemoryLayout<inotify_event>.size <= count {
                        let event = buffer.withUnsafeBytes {
                            $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        }
                        let nameStart = offset + MemoryLayout<inotify_event>.size
                        let nameBytes = buffer[nameStart..<min(count, nameStart + Int(event.len))].prefix { $0 != 0 }
                        let name = String(decoding: nameBytes, as: UTF8.self)
                        if let folder = watched[event.wd] {
                            let path = name.isEmpty ? folder : folder + "/" + name
                            pending.insert(path)
                            if event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                                add(path)
                            }
                        }
                        offset = nameStart + Int(event.len)
                    }
                    lastEvent = Date()
                } else if !pending.isEmpty && Date().timeIntervalSince(lastEvent) >= Self.quietPeriod {
                    // Editors' swap and backup files (.name.swp) are not content.
                    let visible = pending.filter { !($0 as NSString).lastPathComponent.hasPrefix(".") }
                    if !visible.isEmpty { continuation.yield(visible) }
                    pending.removeAll()
                }
            }
            continuation.finish()
            return true
        }
    #endif

    private func poll(_ continuation: AsyncStream<Set<String>>.Continuation, ready: DispatchSemaphore) {
        func snapshot() -> [String: Date] {
            var files: [String: Date] = [:]
            for folder in folders {
                guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
                for case let relative as String in enumerator {
                    let path = folder + "/" + relative
                    files[path] = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
                }
            }
            return files
        }
        var previous = snapshot()
        ready.signal()
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.5)
            let current = snapshot()
            let changed = Set(current.keys.filter { current[$0] != previous[$0] }).union(
                previous.keys.filter { current[$0] == nil })
            if !changed.isEmpty { continuation.yield(changed) }
            previous = current
        }
        continuation.finish()
    }
}
