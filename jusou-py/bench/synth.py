"""A synthetic population of consultations (相談受付), built with a seeded RNG.

Used by the worked analysis (``examples/analysis.py``) and the benchmark (``bench/bench_route.py``).
Households are made of a subject (本人) and, by chance, a spouse, parents and children, with
issues drawn by age; the worker's findings and a consent record are drawn with fixed rates. About
one case in 200 is deliberately invalid (an impossible age) so that batches carry bad rows.
Every value is made up; nothing comes from a real person.
"""

from __future__ import annotations

import datetime as _dt
import random
from typing import Any, Dict, List

AGENCIES = [
    ("地域包括支援センター", "1-i"),
    ("障害者相談支援事業所", "1-ro"),
    ("子ども家庭センター", "1-ha"),
    ("自立相談支援機関", "1-ni"),
    ("社会福祉協議会", None),
    ("民生委員", None),
]

# Issues by age band, with weights.
ELDER = ["care", "dementia", "isolation", "health", "poverty", "elder_abuse", "hoarding", "self_neglect"]
ELDER_W = [30, 20, 15, 15, 8, 2, 5, 5]
ADULT = ["hikikomori", "employment_difficulty", "mental_distress", "mental_disability", "poverty",
         "debt", "housing", "isolation", "physical_disability", "dv", "care", "double_care"]
ADULT_W = [12, 15, 12, 8, 15, 6, 5, 8, 6, 3, 3, 2]
CHILD = ["school_refusal", "childrearing", "young_carer", "intellectual_disability", "child_abuse", "health"]
CHILD_W = [25, 35, 8, 15, 4, 13]

FY_START = _dt.date(2026, 4, 1)


def _issues(rng: random.Random, age: int, rate: float) -> List[str]:
    if rng.random() > rate:
        return []
    names, weights = (ELDER, ELDER_W) if age >= 65 else (CHILD, CHILD_W) if age < 18 else (ADULT, ADULT_W)
    k = 1 if rng.random() < 0.6 else 2
    out: List[str] = []
    for x in rng.choices(names, weights, k=k):
        if x not in out:
            out.append(x)
    return out


def case(rng: random.Random, i: int) -> Dict[str, Any]:
    """One consultation."""
    received = FY_START + _dt.timedelta(days=rng.randrange(365))
    age = rng.choice([rng.randint(15, 39), rng.randint(40, 64), rng.randint(65, 95)])
    members: List[Dict[str, Any]] = [
        {"id": "A", "age": age, "relation": "self", "subject": True, "issues": _issues(rng, age, 0.95)}
    ]
    if age >= 25 and rng.random() < 0.45:
        a = max(18, min(110, age + rng.randint(-6, 6)))
        members.append({"id": "S", "age": a, "relation": "spouse", "issues": _issues(rng, a, 0.3)})
    if age <= 70 and rng.random() < 0.4:
        a = min(110, age + rng.randint(22, 38))
        members.append({"id": "P", "age": a, "relation": rng.choice(["mother", "father"]),
                        "issues": _issues(rng, a, 0.6)})
    if age >= 22 and rng.random() < 0.5:
        for j in range(rng.choice([1, 1, 2])):
            a = max(0, age - rng.randint(20, 38))
            members.append({"id": f"C{j}", "age": a, "relation": "child", "issues": _issues(rng, a, 0.4)})
    if rng.random() < 0.005:
        members[0]["age"] = 140  # a deliberately bad row
    withdrawn = any("hikikomori" in m["issues"] for m in members)
    findings: Dict[str, Any] = {
        "one_agency_can_resolve": rng.random() < 0.6,
        "rigid_support": rng.random() < 0.04,
        "between_systems": rng.random() < 0.06,
        "refuses_support": rng.random() < 0.07,
        "no_contact": rng.random() < 0.05,
        "participation_need_unmet": rng.random() < 0.08,
    }
    if withdrawn and rng.random() < 0.7:
        findings["withdrawal_years"] = rng.randint(0, 15)
    agency, program = rng.choice(AGENCIES)
    received_by: Dict[str, Any] = {"agency": agency}
    if program:
        received_by["program"] = program
    out: Dict[str, Any] = {
        "id": f"c{i:07d}",
        "received_on": received.isoformat(),
        "received_by": received_by,
        "household": members,
        "findings": findings,
    }
    if rng.random() < 0.25:
        given = received - _dt.timedelta(days=rng.randint(-10, 400))
        consent: Dict[str, Any] = {
            "id": "k1",
            "subject": "A",
            "given_by": {"kind": "self"},
            "scope": {"organisations": ["市社会福祉協議会"], "categories": ["basic", "family"]},
            "given_on": given.isoformat(),
            "form": {"kind": "written"},
        }
        if rng.random() < 0.5:
            consent["valid_until"] = (given + _dt.timedelta(days=365)).isoformat()
        out["consents"] = [consent]
    return out


def population(n: int, seed: int = 2026, start: int = 0) -> List[Dict[str, Any]]:
    """``n`` consultations; the same ``seed`` and ``start`` always give the same cases."""
    rng = random.Random(seed * 1_000_003 + start)
    return [case(rng, start + i) for i in range(n)]
