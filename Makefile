# Career Compass: two commands for a newcomer.
#   make run   set up (virtual environment, packages, built artefacts) and serve on localhost
#   make test  set up (plus browser and test tools) and run the whole test suite
# Both are idempotent: a second run only redoes what changed.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test quick setup build browser bench bench-load clean

run: setup build
	COMPASS_SECRET_KEY="$${COMPASS_SECRET_KEY:-$$(cat .secret_key)}" $(BIN)/compass serve --host $(HOST) --port $(PORT)

test: setup build browser
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/compass validate
	$(BIN)/pytest

# The edit-test loop: lint and every test not marked slow (no browser, real model or real build).
quick: setup
	$(BIN)/ruff check .
	$(BIN)/pytest -m "not slow"

setup: $(VENV)/.installed node_modules/.installed .secret_key

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

.secret_key:
	$(BIN)/python -c "import secrets; print(secrets.token_hex(32))" > $@

# Rebuild the embeddings and the learned ranker only when what they are made from changes.
MODEL_INPUTS := $(shell find roles_catalogue evaluation compass/ranking -type f -not -name '*.pyc' 2>/dev/null)

build: models/manifest.json

models/manifest.json: $(VENV)/.installed $(MODEL_INPUTS)
	$(BIN)/compass build

# Debian's Chromium for the browser tests; never a downloaded browser build.
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

# Load figures with Locust (the bench extra): writes bench/load_report.md.
bench-load: setup build
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/load_test.py

bench: setup build
	$(BIN)/python bench/recommend_latency.py
	$(BIN)/python bench/catalogue_growth.py
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/build_time.py
	$(BIN)/python bench/web_bench.py

clean:
	rm -rf $(VENV) node_modules models/*.npy models/*.joblib models/*.json
