"""Plan event logs for a generated city year, so the annual 実績 (``jusou.report``) can be run on
a realistic-sized municipality (docs/analysis.md, "plan event logs for the annual 実績").

Each consultation of ``population.city_year`` is routed (``jusou.route_many``); a case the decision
sends to 多機関協働 or アウトリーチ gets a log in the shape of ``fixtures/plans/*.json``, judged on
the last day of the 年度. Sittings come from a municipal meeting calendar with ids (a 支援会議 on
the second Tuesday and a 重層的支援会議 on the third Thursday of each month), so the report counts
sittings by meeting id and cases discussed apart.

Every lag and share below is an UNVERIFIED knob (no public source for them was found); they
shape the year plausibly and exercise every counting rule, they are not statistics.
"""

from __future__ import annotations

import datetime as _dt
import random
from typing import Any, Dict, Iterable, List, Optional, Tuple

MA_BODY = "福祉相談室（多機関協働）"  # the 多機関協働事業者
CITY_HALL = "市"
SHAKYO = "市社会福祉協議会"
CATEGORIES = ["basic", "health_disability", "economic", "family", "support_history"]

# UNVERIFIED knobs.
REFERRAL_LAG = (0, 14)  # intake → つなぎ, days
ACCEPT_LAG = (0, 7)  # つなぎ → 受理 when consent is at hand
CONSENT_AFTER_SUPPORT_MEETING = (7, 60)  # 支援会議 → 受理 when it first needed the 支援会議
ASSESSMENT_LAG = (7, 21)
PLAN_LAG = (7, 28)
REVISE_SHARE = 0.1  # plan reviews sent back for revision
DECISION_LAG = (3, 10)
START_LAG = (1, 7)
SUPPORT_LENGTH = (120, 300)  # support start → 終結時の評価
ENDS_BY_ITSELF = {"moved_away": 0.03, "death": 0.02, "contact_ended": 0.05}
MATCH_SHARE = 0.7  # 参加支援 cases matched
FIRST_CONTACT_SHARE = 0.6  # アウトリーチ cases reaching a first visit
MONITORING_INTERVAL = 90


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> _dt.date:
    d = _dt.date(year, month, 1)
    d += _dt.timedelta(days=(weekday - d.weekday()) % 7)
    return d + _dt.timedelta(weeks=n - 1)


def meeting_calendar(fiscal_year: int) -> Dict[str, List[Tuple[_dt.date, str]]]:
    """The 年度's sittings (and the two after, for cases that carry over), by kind, with ids."""
    out: Dict[str, List[Tuple[_dt.date, str]]] = {"support_meeting": [], "jusou_meeting": []}
    for k in range(36):
        year, month = fiscal_year + (k + 3) // 12, (k + 3) % 12 + 1
        out["support_meeting"].append((_nth_weekday(year, month, 1, 2), f"SM-{year}-{month:02d}"))
        out["jusou_meeting"].append((_nth_weekday(year, month, 3, 3), f"JM-{year}-{month:02d}"))
    return out


def _next(calendar: List[Tuple[_dt.date, str]], day: _dt.date) -> Tuple[_dt.date, str]:
    return next(s for s in calendar if s[0] >= day)


def _days(rng: random.Random, span: Tuple[int, int]) -> _dt.timedelta:
    return _dt.timedelta(days=rng.randint(*span))


