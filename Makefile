# Casefile: two commands on a fresh machine.
#   make run    set up .venv if needed, prepare the embedded model, open the desktop app
#   make test   set up .venv if needed, run the whole test suite
#   make bundle / bundle-check / frozen: offline install (packaging/BUNDLE.md, packaging/FROZEN.md)
#   make bench / bench-peer: benchmarks (bench-peer builds llama.cpp once, about ten minutes here)
# Setup is idempotent: a stamp keyed on the requirements' hash skips pip when nothing changed.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
REQS   := requirements.txt requirements-dev.txt requirements-nodeps.txt
REQ_HASH := $(shell cat $(REQS) | sha256sum | cut -c1-16)
STAMP  := $(VENV)/.casefile-setup-$(REQ_HASH)
# Test runs share one converted copy of the embedded model (no document data in it).
export CASEFILE_TEST_MODELS ?= $(CURDIR)/.cache/models

.PHONY: run test bench bench-peer lint setup demo clean bundle bundle-check frozen

run: $(STAMP)
	@command -v tesseract >/dev/null || echo "Note: Tesseract is not installed, so scanned pages cannot be read (OCR). Debian/Ubuntu: sudo apt-get install tesseract-ocr tesseract-ocr-eng; macOS: brew install tesseract."
	@$(PY) main.py models prepare
	$(PY) main.py

test: $(STAMP)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) -m tests.bench.run_bench --out bench-results.json

# Casefile's worker against llama.cpp (llama-cpp-python built from source with native CPU flags,
# once, into .cache/peer; not part of `make test`). Adds "peer" to bench-results.json.
PEER_VERSION := 0.3.36
PEER_STAMP   := .cache/peer/.built-$(PEER_VERSION)
bench-peer: $(STAMP) $(PEER_STAMP)
	$(PY) -m tests.bench.bench_peer --out bench-results.json

$(PEER_STAMP):
	rm -rf .cache/peer
	CMAKE_ARGS="-DGGML_NATIVE=ON -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF -DLLAMA_CURL=OFF" \
	CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) $(PY) -m pip install --quiet --no-deps --no-binary llama-cpp-python \
	  --target .cache/peer llama-cpp-python==$(PEER_VERSION) diskcache==5.6.3
	@touch $@

lint: $(STAMP)
	$(VENV)/bin/ruff check .

# The offline install bundle (see packaging/BUNDLE.md): wheelhouse, hashed lock, SBOM, signed sums.
bundle: $(STAMP)
	$(PY) packaging/build_bundle.py --tar

# Build the bundle, prove install.sh refuses altered ones, install it and self-test with no network.
bundle-check: $(STAMP)
	PY=$(PY) bash packaging/bundle_check.sh

# The frozen one-folder app (PyInstaller; see packaging/FROZEN.md). Takes minutes.
frozen: $(STAMP)
	bash packaging/build_frozen.sh

demo: $(STAMP)
	$(PY) -m assets.demo.make_demo_pdfs demo-case

setup: $(STAMP)

$(STAMP): $(REQS)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Casefile needs Python 3.11 or newer.")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { echo "Could not create .venv: install python3-venv (Debian/Ubuntu: sudo apt-get install python3-venv)."; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps -r requirements-nodeps.txt
	@rm -f $(VENV)/.casefile-setup-*
	@touch $(STAMP)

clean:
	rm -rf $(VENV) .cache .pytest_cache .ruff_cache dist build
