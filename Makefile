# jusou — `make test` installs what it needs (wasm32 target, wasm-bindgen-cli pinned to the
# crate's version, a Python venv with maturin and pytest) and runs Rust, Python and WASM tests.
# Idempotent: every install step checks first, so a second run is quick.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo
PYTHON ?= python3
VENV := .venv
# Cargo's output dir (a helper or CI may set CARGO_TARGET_DIR); packages and reports stay in target/.
CARGO_OUT = $(or $(CARGO_TARGET_DIR),target)
WASM_OUT = $(CARGO_OUT)/wasm32-unknown-unknown/wasm-release/jusou_wasm.wasm
WASM_PKG := target/wasm-pkg
WWW := target/www
# npm devDependencies of jusou-wasm (binaryen 132's wasm-opt, json-schema-to-typescript,
# typescript, playwright-core, ajv), installed from jusou-wasm/package-lock.json.
NODE_DEPS := jusou-wasm/node_modules/.installed
WASM_OPT := jusou-wasm/node_modules/.bin/wasm-opt
# Speed over the last few KB (see [profile.wasm-release] in Cargo.toml); -Oz saves ~0.5 KB here.
WASM_OPT_FLAGS ?= -O3
CRATE_VERSION = $(shell awk -F'"' '/^\[workspace.package\]/{w=1} w && /^version/{print $$2; exit}' Cargo.toml)
DEMO_PORT ?= 8650
# The exact wasm-bindgen version in Cargo.lock: the CLI must match it.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/"/,"",$$3); print $$3}' Cargo.lock)

.PHONY: test rust-test py-install py-test py-example wasm-test wasm-pkg www demo-web lint deps deps-rust deps-py deps-node deps-browser fixtures run demo clean bench bench-rust bench-py bench-node fuzz-smoke fuzz-seed

test: lint rust-test py-test py-example wasm-test
	@echo "make test: Rust, Python and WASM tests passed"

## prerequisites ----------------------------------------------------------------------------
deps: deps-rust deps-py deps-node deps-browser

deps-rust:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@$(CARGO) generate-lockfile --offline >/dev/null 2>&1 || test -f Cargo.lock || $(CARGO) generate-lockfile
	@want="$(WASM_BINDGEN_VERSION)"; have=$$(wasm-bindgen --version 2>/dev/null | awk '{print $$2}'); \
	if [ "$$have" != "$$want" ]; then \
	  echo "installing wasm-bindgen-cli $$want (have: $${have:-none})"; \
	  $(CARGO) install wasm-bindgen-cli --version "=$$want"; \
	fi

$(VENV)/bin/maturin:
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet "maturin>=1.8,<2" pytest

deps-py: $(VENV)/bin/maturin

$(NODE_DEPS): jusou-wasm/package-lock.json jusou-wasm/package.json
	cd jusou-wasm && npm ci --no-audit --no-fund
	touch $@

deps-node: $(NODE_DEPS)

# Debian's chromium for the headless-browser test (playwright-core drives /usr/bin/chromium;
# no browser download) and a Japanese font for its screenshots. Installed only when missing;
# needs root, as on this project's machines.
deps-browser:
	@if ! test -x /usr/bin/chromium || ! test -d /usr/share/fonts/opentype/ipafont-gothic; then \
	  echo "installing chromium and fonts-ipafont-gothic (apt)"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-ipafont-gothic >/dev/null; \
	fi

## checks ------------------------------------------------------------------------------------
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

rust-test:
	$(CARGO) test --workspace

# Build the abi3 wheel and install it into target/py-test-venv, replacing whatever jusou was there,
# so pytest, the example and the benchmark run the installed package (not the source tree). The
# venv and its test extras (pytest, pandas, pyarrow, numpy, matplotlib) are made once (stamp
# file) so a re-run only rebuilds and reinstalls the wheel; `make clean` starts afresh.
PY_VENV := target/py-test-venv
PY_EXTRAS := pytest "pandas>=1.5" "pyarrow>=12" numpy "matplotlib>=3.6" "dask[distributed]>=2024.1"

