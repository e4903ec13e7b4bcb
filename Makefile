# jusou — `make test` installs what it needs (wasm32 target, wasm-bindgen-cli pinned to the
# crate's version, a Python venv with maturin and pytest) and runs Rust, Python and WASM tests.
# Idempotent: every install step checks first, so a second run is quick.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo
PYTHON ?= python3
VENV := .venv
WASM_OUT := target/wasm32-unknown-unknown/wasm-release/jusou_wasm.wasm
WASM_PKG := target/wasm-pkg
# The exact wasm-bindgen version in Cargo.lock: the CLI must match it.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/"/,"",$$3); print $$3}' Cargo.lock)

.PHONY: test rust-test py-test wasm-test lint deps deps-rust deps-py fixtures run demo clean

test: lint rust-test py-test wasm-test
	@echo "make test: Rust, Python and WASM tests passed"

## prerequisites ----------------------------------------------------------------------------
deps: deps-rust deps-py

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

## checks ------------------------------------------------------------------------------------
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

rust-test:
	$(CARGO) test --workspace

# Build the abi3 wheel, install it into a fresh venv, and test the installed package (not the
# source tree) with pytest; doctests run from the installed module too.
py-test: deps-py
	rm -rf target/wheels
	$(VENV)/bin/maturin build --release --quiet -m jusou-py/Cargo.toml --out target/wheels
	rm -rf target/py-test-venv
	$(PYTHON) -m venv target/py-test-venv
	target/py-test-venv/bin/pip install --quiet pytest
	target/py-test-venv/bin/pip install --quiet --no-deps --no-index target/wheels/*.whl
	cd jusou-py/tests && ../../target/py-test-venv/bin/python -m pytest -q -p no:cacheprovider .

wasm-test: deps-rust
	$(CARGO) build --target wasm32-unknown-unknown -p jusou-wasm --profile wasm-release
	wasm-bindgen --target nodejs --out-dir $(WASM_PKG)/nodejs $(WASM_OUT)
	wasm-bindgen --target web --out-dir $(WASM_PKG)/web $(WASM_OUT)
	@ls -l $(WASM_PKG)/nodejs/jusou_wasm_bg.wasm | awk '{print "wasm size:", $$5, "bytes"}'
	node --test jusou-wasm/tests/

## helpers -----------------------------------------------------------------------------------
# Regenerate expected outputs from the CLI; review the diff by hand before committing.
fixtures:
	$(CARGO) build --release
	fixtures/generate.sh

run:
	$(CARGO) run --release -- taxonomy

clean:
	rm -rf target/wheels target/py-test-venv target/wasm-pkg
