# Two commands do everything on a fresh machine with Python 3.11+:
#   make run    set up, migrate, load demo content and serve http://127.0.0.1:8000
#   make test   set up (including the test browser) and run every test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: help check-quick run test setup test-setup browser-setup migrate seed serve lint check deploy-check worker jobs clean fuzz screening-report screening-model bench bench-pages bench-requests bench-ws load faults

help:  ## list the make targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  \1\t\2/' | expand -t 18

run: setup migrate seed serve  ## set up, migrate, load demo content and serve http://127.0.0.1:8000

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

setup: $(BIN)/python  ## make .venv and install the project with its test tools
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"

migrate:  ## apply database migrations
	$(PY) manage.py migrate --no-input

seed:  ## load the demo content and demo users
	$(PY) manage.py seed_demo

# The site over ASGI (daphne's runserver), with the background task worker beside it.
serve:  ## serve the site over ASGI with the task worker beside it
	@echo "Serving on http://$(HOST):$(PORT)/ (ASGI, daphne). Stop with Ctrl+C."
	@$(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Debian's chromium (never a downloaded browser) and axe-core from the npm registry.
browser-setup:  ## install Debian's chromium and axe-core for the browser tests
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }
	cd tests/browser && npm ci --silent --no-audit --no-fund

test-setup: setup browser-setup  ## everything the tests need (setup and browser-setup)

# The main run spreads tests over every CPU (pytest-xdist; each process has
# its own test database and, with Redis, its own Redis database). Work stealing
# rather than whole files per process: a few files (the XSS and bad-input
# sweeps, the access matrix) are most of the time, and on PostgreSQL it takes
# 210 s instead of 314 s. Browser tests
# run in their own process (Playwright's sync API and async tests do not share
# an event loop). Exit code 5 means "no tests collected".
# The load and fault runs (reduced size) are in a run of their own: they
# start servers and need PostgreSQL + Redis, so they are skipped without them.
test: test-setup  ## every test: main run, browser run, load and fault runs
	$(BIN)/pytest -n auto --dist worksteal -m "not browser and not load" $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/pytest -m browser tests/browser $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/pytest -m load tests/perf $(PYTEST_ARGS) || [ $$? -eq 5 ]

# The main run alone, for a quick answer while working: nothing from apt or npm.
check-quick: setup  ## the main test run only: no browser, no load runs, no apt or npm
	$(BIN)/pytest -n auto --dist worksteal -m "not browser and not load" $(PYTEST_ARGS) || [ $$? -eq 5 ]

# Random query strings and form data for every route and role, many more
# examples than the test run draws (and fresh ones each time).
fuzz:  ## random input for every route and role, more examples than CI draws
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-25} HYPOTHESIS_PROFILE=default \
		$(BIN)/pytest -n auto tests/security/test_bad_input.py $(PYTEST_ARGS)

lint:  ## ruff check, ruff format --check and the import contracts (lint-imports)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo

check:  ## migrations are complete; production passes check --deploy
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY=check-deploy-$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") \
	ALLOWED_HOSTS=voice.example.org \
	$(PY) manage.py check --deploy --fail-level WARNING

# Background work: the task queue, and the periodic jobs a scheduler runs.
worker:  ## run the background task queue
	$(PY) manage.py db_worker

# Benchmarks, load and faults on a real ASGI server (uvicorn, two workers) over
# PostgreSQL + Redis; see docs/performance.md. They use BENCH_DATABASE_URL
# (a database they may fill; created if missing) and BENCH_REDIS_URL, falling
# back to DATABASE_URL and REDIS_URL, and loopback ports from BENCH_PORT (8180).
BENCH_ARGS ?=
bench:  ## submissions a second: bare view, Wagtail form page, feedback form
	$(PY) -m tests.perf.bench_submissions $(BENCH_ARGS)

bench-pages:  ## page timings on a real ASGI server
	$(PY) -m tests.perf.bench_pages $(BENCH_ARGS)

bench-requests:  ## each request of one submission, in one process
	$(PY) -m tests.perf.bench_requests $(BENCH_ARGS)

bench-ws:  ## websocket deliveries and latency under load
	$(PY) -m tests.perf.bench_websockets $(BENCH_ARGS)

load:  ## full-size load on the feedback form
	$(PY) -m tests.perf.load_submissions $(BENCH_ARGS)

faults:  ## database and Redis outages under load
	$(PY) -m tests.perf.load_faults $(BENCH_ARGS)

clean:  ## remove the venv, local data and node modules
	rm -rf $(VENV) var tests/browser/node_modules

# How well safeguarding screening hears disclosures: recall and false positives
# per theme on held-back texts, cross-validation, the hand-made evaluation set,
# personal-detail recall per kind, and the cost per text.
screening-report:  ## safeguarding screening recall and false positives, per theme
	$(PY) manage.py screening_report

# Retrain the safeguarding classifier after changing voice/safeguarding/corpus/.
screening-model:  ## train the screening classifier and write its model file
	$(PY) manage.py train_screening_model
