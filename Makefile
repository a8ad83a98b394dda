# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= storyline.db

.PHONY: install demo test lint clean browsers

install: $(VENV)/.installed

# torch is installed first, pinned, so that no other package pulls a CUDA build. constraints.txt pins every other
# package the install resolves (`pip freeze` of a fresh install, storyline and torch left out), so that a fresh
# machine computes the same vectors and figures as the recorded ones (tests/test_demo_json.py) whatever the index
# has published since; to move to newer packages, install without it, run the tests, and freeze again.
$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	TQDM_DISABLE=1 $(BIN)/storyline setup
	touch $@

demo: install
	$(BIN)/storyline ingest examples/demo/articles --db $(DB)
	$(BIN)/storyline stories --db $(DB)
	$(BIN)/storyline report --db $(DB) --out storyline-report

# Debian's Chromium for the browser tests (Playwright's own browser download cannot work here).
browsers:
	test -x /usr/bin/chromium || { SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver; }

# Lint (ruff) and types (mypy, strict on the packages of the new layout; see pyproject.toml) first.
test: install browsers
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q tests

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

clean:
	rm -rf $(DB) $(DB)-wal $(DB)-shm storyline-report
