"""The routing rules of jusou-core (``jusou-core/src/routing/``) written again in plain Python, one
case at a time: a loop over the household's members, sets and dicts, no pandas/numpy and no
jusou call. For the benchmark only: it is the "plain-Python loop" of issue #21's 30× target.

The rules are those ``vector_route.py`` encodes (see its docstring): 多機関協働 on the worker's
stated 見立て (``findings.one_agency_can_resolve``: no → yes, yes → no, not stated → pending,
``None``); the signals of 複雑化・複合化 (several fields, several members, 8050, double care, young
carer under 40, 制度の狭間, 硬直化, the municipality's criteria) reported, not decisive; a case
that stays gets its lead window, and R-ROUTE-SIGNALS-REVIEW when signals stand; アウトリーチ from
stated findings or from issues; the first meeting only on a stated basis, the 重層的支援会議 only
with 多機関協働 and a consent in force sharing something from every central member; statutory
alerts by age.

Same scope as ``vector_route``, so it does less work than jusou: no input validation, no 和暦 or
age bands (exact ages only; an age band or a birth date is not read), ISO dates only (compared as
text, which orders ``YYYY-MM-DD`` correctly), English keys only, no household-level issues, no
``why_not`` or ``not_assessable``, no messages or citations. Criteria are passed in (as
``vector_route.route`` takes them), not read from a case's ``options``.

The rule tables (age thresholds, generations, fields and lead windows, issue sets, rule ids) are
``rule_tables.py``'s, shared with ``vector_route``; only the loop's own sets are here.

``route`` answers with the keys ``compare_baseline.differences`` compares; ``bench_route.py``
and ``tests/test_baselines.py`` check on 10,000 generated cases that it decides what jusou
decides.
"""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Tuple

from rule_tables import (  # the rule tables both baselines share
    A_CHILD, A_DISAB, A_DV, A_ELDER, A_PROTECT, A_UNCLEAR, ALERTS, CARE_INSURANCE_FROM, CHILD_UNDER,
    ELDER_CARE, ELDERLY_FROM, FIELDS, FIXED_FIELD, GENERATION, LEAD, NEEDS_CARE, OUTREACH_ISSUES,
    PARENT_8050_FROM, SIGNAL_KEYS, WINDOWS, WITHDRAWN_8050, YOUNG_UNDER,
)

#: Issues behind a child-protection alert for a child of the household.
NEGLECT = frozenset({"self_neglect", "hoarding"})
#: Issues that may give a statutory alert (the per-member loop is skipped without one).
ALERTING = frozenset({"child_abuse", "dv", "elder_abuse", "disability_abuse", "self_neglect", "hoarding"})

#: A criterion ready to test: (id, issues_any, issues_all, signal rule ids).
Criterion = Tuple[str, FrozenSet[str], FrozenSet[str], Tuple[str, ...]]


def compile_criteria(criteria: Optional[Iterable[Dict[str, Any]]]) -> List[Criterion]:
    """Criteria as sets, once per batch rather than once per case. A criterion naming nothing
    never fires, so it is left out."""
    out = []
    for c in criteria or ():
        any_ = frozenset(c.get("issues_any") or ())
        all_ = frozenset(c.get("issues_all") or ())
        sig = tuple(SIGNAL_KEYS[s] for s in c.get("signals_any") or ())
        if any_ or all_ or sig:
            out.append((c["id"], any_, all_, sig))
    return out


def _care_field(age: int) -> str:
    """介護・認知症: 高齢 from 40 (介護保険の第2号被保険者), 子ども under 18, 障害 between."""
    if age >= CARE_INSURANCE_FROM:
        return "elderly"
    return "children" if age < CHILD_UNDER else "disability"


def _band(age: Optional[int]) -> str:
    if age is None:
        return "unknown"
    return "child" if age < CHILD_UNDER else "young_adult" if age < YOUNG_UNDER else "unknown"


def _first_by_generation(members: range, gens: List[Optional[int]], accept) -> Dict[int, int]:
    """The first member (in list order) of each generation that ``accept`` takes."""
    first: Dict[int, int] = {}
    for i in members:
        g = gens[i]
        if g is not None and g not in first and accept(i):
            first[g] = i
    return first


def route(case: Dict[str, Any], criteria: Optional[Iterable[Dict[str, Any]]] = None) -> Dict[str, Any]:
    """Route one case (a dict as jusou takes it) under the municipality's ``criteria``."""
    return _route(case, compile_criteria(criteria))


def route_all(cases: Iterable[Dict[str, Any]],
              criteria: Optional[Iterable[Dict[str, Any]]] = None) -> List[Dict[str, Any]]:
    """Route each case in turn (the criteria compiled once)."""
    compiled = compile_criteria(criteria)
    return [_route(c, compiled) for c in cases]


