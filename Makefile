# kronika — two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared

.PHONY: install demo test eval bench train lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install  ## analyse the project's own example article and print the result
	$(BIN)/kronika analyze examples/demo_pl.txt --format table

test: install  ## the test suite (no ../shared needed)
	$(BIN)/python -m pytest -p no:cacheprovider tests

eval: install  ## scores on the dev sets and model evaluations (uses ../shared when present)
	@if [ -d $(SHARED)/eval ]; then $(BIN)/python $(SHARED)/eval/run_dev.py --kronika $(BIN)/kronika; \
	else echo "no $(SHARED)/eval: nothing to evaluate"; fi

bench: install  ## speed and memory: articles/s, words/s, peak memory per worker
	$(BIN)/python scripts/bench.py

train: install  ## retrain the statistical models from ../shared/data (see project.yml)
	$(BIN)/python -m weasel run all

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
