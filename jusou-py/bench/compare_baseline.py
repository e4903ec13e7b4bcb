"""The strict check both benchmark baselines pass before their timings mean anything: a baseline
(``vector_route``, ``plain_route``) routes the valid cases and every answer must equal jusou's on
multi_agency (true / false / pending), outreach, participation_support, lead program, first
meeting, fields, patterns (with members and young-carer band), the rule ids of the reasons and of
the signals, and the statutory alerts by member. No pandas here, so the plain-Python baseline's
test runs without it.

A baseline's per-case answer is a dict with the keys of :func:`jusou_view`; ``reasons``,
``signals`` and ``alerts`` may be any iterable (compared as sets, as jusou's are), ``patterns``
a list of ``(pattern, recognised_from, members, band)``.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

#: Compared as sets: jusou's order of reasons is not part of what the baselines must decide.
AS_SETS = ("reasons", "signals", "alerts")


def jusou_view(d: Dict[str, Any]) -> Dict[str, Any]:
    """jusou's decision dict in the comparable form."""
    return {
        "multi_agency": d["multi_agency"], "outreach": d["outreach"],
        "participation_support": d["participation_support"],
        "lead_program": d["lead_program"], "first_meeting": d["first_meeting"], "fields": d["fields"],
        "patterns": [(p["pattern"], p["recognised_from"], p["members"], p.get("band")) for p in d["patterns"]],
        "reasons": {r["rule"] for r in d["reasons"]},
        "signals": {r["rule"] for r in d["signals"]},
        "alerts": {(a["rule"], a["member"]) for a in d["statutory_alerts"]},
    }


Baseline = Callable[[List[Dict[str, Any]], Optional[List[Dict[str, Any]]]], List[Dict[str, Any]]]


def differences(cases: List[Dict[str, Any]], decisions: List[Dict[str, Any]], baseline: Baseline,
                criteria: Optional[List[Dict[str, Any]]] = None) -> Tuple[int, List[Tuple[str, str, Any, Any]]]:
    """Route the valid ``cases`` (those jusou's ``decisions`` do not refuse) with
    ``baseline(cases, criteria)``; returns (how many compared, every (case id, key, jusou's value,
    the baseline's value) that differs)."""
    valid = [(c, d) for c, d in zip(cases, decisions) if "errors" not in d]
    mine = baseline([c for c, _ in valid], criteria)
    assert len(mine) == len(valid), "one answer per valid case"
    diffs = []
    for (case, d), v in zip(valid, mine):
        j = jusou_view(d)
        for k in j:
            got = v[k]
            if k in AS_SETS:
                got = set(got)
            elif k == "patterns":
                got = [tuple(p) for p in got]
            if j[k] != got:
                diffs.append((case["id"], k, j[k], got))
    return len(valid), diffs