def _route(case: Dict[str, Any], criteria: List[Criterion]) -> Dict[str, Any]:
    f = case.get("findings") or {}
    members = case["household"]
    n = len(members)
    everyone = range(n)

    # The household, member by member.
    ids: List[str] = []
    ages: List[int] = []
    gens: List[Optional[int]] = []
    issues: List[List[str]] = []
    needs: List[bool] = []
    subject_age = None
    with_issues = 0
    all_issues = set()
    fields = set()
    for m in members:
        age = m["age"]
        its = [e if isinstance(e, str) else e["issue"] for e in m.get("issues") or ()]
        ids.append(m["id"])
        ages.append(age)
        gens.append(GENERATION.get(m["relation"]))
        issues.append(its)
        needs.append(not NEEDS_CARE.isdisjoint(its))
        if subject_age is None and m.get("subject"):
            subject_age = age
        if its:
            with_issues += 1
            all_issues.update(its)
            for i in its:
                fd = _care_field(age) if i in ELDER_CARE else FIXED_FIELD.get(i)
                if fd is not None:
                    fields.add(fd)
    field_list = [x for x in FIELDS if x in fields]

    # 1. Statutory alerts, per member.
    alerts: List[Tuple[str, str]] = []
    if not ALERTING.isdisjoint(all_issues):
        neglect = not NEGLECT.isdisjoint(all_issues)
        dv = "dv" in all_issues
        for k in everyone:
            child = ages[k] < CHILD_UNDER
            its = issues[k]
            if neglect and child:
                alerts.append((A_PROTECT, ids[k]))
            # Abuse of a person under 18 is child abuse, whatever the issue says (and 面前DV is).
            if "child_abuse" in its or (child and (dv or "elder_abuse" in its or "disability_abuse" in its)):
                alerts.append((A_CHILD, ids[k]))
            if "elder_abuse" in its and not child:
                alerts.append((A_ELDER if ages[k] >= ELDERLY_FROM else A_UNCLEAR, ids[k]))
            if "disability_abuse" in its and not child:
                alerts.append((A_DISAB, ids[k]))
            if "dv" in its:
                alerts.append((A_DV, ids[k]))
    fired_alerts = {rule for rule, _ in alerts}
    reasons = [rule for rule in ALERTS if rule in fired_alerts]

    # 2. Signals of 複雑化・複合化 and the household patterns.
    signals: List[str] = []
    if len(field_list) >= 2:
        signals.append("R-ROUTE-MULTI-FIELD")
    if with_issues >= 2:
        signals.append("R-ROUTE-MULTI-MEMBER")
    patterns: List[Tuple[str, str, List[str], Optional[str]]] = []
    # 8050: the first parent 75+ (member order) and the first withdrawn 40–64 one generation below.
    younger = _first_by_generation(everyone, gens, lambda y: CARE_INSURANCE_FROM <= ages[y] < ELDERLY_FROM
                                   and not WITHDRAWN_8050.isdisjoint(issues[y]))
    if younger:
        for e in everyone:
            if ages[e] >= PARENT_8050_FROM and gens[e] is not None and gens[e] - 1 in younger:
                patterns.append(("8050", "household", [ids[e], ids[younger[gens[e] - 1]]], None))
                signals.append("R-ROUTE-8050")
                break
    # Double care: the first adult with a 65+ member needing care one generation above and a
    # child under 18 one generation below (the first of each generation).
    double_care = None
    elders = _first_by_generation(everyone, gens, lambda e: ages[e] >= ELDERLY_FROM
                                  and not ELDER_CARE.isdisjoint(issues[e]))
    if elders:
        children = _first_by_generation(everyone, gens, lambda k: ages[k] < CHILD_UNDER)
        for c in everyone:
            g = gens[c]
            if ages[c] >= CHILD_UNDER and g is not None and g + 1 in elders and g - 1 in children:
                double_care = ("double_care", "household", [ids[c], ids[elders[g + 1]], ids[children[g - 1]]], None)
                break
    if double_care is None and "double_care" in all_issues:
        double_care = ("double_care", "issue", [], None)
    if double_care is not None:
        patterns.append(double_care)
        signals.append("R-ROUTE-DOUBLE-CARE")
    # Young carer (2024 definition): someone under 40 living with another member who needs
    # care, every other member either needing care or a child; a young adult who needs care is
    # not the carer, a child may be both.
    young_carer = None
    n_needs = sum(needs)
    if n_needs:
        free_adults = sum(1 for k in everyone if not needs[k] and ages[k] >= CHILD_UNDER)
        for k in everyone:
            age = ages[k]
            if age >= YOUNG_UNDER or n_needs - needs[k] == 0 or (needs[k] and age >= CHILD_UNDER):
                continue
            # Another adult free of care needs may carry the care (k itself, if one, does not count).
            if free_adults - (not needs[k] and age >= CHILD_UNDER) == 0:
                young_carer = ("young_carer", "household", [ids[k]], _band(age))
                break
    if young_carer is None and "young_carer" in all_issues:
        # Recorded on a member: that member and their band.
        k = next((k for k in everyone if "young_carer" in issues[k]), None)
        young_carer = ("young_carer", "issue", [] if k is None else [ids[k]],
                       _band(None if k is None else ages[k]))
    if young_carer is not None:
        patterns.append(young_carer)
        signals.append("R-ROUTE-YOUNG-CARER")
    if f.get("between_systems"):
        signals.append("R-ROUTE-BETWEEN-SYSTEMS")
    if f.get("rigid_support"):
        signals.append("R-ROUTE-RIGID")

    # 3. 多機関協働 on the worker's 見立て: no → yes, yes → no, not stated → pending (None).
    one_agency = f.get("one_agency_can_resolve")
    multi_agency = None if one_agency is None else not one_agency
    if criteria:
        fired = set(signals)
        if multi_agency:
            fired.add("R-ROUTE-NOT-ONE-AGENCY")
        for cid, any_, all_, sig in criteria:
            if ((not any_ or not any_.isdisjoint(all_issues)) and all_ <= all_issues
                    and (not sig or not fired.isdisjoint(sig))):
                signals.append(cid)
    if multi_agency:
        reasons.append("R-ROUTE-NOT-ONE-AGENCY")

    # 4. Stays with the lead window on a stated "one agency can resolve it".
    lead = None
    if multi_agency is False:
        if len(field_list) == 1:
            lead = LEAD[field_list[0]]
        else:
            program = (case.get("received_by") or {}).get("program")
            if program in WINDOWS:
                lead = program
            elif subject_age is None:
                lead = "1-ni"
            else:
                lead = "1-i" if subject_age >= ELDERLY_FROM else "1-ha" if subject_age < CHILD_UNDER else "1-ni"
        reasons.append("R-ROUTE-STAYS")
        if signals:
            reasons.append("R-ROUTE-SIGNALS-REVIEW")

    # 5. Outreach: stated findings, or issues (an issue alone is no basis for a meeting).
    outreach_stated = False
    if f.get("no_contact"):
        reasons.append("R-ROUTE-OUTREACH-NO-CONTACT")
        outreach_stated = True
    if f.get("refuses_support"):
        reasons.append("R-ROUTE-OUTREACH-REFUSAL")
        outreach_stated = True
    if f.get("lacks_insight"):
        reasons.append("R-ROUTE-OUTREACH-NO-INSIGHT")
        outreach_stated = True
    years = f.get("withdrawal_years")
    if years is not None and years >= 1:
        reasons.append("R-ROUTE-OUTREACH-WITHDRAWAL")
        outreach_stated = True
    outreach = outreach_stated
    if not OUTREACH_ISSUES.isdisjoint(all_issues):
        reasons.append("R-ROUTE-OUTREACH-ISSUE")
        outreach = True
    if f.get("refuses_services") and not f.get("refuses_support"):
        reasons.append("R-ROUTE-REFUSES-SERVICE")

    # 6. 参加支援.
    participation = bool(f.get("participation_need_unmet"))
    if participation:
        reasons.append("R-ROUTE-PARTICIPATION")

    # 7. First meeting: 重層的支援会議 with 多機関協働 and a consent in force that shares something
    #    from every central member (the subject and every member with issues).
    first = None
    if multi_agency or outreach_stated or participation:
        if multi_agency and _every_central_consented(case, members, issues):
            first = "jusou_meeting"
            reasons.append("R-ROUTE-FIRST-JUSOU-MEETING")
        else:
            first = "support_meeting"
            reasons.append("R-ROUTE-FIRST-SUPPORT-MEETING")

    return {
        "case_id": case["id"],
        "multi_agency": multi_agency,
        "outreach": outreach,
        "participation_support": participation,
        "lead_program": lead,
        "first_meeting": first,
        "fields": field_list,
        "patterns": patterns,
        "reasons": reasons,
        "signals": signals,
        "alerts": alerts,
    }


def _every_central_consented(case: Dict[str, Any], members: List[Dict[str, Any]],
                             issues: List[List[str]]) -> bool:
    on = case.get("as_of") or case["received_on"]
    consented = set()
    for k in case.get("consents") or ():
        # In force on the day: given, not expired (valid_until inclusive), not withdrawn.
        if k["given_on"] > on:
            continue
        until = k.get("valid_until")
        if until is not None and on > until:
            continue
        withdrawn = k.get("withdrawn_on")
        if withdrawn is not None and on >= withdrawn:
            continue
        # Shares something: a category of information, to someone named.
        s = k["scope"]
        if s.get("categories") and (s.get("organisations") or s.get("roles") or s.get("persons")):
            consented.add(k["subject"])
    return all(m["id"] in consented for m, its in zip(members, issues) if m.get("subject") or its)
