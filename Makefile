# jusou — `make test` installs what it needs and runs Rust, Python and WASM tests.
# Every tool the project installs for itself lives under target/ and is called by that path, never
# found on PATH (a copy in ~/.cargo/bin or a global npm package must not hide a missing install
# step): wasm-bindgen-cli and cargo-fuzz in target/tools/bin, the Python venvs in target/, the npm
# devDependencies in jusou-wasm/node_modules. From PATH the recipes use only cargo/rustup, python3,
# node/npm and the system's own programs (and apt-get, as root, for the browser test).
# Cargo runs with --locked: a Cargo.lock that would change is an error, never a silent upgrade.
# Idempotent: every install step checks first, so a second run is quick.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo
PYTHON ?= python3
# The project's own tools (cargo install --root) and the venv that builds the wheel.
TOOLS := $(CURDIR)/target/tools
WASM_BINDGEN := $(TOOLS)/bin/wasm-bindgen
CARGO_FUZZ := $(TOOLS)/bin/cargo-fuzz
CARGO_FUZZ_VERSION := 0.13.2
VENV := target/tools/maturin-venv
# Cargo's output dir (a helper or CI may set CARGO_TARGET_DIR); packages and reports stay in target/.
CARGO_OUT = $(or $(CARGO_TARGET_DIR),target)
WASM_OUT = $(CARGO_OUT)/wasm32-unknown-unknown/wasm-release/jusou_wasm.wasm
WASM_PKG := target/wasm-pkg
WWW := target/www
# npm devDependencies of jusou-wasm (binaryen 132's wasm-opt, json-schema-to-typescript,
# typescript, playwright-core, ajv), installed from jusou-wasm/package-lock.json.
NODE_DEPS := jusou-wasm/node_modules/.installed
WASM_OPT := jusou-wasm/node_modules/.bin/wasm-opt
# Size first (see [profile.wasm-release] in Cargo.toml and jusou-wasm/bench/README.md): the two
# merging passes before -Oz fold the near-identical copies monomorphisation leaves (−1.7 KB gzipped),
# and a second -Oz takes what the first one uncovers (−0.4 KB).
WASM_OPT_FLAGS ?= --duplicate-function-elimination --merge-similar-functions -Oz -Oz
CRATE_VERSION = $(shell awk -F'"' '/^\[workspace.package\]/{w=1} w && /^version/{print $$2; exit}' Cargo.toml)
DEMO_PORT ?= 8650
# The exact wasm-bindgen version in Cargo.lock: the CLI must match it.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/"/,"",$$3); print $$3}' Cargo.lock)

.PHONY: vendor-test test readme-check rust-test py-install py-test py-stubtest py-example wasm-test wasm-pkg www demo-web lint deps deps-rust deps-py deps-node deps-browser deps-fuzz fixtures run demo clean bench bench-rust bench-py bench-node fuzz-smoke fuzz-seed

test: readme-check lint rust-test py-test py-stubtest py-example wasm-test vendor-test
	@if [ -n "$(SKIP_BROWSER)" ]; then \
	  echo "make test: Rust, Python and WASM tests passed — BUT THE HEADLESS-BROWSER TEST WAS SKIPPED (SKIP_BROWSER=$(SKIP_BROWSER))"; \
	else echo "make test: Rust, Python and WASM tests passed"; fi