$(PY_VENV)/.deps-ok:
	rm -rf $(PY_VENV)
	$(PYTHON) -m venv $(PY_VENV)
	$(PY_VENV)/bin/pip install --quiet $(PY_EXTRAS)
	touch $@

py-install: deps-py $(PY_VENV)/.deps-ok
	rm -rf target/wheels
	$(VENV)/bin/maturin build --release --quiet -m jusou-py/Cargo.toml --out target/wheels
	$(PY_VENV)/bin/pip uninstall --quiet --yes jusou >/dev/null 2>&1 || true
	$(PY_VENV)/bin/pip install --quiet --no-deps --no-index target/wheels/*.whl

# Doctests run from the installed module too.
py-test: py-install
	cd jusou-py/tests && ../../$(PY_VENV)/bin/python -m pytest -q -p no:cacheprovider .

# The worked analysis: a year of consultations in a city of 150,000 (population.py, cited rates)
# routed under 新座市 and 稲城市, a table, English and Japanese plots (IPA Gothic: deps-browser)
# and a funding split, written to target/examples (EXAMPLES_OUT to change).
EXAMPLES_OUT ?= target/examples
py-example: py-install deps-browser
	rm -f $(EXAMPLES_OUT)/routing_by_config.csv $(EXAMPLES_OUT)/routing_by_config.png $(EXAMPLES_OUT)/routing_by_config_ja.png $(EXAMPLES_OUT)/signals_by_config.csv $(EXAMPLES_OUT)/funding_split.csv
	$(PY_VENV)/bin/python jusou-py/examples/analysis.py --out-dir $(EXAMPLES_OUT)
	test -s $(EXAMPLES_OUT)/routing_by_config.csv
	test -s $(EXAMPLES_OUT)/routing_by_config.png
	test -s $(EXAMPLES_OUT)/routing_by_config_ja.png
	test -s $(EXAMPLES_OUT)/funding_split.csv
	# i21: the population generator's tests and the Dask example (LocalCluster, 2 worker processes,
	# small data); dask[distributed] is in
	# PY_EXTRAS, installed here too for venvs made before it was added.
	$(PY_VENV)/bin/python -c "import distributed" 2>/dev/null || $(PY_VENV)/bin/pip install --quiet "dask[distributed]>=2024.1"
	cd jusou-py/examples && ../../$(PY_VENV)/bin/python -m pytest -q -p no:cacheprovider test_population.py test_dask_route.py test_plan_logs.py

# Not a test: route_many over BENCH_N synthetic cases vs plain Python; writes target/bench/python.json.
BENCH_N ?= 1000000
bench-py: py-install
	nice -n 10 $(PY_VENV)/bin/python jusou-py/bench/bench_route.py --n $(BENCH_N) --out target/bench/python.json

# The npm package in target/wasm-pkg: wasm-bindgen output for node (nodejs/) and browsers (web/),
# optimised with npm's binaryen 132 (not Debian's 108: its output fails to load), the schemas as
# JSON files beside the module, TypeScript types generated from them, and package.json.
wasm-pkg: deps-rust deps-node
	$(CARGO) build --target wasm32-unknown-unknown -p jusou-wasm --profile wasm-release
	rm -rf $(WASM_PKG)
	wasm-bindgen --target nodejs --no-typescript --out-dir $(WASM_PKG)/nodejs $(WASM_OUT)
	wasm-bindgen --target web --no-typescript --out-dir $(WASM_PKG)/web $(WASM_OUT)
	@f=$(WASM_PKG)/nodejs/jusou_wasm_bg.wasm; \
	echo "wasm before wasm-opt: $$(stat -c %s $$f) bytes, $$(gzip -9c $$f | wc -c) gzipped"
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(WASM_PKG)/nodejs/jusou_wasm_bg.wasm -o $(WASM_PKG)/nodejs/jusou_wasm_bg.wasm
	cp $(WASM_PKG)/nodejs/jusou_wasm_bg.wasm $(WASM_PKG)/web/jusou_wasm_bg.wasm
	@f=$(WASM_PKG)/nodejs/jusou_wasm_bg.wasm; \
	echo "wasm after wasm-opt $(WASM_OPT_FLAGS): $$(stat -c %s $$f) bytes, $$(gzip -9c $$f | wc -c) gzipped"
	# Schemas stay out of the module: shipped as JSON files beside it, generated by the CLI.
	$(CARGO) build -q
	mkdir -p $(WASM_PKG)/schemas
	for n in $$($(CARGO_OUT)/debug/jusou schema --list | awk '{print $$1}'); do \
	  $(CARGO_OUT)/debug/jusou schema $$n > $(WASM_PKG)/schemas/$$n.json; done
	node jusou-wasm/build/package.mjs $(WASM_PKG) $(CRATE_VERSION)

# The demo page with the web package beside it (target/www/pkg).
www: wasm-pkg
	rm -rf $(WWW)
	mkdir -p $(WWW)/pkg
	cp jusou-wasm/www/* $(WWW)/
	cp -r $(WASM_PKG)/web $(WASM_PKG)/schemas $(WASM_PKG)/web.js $(WWW)/pkg/
	cp fixtures/cases/niiza-8050-model.json $(WWW)/example-case.json

# Node tests (every fixture vector, the API, tsc on a typed example) and the headless-browser
# test of the demo form (screenshot in target/browser/).
wasm-test: www deps-browser
	node --test jusou-wasm/tests/

# Serve the demo form on loopback only.
demo-web: www
	@echo "demo: http://127.0.0.1:$(DEMO_PORT)/"
	cd $(WWW) && $(PYTHON) -m http.server $(DEMO_PORT) --bind 127.0.0.1

# Node benchmark of the WASM package (not part of test): results in target/bench/node.json.
bench-node: wasm-pkg
	node jusou-wasm/bench/bench.mjs

## benchmarks (not tests: ratios to baselines run in the same process) -----------------------
# All three suites, then one ratio table (also written into benches/README.md).
bench: bench-rust bench-py bench-node
	$(PYTHON) benches/report.py --readme benches/README.md

bench-rust:
	rm -rf target/criterion
	$(CARGO) bench --bench core

## fuzzing (nightly + cargo-fuzz) -----------------------------------------------------------
# Each target runs FUZZ_SECONDS from a seed corpus built from fixtures/ (fuzz/seed.sh), with
# memory and input-length limits; a crash fails the target (its input lands in
# fuzz/artifacts/<target>/). The executions per target are printed at the end.
FUZZ_SECONDS ?= 60
FUZZ_MAX_LEN ?= 65536
FUZZ_RSS_MB ?= 2048
FUZZ_TARGETS ?= route meeting plan municipality date batch_line
FUZZ_TARGET_DIR ?= $(CURDIR)/target/fuzz
FUZZ_FLAGS = --release --debug-assertions --sanitizer none --target-dir $(FUZZ_TARGET_DIR)

fuzz-seed:
	fuzz/seed.sh

fuzz-smoke: fuzz-seed
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz
	cargo +nightly fuzz build $(FUZZ_FLAGS)
	mkdir -p target/fuzz-logs
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz $$t for $(FUZZ_SECONDS) s"; \
	  cargo +nightly fuzz run $(FUZZ_FLAGS) $$t -- -max_total_time=$(FUZZ_SECONDS) \
	    -rss_limit_mb=$(FUZZ_RSS_MB) -max_len=$(FUZZ_MAX_LEN) -timeout=10 \
	    > target/fuzz-logs/$$t.log 2>&1 || { tail -n 40 target/fuzz-logs/$$t.log; exit 1; }; \
	done
	@for t in $(FUZZ_TARGETS); do \
	  printf '%-14s %s\n' "$$t" "$$(grep -E '^Done [0-9]+ runs' target/fuzz-logs/$$t.log)"; \
	done

## helpers -----------------------------------------------------------------------------------
# Regenerate expected outputs from the CLI; review the diff by hand before committing.
fixtures:
	$(CARGO) build --release
	fixtures/generate.sh

run:
	$(CARGO) run --release -- taxonomy

clean:
	rm -rf target/wheels target/py-test-venv target/wasm-pkg target/www target/browser target/examples
