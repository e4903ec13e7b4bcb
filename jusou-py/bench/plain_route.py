"""The routing rules of jusou-core (``jusou-core/src/routing/``) written again in plain Python,
for the benchmark's comparison only.

It decides the same things — 多機関協働, アウトリーチ, 参加支援, the lead program, the first meeting,
statutory alerts, reasons (rule id and citation), fields and patterns — from the same dicts,
but it is written for speed, not for safety: it does not validate the input, reads ISO dates
only (no 和暦) and ages only (no birth dates), and gives no messages. So it does less work than
jusou, which makes the comparison favour it. ``bench_route.py`` checks on a sample that both
give the same decisions before it times anything.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, List, Optional

ITEM1 = "社会福祉法第106条の4第2項第1号"
ITEM2 = "社会福祉法第106条の4第2項第2号"
ITEM4 = "社会福祉法第106条の4第2項第4号"
ITEM5 = "社会福祉法第106条の4第2項第5号"

CHILD_UNDER = 18
YOUNG_UNDER = 40
CARE_INSURANCE_FROM = 40
ELDERLY_FROM = 65
PARENT_8050_FROM = 75

GENERATION = {
    "self": 0, "本人": 0, "spouse": 0, "配偶者": 0, "father": 1, "父": 1, "mother": 1, "母": 1,
    "father_in_law": 1, "義父": 1, "mother_in_law": 1, "義母": 1, "grandfather": 2, "祖父": 2,
    "grandmother": 2, "祖母": 2, "child": -1, "子": -1, "child_in_law": -1, "子の配偶者": -1,
    "grandchild": -2, "孫": -2, "sibling": 0, "兄弟姉妹": 0,
}

FIELDS = ("elderly", "disability", "children", "poverty")
LEAD = {"elderly": "1-i", "disability": "1-ro", "children": "1-ha", "poverty": "1-ni"}
FIXED_FIELD = {
    "elder_abuse": "elderly",
    "physical_disability": "disability", "intellectual_disability": "disability",
    "mental_disability": "disability", "disability_abuse": "disability",
    "childrearing": "children", "school_refusal": "children", "young_carer": "children",
    "child_abuse": "children",
    "poverty": "poverty", "debt": "poverty", "employment_difficulty": "poverty", "housing": "poverty",
}
WITHDRAWN_8050 = {"hikikomori", "isolation", "employment_difficulty", "mental_distress",
                  "mental_disability", "self_neglect"}
ELDER_CARE = {"care", "dementia"}
NEEDS_CARE = {"care", "dementia", "physical_disability", "intellectual_disability",
              "mental_disability", "mental_distress", "health"}

ALERTS = [
    ("R-ROUTE-ALERT-CHILD-PROTECTION", "児童福祉法", "児童福祉法第25条"),
    ("R-ROUTE-ALERT-CHILD-ABUSE", "児童虐待防止法", "児童虐待防止法第6条"),
    ("R-ROUTE-ALERT-ELDER-ABUSE", "高齢者虐待防止法", "高齢者虐待防止法第7条"),
    ("R-ROUTE-ALERT-DISABILITY-ABUSE", "障害者虐待防止法", "障害者虐待防止法第7条"),
    ("R-ROUTE-ALERT-DV", "DV防止法", "DV防止法第6条"),
]


def field_of(issue: str, age: int) -> Optional[str]:
    if issue in ("care", "dementia"):
        if age >= CARE_INSURANCE_FROM:
            return "elderly"
        return "children" if age < CHILD_UNDER else "disability"
    return FIXED_FIELD.get(issue)


def _reason(rule: str, citation: Optional[str]) -> Dict[str, Any]:
    return {"rule": rule, "citation": citation}


def route(case: Dict[str, Any], criteria: Optional[List[Dict[str, Any]]] = None) -> Dict[str, Any]:
    """Route one case (a dict as jusou takes it)."""
    members = case["household"]
    received_on = _dt.date.fromisoformat(case["received_on"])
    as_of_text = case.get("as_of")
    as_of = _dt.date.fromisoformat(as_of_text) if as_of_text else received_on
    if criteria is None:
        criteria = (case.get("options") or {}).get("multi_agency_criteria", [])
    f = case.get("findings") or {}

    ages = [m["age"] for m in members]
    gens = [GENERATION.get(m["relation"]) for m in members]
    issues = [set(m.get("issues") or ()) for m in members]
    all_issues = set().union(*issues)
    fields = set()
    for age, its in zip(ages, issues):
        for i in its:
            fd = field_of(i, age)
            if fd:
                fields.add(fd)
    field_list = [x for x in FIELDS if x in fields]
    n = len(members)

    # 1. statutory alerts
    alerts = []
    if all_issues & {"child_abuse", "dv", "elder_abuse", "disability_abuse", "self_neglect", "hoarding"}:
        neglect = bool(all_issues & {"self_neglect", "hoarding"})
        dv = "dv" in all_issues
        for k in range(n):
            if neglect and ages[k] < CHILD_UNDER:
                alerts.append((0, k))
        for k in range(n):
            if "child_abuse" in issues[k] or (dv and ages[k] < CHILD_UNDER):
                alerts.append((1, k))
        for k in range(n):
            if "elder_abuse" in issues[k]:
                alerts.append((2, k))
        for k in range(n):
            if "disability_abuse" in issues[k]:
                alerts.append((3, k))
        for k in range(n):
            if "dv" in issues[k]:
                alerts.append((4, k))
    statutory_alerts = [
        {"rule": ALERTS[a][0], "law": ALERTS[a][1], "citation": ALERTS[a][2], "member": members[k]["id"]}
        for a, k in alerts
    ]
    reasons = [_reason(ALERTS[a][0], ALERTS[a][2]) for a in sorted({a for a, _ in alerts})]

    # 2. triggers of 多機関協働
    before = len(reasons)
    if len(field_list) >= 2:
        reasons.append(_reason("R-ROUTE-MULTI-FIELD", ITEM5))
    if sum(1 for its in issues if its) >= 2:
        reasons.append(_reason("R-ROUTE-MULTI-MEMBER", ITEM5))
    patterns = []
    p8050 = None
    for e in range(n):
        if ages[e] < PARENT_8050_FROM or gens[e] is None:
            continue
        for y in range(n):
            if (y != e and CARE_INSURANCE_FROM <= ages[y] < ELDERLY_FROM and gens[y] == gens[e] - 1
                    and issues[y] & WITHDRAWN_8050):
                p8050 = (e, y)
                break
        if p8050:
            break
    if p8050:
        patterns.append({"pattern": "8050", "recognised_from": "household",
                         "members": [members[p8050[0]]["id"], members[p8050[1]]["id"]]})
    dc = None
    for c in range(n):
        if ages[c] < CHILD_UNDER or gens[c] is None:
            continue
        gc = gens[c]
        elder = next((e for e in range(n) if e != c and ages[e] >= ELDERLY_FROM and gens[e] == gc + 1
                      and issues[e] & ELDER_CARE), None)
        child = next((k for k in range(n) if k != c and ages[k] < CHILD_UNDER and gens[k] == gc - 1), None)
        if elder is not None and child is not None:
            dc = (c, elder, child)
            break
    if dc:
        patterns.append({"pattern": "double_care", "recognised_from": "household",
                         "members": [members[x]["id"] for x in dc]})
    elif "double_care" in all_issues:
        patterns.append({"pattern": "double_care", "recognised_from": "issue", "members": []})
    # Young carer (2024 definition): someone under 40 living with another member who needs
    # care, with no other member aged 18 or over free of care needs; a young adult who needs
    # care is not read as the carer, a child may be both.
    needs = [bool(its & NEEDS_CARE) for its in issues]
    caring = sum(needs)
    yc = next((k for k in range(n) if caring and ages[k] < YOUNG_UNDER
               and caring > int(needs[k])
               and (not needs[k] or ages[k] < CHILD_UNDER)
               and all(i == k or needs[i] or ages[i] < CHILD_UNDER for i in range(n))), None)
    if yc is not None:
        patterns.append({"pattern": "young_carer", "recognised_from": "household", "members": [members[yc]["id"]],
                         "band": "child" if ages[yc] < CHILD_UNDER else "young_adult"})
    elif "young_carer" in all_issues:
        patterns.append({"pattern": "young_carer", "recognised_from": "issue", "members": []})
    for p in patterns:
        rule = {"8050": "R-ROUTE-8050", "double_care": "R-ROUTE-DOUBLE-CARE",
                "young_carer": "R-ROUTE-YOUNG-CARER"}[p["pattern"]]
        reasons.append(_reason(rule, ITEM5))
    if f.get("between_systems"):
        reasons.append(_reason("R-ROUTE-BETWEEN-SYSTEMS", ITEM5))
    if f.get("rigid_support"):
        reasons.append(_reason("R-ROUTE-RIGID", ITEM5))
    for c in criteria:
        any_ = set(c.get("issues_any") or ())
        all_ = set(c.get("issues_all") or ())
        if (any_ or all_) and (not any_ or all_issues & any_) and all_ <= all_issues:
            reasons.append(_reason(c["id"], None))
    triggered = len(reasons) > before
    one_agency = bool(f.get("one_agency_can_resolve"))
    if not one_agency:
        reasons.append(_reason("R-ROUTE-NOT-ONE-AGENCY", ITEM5))
    multi_agency = triggered or not one_agency

    # 3. lead window
    if multi_agency:
        if one_agency:
            reasons.append(_reason("R-ROUTE-ONE-AGENCY-OVERRIDDEN", ITEM5))
        lead = None
    else:
        if len(field_list) == 1:
            lead = LEAD[field_list[0]]
        else:
            program = (case.get("received_by") or {}).get("program")
            if program in ("1-i", "1-ro", "1-ha", "1-ni"):
                lead = program
            else:
                age = next((ages[k] for k in range(n) if members[k].get("subject")), 0)
                lead = "1-i" if age >= ELDERLY_FROM else "1-ha" if age < CHILD_UNDER else "1-ni"
        reasons.append(_reason("R-ROUTE-STAYS", ITEM1))

    # 4. outreach
    outreach = False
    if f.get("no_contact"):
        outreach = True
        reasons.append(_reason("R-ROUTE-OUTREACH-NO-CONTACT", ITEM4))
    if f.get("refuses_support"):
        outreach = True
        reasons.append(_reason("R-ROUTE-OUTREACH-REFUSAL", ITEM4))
    if (f.get("withdrawal_years") or 0) >= 1:
        outreach = True
        reasons.append(_reason("R-ROUTE-OUTREACH-WITHDRAWAL", ITEM4))

    # 5. participation support
    participation = bool(f.get("participation_need_unmet"))
    if participation:
        reasons.append(_reason("R-ROUTE-PARTICIPATION", ITEM2))

    # 6. first meeting
    first = None
    if multi_agency or outreach or participation:
        if _consent_covers(case, as_of):
            first = "jusou_meeting"
            reasons.append(_reason("R-ROUTE-FIRST-JUSOU-MEETING", ITEM5))
        else:
            first = "support_meeting"
            reasons.append(_reason("R-ROUTE-FIRST-SUPPORT-MEETING", "社会福祉法第106条の6"))

    return {
        "case_id": case["id"],
        "as_of": as_of.isoformat(),
        "multi_agency": multi_agency,
        "outreach": outreach,
        "participation_support": participation,
        "lead_program": lead,
        "first_meeting": first,
        "statutory_alerts": statutory_alerts,
        "reasons": reasons,
        "fields": field_list,
        "patterns": patterns,
    }


def _consent_covers(case: Dict[str, Any], on: _dt.date) -> bool:
    subject = next((m["id"] for m in case["household"] if m.get("subject")), None)
    if subject is None:
        return False
    for c in case.get("consents") or ():
        if c["subject"] != subject:
            continue
        if _dt.date.fromisoformat(c["given_on"]) > on:
            continue
        u = c.get("valid_until")
        if u and on > _dt.date.fromisoformat(u):
            continue
        w = c.get("withdrawn_on")
        if w and on >= _dt.date.fromisoformat(w):
            continue
        s = c["scope"]
        if s.get("categories") and (s.get("organisations") or s.get("roles") or s.get("persons")):
            return True
    return False


def route_many(cases: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Route a list of cases, one Python call per case."""
    return [route(c) for c in cases]
