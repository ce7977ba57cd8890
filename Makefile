# Civility: `make run` serves the embedded default, `make test` runs the whole suite.
# Each target installs only what it needs (pyproject.toml's extras): serving gets the package
# and the accurate tier's runtime; tests add `dev`, `images` (tests/ocr) and `train` (tests/training);
# training and benchmarks add `train`.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HASH := $(shell cat pyproject.toml | sha1sum | cut -c1-12)
EXTRAS_serve := accurate
EXTRAS_test := accurate,dev,images,train
EXTRAS_train := accurate,train
STAMP_serve := $(VENV)/.installed-serve-$(HASH)
STAMP_test := $(VENV)/.installed-test-$(HASH)
STAMP_train := $(VENV)/.installed-train-$(HASH)

.PHONY: install run test lint typecheck bench train services clean community

# $(1): the profile (serve, test, train). A stamp per profile and pyproject.toml version.
define install_profile
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (Python 3.11+ is needed)"; exit 2; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip==26.3
	$(PIP) install --quiet -e '.[$(EXTRAS_$(1))]'
	@rm -f $(VENV)/.installed-$(1)-*
	@touch $@
endef

$(STAMP_serve): pyproject.toml
	$(call install_profile,serve)

$(STAMP_test): pyproject.toml
	$(call install_profile,test)

$(STAMP_train): pyproject.toml
	$(call install_profile,train)

install: $(STAMP_serve)

run: $(STAMP_serve)
	$(VENV)/bin/civility serve

test: $(STAMP_test)
	bash scripts/test.sh

lint: $(STAMP_test)
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

typecheck: $(STAMP_test)
	$(VENV)/bin/mypy

community: $(STAMP_serve)
	bash examples/community/run.sh

bench: $(STAMP_train)
	$(PY) bench/moderate.py

# Trains the built-in model from the labelled pool; TRAIN_ARGS go to `civility train`.
train: $(STAMP_train)
	$(VENV)/bin/civility train $(TRAIN_ARGS)

services:
	bash scripts/services.sh

clean:
	rm -rf $(VENV) build dist *.egg-info