def plan_log(case: Dict[str, Any], decision: Dict[str, Any], rng: random.Random,
             calendar: Dict[str, List[Tuple[_dt.date, str]]], as_of: _dt.date) -> Optional[Dict[str, Any]]:
    """The case's plan log, or ``None`` when the decision keeps it with the first window."""
    if not (decision.get("multi_agency") or decision.get("outreach")):
        return None
    received = _dt.date.fromisoformat(case["received_on"])
    window = case["received_by"]["agency"]
    events: List[Tuple[_dt.date, int, Dict[str, Any]]] = []

    def ev(kind: str, day: _dt.date, org: str, **kw: Any) -> None:
        events.append((day, len(events), dict({"type": kind, "date": day.isoformat(), "organisation": org}, **kw)))

    consents: List[Dict[str, Any]] = []
    if decision.get("outreach"):
        ev("information_gathering", received, window)
        visit = received + _dt.timedelta(days=rng.randint(14, 120))
        ev("relationship_building", received + _dt.timedelta(days=rng.randint(1, 13)), SHAKYO)
        if rng.random() < FIRST_CONTACT_SHARE:
            ev("home_visit", visit, SHAKYO)
    if decision.get("multi_agency"):
        referral = received + _days(rng, REFERRAL_LAG)
        ev("referral", referral, window)
        if decision.get("first_meeting") == "support_meeting":
            on, mid = _next(calendar["support_meeting"], referral)
            ev("support_meeting", on, MA_BODY, meeting_id=mid)
            accepted = on + _days(rng, CONSENT_AFTER_SUPPORT_MEETING)
        else:
            accepted = referral + _days(rng, ACCEPT_LAG)
        consents.append({
            "id": "c1", "subject": "A", "given_by": {"kind": "self"},
            "scope": {"organisations": [MA_BODY, window, SHAKYO], "categories": CATEGORIES},
            "given_on": accepted.isoformat(), "form": {"kind": "written"},
        })
        ev("accepted", accepted, MA_BODY)
        assessed = accepted + _days(rng, ASSESSMENT_LAG)
        ev("assessment", assessed, MA_BODY)
        drafted = assessed + _days(rng, PLAN_LAG)

        def draft(day: _dt.date) -> None:
            ev("plan_drafted", day, MA_BODY, plan={
                "goals": ["暮らしの安定"], "wishes": "本人の意向（記録どおり）",
                "items": [{"content": "支援の調整", "organisation": window, "lead": True},
                          {"content": "進行の管理", "organisation": MA_BODY}],
                "period": {"start": day.isoformat(), "end": (day + _dt.timedelta(days=365)).isoformat()},
                "consent_id": "c1"})

        draft(drafted)
        on, mid = _next(calendar["jusou_meeting"], drafted + _dt.timedelta(days=1))
        if rng.random() < REVISE_SHARE:
            ev("jusou_meeting_review", on, MA_BODY, outcome="revise", meeting_id=mid)
            drafted = on + _dt.timedelta(days=7)
            draft(drafted)
            on, mid = _next(calendar["jusou_meeting"], drafted + _dt.timedelta(days=1))
        ev("jusou_meeting_review", on, MA_BODY, outcome="approved", meeting_id=mid)
        decided = on + _days(rng, DECISION_LAG)
        ev("support_decision", decided, CITY_HALL)
        started = decided + _days(rng, START_LAG)
        ev("support_started", started, window)
        end = started + _days(rng, SUPPORT_LENGTH)
        if decision.get("participation_support"):
            on, mid = _next(calendar["jusou_meeting"], started)
            ev("participation_decided", on, MA_BODY, meeting_id=mid)
            ev("participation_intake", on + _dt.timedelta(days=7), SHAKYO)
            ev("participation_assessment", on + _dt.timedelta(days=14), SHAKYO)
            ev("participation_plan", on + _dt.timedelta(days=21), SHAKYO)
            if rng.random() < MATCH_SHARE:
                ev("matching", on + _dt.timedelta(days=35), SHAKYO, resource="地域の居場所", host_assessed=True)
        day = started + _dt.timedelta(days=MONITORING_INTERVAL)
        while day < end:
            ev("monitoring", day, MA_BODY)
            day += _dt.timedelta(days=MONITORING_INTERVAL)
        roll, reason = rng.random(), None
        for why, share in ENDS_BY_ITSELF.items():
            roll -= share
            if roll < 0:
                reason = why
                break
        if reason:
            ev("closed", end, MA_BODY, reason=reason)
        else:
            on, mid = _next(calendar["jusou_meeting"], end)
            ev("evaluation", on, MA_BODY, meeting_id=mid)
            ev("closed", on + _days(rng, DECISION_LAG), MA_BODY, reason="goal_reached")
    kept = [e for day, _, e in sorted(events, key=lambda t: (t[0], t[1])) if day <= as_of]
    return {"case_id": case["id"], "as_of": as_of.isoformat(), "subjects": ["A"],
            "options": {"monitoring_interval_days": MONITORING_INTERVAL},
            "consents": [c for c in consents if c["given_on"] <= as_of.isoformat()], "events": kept}


def plan_logs(cases: Iterable[Dict[str, Any]], decisions: Iterable[Dict[str, Any]],
              fiscal_year: int = 2026, seed: int = 2026) -> List[Dict[str, Any]]:
    """One log per case the decisions send beyond the first window, judged on 31 March of the
    year after ``fiscal_year``; seeded and reproducible."""
    rng = random.Random(seed)
    calendar = meeting_calendar(fiscal_year)
    as_of = _dt.date(fiscal_year + 1, 3, 31)
    out = []
    for case, decision in zip(cases, decisions):
        if "errors" in decision:
            continue
        log = plan_log(case, decision, rng, calendar, as_of)
        if log is not None and log["events"]:
            out.append(log)
    return out
