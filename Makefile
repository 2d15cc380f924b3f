# binhdang: the quick start is `make demo` and `make test`. Everything else is here for developers.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
UV_BOOTSTRAP := var/uv-bootstrap
# Side environment with DHIS2's pydantic models (dhis2w-client needs Python 3.13) that the tests validate the
# DHIS2 exports against (tests/reporting/test_dhis2_models.py); the stamp names the pinned version.
DHIS2_MODELS := var/dhis2-models
DHIS2W_CLIENT := 1.33.0
DHIS2_MODELS_STAMP := $(DHIS2_MODELS)/.dhis2w-client-$(DHIS2W_CLIENT)

.PHONY: setup demo serve test test-fast lint fmt messages vendor bench loadtest clean

# uv on PATH, or a private copy installed with pip into var/uv-bootstrap the first time.
UV = $(shell command -v uv 2>/dev/null || echo $(UV_BOOTSTRAP)/bin/uv)

$(UV_BOOTSTRAP)/bin/uv:
	@if ! command -v uv >/dev/null 2>&1; then \
	  py=$$(scripts/find-python.sh) || exit 1; \
	  echo "Installing uv into $(UV_BOOTSTRAP) with pip"; \
	  "$$py" -m venv $(UV_BOOTSTRAP) && $(UV_BOOTSTRAP)/bin/pip install --quiet uv; \
	fi

UV_DEP = $(if $(shell command -v uv 2>/dev/null),,$(UV_BOOTSTRAP)/bin/uv)

setup: $(UV_DEP) $(DHIS2_MODELS_STAMP)
	@py=$$(scripts/find-python.sh) || exit 1; \
	$(UV) sync --frozen --python "$$py" --quiet && scripts/build-argon2.sh "$(UV)" "$$py"
	@mkdir -p var

# Without Python 3.13 (or offline) setup goes on: the model tests then skip, and fail in CI.
$(DHIS2_MODELS_STAMP): $(UV_DEP)
	@if py=$$(scripts/find-python.sh 3.13 2>/dev/null); then \
	  echo "Creating $(DHIS2_MODELS) (Python 3.13, dhis2w-client $(DHIS2W_CLIENT))"; \
	  rm -rf $(DHIS2_MODELS) && $(UV) venv --quiet --python "$$py" $(DHIS2_MODELS) \
	  && $(UV) pip install --quiet --python $(DHIS2_MODELS)/bin/python dhis2w-client==$(DHIS2W_CLIENT) \
	  && touch $@ || echo "Could not create $(DHIS2_MODELS): the DHIS2 model tests will skip." >&2; \
	else \
	  echo "No Python 3.13 found: $(DHIS2_MODELS) not created, the DHIS2 model tests will skip." >&2; \
	fi

demo: setup
	$(BIN)/binhdang demo --port $(PORT)

serve: setup
	$(BIN)/binhdang runserver 127.0.0.1:$(PORT)

test: setup
	$(BIN)/pytest -n 2 -p no:cacheprovider

test-fast: setup
	$(BIN)/pytest -x -q -m "not browser" -p no:cacheprovider

lint: setup
	$(BIN)/ruff check binhdang tests loadtest
	$(BIN)/ruff format --check binhdang tests loadtest
	$(BIN)/mypy binhdang
	$(BIN)/lint-imports --no-cache

fmt: setup
	$(BIN)/ruff format binhdang tests loadtest
	$(BIN)/ruff check --fix binhdang tests loadtest

# Regenerate the .po catalogues of every app and compile the .mo files (needs GNU gettext).
messages: setup
	@for app in binhdang/*/locale; do \
	  (cd $$(dirname $$app) && ../../$(BIN)/binhdang makemessages -l vi -l en --no-obsolete >/dev/null); \
	done
	$(BIN)/binhdang compilemessages --ignore=.venv >/dev/null

# Refresh the committed front-end files from npm (versions pinned in vendor/package-lock.json).
vendor:
	cd vendor && npm ci --no-audit --no-fund
	cp vendor/node_modules/echarts/dist/echarts.min.js binhdang/results/static/results/echarts.min.js
	cp vendor/node_modules/echarts/LICENSE binhdang/results/static/results/echarts.LICENSE.txt

bench: setup
	$(BIN)/binhdang bench

# Deadline-day load test: gunicorn + a throwaway PostgreSQL 15 on loopback, locust, then the check that
# every acknowledged submission is in the database once (loadtest/run.sh; LOADTEST_USERS=200 by default).
loadtest: setup
	UV=$(UV) loadtest/run.sh

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
