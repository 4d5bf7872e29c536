# Heard: `make run` to serve, `make test` to prove it. `make help` lists every target.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
STAMP := $(VENV)/.installed
# pytest-xdist workers for `make test`: one per core (each has its own databases).
TEST_WORKERS ?= auto
DEV_STAMP := $(VENV)/.installed-dev
# Universal (any OS) pins for Python 3.11 and newer, each file with its hashes.
COMPILE := $(BIN)/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock"

.PHONY: help run test migrate load bench lint lock translations clean facilitate

help: ## List the targets and what each does
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-13s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Installs come from the lock files alone: the versions the tests passed with, hashes checked.
$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(DEV_STAMP): requirements-dev.lock $(STAMP)
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

lock: | $(BIN)/python ## Pin pyproject.toml's dependencies in requirements.lock and requirements-dev.lock
	$(BIN)/pip install --quiet 'uv>=0.5'
	$(COMPILE) pyproject.toml -o requirements.lock
	$(COMPILE) pyproject.toml --extra dev -c requirements.lock -o requirements-dev.lock

# instance/ holds the SQLite database and the secret key: its owner alone may open it.
instance/secret_key:
	mkdir -p -m 700 instance
	(umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_hex(32))' > $@)

translations: $(STAMP) ## Compile the translation catalogues (UI and survey text)
	$(FLASK) translate compile

migrate: $(STAMP) instance/secret_key ## Bring the database schema up to date
	$(FLASK) db upgrade

load: migrate ## Load (or refresh) the survey templates in surveys/
	$(FLASK) surveys load

run: load translations ## Install, migrate, load the surveys and serve on http://127.0.0.1:5000
	$(FLASK) users bootstrap
	$(BIN)/gunicorn --config gunicorn.conf.py --bind 127.0.0.1:5000 --workers 2 wsgi:app

facilitate: load translations ## Serve one focus-group event from this laptop: make facilitate EVENT=1
	$(if $(EVENT),,$(error Say which event: make facilitate EVENT=1 (flask --app app events list shows them)))
	$(FLASK) facilitate --event $(EVENT)

test: $(DEV_STAMP) instance/secret_key translations ## Install the dev extras and run the whole test suite
	$(BIN)/ruff check app tests tools benchmarks migrations
	$(BIN)/python tools/easyread_symbols.py --check
	$(BIN)/python tools/train_risk_model.py --check
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

bench: $(DEV_STAMP) ## Measure page weights and server times; print the table
	$(BIN)/python -m benchmarks

lint: $(DEV_STAMP) ## Check style with ruff
	$(BIN)/ruff check app tests tools benchmarks migrations

clean: ## Remove the virtual environment (keeps instance/ and its database)
	rm -rf $(VENV)
