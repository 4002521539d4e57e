# The README's two commands are `make serve` and `make test`; each sets up everything it
# needs on a fresh machine (the venv and pinned packages; for tests, Chromium and Java).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help venv serve build check test lint browser-deps clean new

help:
	@echo "make serve   preview at http://127.0.0.1:8000 with live reload"
	@echo "make test    the whole suite (installs what it needs)"
	@echo "make build   the static site into site/ (replaced only if the build succeeds)"
	@echo "make check   validate content/ without building"
	@echo "make lint    ruff over the Python code"

$(STAMP): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $@

venv: $(STAMP)

serve: venv
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: venv
	$(BIN)/python -m macros.cli build

check: venv
	$(BIN)/python -m macros.cli check

lint: venv
	$(BIN)/ruff check macros tests benchmarks

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

test: venv browser-deps
	$(BIN)/ruff check macros tests benchmarks
	$(BIN)/python -m pytest

clean:
	rm -rf site .site-build-* .pytest_cache
