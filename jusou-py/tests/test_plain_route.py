"""The benchmark's plain-Python baseline (``bench/plain_route.py``: the routing rules written again
as a loop over one case's members, the issue's "plain-Python loop") decides what jusou decides: on
10,000 generated consultations (the calibrated population, seeded, ~0.5 % invalid), every valid
case gets the same 多機関協働 (or pending), アウトリーチ, 参加支援, lead window, first meeting,
fields, patterns (members and band), reasons, signals and statutory alerts — the same strict
comparison as ``test_vector_route.py`` (``bench/compare_baseline.py``). A baseline that decides
less would make the benchmark's 30× meaningless, so a difference fails here."""

from __future__ import annotations

import json
import pathlib
import sys

import pytest

BENCH = pathlib.Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import compare_baseline  # noqa: E402
import plain_route  # noqa: E402
import synth  # noqa: E402

import jusou  # noqa: E402

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "fixtures"


def test_plain_rules_decide_as_jusou_on_10000_cases():
    cases = synth.population(10_000, 2026, start=3 * 10**8)
    decisions = jusou.route_many(cases)
    compared, diffs = compare_baseline.differences(cases, decisions, plain_route.route_all)
    assert compared > 9_800
    assert diffs == [], f"{len(diffs)} differences, first: {diffs[:3]}"
    # The population exercises what the comparison covers (not a vacuous agreement).
    got = [d for d in decisions if "errors" not in d]
    assert any(d["multi_agency"] is None for d in got)
    assert any(d["multi_agency"] is True for d in got)
    assert any(d["multi_agency"] is False and d["signals"] for d in got)
    assert {p["pattern"] for d in got for p in d["patterns"]} == {"8050", "double_care", "young_carer"}
    assert any(d["first_meeting"] == "jusou_meeting" for d in got)
    assert any(d["statutory_alerts"] for d in got)


@pytest.mark.parametrize("config", ["niiza", "inagi"])
def test_plain_rules_with_a_municipal_configuration(config):
    """The same under a municipality's configuration (its multi-agency criteria)."""
    m = json.loads((FIXTURES / "municipalities" / f"{config}.json").read_text("utf-8"))
    criteria = (jusou._call("municipality_options", m) or {}).get("multi_agency_criteria") or []
    cases = synth.population(3_000, 7, start=4 * 10**8)
    decisions = jusou.route_many(cases, municipality=m)
    compared, diffs = compare_baseline.differences(cases, decisions, plain_route.route_all, criteria)
    assert compared > 2_900
    assert diffs == [], f"{len(diffs)} differences, first: {diffs[:3]}"


def test_plain_rules_with_criteria_that_fire():
    """Criteria on issues (any / all) and on signals, including the worker's 見立て: a made-up
    configuration (the fixtures' criteria name no issue or signal, so they never fire)."""
    criteria = [
        {"id": "x-care-poverty", "label_ja": "介護と困窮", "issues_any": ["care", "dementia"],
         "issues_all": ["poverty"]},
        {"id": "x-signals", "label_ja": "8050か複数人", "signals_any": ["8050", "multi_member"]},
        {"id": "x-withdrawn", "label_ja": "ひきこもりで単独では難しい", "issues_any": ["hikikomori"],
         "signals_any": ["not_one_agency"]},
    ]
    cases = [dict(c, options={"multi_agency_criteria": criteria})
             for c in synth.population(3_000, 11, start=5 * 10**8)]
    decisions = jusou.route_many(cases)
    compared, diffs = compare_baseline.differences(cases, decisions, plain_route.route_all, criteria)
    assert compared > 2_900
    assert diffs == [], f"{len(diffs)} differences, first: {diffs[:3]}"
    fired = {s["rule"] for d in decisions if "errors" not in d for s in d["signals"]}
    assert {"x-care-poverty", "x-signals", "x-withdrawn"} <= fired
    # One case at a time (criteria compiled per call) answers as the batch does.
    assert [plain_route.route(c, criteria) for c in cases[:300]] == plain_route.route_all(cases[:300], criteria)
