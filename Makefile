# One entry point for everything a developer does. Every target sets itself up:
# on a fresh Debian machine with Python 3 and root apt, `make build` and `make test`
# install what they need (system packages, .venv with pinned Python packages,
# node_modules with pinned npm packages).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt package-lock.json | cksum | cut -d' ' -f1)
GEN := $(PY) -m generator

.PHONY: setup check build test serve bench lint format schema golden clean lock

setup: $(STAMP) $(VENV)/.generator-on-path

# `python -m generator` from any folder: the checkout goes on the venv's import path.
$(VENV)/.generator-on-path: $(STAMP)
	$(PY) -c "import pathlib, sysconfig; pathlib.Path(sysconfig.get_paths()['purelib'], 'direktori-generator.pth').write_text('$(CURDIR)\\n')"
	touch $@

$(STAMP): requirements.txt package.json package-lock.json scripts/setup-system.sh
	./scripts/setup-system.sh
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	npm ci --no-audit --no-fund --loglevel=error
	rm -f $(VENV)/.installed-*
	touch $@

check: setup
	$(GEN) check

build: setup
	$(GEN) build

test: setup
	$(PY) -m pytest

serve: setup
	$(GEN) serve

bench: setup
	$(GEN) bench

lint: setup
	$(PY) -m ruff check generator tests
	$(PY) -m ruff format --check generator tests

format: setup
	$(PY) -m ruff format generator tests
	$(PY) -m ruff check --fix generator tests

# Regenerate the JSON Schemas in directory/schema/ after changing generator/models.py.
schema: setup
	$(GEN) schema

# Regenerate golden files on purpose after an intended output change; review the diff.
golden: setup
	UPDATE_GOLDEN=1 $(PY) -m pytest tests -k golden

clean:
	rm -rf site .build

# Re-pin the Python dependency tree (run on purpose, review the diff).
lock: setup
	$(PY) -m pip freeze > requirements.txt
