# CX Committee: two commands on a fresh Debian/Ubuntu machine.
#   make run    install what is missing, build, open the app
#   make test   install what the tests need, then vet and every test

BIN     := cxcommittee
TAGS    := migrated_fynedo
GO_WANT := 1.26.8

# System packages: to build (cgo + OpenGL/X11 for Fyne), to test (a virtual
# X display, screenshots, LibreOffice for the report check), and to benchmark.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
              libxinerama-dev libxi-dev libxxf86vm-dev ca-certificates curl unzip
TEST_PKGS  := $(BUILD_PKGS) xvfb xauth x11-utils imagemagick xdotool libreoffice-calc-nogui fonts-crosextra-carlito poppler-utils \
              postgresql util-linux python3-openpyxl
BENCH_PKGS := $(BUILD_PKGS) xvfb xauth imagemagick xdotool python3-openpyxl

# Go: the one on PATH if it is new enough, else a toolchain fetched once
# from the Go module proxy into ~/.cache/cxcommittee.
GO_HOME := $(HOME)/.cache/cxcommittee/go$(GO_WANT)
GO := $(shell if command -v go >/dev/null 2>&1 && go version | grep -Eq 'go1\.(2[6-9]|[3-9][0-9])'; then echo go; \
        elif [ -x /usr/local/go/bin/go ] && /usr/local/go/bin/go version | grep -Eq 'go1\.(2[6-9]|[3-9][0-9])'; then echo /usr/local/go/bin/go; \
        else echo $(GO_HOME)/bin/go; fi)

export CGO_ENABLED := 1

.SUFFIXES:
MAKEFLAGS += --no-builtin-rules
GOPROXY ?= https://proxy.golang.org
export GOPROXY

.PHONY: run test build release install uninstall package deps test-deps toolchain screenshots bench fuzz clean

# Installing: PREFIX (default ~/.local, no root needed) and DESTDIR as usual.
PREFIX  ?= $(HOME)/.local
APP_ID  := org.cxcommittee.app
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
ICONS   := 16 32 48 64 128 256 512
# Release builds: no local paths, no symbol tables.
RELEASE_FLAGS := -trimpath -ldflags "-s -w"
# Fyne's packaging tool, pinned, built once into the cache.
FYNE_TOOLS := v1.7.4
FYNE       := $(HOME)/.cache/cxcommittee/fyne-tools-$(FYNE_TOOLS)/fyne

run: deps build
	./$(BIN)

build: toolchain
	$(GO) build -tags $(TAGS) -o $(BIN) .

release: deps toolchain
	$(GO) build -tags $(TAGS) $(RELEASE_FLAGS) -o $(BIN) .

# install: the binary, the icon in the sizes desktops use and a .desktop
# file, so the app appears in the application menu.
install: release
	install -Dm755 $(BIN) $(DESTDIR)$(PREFIX)/bin/$(BIN)
	for s in $(ICONS); do install -Dm644 assets/icons/$$s.png $(DESTDIR)$(PREFIX)/share/icons/hicolor/$${s}x$${s}/apps/$(APP_ID).png; done
	mkdir -p $(DESTDIR)$(PREFIX)/share/applications
	sed 's|@BIN@|$(PREFIX)/bin/$(BIN)|' assets/$(APP_ID).desktop.in > $(DESTDIR)$(PREFIX)/share/applications/$(APP_ID).desktop
	@if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q $(DESTDIR)$(PREFIX)/share/applications; fi
	@echo "Installed CX Committee $(VERSION) into $(DESTDIR)$(PREFIX)"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/$(BIN) $(DESTDIR)$(PREFIX)/share/applications/$(APP_ID).desktop
	for s in $(ICONS); do rm -f $(DESTDIR)$(PREFIX)/share/icons/hicolor/$${s}x$${s}/apps/$(APP_ID).png; done

# package: the Linux bundle made by Fyne's packaging tool, a .tar.xz with
# its own install Makefile (make user-install, or sudo make install).
package: deps toolchain
	@if [ ! -x "$(FYNE)" ]; then echo "Building Fyne's packaging tool $(FYNE_TOOLS)"; \
	  GOBIN=$(dir $(FYNE)) $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS); fi
	rm -f "CX Committee.tar.xz"
	PATH="$(if $(findstring /,$(GO)),$(dir $(GO)):)$$PATH" $(FYNE) package --os linux --tags $(TAGS) --release
	mv "CX Committee.tar.xz" cxcommittee-$(VERSION)-linux-$$(dpkg --print-architecture 2>/dev/null || echo amd64).tar.xz
	@ls -l cxcommittee-$(VERSION)-linux-*.tar.xz

