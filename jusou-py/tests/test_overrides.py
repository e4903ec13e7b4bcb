"""Every variant of ``fixtures/overrides/manifest.json`` through ``jusou.Engine`` and through the
free functions (``route(case, municipality=, as_of=)``, ``route_many``, ``plan(log, as_of)``),
compared with ``fixtures/overrides/<name>.expected.json``: the answers Rust
(``jusou-core/tests/overrides.rs``) and node (``jusou-wasm/tests/overrides.test.mjs``) give too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Dict

import pytest

import jusou

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
MANIFEST = json.loads((FIXTURES / "overrides" / "manifest.json").read_text("utf-8"))
VARIANTS = MANIFEST["variants"]


def _given(v: Dict[str, Any], key: str) -> Any:
    """A variant's input or municipality: the file's (or inline) text, or it parsed, per
    ``<key>_as``."""
    if key in v:
        text = (FIXTURES / v[key]).read_text("utf-8")
    elif f"{key}_text" in v:
        text = v[f"{key}_text"]
    else:
        return None
    return json.loads(text) if v.get(f"{key}_as") == "object" else text


def _answer(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except jusou.ValidationError as e:
        return {"errors": e.errors}


def _expected(v: Dict[str, Any]) -> Any:
    return json.loads((FIXTURES / "overrides" / f"{v['name']}.expected.json").read_text("utf-8"))


def test_there_are_variants():
    assert len(VARIANTS) >= 20


@pytest.mark.parametrize("v", VARIANTS, ids=[v["name"] for v in VARIANTS])
def test_engine(v):
    m, case, as_of = _given(v, "municipality"), _given(v, "input"), v.get("as_of")

    def run() -> Any:
        engine = jusou.Engine(m, as_of)
        return getattr(engine, v["op"])(case)

    assert _answer(run) == _expected(v)


@pytest.mark.parametrize("v", VARIANTS, ids=[v["name"] for v in VARIANTS])
def test_free_function(v):
    m, case, as_of = _given(v, "municipality"), _given(v, "input"), v.get("as_of")
    op = v["op"]
    if op == "route":
        got = _answer(lambda: jusou.route(case, municipality=m, as_of=as_of))
    elif op == "route_many":
        # route_many takes a list: the batch's text is split here, each case as text or object.
        items = [c if isinstance(case, list) else json.dumps(c, ensure_ascii=False)
                 for c in (case if isinstance(case, list) else json.loads(case))]
        got = _answer(lambda: jusou.route_many(items, municipality=m, as_of=as_of))
    else:
        assert op == "plan" and m is None
        got = _answer(lambda: jusou.plan(case, as_of=as_of))
    assert got == _expected(v)
