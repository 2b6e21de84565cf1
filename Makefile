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

.PHONY: run test setup test-setup browser-setup migrate seed serve lint check deploy-check worker jobs clean fuzz screening-report screening-model bench bench-pages bench-requests bench-ws load faults

run: setup migrate seed serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

setup: $(BIN)/python
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"

migrate:
	$(PY) manage.py migrate --no-input

seed:
	$(PY) manage.py seed_demo

# The site over ASGI (daphne's runserver), with the background task worker beside it.
serve:
	@echo "Serving on http://$(HOST):$(PORT)/ (ASGI, daphne). Stop with Ctrl+C."
	@$(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Debian's chromium (never a downloaded browser) and axe-core from the npm registry.
browser-setup:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }
	cd tests/browser && npm ci --silent --no-audit --no-fund

test-setup: setup browser-setup

# The main run spreads tests over every CPU (pytest-xdist; each process has
# its own test database and, with Redis, its own Redis database). Work stealing
# rather than whole files per process: a few files (the XSS and bad-input
# sweeps, the access matrix) are most of the time, and on PostgreSQL it takes
# 210 s instead of 314 s. Browser tests
# run in their own process (Playwright's sync API and async tests do not share
# an event loop). Exit code 5 means "no tests collected".
# The load and fault runs (reduced size) are in a run of their own: they
# start servers and need PostgreSQL + Redis, so they are skipped without them.
test: test-setup
	$(BIN)/pytest -n auto --dist worksteal -m "not browser and not load" $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/pytest -m browser tests/browser $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/pytest -m load tests/perf $(PYTEST_ARGS) || [ $$? -eq 5 ]

# Random query strings and form data for every route and role, many more
# examples than the test run draws (and fresh ones each time).
fuzz:
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-25} HYPOTHESIS_PROFILE=default \
		$(BIN)/pytest -n auto tests/security/test_bad_input.py $(PYTEST_ARGS)

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check:
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY=check-deploy-$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") \
	ALLOWED_HOSTS=voice.example.org \
	$(PY) manage.py check --deploy --fail-level WARNING

# Background work: the task queue, and the periodic jobs a scheduler runs.
worker:
	$(PY) manage.py db_worker

# Benchmarks, load and faults on a real ASGI server (uvicorn, two workers) over
# PostgreSQL + Redis; see README, "Performance". They use BENCH_DATABASE_URL
# (a database they may fill; created if missing) and BENCH_REDIS_URL, falling
# back to DATABASE_URL and REDIS_URL, and loopback ports from BENCH_PORT (8180).
BENCH_ARGS ?=
bench:
	$(PY) -m tests.perf.bench_submissions $(BENCH_ARGS)

bench-pages:
	$(PY) -m tests.perf.bench_pages $(BENCH_ARGS)

bench-requests:
	$(PY) -m tests.perf.bench_requests $(BENCH_ARGS)

bench-ws:
	$(PY) -m tests.perf.bench_websockets $(BENCH_ARGS)

load:
	$(PY) -m tests.perf.load_submissions $(BENCH_ARGS)

faults:
	$(PY) -m tests.perf.load_faults $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var tests/browser/node_modules

# How well safeguarding screening hears disclosures: recall and false positives
# per theme on held-back texts, cross-validation, the hand-made evaluation set,
# personal-detail recall per kind, and the cost per text.
screening-report:
	$(PY) manage.py screening_report

# Retrain the safeguarding classifier after changing voice/moderation/corpus/.
screening-model:
	$(PY) manage.py train_screening_model
