"""The bad-input catalogue (fixtures/bad/catalogue.json) through the installed wheel: every entry
gives the same error code and JSON pointer as Rust and node, as a ``jusou.ValidationError`` —
never a ``PanicException``, never a crash. Plus Python values the JSON boundary cannot carry."""

import datetime
import json
import pathlib

import pytest

import jusou
from jusou import _jusou

ROOT = pathlib.Path(__file__).resolve().parents[2]
CATALOGUE = json.loads((ROOT / "fixtures" / "bad" / "catalogue.json").read_text(encoding="utf-8"))
# batch_line entries need the CLI's line reader, which the bindings do not have (tests/bad.rs).
ENTRIES = [e for e in CATALOGUE["entries"] if e["op"] != "batch_line"]
# The public functions that take a document as JSON text.
PUBLIC = {
    "route": jusou.route,
    "meeting": jusou.meeting,
    "plan": jusou.plan,
    "check_municipality": jusou.check_municipality,
}


def expand(entry):
    """``input``, or ``generate`` expanded as prefix + repeat × times + suffix (the one rule)."""
    if "input" in entry:
        return entry["input"]
    g = entry["generate"]
    return g["prefix"] + g["repeat"] * g["times"] + g["suffix"]


def outcome(ok, value):
    if not ok:
        return value["errors"][0]["code"], value["errors"][0]["path"]
    assert value.get("valid") is False, f"accepted: {str(value)[:200]}"
    v = value["violations"][0]
    return v["rule"], f"/events/{v['event_index']}"


def expected(entry):
    exp = entry["expected"]
    return exp.get("code", exp.get("rule")), exp["path"]


def test_catalogue_is_large_enough():
    assert len(CATALOGUE["entries"]) >= 60


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["name"])
def test_native_call_gives_the_catalogued_error(entry):
    ok, out = _jusou.call(entry["op"], expand(entry))
    assert outcome(ok, json.loads(out)) == expected(entry)


@pytest.mark.parametrize(
    "entry", [e for e in ENTRIES if e["op"] in PUBLIC], ids=lambda e: e["name"]
)
def test_public_api_raises_validation_error(entry):
    fn = PUBLIC[entry["op"]]
    if "rule" in entry["expected"]:
        report = fn(expand(entry))
        assert outcome(True, report) == expected(entry)
        return
    with pytest.raises(jusou.ValidationError) as info:
        fn(expand(entry))
    first = info.value.errors[0]
    assert (first["code"], first["path"]) == expected(entry)


def nested(depth):
    v = []
    for _ in range(depth):
        v = [v]
    return v


@pytest.mark.parametrize(
    "call",
    [
        lambda: jusou.route(None),
        lambda: jusou.route(42),
        lambda: jusou.route([]),
        lambda: jusou.route({"id": object()}),
        lambda: jusou.route({"id": b"bytes"}),
        lambda: jusou.route({"id": float("nan")}),
        lambda: jusou.route({"id": {1, 2}}),
        lambda: jusou.route({"household": nested(100)}),
        lambda: jusou.route({"household": nested(100_000)}),
        lambda: jusou.route({1: "x"}),
        lambda: jusou.route("{"),
        lambda: jusou.route(""),
        lambda: jusou.meeting(None),
        lambda: jusou.meeting("[" * 100_000),
        # A date object is fine (dates may be datetime.date); a time of day is not JSON.
        lambda: jusou.plan({"case_id": "p", "as_of": datetime.time(12, 0), "events": []}),
        lambda: jusou.plan({"case_id": "p", "as_of": "2026-01-01", "events": None}),
        lambda: jusou.check_municipality(3.5),
        lambda: jusou.parse_date(20260401),
        lambda: jusou.parse_date(None),
        lambda: jusou.parse_date("2026年2月30日"),
        lambda: jusou.parse_date("x" * 10_000_000),
        lambda: jusou.fiscal_year([2026]),
        lambda: jusou.split_funding("1000", "5", "2025-04-01"),
        lambda: jusou.split_funding(-1, "5", "2025-04-01"),
        lambda: jusou.split_funding(10**30, "5", "2025-04-01"),
        lambda: jusou.split_funding(True, "5", "2025-04-01"),
        lambda: jusou.split_funding(1000, 5, "2025-04-01"),
        lambda: jusou.split_funding(1000, "5", 20250401),
        lambda: jusou.schema(None),
        lambda: jusou.schema("Nope"),
    ],
)
def test_wrong_python_values_raise_validation_error(call):
    with pytest.raises(jusou.ValidationError) as info:
        call()
    for e in info.value.errors:
        assert e["code"].startswith("JUSOU-E-"), e


def test_route_many_bad_items_stay_in_place():
    out = jusou.route_many([{"id": 1}, nested(100_000), '"2026年2月30日"', {"id": object()}])
    assert [item["errors"][0]["code"] for item in out] == [
        "JUSOU-E-JSON-002",
        "JUSOU-E-LIMIT-002",  # as route() gives for the same item
        "JUSOU-E-JSON-002",
        "JUSOU-E-JSON-002",
    ]
    # A malformed text item is that item's error too; the batch goes on.
    out = jusou.route_many([{"id": 1}, "{"])
    assert [item["errors"][0]["code"] for item in out] == ["JUSOU-E-JSON-002", "JUSOU-E-JSON-001"]
