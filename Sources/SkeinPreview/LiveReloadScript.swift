/// The script added to served pages, and only to them: `skein build` never writes it. It listens for build events,
/// reloads on success, swaps stylesheets when only CSS changed, and shows every diagnostic over the page on failure.
enum LiveReloadScript {
    static let eventsPath = "/__skein/events"

    static let html = """
        <script>
        (function () {
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("reload", function () { location.reload(); });
          events.addEventListener("css", function () {
            document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
              var url = new URL(link.href); url.searchParams.set("skein", Date.now()); link.href = url.href;
            });
          });
          events.addEventListener("failure", function (event) {
            var box = document.getElementById("skein-errors") || document.createElement("div");
            box.id = "skein-errors";
            box.setAttribute("role", "alert");
            box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:1.5rem;" +
              "background:rgba(20,20,24,.94);color:#fde8e8;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap";
            box.textContent = "Skein could not build the site:\\n\\n" + JSON.parse(event.data).join("\\n");
            document.body.appendChild(box);
          });
        })();
        </script>
        """

    /// `page` with the script before `</body>`, or at its end.
    static func inject(into page: String) -> String {
        guard let end = page.range(of: "</body>", options: .backwards) else { return page + html }
        return page.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: html + "\n")
    }
}