## the README's set-up --------------------------------------------------------------------------
# The README opens (right after its title line) with a ```sh block of exactly these two
# commands; /work/shared/tools/fresh-check and a new user run them as written. readme-check fails
# when they drift: the block must hold exactly SETUP_1 and SETUP_2 (comments after `#` aside),
# SETUP_2 must be what .ci/run runs, and SETUP_1 is run here — as the README writes it, with
# --locked added so it cannot rewrite Cargo.lock.
SETUP_1 := cargo run --release -- route fixtures/cases/niiza-8050-model.json
SETUP_2 := make test
readme-check:
	@mapfile -t cmds < <(awk 'NR==1{next} /^```sh/{f=1;next} !f && NF{exit} /^```/{if(f)exit} f && NF {sub(/ +#.*/,""); print}' README.md); \
	if [ "$${#cmds[@]}" -ne 2 ] || [ "$${cmds[0]}" != '$(SETUP_1)' ] || [ "$${cmds[1]}" != '$(SETUP_2)' ]; then \
	  echo "readme-check: README.md must open, right after its title, with a \`\`\`sh block of exactly these two commands:"; \
	  echo "    $(SETUP_1)"; echo "    $(SETUP_2)"; \
	  echo "  it has:"; printf '    %s\n' "$${cmds[@]}"; exit 1; \
	fi; \
	grep -qx '$(SETUP_2)' .ci/run || { echo "readme-check: .ci/run does not run '$(SETUP_2)'"; exit 1; }; \
	cmd=$${cmds[0]/#cargo run /cargo run --locked }; \
	echo "readme-check: \$$ $$cmd"; \
	out=$$(bash -c "$$cmd") || { echo "readme-check: the README's first command failed"; exit 1; }; \
	grep -q '^相談の振り分け / Routing of a consultation' <<< "$$out" || \
	  { echo "readme-check: the README's first command printed no routing decision"; exit 1; }; \
	echo "readme-check: the README's set-up commands are the ones make test and .ci/run use"

## prerequisites ----------------------------------------------------------------------------
deps: deps-rust deps-py deps-node deps-browser

# The wasm32 target, and wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock, built
# into target/tools (without --locked: one of the CLI's locked dependencies is not on the registry
# mirror). Only target/tools/bin/wasm-bindgen counts as installed; a copy on PATH is never used.
# Probes are written so that a missing program is an answer, not a failed pipeline under pipefail.
deps-rust:
	@installed=$$(rustup target list --installed); \
	grep -qx wasm32-unknown-unknown <<< "$$installed" || rustup target add wasm32-unknown-unknown
	@want="$(WASM_BINDGEN_VERSION)"; test -n "$$want" || { echo "deps-rust: no wasm-bindgen in Cargo.lock"; exit 1; }; \
	have=; if [ -x $(WASM_BINDGEN) ]; then have=$$($(WASM_BINDGEN) --version 2>/dev/null || true); have=$${have#wasm-bindgen }; fi; \
	if [ "$$have" != "$$want" ]; then \
	  echo "installing wasm-bindgen-cli $$want into target/tools (have there: $${have:-none})"; \
	  $(CARGO) install --root $(TOOLS) wasm-bindgen-cli --version "=$$want"; \
	  echo "installed: $$($(WASM_BINDGEN) --version) at $(WASM_BINDGEN)"; \
	fi

$(VENV)/bin/maturin:
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet "maturin>=1.8,<2"

deps-py: $(VENV)/bin/maturin

$(NODE_DEPS): jusou-wasm/package-lock.json jusou-wasm/package.json
	cd jusou-wasm && npm ci --no-audit --no-fund
	touch $@

deps-node: $(NODE_DEPS)

# The one step that needs root: Debian's chromium for the headless-browser test (playwright-core
# drives it; npm's browser download is not used) and a Japanese font for its screenshots, installed
# with apt-get when missing. Where apt cannot run (not root, no apt-get, or it fails) this says so
# in one line and stops; `make test SKIP_BROWSER=1` then runs everything else and says loudly that
# the browser test was skipped. .ci/run never skips it. CHROMIUM=/path uses another chromium.
BROWSER_PKGS := chromium fonts-ipafont-gothic
CHROMIUM ?= /usr/bin/chromium
deps-browser:
	@if [ -n "$(SKIP_BROWSER)" ]; then echo "deps-browser: SKIPPED (SKIP_BROWSER=$(SKIP_BROWSER)) — the headless-browser test will not run"; exit 0; fi; \
	if test -x $(CHROMIUM) && { [ "$(CHROMIUM)" != /usr/bin/chromium ] || test -d /usr/share/fonts/opentype/ipafont-gothic; }; then exit 0; fi; \
	why="the headless-browser test of the demo form needs the Debian packages $(BROWSER_PKGS)"; \
	if [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then \
	  echo "deps-browser: $$why, and installing them needs root with apt-get: run 'sudo apt-get install $(BROWSER_PKGS)' once, or 'make test SKIP_BROWSER=1' to skip that one test" >&2; \
	  exit 1; \
	fi; \
	echo "deps-browser: installing $(BROWSER_PKGS) with apt-get ($$why)"; \
	{ DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PKGS) >/dev/null; } || { \
	  echo "deps-browser: apt-get could not install $(BROWSER_PKGS) ($$why); install them by hand, or 'make test SKIP_BROWSER=1' to skip that one test" >&2; \
	  exit 1; }

## checks ------------------------------------------------------------------------------------
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings
	# jusou-core as the WASM build compiles it (its default features off).
	$(CARGO) clippy -p jusou-core --no-default-features --all-targets --locked -- -D warnings

rust-test:
	$(CARGO) test --workspace --locked

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
	$(VENV)/bin/maturin build --profile py-release --locked --quiet -m jusou-py/Cargo.toml --out target/wheels
	$(PY_VENV)/bin/pip uninstall --quiet --yes jusou >/dev/null 2>&1 || true
	$(PY_VENV)/bin/pip install --quiet --no-deps --no-index target/wheels/*.whl

# Doctests run from the installed module too.
py-test: py-install
	cd jusou-py/tests && ../../$(PY_VENV)/bin/python -m pytest -q -p no:cacheprovider .

# The stubs (jusou/*.pyi) against the installed package, with mypy's stubtest (mypy and the
# pandas/pyarrow stubs the overloads of route_many name are installed into the test venv once).
py-stubtest: py-install
	$(PY_VENV)/bin/pip show --quiet mypy pandas-stubs pyarrow-stubs >/dev/null 2>&1 || \
	  $(PY_VENV)/bin/pip install --quiet mypy pandas-stubs pyarrow-stubs
	cd jusou-py && ../$(PY_VENV)/bin/python -m mypy.stubtest jusou --allowlist stubtest-allowlist.txt

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
	$(CARGO) build --locked --target wasm32-unknown-unknown -p jusou-wasm --profile wasm-release
	rm -rf $(WASM_PKG)
	$(WASM_BINDGEN) --target nodejs --no-typescript --out-dir $(WASM_PKG)/nodejs $(WASM_OUT)
	$(WASM_BINDGEN) --target web --no-typescript --out-dir $(WASM_PKG)/web $(WASM_OUT)
	@f=$(WASM_PKG)/nodejs/jusou_wasm_bg.wasm; \
	echo "wasm before wasm-opt: $$(stat -c %s $$f) bytes, $$(gzip -9c $$f | wc -c) gzipped"
	$(WASM_OPT) $(WASM_OPT_FLAGS) $(WASM_PKG)/nodejs/jusou_wasm_bg.wasm -o $(WASM_PKG)/nodejs/jusou_wasm_bg.wasm
	cp $(WASM_PKG)/nodejs/jusou_wasm_bg.wasm $(WASM_PKG)/web/jusou_wasm_bg.wasm
	@f=$(WASM_PKG)/nodejs/jusou_wasm_bg.wasm; \
	echo "wasm after wasm-opt $(WASM_OPT_FLAGS): $$(stat -c %s $$f) bytes, $$(gzip -9c $$f | wc -c) gzipped"
	# Schemas stay out of the module: shipped as JSON files beside it, generated by the CLI.
	$(CARGO) build -q --locked
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
# test of the demo form (screenshot in target/browser/; left out, loudly, with SKIP_BROWSER=1).
WASM_TESTS = $(sort $(wildcard jusou-wasm/tests/*.test.mjs))
wasm-test: www deps-browser
	CHROMIUM=$(CHROMIUM) node --test $(if $(SKIP_BROWSER),$(filter-out %/browser.test.mjs,$(WASM_TESTS)),$(WASM_TESTS))

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
	$(CARGO) bench --locked --bench core

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

# cargo-fuzz in target/tools, run by its path with the nightly toolchain (RUSTUP_TOOLCHAIN is what
# `cargo +nightly` sets); the fuzz workspace builds from its own committed fuzz/Cargo.lock.
deps-fuzz:
	@have=; if [ -x $(CARGO_FUZZ) ]; then have=$$($(CARGO_FUZZ) --version 2>/dev/null || true); have=$${have##* }; fi; \
	if [ "$$have" != "$(CARGO_FUZZ_VERSION)" ]; then \
	  echo "installing cargo-fuzz $(CARGO_FUZZ_VERSION) into target/tools (have there: $${have:-none})"; \
	  $(CARGO) install --root $(TOOLS) cargo-fuzz --version "=$(CARGO_FUZZ_VERSION)"; \
	fi

FUZZ = RUSTUP_TOOLCHAIN=nightly $(CARGO_FUZZ) fuzz
fuzz-smoke: fuzz-seed deps-fuzz
	$(FUZZ) build $(FUZZ_FLAGS)
	mkdir -p target/fuzz-logs
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz $$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ) run $(FUZZ_FLAGS) $$t -- -max_total_time=$(FUZZ_SECONDS) \
	    -rss_limit_mb=$(FUZZ_RSS_MB) -max_len=$(FUZZ_MAX_LEN) -timeout=10 \
	    > target/fuzz-logs/$$t.log 2>&1 || { tail -n 40 target/fuzz-logs/$$t.log; exit 1; }; \
	done
	@for t in $(FUZZ_TARGETS); do \
	  printf '%-14s %s\n' "$$t" "$$(grep -E '^Done [0-9]+ runs' target/fuzz-logs/$$t.log)"; \
	done

## helpers -----------------------------------------------------------------------------------
# Regenerate expected outputs from the CLI; review the diff by hand before committing.
fixtures:
	$(CARGO) build --release --locked
	fixtures/generate.sh

run:
	$(CARGO) run --release --locked -- taxonomy

clean:
	rm -rf target/wheels target/py-test-venv target/wasm-pkg target/www target/browser target/examples

## ==== issue #20: vendors — C ABI, Java (JNA), HTTP service, CSV, PostgreSQL, packages ========
# Kept in one block (the set-up part above is maintained separately). Debian packages are
# installed only when missing (needs root, as on this project's machines).
FFI_OUT := target/ffi
FFI_LIB_DIR = $(CARGO_OUT)/debug
JNA_JAR := /usr/share/java/jna.jar
NIIZA_CASE := fixtures/cases/niiza-8050-model.json

.PHONY: vendor-test deps-vendor deps-postgres ffi-header ffi-header-check ffi-test java-test postgres-test

vendor-test: ffi-header-check ffi-test java-test postgres-test packages

deps-vendor:
	@missing=""; \
	command -v cbindgen >/dev/null || missing="$$missing cbindgen"; \
	command -v gcc >/dev/null || missing="$$missing gcc"; \
	command -v javac >/dev/null || missing="$$missing openjdk-17-jdk-headless"; \
	test -f $(JNA_JAR) || missing="$$missing libjna-java"; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing (apt)"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# The C header, generated from jusou-ffi/src/lib.rs by cbindgen and committed.
ffi-header: deps-vendor
	cd jusou-ffi && cbindgen --quiet --config cbindgen.toml --crate jusou-ffi --output include/jusou.h

# Fails when the committed header is not what cbindgen makes of the current source.
ffi-header-check: deps-vendor
	mkdir -p $(FFI_OUT)
	cd jusou-ffi && cbindgen --quiet --config cbindgen.toml --crate jusou-ffi --output ../$(FFI_OUT)/jusou.h
	diff -u jusou-ffi/include/jusou.h $(FFI_OUT)/jusou.h || { echo "jusou-ffi/include/jusou.h is stale: make ffi-header"; exit 1; }

# The C program, linked statically, checks the boundary's contract and routes the 新座市 model
# case; its answer must be the CLI's own (plain, and under 稲城市's options with a date).
ffi-test: deps-vendor
	$(CARGO) build -q --locked -p jusou-ffi -p jusou
	mkdir -p $(FFI_OUT)
	gcc -std=c99 -Wall -Wextra -Werror -O1 -Ijusou-ffi/include tests/c/route_case.c \
	  $(FFI_LIB_DIR)/libjusou_ffi.a -lpthread -ldl -lm -o $(FFI_OUT)/route_case
	$(FFI_OUT)/route_case $(NIIZA_CASE) > $(FFI_OUT)/c-route.json
	$(CARGO_OUT)/debug/jusou api route $(NIIZA_CASE) > $(FFI_OUT)/cli-route.json
	$(PYTHON) tests/same_json.py $(FFI_OUT)/c-route.json $(FFI_OUT)/cli-route.json
	$(FFI_OUT)/route_case $(NIIZA_CASE) fixtures/municipalities/inagi.json 令和8年6月1日 > $(FFI_OUT)/c-route-inagi.json
	$(CARGO_OUT)/debug/jusou route --json --municipality fixtures/municipalities/inagi.json \
	  --as-of 令和8年6月1日 $(NIIZA_CASE) > $(FFI_OUT)/cli-route-inagi.json
	$(PYTHON) tests/same_json.py $(FFI_OUT)/c-route-inagi.json $(FFI_OUT)/cli-route-inagi.json

# The Java example through JNA, on the shared library: the same decision as the CLI.
java-test: deps-vendor
	$(CARGO) build -q --locked -p jusou-ffi -p jusou
	mkdir -p $(FFI_OUT)/java
	javac -Werror -cp $(JNA_JAR) -d $(FFI_OUT)/java examples/java/JusouExample.java
	java -cp $(JNA_JAR):$(FFI_OUT)/java -Djna.library.path=$(FFI_LIB_DIR) \
	  JusouExample $(NIIZA_CASE) > $(FFI_OUT)/java-route.json
	$(CARGO_OUT)/debug/jusou api route $(NIIZA_CASE) > $(FFI_OUT)/cli-route.json
	$(PYTHON) tests/same_json.py $(FFI_OUT)/java-route.json $(FFI_OUT)/cli-route.json
	java -cp $(JNA_JAR):$(FFI_OUT)/java -Djna.library.path=$(FFI_LIB_DIR) \
	  JusouExample $(NIIZA_CASE) fixtures/municipalities/inagi.json 令和8年6月1日 > $(FFI_OUT)/java-route-inagi.json
	$(CARGO_OUT)/debug/jusou route --json --municipality fixtures/municipalities/inagi.json \
	  --as-of 令和8年6月1日 $(NIIZA_CASE) > $(FFI_OUT)/cli-route-inagi.json
	$(PYTHON) tests/same_json.py $(FFI_OUT)/java-route-inagi.json $(FFI_OUT)/cli-route-inagi.json

# Not a test: the bounded load test of `jusou serve` against the same service with an empty
# handler (--bench-empty-handler: every layer, no decision) and a bare axum one, same run, on
# loopback; prints throughput, p50/p99 and server CPU per request (numbers in benches/README.md).
SERVE_LOAD_REQUESTS ?= 40000
SERVE_LOAD_CONNECTIONS ?= 8
SERVE_LOAD_ROUNDS ?= 7
.PHONY: bench-serve
bench-serve:
	$(CARGO) build --release --locked -p jusou --bin jusou --example serve_load
	$(CARGO_OUT)/release/examples/serve_load --jusou $(CARGO_OUT)/release/jusou \
	  --connections $(SERVE_LOAD_CONNECTIONS) --requests $(SERVE_LOAD_REQUESTS) --rounds $(SERVE_LOAD_ROUNDS)

# PostgreSQL: plan events appended through examples/postgres/jusou_store.py (psycopg + the
# installed jusou wheel), each checked by jusou inside the transaction. The test starts its own
# server on a temporary data directory on loopback (as the postgres user when run as root).
deps-postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { echo "installing postgresql (apt)"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }

postgres-test: py-install deps-postgres
	@$(PY_VENV)/bin/python -c "import psycopg" 2>/dev/null || $(PY_VENV)/bin/pip install --quiet "psycopg[binary]>=3.1,<4"
	cd examples/postgres && ../../$(PY_VENV)/bin/python -m pytest -q -p no:cacheprovider test_postgres.py

## packages a municipal server can install (issue #20) ---------------------------------------
# An abi3 wheel for manylinux2014 (glibc 2.17: RHEL 7/8 and later), linked with zig (ziglang
# from PyPI, in the project venv); its tags and glibc symbols are checked. `cargo package` for
# the crates that can be published (jusou-py and jusou-wasm are publish = false: they ship as the
# wheel and the npm package); --allow-dirty only skips git's clean-tree check, so the target also
# runs in a working tree. `npm pack` for the WASM package.
WHEEL2014_OUT := target/wheels-manylinux2014
.PHONY: packages wheel-manylinux2014 crate-package npm-pack

packages: wheel-manylinux2014 crate-package npm-pack

wheel-manylinux2014: deps-py
	@$(VENV)/bin/python -c "import ziglang" 2>/dev/null || $(VENV)/bin/pip install --quiet "ziglang>=0.13,<0.15"
	rm -rf $(WHEEL2014_OUT)
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/maturin build --profile py-release --locked --quiet --zig \
	  --compatibility manylinux2014 -m jusou-py/Cargo.toml --out $(WHEEL2014_OUT)
	$(PYTHON) tests/check_wheel.py $(WHEEL2014_OUT)/*.whl
	# It installs and answers as the CLI does (the 新座市 model case).
	rm -rf target/wheel2014-venv
	$(PYTHON) -m venv target/wheel2014-venv
	target/wheel2014-venv/bin/pip install --quiet --no-deps --no-index $(WHEEL2014_OUT)/*.whl
	$(CARGO) build -q --locked -p jusou
	target/wheel2014-venv/bin/python -c "import json, sys, jusou; print(json.dumps(jusou.route(open(sys.argv[1]).read()), ensure_ascii=False))" \
	  $(NIIZA_CASE) > $(WHEEL2014_OUT)/route.json
	$(CARGO_OUT)/debug/jusou api route $(NIIZA_CASE) > $(WHEEL2014_OUT)/cli-route.json
	$(PYTHON) tests/same_json.py $(WHEEL2014_OUT)/route.json $(WHEEL2014_OUT)/cli-route.json

crate-package:
	$(CARGO) package --locked -p jusou-core -p jusou-ffi -p jusou --allow-dirty

npm-pack: wasm-pkg
	mkdir -p target/npm
	rm -f target/npm/*.tgz
	cd $(WASM_PKG) && npm pack --pack-destination ../npm
	# The tarball installs (offline, into a scratch project) and routes as the CLI does.
	rm -rf target/npm-check && mkdir -p target/npm-check
	cd target/npm-check && npm init -y >/dev/null && \
	  npm install --no-audit --no-fund --offline ../npm/jusou-$(CRATE_VERSION).tgz >/dev/null
	cd target/npm-check && node -e "const fs = require('fs'); \
	  fs.writeFileSync('route.json', JSON.stringify(require('jusou').route(JSON.parse(fs.readFileSync(process.argv[1], 'utf8')))))" \
	  ../../$(NIIZA_CASE)
	$(CARGO_OUT)/debug/jusou api route $(NIIZA_CASE) > target/npm-check/cli-route.json
	$(PYTHON) tests/same_json.py target/npm-check/route.json target/npm-check/cli-route.json