test: test-deps toolchain
	$(GO) vet -tags $(TAGS) ./...
	$(GO) tool staticcheck -tags $(TAGS) ./...
	$(GO) mod tidy -diff
	@unformatted=$$($(dir $(GO))gofmt -l . 2>/dev/null || gofmt -l .); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	@# A throwaway PostgreSQL server for the shared-database tests: its own
	@# folder, a Unix socket, no system service; stopped whatever happens.
	@pgdir=$$(mktemp -d /tmp/cxcommittee-pg.XXXXXX) && \
	url=$$(./.ci/postgres start $$pgdir) && \
	trap './.ci/postgres stop '$$pgdir EXIT INT TERM && \
	echo "PostgreSQL test server: $$url" && \
	CXCOMMITTEE_TEST_POSTGRES="$$url" CXCOMMITTEE_REQUIRE_POSTGRES=1 \
	CXCOMMITTEE_REQUIRE_XVFB=1 CXCOMMITTEE_REQUIRE_SOFFICE=1 $(GO) test -tags $(TAGS) -count=1 ./...
	@# The report writes its sheets side by side: its tests, and the window's
	@# export with its progress, once more under the race detector.
	$(GO) test -tags $(TAGS) -race -count=1 ./app/report/
	$(GO) test -tags $(TAGS) -race -count=1 -run 'Export' ./views/

# bench: docs/benchmarks.md from one run (TestWriteBenchmarks): the report,
# the dashboard, registers and agenda, the window and the writes at about
# 100, 1,000 and 10,000 initiatives, each beside its baseline.
bench: toolchain
	@./.ci/install-packages $(BENCH_PKGS)
	PATH="$(if $(findstring /,$(GO)),$(dir $(GO)):)$$PATH" CXCOMMITTEE_BENCH_OUT=$(CURDIR)/docs/benchmarks.md $(GO) test -tags $(TAGS) -run '^TestWriteBenchmarks$$' -count=1 -timeout 60m -v .

# fuzz: each fuzz target for a minute (go test -fuzz takes one target per
# package per run). A failing input is written under testdata/fuzz/FuzzXxx/.
# A bare "context deadline exceeded" with no file written is Go 1.26's
# fuzz-coordinator race at the end of -fuzztime (go.dev/issue/75804), not a find.
fuzz: toolchain
	$(GO) test -tags $(TAGS) -run XXX -fuzz '^FuzzParseDate$$' -fuzztime 1m ./models/
	$(GO) test -tags $(TAGS) -run XXX -fuzz '^FuzzDateScan$$' -fuzztime 1m ./models/
	$(GO) test -tags $(TAGS) -run XXX -fuzz '^FuzzInitiativeValidate$$' -fuzztime 1m ./models/
	$(GO) test -tags $(TAGS) -run XXX -fuzz '^FuzzTargetValidate$$' -fuzztime 1m ./models/
	$(GO) test -tags $(TAGS) -run XXX -fuzz '^FuzzMemberValidate$$' -fuzztime 1m ./models/
	$(GO) test -tags $(TAGS) -run XXX -fuzz '^FuzzCommandLine$$' -fuzztime 1m .

# screenshots: the README's pictures, taken from the real app under Xvfb.
screenshots: test-deps toolchain
	CXCOMMITTEE_REQUIRE_XVFB=1 CXCOMMITTEE_SHOTS=$(CURDIR)/docs $(GO) test -tags $(TAGS) -count=1 -run RealWindow .

deps:
	@./.ci/install-packages $(BUILD_PKGS)

test-deps:
	@./.ci/install-packages $(TEST_PKGS)

toolchain:
	@if [ "$(GO)" = "$(GO_HOME)/bin/go" ] && [ ! -x "$(GO)" ]; then \
	  echo "Fetching Go $(GO_WANT) from the Go module proxy into $(GO_HOME)"; \
	  arch=$$(dpkg --print-architecture 2>/dev/null || echo amd64); \
	  rm -rf $(GO_HOME).tmp && mkdir -p $(GO_HOME).tmp && \
	  curl -fsSL "$${GOPROXY%%,*}/golang.org/toolchain/@v/v0.0.1-go$(GO_WANT).linux-$$arch.zip" -o $(GO_HOME).tmp/go.zip && \
	  (cd $(GO_HOME).tmp && unzip -q go.zip) && rm -rf $(GO_HOME) && \
	  mv $(GO_HOME).tmp/golang.org/toolchain@v0.0.1-go$(GO_WANT).linux-$$arch $(GO_HOME) && rm -rf $(GO_HOME).tmp; \
	fi

clean:
	rm -f $(BIN) cxcommittee-*.tar.xz
