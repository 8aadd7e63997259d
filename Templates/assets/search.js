// Skein's search: plain JavaScript, no requests but the index files beside the search page, loaded as scripts so
// that it works from file:// too. Terms are split and folded as the build folds them (lower case, no accents).
(function () {
  "use strict";
  var manifest = null, shards = {}, chunks = {}, waiting = {};
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");

  window.skeinSearch = {
    add: function (kind, key, data) {
      if (kind === "manifest") { manifest = data; start(); return; }
      var store = kind === "terms" ? shards : chunks;
      store[key] = data;
      (waiting[kind + key] || []).forEach(function (resolve) { resolve(data); });
      delete waiting[kind + key];
    }
  };

  function load(kind, key, file) {
    var store = kind === "terms" ? shards : chunks;
    if (store[key]) { return Promise.resolve(store[key]); }
    return new Promise(function (resolve) {
      var first = !waiting[kind + key];
      (waiting[kind + key] = waiting[kind + key] || []).push(resolve);
      if (!first) { return; }
      var script = document.createElement("script");
      script.src = file;
      script.onerror = function () { window.skeinSearch.add(kind, key, kind === "terms" ? {} : []); };
      document.head.appendChild(script);
    });
  }

  function terms(text) {
    return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().split(/[^\p{L}\p{N}]+/u)
      .filter(function (term) { return term.length > 1 || (term.length === 1 && term.charCodeAt(0) > 0x2E7F); });
  }

  function shardFile(key) {
    var entry = manifest.shards.find(function (shard) { return shard[0] === key; });
    return entry ? "terms-" + entry[1] + ".js" : null;
  }

  // Every term must match; the last may be the start of a word still being typed.
  function search(query) {
    var words = terms(query);
    if (!words.length) { return Promise.resolve([]); }
    return Promise.all(words.map(function (word) {
      var key = Array.from(word).slice(0, 2).join("");
      var file = shardFile(key);
      return file ? load("terms", key, file) : Promise.resolve({});
    })).then(function (loaded) {
      var scores = null;
      words.forEach(function (word, position) {
        var found = {};
        var shard = loaded[position];
        Object.keys(shard).forEach(function (term) {
          if (term === word || (position === words.length - 1 && term.indexOf(word) === 0)) {
            var pairs = shard[term];
            for (var i = 0; i < pairs.length; i += 2) { found[pairs[i]] = (found[pairs[i]] || 0) + pairs[i + 1]; }
          }
        });
        if (scores === null) { scores = found; return; }
        Object.keys(scores).forEach(function (thread) {
          if (found[thread] === undefined) { delete scores[thread]; } else { scores[thread] += found[thread]; }
        });
      });
      return Object.keys(scores || {}).map(Number)
        .sort(function (a, b) { return (scores[b] - scores[a]) || (a - b); }).slice(0, 30);
    });
  }

  function highlighted(text, words, into) {
    var pattern = new RegExp("(" + words.map(function (word) {
      return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "giu");
    text.split(pattern).forEach(function (part, index) {
      if (index % 2 === 1) { var mark = document.createElement("mark"); mark.textContent = part; into.appendChild(mark); }
      else if (part) { into.appendChild(document.createTextNode(part)); }
    });
  }

  function excerpt(text, words) {
    var lower = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    var at = words.reduce(function (best, word) { var i = lower.indexOf(word); return i >= 0 && (best < 0 || i < best) ? i : best; }, -1);
    var from = Math.max(0, at - 60);
    return (from > 0 ? "…" : "") + text.slice(from, from + 220).replace(/\s+/g, " ") + (text.length > from + 220 ? "…" : "");
  }

  function show(query, found) {
    var words = terms(query);
    var needed = Array.from(new Set(found.map(function (index) { return Math.floor(index / manifest.chunk); })));
    return Promise.all(needed.map(function (chunk) { return load("threads", chunk, "threads-" + chunk + ".js"); })).then(function () {
      list.textContent = "";
      found.forEach(function (index) {
        var thread = chunks[Math.floor(index / manifest.chunk)][index % manifest.chunk];
        var item = document.createElement("li");
        var title = document.createElement("a");
        title.href = "../" + thread.u;
        title.className = "search-result-title";
        highlighted(thread.t, words, title);
        var meta = document.createElement("p");
        meta.className = "search-result-meta";
        meta.textContent = thread.a + " · @" + thread.h + " · " + thread.d + (thread.k.length ? " · #" + thread.k.join(" #") : "");
        var text = document.createElement("p");
        highlighted(excerpt(thread.x, words), words, text);
        item.append(title, meta, text);
        list.appendChild(item);
      });
      status.textContent = query.trim() ? (found.length ? found.length + (found.length === 30 ? "+" : "") + " threads" : "No thread matches “" + query.trim() + "”.") : "";
    });
  }

  var latest = 0;
  function run() {
    var query = input.value, ticket = ++latest;
    var url = new URL(location.href);
    if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
    if (location.protocol !== "file:") { history.replaceState(null, "", url); }
    search(query).then(function (found) { if (ticket === latest) { return show(query, found); } });
  }

  function start() {
    input.value = new URLSearchParams(location.search).get("q") || "";
    var timer;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    input.form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    run();
  }
})();
