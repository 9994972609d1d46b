# One command each: `make site` builds the dossier, `make test` runs every test.
# Both create .venv and install the pinned dependencies when they are missing or changed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# Lighthouse and the Nu HTML checker, for the quality tests; --ignore-scripts because
# vnu-jar's install script would download a Java runtime (Java comes from Debian instead).
NODE_INSTALLED := node_modules/.installed

.PHONY: site test lint serve validate render schema goldens bench clean \
	catalogs catalogs-extract catalogs-update catalogs-compile

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "dossier-gen needs Python 3.11 or newer; set PYTHON=python3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(NODE_INSTALLED): package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else \
	  echo "npm not found: the Lighthouse and HTML-validity tests need Node.js (in CI they fail)"; \
	fi

## site: validate data/ and build the site into site/ (strict: any warning fails)
site: $(INSTALLED)
	$(BIN)/dossier build

## test: run the code checks, then the whole test suite
test: lint $(NODE_INSTALLED)
	$(BIN)/python -m pytest

## lint: ruff (rules and formatting) and mypy (strict on the package)
CODE := dossier_gen tests bench devtools
lint: $(INSTALLED)
	$(BIN)/ruff check $(CODE)
	$(BIN)/ruff format --check $(CODE)
	$(BIN)/mypy

## serve: preview on http://127.0.0.1:8000, rebuilding when data/, docs/ or templates change
serve: $(INSTALLED)
	$(BIN)/dossier serve

## validate: check every record and list every problem
validate: $(INSTALLED)
	$(BIN)/dossier validate

## render: write the Markdown pages to rendered/ for any engine to build
render: $(INSTALLED)
	$(BIN)/dossier render --out rendered

## schema: rewrite the JSON Schema files in schema/ from the models
schema: $(INSTALLED)
	$(BIN)/dossier schema --out schema

## goldens: refresh the expected Markdown of the golden-file tests (review the diff!)
goldens: $(INSTALLED)
	UPDATE_GOLDENS=1 $(BIN)/python -m pytest tests/test_golden.py

## catalogs: extract the interface strings of the templates and code (babel.cfg), then bring
## every language's catalog in step: new strings arrive empty for translators to fill in
LOCALE := dossier_gen/rendering/locale
catalogs: catalogs-update

catalogs-extract: $(INSTALLED)
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --project dossier-gen \
	  -o $(LOCALE)/dossier.pot dossier_gen

catalogs-update: catalogs-extract
	$(BIN)/pybabel update -i $(LOCALE)/dossier.pot -d $(LOCALE) -D dossier --no-wrap \
	  --ignore-pot-creation-date --no-fuzzy-matching --ignore-obsolete

## catalogs-compile: compile every catalog as the package does when it renders (the .po files
## are what it ships; the .mo files go to a scratch folder), with how much each translates
catalogs-compile: $(INSTALLED)
	@scratch=$$(mktemp -d) && cp -R $(LOCALE)/. $$scratch/ && \
	  $(BIN)/pybabel compile -d $$scratch -D dossier --statistics; \
	  status=$$?; rm -rf $$scratch; exit $$status

## bench: time the generator and the MkDocs builds at 1,000 and 10,000 synthetic claims, then
## Lighthouse performance of the real dossier, into bench/RESULTS.md (about half an hour on
## 2 cores; BENCH_QUICK=1: small sizes, minutes, into bench/RESULTS-quick.md)
BENCH_RESULTS := bench/RESULTS$(if $(filter 1,$(BENCH_QUICK)),-quick,).md
bench: $(INSTALLED) $(NODE_INSTALLED)
	$(BIN)/python bench/run.py
	$(BIN)/dossier build
	@{ echo; echo "## Lighthouse performance of the real dossier"; echo; \
	   echo "Targets: 100 on desktop, 95 or more on mobile; reported, never asserted."; \
	   echo; echo '```'; $(BIN)/python bench/lighthouse_performance.py 2>&1; echo '```'; \
	 } >> $(BENCH_RESULTS)

clean:
	rm -rf $(VENV) site rendered .pytest_cache node_modules
