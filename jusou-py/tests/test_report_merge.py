"""Partial 実績 reports (operations ``report_partial`` and ``report_merge``): the counts of each
part of a 年度's logs, merged, give the report of all the logs; parts that do not fit together are
refused with the core's errors."""

from __future__ import annotations

import json
import pathlib

import pytest

import jusou

REPORTS = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "reports"


def _input(name):
    return json.loads((REPORTS / f"{name}.json").read_text("utf-8"))


@pytest.mark.parametrize("name", ["invalid-log-left-out", "niiza-8050-model-r8", "niiza-8050-model-r9", "two-years-r7", "two-years-r8-targets"])
def test_every_cut_merges_to_the_whole_report(name):
    whole_input = _input(name)
    logs, fy, targets = whole_input["logs"], whole_input["fiscal_year"], whole_input.get("targets")
    whole = jusou.report(logs, fy, targets)
    for k in range(len(logs) + 1):
        parts = [jusou._call("report_partial", {"fiscal_year": fy, "logs": part}) for part in (logs[:k], logs[k:])]
        merged = {"partials": parts}
        if targets is not None:
            merged["targets"] = targets
        assert jusou._call("report_merge", merged) == whole, (name, k)


def test_parts_of_other_years_are_refused():
    logs = _input("niiza-8050-model-r8")["logs"]
    a = jusou._call("report_partial", {"fiscal_year": 2026, "logs": logs})
    b = jusou._call("report_partial", {"fiscal_year": "令和9年度", "logs": []})
    with pytest.raises(jusou.ValidationError) as e:
        jusou._call("report_merge", {"partials": [a, b]})
    err = e.value.errors[0]
    assert err["code"] == "JUSOU-E-REPORT-003"
    assert err["path"] == "/partials/1/fiscal_year"
    assert "2026" in err["message_en"] and "2027" in err["message_en"]


def test_a_count_the_report_does_not_know_is_refused():
    a = jusou._call("report_partial", {"fiscal_year": 2026, "logs": []})
    a["counts"]["no_such_measure"] = 1
    with pytest.raises(jusou.ValidationError) as e:
        jusou._call("report_merge", {"partials": [a]})
    assert e.value.errors[0]["code"] == "JUSOU-E-REPORT-003"
    assert e.value.errors[0]["path"] == "/partials/0/counts/no_such_measure"
