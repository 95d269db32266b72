# Two commands on a fresh machine with Python 3.11+:  make run   and   make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export DAGSTER_HOME := $(CURDIR)/.dagster_home
export LITELLM_LOCAL_MODEL_COST_MAP := True
export GX_ANALYTICS_ENABLED := False
export DAGSTER_DISABLE_TELEMETRY := 1

.PHONY: install run test lint ui summary clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required, found " + sys.version'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The instance's storages are created once, under a lock (dive_assets/instance.py), before a run or the UI opens it.
$(DAGSTER_HOME)/dagster.yaml: config/dagster.yaml $(VENV)/.installed
	mkdir -p $(DAGSTER_HOME)
	cp config/dagster.yaml $@
	$(BIN)/python -c 'from dive_assets.instance import open_instance; open_instance()'

# Materialize the tool catalog and every domain x diversity partition into data/dive.duckdb.
run: install $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dive run

summary: install
	$(BIN)/dive summary

test: install
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The Dagster UI (asset graph, partitions, run history) on http://127.0.0.1:3000
ui: install $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

clean:
	rm -rf data .dagster_home .pytest_cache
