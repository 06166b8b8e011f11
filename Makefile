# Casefile: two commands on a fresh machine (packaging/dev.py does the work, on every platform:
# on Windows and macOS run `py packaging\dev.py run|test` / `python3 packaging/dev.py run|test`).
#   make run    set up .venv if needed, prepare the embedded model, open the desktop app
#   make test   set up .venv if needed, run the whole test suite
#   make bundle / bundle-check / frozen: offline install (packaging/BUNDLE.md, packaging/FROZEN.md)
#   make bench / bench-peer: benchmarks (bench-peer builds llama.cpp once, about ten minutes here)
#   make eval   the embedded model's qualification baseline (signed report in eval-report/)
# Setup is idempotent: a stamp keyed on the requirements' hash skips pip when nothing changed.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# Test runs share one converted copy of the embedded model (no document data in it).
export CASEFILE_TEST_MODELS ?= $(CURDIR)/.cache/models

.PHONY: run test bench bench-peer eval lint setup demo clean bundle bundle-check frozen

run:
	$(PYTHON) packaging/dev.py run

test:
	$(PYTHON) packaging/dev.py test

bench:
	$(PYTHON) packaging/dev.py bench

eval:
	$(PYTHON) packaging/dev.py eval

# Casefile's worker against llama.cpp (llama-cpp-python built from source with native CPU flags,
# once, into .cache/peer; not part of `make test`). Adds "peer" to bench-results.json.
PEER_VERSION := 0.3.36
PEER_STAMP   := .cache/peer/.built-$(PEER_VERSION)
bench-peer: setup $(PEER_STAMP)
	@rm -rf .cache/peer/diskcache  # an older build's: llama_cpp's disk cache is never used (bench_peer.py)
	$(PY) -m tests.bench.bench_peer --out bench-results.json

$(PEER_STAMP):
	rm -rf .cache/peer
	CMAKE_ARGS="-DGGML_NATIVE=ON -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF -DLLAMA_CURL=OFF" \
	CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) $(PY) -m pip install --quiet --no-deps --no-binary llama-cpp-python \
	  --target .cache/peer llama-cpp-python==$(PEER_VERSION)
	@touch $@

lint:
	$(PYTHON) packaging/dev.py lint

# The offline install bundle (see packaging/BUNDLE.md): wheelhouse, hashed lock, SBOM, signed sums.
bundle: setup
	$(PY) packaging/build_bundle.py --tar

# Build the bundle, prove install.sh refuses altered ones, install it and self-test with no network.
bundle-check: setup
	PY=$(PY) bash packaging/bundle_check.sh

# The frozen one-folder app (PyInstaller; see packaging/FROZEN.md). Takes minutes.
frozen: setup
	bash packaging/build_frozen.sh

demo: setup
	$(PY) -m assets.demo.make_demo_pdfs demo-case

# Idempotent and quick once done: dev.py keeps a stamp named by the requirements' hash.
setup:
	$(PYTHON) packaging/dev.py setup

clean:
	rm -rf $(VENV) .cache .pytest_cache .ruff_cache dist build
