# Two commands: `make lab` opens the workbench, `make test` runs the whole test suite.
# Both create .venv with Python 3.11+ and install the project into it first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Jupyter kernels start `python` from PATH: make it the project's interpreter.
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: lab app test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required, found " + sys.version'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# JupyterLab's defaults overridden for the project (workbench/app/lab_settings/overrides.json):
# no question about news and no update check at start, nothing fetched from the internet.
LAB_SETTINGS := $(CURDIR)/workbench/app/lab_settings

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/ --LabApp.app_settings_dir=$(LAB_SETTINGS) $(if $(filter 0,$(shell id -u)),--allow-root)

# The dashboards as a web app for colleagues (Voilà, no code shown): `make app ARGS="--host 0.0.0.0"`
app: $(STAMP)
	$(BIN)/workbench app $(ARGS)

lint: $(STAMP)  # style, and the import contract (pyproject.toml, [tool.importlinter])
	$(BIN)/ruff check workbench tests $(wildcard benchmarks)
	$(BIN)/lint-imports

test: lint
	$(BIN)/python -m pytest -n auto --dist loadgroup

bench: $(STAMP)  # ingest speed, warm open, query latency, memory, 100k-1M items, archive exports, a Dask cluster: docs/performance.md
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.scale
	$(BIN)/python -m benchmarks.archives
	$(BIN)/python -m benchmarks.cluster --workers 1,2

clean:
	rm -rf $(VENV) .cache .pytest_cache reports screenshots
