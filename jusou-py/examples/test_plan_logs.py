"""The annual 実績 of a generated city year: plan logs from routed consultations, counted by
``jusou.report``."""

from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import plan_logs as L  # noqa: E402
import population as P  # noqa: E402

import jusou  # noqa: E402


def _city_logs(seed: int = 2026):
    cases = P.city_year(150_000, seed=seed)
    decisions = jusou.route_many(cases)
    return cases, decisions, L.plan_logs(cases, decisions, 2026, seed=seed)


def test_every_generated_log_replays_without_violations():
    _, _, logs = _city_logs()
    assert logs
    bad = [(log["case_id"], r["violations"]) for log in logs
           for r in [jusou.plan(log)] if not r["valid"]]
    assert not bad, bad[:3]


def test_the_city_year_report_counts_what_the_logs_hold():
    cases, decisions, logs = _city_logs()
    r = jusou.report(logs, "令和8年度")
    m = {row["key"]: row for row in r["measures"]}
    assert r["counted_logs"] == len(logs) and not r["invalid_logs"]
    # Every log starts in 令和8年度 (the consultations are that year's): each is received once.
    assert m["cases_received"]["value"] == len(logs)
    sent = [d for d in decisions if "errors" not in d and d.get("multi_agency")]
    referred = sum(1 for log in logs if any(e["type"] == "referral" for e in log["events"]))
    assert m["referrals"]["value"] == referred
    # A referral of a late-March consultation may fall after 31 March: not in this 年度's logs.
    assert len(sent) - 14 * len(sent) // 365 - 5 <= referred <= len(sent)
    # Sittings by id: at most one 重層的支援会議 and one 支援会議 a month.
    assert 0 < m["jusou_meeting_sittings"]["value"] <= 12
    assert m["support_meeting_sittings"]["value"] <= 12
    assert r["meeting_events_without_id"] == {"jusou_meeting": 0, "support_meeting": 0}
    # Cases discussed outnumber sittings when sittings hear several cases.
    assert m["jusou_meeting_cases"]["value"] >= m["jusou_meeting_sittings"]["value"]
    assert m["plans_made"]["value"] <= m["accepted"]["value"] <= referred
    if m["plans_made"]["value"]:
        assert m["median_days_intake_to_plan"]["value"] >= 14  # assessment and plan lags
    frame = jusou.report_frame(logs, 2026)
    assert list(frame["key"]) == [row["key"] for row in r["measures"]]


def test_a_broken_log_is_listed_not_counted():
    _, _, logs = _city_logs()
    # A case planned after 受理: drop its 受理 and the plan comes out of order.
    i = next(i for i, log in enumerate(logs) if any(e["type"] == "plan_drafted" for e in log["events"]))
    broken = dict(logs[i], events=[e for e in logs[i]["events"] if e["type"] != "accepted"])
    r = jusou.report(logs[:i] + [broken] + logs[i + 1:], 2026)
    assert [x["case_id"] for x in r["invalid_logs"]] == [logs[i]["case_id"]]
    assert r["invalid_logs"][0]["violations"]
    assert r["counted_logs"] == len(logs) - 1
    assert r["year_complete"] is False
