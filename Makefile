# One entry point for everything a developer does. Every target sets itself up:
# on a fresh Debian machine with Python 3 and root apt, `make build` and `make test`
# install what they need (system packages, .venv with pinned Python packages,
# node_modules with pinned npm packages).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HASH = $(shell cat $(1) | cksum | cut -d' ' -f1)
RUNTIME := requirements.txt package.json package-lock.json pyproject.toml scripts/setup-system.sh
RUNTIME_STAMP := $(VENV)/.runtime-$(call HASH,$(RUNTIME))
DEV_STAMP := $(VENV)/.dev-$(call HASH,$(RUNTIME) requirements-dev.txt)
GEN := $(PY) -m generator
DEV := $(PY) -m devtools

.PHONY: setup setup-runtime check build test serve bench lint format schema golden clean lock

# Everything a developer needs: the runtime tree plus tests, lint and benchmark tools.
setup: $(DEV_STAMP)

# Only what `check`, `build` and `serve` need (requirements.txt, node_modules).
setup-runtime: $(RUNTIME_STAMP)

# The generator is installed in editable mode, so `python -m generator` and the MkDocs
# hook find it from any folder; setuptools comes pinned from requirements.txt, so the
# install downloads nothing (--no-build-isolation).
$(RUNTIME_STAMP): $(RUNTIME)
	./scripts/setup-system.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	npm ci --no-audit --no-fund --loglevel=error
	rm -f $(VENV)/.runtime-* $(VENV)/.installed-* $(VENV)/.generator-on-path
	touch $@

$(DEV_STAMP): $(RUNTIME_STAMP) requirements-dev.txt
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	rm -f $(VENV)/.dev-*
	touch $@

check: setup-runtime
	$(GEN) check

build: setup-runtime
	$(GEN) build

# Types first (seconds): mypy over generator/ and devtools/ as pyproject.toml says.
test: setup
	$(PY) -m mypy
	$(PY) -m pytest

serve: setup-runtime
	$(GEN) serve

bench: setup
	$(DEV) bench

lint: setup
	$(PY) -m ruff check generator devtools tests
	$(PY) -m ruff format --check generator devtools tests
	$(PY) -m mypy

format: setup
	$(PY) -m ruff format generator devtools tests
	$(PY) -m ruff check --fix generator devtools tests

# Regenerate the JSON Schemas in directory/schema/ after changing generator/models.py.
schema: setup-runtime
	$(GEN) schema

# Regenerate golden files on purpose after an intended output change; review the diff.
golden: setup
	UPDATE_GOLDEN=1 $(PY) -m pytest tests -k golden

clean:
	rm -rf site .build

# Re-pin the Python dependency trees (run on purpose, review the diff): the runtime tree
# is what a venv with only requirements.txt holds, the development tree the rest.
lock: setup
	$(PY) scripts/lock.py
