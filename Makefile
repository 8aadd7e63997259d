# Skein: `make site` builds the example archive into Output/, `make test` runs every test.
# Both install what they need from Debian first (libcmark-dev; tidy for the tests).

SWIFT ?= swift
APT_GET = DEBIAN_FRONTEND=noninteractive apt-get
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test lint build release deps test-deps theme tlds clean

site: deps release
	.build/release/skein build

test: deps test-deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The house style (.swift-format); `swift format -i -r Sources Tests` fixes most of what it reports.
lint:
	$(SWIFT) format lint --strict -r Sources Tests

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# libcmark-dev is the C library every Markdown file goes through.
deps:
	@pkg-config --exists libcmark || { $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq libcmark-dev; }

# tidy checks that every generated page is valid HTML.
test-deps:
	@command -v tidy >/dev/null || { $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq tidy; }

# After editing Templates/: carry the default theme into the binary again.
theme:
	scripts/embed-theme

# After twitter-text's TLD list changes.
tlds:
	scripts/generate-tlds

clean:
	rm -rf .build Output/* .Output.skein-staging
