# Two commands for a new user: `make run` and `make test`. Both create .venv when it is missing and
# install the hash-pinned lock files in requirements/, so every machine gets the same packages.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP_VERSION := 26.3
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test fuzz lint lock eval bench clean

run: $(STAMP_RUN)
	$(BIN)/newsreader sample_data/

test: $(STAMP_TEST)
	$(BIN)/ruff check tui tests bench
	$(BIN)/python -m pytest -q

# The property tests with random examples, 25 times the budget `make test` gives them (which tries the
# same examples every run, see tests/conftest.py). Failures are kept in .hypothesis/ and tried first.
fuzz: $(STAMP_TEST)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -m property tests/

lint: $(STAMP_TEST)
	$(BIN)/ruff check tui tests bench
	$(BIN)/ruff format --check tui tests bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==$(PIP_VERSION)"

$(STAMP_RUN): $(BIN)/python requirements/run.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/run.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(STAMP_TEST): $(BIN)/python requirements/test.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/test.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@ $(STAMP_RUN)

# Regenerate the lock files after changing pyproject.toml (needs uv: `pip install uv`).
lock:
	uv pip compile pyproject.toml requirements/build.in --generate-hashes --python-version 3.11 \
		--python-platform linux --quiet --custom-compile-command "make lock" -o requirements/run.txt
	uv pip compile pyproject.toml requirements/build.in --extra test --extra cluster --generate-hashes \
		--python-version 3.11 --python-platform linux --quiet --custom-compile-command "make lock" \
		-o requirements/test.txt

# Quote quality against news annotated by people (needs ../shared/eval).
eval: $(STAMP_RUN)
	python3 ../shared/eval/score.py ../shared/eval/data/polnear-dev.jsonl \
		--system '$(BIN)/newsreader analyze --format jsonl' --misses 40

clean:
	rm -rf $(VENV)
