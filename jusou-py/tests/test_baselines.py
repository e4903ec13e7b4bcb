"""The benchmark's two baselines decide what jusou decides: the plain-Python one
(``bench/plain_route.py``: the routing rules written again as a loop over one case's members, the
issue's "plain-Python loop") and the vectorised pandas/numpy one (``bench/vector_route.py``). On
10,000 generated consultations (the calibrated population, seeded, ~0.5 % invalid), every valid
case gets the same 多機関協働 (or pending), アウトリーチ, 参加支援, lead window, first meeting,
fields, patterns (members and band), reasons, signals and statutory alerts — one strict comparison
for both (``bench/compare_baseline.py``). A baseline that decides less would make the benchmark's
30× and its other ratios meaningless, so a difference fails here.

Each test runs once per baseline (ids ``plain`` and ``vectorised``); the vectorised one is skipped
without pandas, so the plain one still runs."""

from __future__ import annotations

import json
import pathlib
import sys

import pytest

BENCH = pathlib.Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import compare_baseline  # noqa: E402
import synth  # noqa: E402

import jusou  # noqa: E402

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture(params=["plain", "vectorised"])
def differences(request):
    """The baseline's comparison with jusou: ``(cases, decisions, criteria=None)`` → (how many
    compared, the differences)."""
    if request.param == "plain":
        import plain_route

        def plain(cases, decisions, criteria=None):
            return compare_baseline.differences(cases, decisions, plain_route.route_all, criteria)

        return plain
    pytest.importorskip("pandas")
    import vector_route

    return vector_route.differences


def test_baseline_decides_as_jusou_on_10000_cases(differences):
    cases = synth.population(10_000, 2026, start=3 * 10**8)
    decisions = jusou.route_many(cases)
    compared, diffs = differences(cases, decisions)
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
def test_baseline_with_a_municipal_configuration(differences, config):
    """The same under a municipality's configuration (its multi-agency criteria), as the worked
    analysis routes them."""
    m = json.loads((FIXTURES / "municipalities" / f"{config}.json").read_text("utf-8"))
    criteria = (jusou._call("municipality_options", m) or {}).get("multi_agency_criteria") or []
    cases = synth.population(3_000, 7, start=4 * 10**8)
    decisions = jusou.route_many(cases, municipality=m)
    compared, diffs = differences(cases, decisions, criteria)
    assert compared > 2_900
    assert diffs == [], f"{len(diffs)} differences, first: {diffs[:3]}"


#: A made-up configuration (the fixtures' criteria name no issue or signal, so they never fire).
CRITERIA_THAT_FIRE = [
    {"id": "x-care-poverty", "label_ja": "介護と困窮", "issues_any": ["care", "dementia"],
     "issues_all": ["poverty"]},
    {"id": "x-signals", "label_ja": "8050か複数人", "signals_any": ["8050", "multi_member"]},
    {"id": "x-withdrawn", "label_ja": "ひきこもりで単独では難しい", "issues_any": ["hikikomori"],
     "signals_any": ["not_one_agency"]},
]


def _cases_with_criteria_that_fire():
    return [dict(c, options={"multi_agency_criteria": CRITERIA_THAT_FIRE})
            for c in synth.population(3_000, 11, start=5 * 10**8)]


def test_baseline_with_criteria_that_fire(differences):
    """Criteria on issues (any / all) and on signals, including the worker's 見立て."""
    cases = _cases_with_criteria_that_fire()
    decisions = jusou.route_many(cases)
    compared, diffs = differences(cases, decisions, CRITERIA_THAT_FIRE)
    assert compared > 2_900
    assert diffs == [], f"{len(diffs)} differences, first: {diffs[:3]}"
    fired = {s["rule"] for d in decisions if "errors" not in d for s in d["signals"]}
    assert {"x-care-poverty", "x-signals", "x-withdrawn"} <= fired


def test_plain_one_case_at_a_time_answers_as_the_batch():
    """``plain_route.route`` (criteria compiled per call) answers as ``route_all`` does."""
    import plain_route

    cases = _cases_with_criteria_that_fire()[:300]
    criteria = CRITERIA_THAT_FIRE
    assert [plain_route.route(c, criteria) for c in cases] == plain_route.route_all(cases, criteria)
