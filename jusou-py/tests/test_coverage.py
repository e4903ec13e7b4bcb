"""Coverage through the installed wheel (issue #19): the rule ids that fire and the error codes
produced by the shared vectors and the bad-input catalogue are exactly those Rust sees, as
``fixtures/coverage.json`` lists them (tests/coverage.rs keeps that file current)."""

import json
import pathlib

from jusou import _jusou
from jusou.testing import FOLDERS

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
COVERAGE = json.loads((FIXTURES / "coverage.json").read_text("utf-8"))
# The folder → operation table every runner uses (jusou-core's, through the package).
OP = FOLDERS


def seen_in(value, rules, codes):
    """Rule ids that fired (not those under ``why_not``/``pending``) and error codes."""
    if isinstance(value, dict):
        rule, code = value.get("rule"), value.get("code")
        if isinstance(rule, str) and rule.startswith("R-"):
            rules.add(rule)
        if isinstance(code, str) and code.startswith("JUSOU-E-"):
            codes.add(code)
        for k, v in value.items():
            if k not in ("why_not", "pending"):
                seen_in(v, rules, codes)
    elif isinstance(value, list):
        for v in value:
            seen_in(v, rules, codes)


def expand(entry):
    if "input" in entry:
        return entry["input"]
    g = entry["generate"]
    return g["prefix"] + g["repeat"] * g["times"] + g["suffix"]


def test_python_sees_the_same_rules_and_codes_as_rust():
    rules, codes = set(), set()
    vectors = [
        p
        for p in FIXTURES.rglob("*.json")
        if not p.name.endswith(".expected.json") and p.relative_to(FIXTURES).parts[0] in OP
    ]
    assert len(vectors) >= 100
    for p in vectors:
        _, out = _jusou.call(OP[p.relative_to(FIXTURES).parts[0]], p.read_text("utf-8"))
        seen_in(json.loads(out), rules, codes)
    catalogue = json.loads((FIXTURES / "bad" / "catalogue.json").read_text("utf-8"))
    for entry in catalogue["entries"]:
        if entry["op"] == "batch_line":  # the CLI's line reader: Rust only
            continue
        _, out = _jusou.call(entry["op"], expand(entry))
        seen_in(json.loads(out), rules, codes)
    assert rules == set(COVERAGE["rules"])
    assert codes == set(COVERAGE["codes"]) - set(COVERAGE["codes_only_through"]["batch_line"])
