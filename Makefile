# skillpath: the commands the README names. Each sets up what it needs first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml 2>/dev/null | cksum | cut -d' ' -f1)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# The package is used from src/ in place; nothing else needs installing.
export PYTHONPATH := $(CURDIR)/src
# numpy work here is many small matrices: threaded BLAS only spins against other processes.
export OPENBLAS_NUM_THREADS ?= 1

.PHONY: run test lint bench setup migrate messages lock clean

$(BIN)/python:
	@echo "==> Creating the virtual environment in $(VENV)"
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "skillpath needs Python 3.11 or newer; set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.lock pyproject.toml
	@echo "==> Installing the locked dependencies (requirements.lock)"
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-virtualenv -r requirements.lock
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

setup: $(STAMP)

migrate: setup
	@echo "==> Migrating the database"
	DEBUG=1 $(BIN)/python manage.py migrate --no-input

run: migrate
	@echo "==> Demo data"
	DEBUG=1 $(BIN)/python manage.py seed_demo --if-empty
	@DEBUG=1 $(BIN)/python manage.py demo_accounts
	@echo "==> Serving skillpath on http://$(HOST):$(PORT)/ with its queue consumer (Ctrl-C stops both)"
	@DEBUG=1 $(BIN)/python manage.py run_huey --workers 2 --worker-type thread & consumer=$$!; \
	trap 'kill -TERM $$consumer 2>/dev/null; wait $$consumer 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: setup
	@echo "==> Checking that migrations match the models"
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=skillpath.config.settings_test
	@echo "==> Running the test suite on $${DATABASE_URL:-SQLite}"
	$(BIN)/pytest $(PYTEST_ARGS)

lint: setup
	@echo "==> ruff"
	$(BIN)/ruff check src tests bench conftest.py manage.py
	$(BIN)/ruff format --check src tests bench conftest.py manage.py
	@echo "==> import-linter: the core imports no Django and no app; imports run one way down the layers"
	$(BIN)/lint-imports
	@echo "==> mypy"
	$(BIN)/mypy
	@echo "==> check --deploy with production settings"
	DEBUG=0 SECRET_KEY=$$(printf 'x%.0s' {1..64})-lint SKILLPATH_KEY_ENCRYPTION_KEY=$$(printf 'k%.0s' {1..44}) \
		ALLOWED_HOSTS=skillpath.example $(BIN)/python manage.py check --deploy --fail-level WARNING

bench: setup
	@echo "==> Installing the benchmark-only baselines (requirements-bench.txt)"
	$(BIN)/pip install --quiet -r requirements-bench.txt
	@for script in bench/*.py; do \
		case $$script in bench/_*) continue;; esac; \
		echo "==> $$script"; $(BIN)/python $$script $(BENCH_ARGS) || exit 1; \
	done

messages: setup
	cd src/skillpath && DEBUG=1 ../../$(BIN)/python ../../manage.py makemessages -l fr --no-obsolete && \
		DEBUG=1 ../../$(BIN)/python ../../manage.py compilemessages -l fr

lock: $(BIN)/python
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --extra test --extra dev --strip-extras \
		--output-file requirements.lock pyproject.toml

clean:
	rm -rf $(VENV) var/static var/test-results
