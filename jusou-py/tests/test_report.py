"""jusou.report and jusou.report_frame: the same 実績 as the shared fixtures, as a dict and a
DataFrame."""

import json
import pathlib

import pytest

import jusou

REPORTS = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "reports"


def _vector(name):
    return json.loads((REPORTS / f"{name}.json").read_text(encoding="utf-8"))


def _expected(name):
    return json.loads((REPORTS / f"{name}.expected.json").read_text(encoding="utf-8"))


def test_report_takes_logs_a_fiscal_year_and_targets():
    v = _vector("two-years-r8-targets")
    assert jusou.report(v["logs"], v["fiscal_year"], v["targets"]) == _expected("two-years-r8-targets")
    assert jusou.report(v["logs"], 2025) == _expected("two-years-r7")


def test_invalid_logs_are_listed_and_a_case_twice_is_an_error():
    v = _vector("invalid-log-left-out")
    r = jusou.report(v["logs"], 2026)
    assert [x["case_id"] for x in r["invalid_logs"]] == ["bad-order", "bad-input"]
    with pytest.raises(jusou.ValidationError) as e:
        jusou.report(_vector("duplicate-case-id")["logs"], 2026)
    assert e.value.errors[0]["code"] == "JUSOU-E-REPORT-001"


def test_report_frame_has_one_row_per_measure():
    pd = pytest.importorskip("pandas")
    v = _vector("niiza-8050-model-r8")
    frame = jusou.report_frame(v["logs"], "令和8年度")
    assert isinstance(frame, pd.DataFrame)
    exp = _expected("niiza-8050-model-r8")
    assert list(frame["key"]) == [m["key"] for m in exp["measures"]]
    row = frame.set_index("key").loc["median_days_plan_to_closed"]
    assert row["value"] == 231 and row["n"] == 1
    assert frame.attrs["report"]["year_complete"] is True
    unknown = jusou.report_frame(_vector("niiza-8050-model-r9")["logs"], 2027).set_index("key")
    assert pd.isna(unknown.loc["median_days_intake_to_plan", "value"])
