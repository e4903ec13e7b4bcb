"""The routing rules of jusou-core (``jusou-core/src/routing/``) written as a pandas/numpy analyst
would: flat tables and column operations, no Python loop over cases or members while deciding.
For the benchmark only.

Two steps, timed apart by ``bench_route.py``:

- ``flatten(cases)`` turns the nested case dicts into three flat tables (cases, members,
  consents). It has to visit every dict, so it *is* a Python loop; an analyst whose data already
  sits in flat tables skips it.
- ``route(tables, criteria)`` decides from those tables with column operations (merges for the
  household patterns, group-bys for "any member …").

The rules are those of issue #16 onwards: 多機関協働 rests on the worker's stated 見立て
(``findings.one_agency_can_resolve``: no → yes, yes → no, not stated → pending, ``None``); the
household's signals (several fields, several members, 8050, double care, young carer under 40,
制度の狭間, 硬直化, the municipality's criteria) are reported, not decisive; a case that stays gets
its lead window and R-ROUTE-SIGNALS-REVIEW when signals stand; アウトリーチ from stated findings
(no contact, refusal, no insight, withdrawal) or from issues (ひきこもり, セルフネグレクト, 孤立); the
first meeting only on a stated basis (多機関協働, a stated outreach finding, 参加支援), the
重層的支援会議 only with 多機関協働 and a consent in force that shares something from every central
member (the subject and every member with issues); statutory alerts by age (an elder-abuse
issue under 65 gives R-ROUTE-ALERT-STATUTE-UNCLEAR, abuse of a child is child abuse).

What it leaves out, so it does less work than jusou: input validation, 和暦 and age bands (exact
ages only; an age band or a birth date is not read), household-level issues, ``why_not`` and
``not_assessable``, messages and citations, and criteria signals beyond what is listed in
``route``. ``bench_route.py`` and ``tests/test_baselines.py`` check on 10,000 generated cases
that it decides what jusou decides.

The rule tables (age thresholds, generations, fields and lead windows, issue sets, rule ids) are
``rule_tables.py``'s, shared with ``plain_route``; the column lists (every issue, the findings,
signals and reasons in jusou's order) are this copy's own.
"""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, List, Optional, Tuple

import numpy as np
import pandas as pd

import compare_baseline
from rule_tables import (  # the rule tables both baselines share
    A_CHILD, A_DISAB, A_DV, A_ELDER, A_PROTECT, A_UNCLEAR, ALERTS, CARE_INSURANCE_FROM, CHILD_UNDER,
    ELDER_CARE, ELDERLY_FROM, FIELDS, FIXED_FIELD, GENERATION, LEAD, NEEDS_CARE, OUTREACH_ISSUES,
    PARENT_8050_FROM, SIGNAL_KEYS, WINDOWS, WITHDRAWN_8050, YOUNG_UNDER,
)

#: Every issue of the vocabulary: one boolean column each in the members table.
ISSUES = sorted(
    {"care", "dementia", "physical_disability", "intellectual_disability", "mental_disability",
     "mental_distress", "hikikomori", "poverty", "debt", "employment_difficulty", "childrearing",
     "school_refusal", "young_carer", "double_care", "hoarding", "self_neglect", "isolation", "housing",
     "health", "dv", "child_abuse", "elder_abuse", "disability_abuse", "disability", "single_parent",
     "family_conflict", "rights_consumer", "daily_living", "after_discharge", "arrears",
     "communication_difficulty"}
)
#: The findings read as tri-state columns (yes / no / not stated).
FLAGS = ("one_agency_can_resolve", "rigid_support", "between_systems", "refuses_support", "lacks_insight",
         "no_contact", "participation_need_unmet")

#: Signals of 複雑化・複合化 (reported, not decisive), in jusou's order.
SIGNALS = ("R-ROUTE-MULTI-FIELD", "R-ROUTE-MULTI-MEMBER", "R-ROUTE-8050", "R-ROUTE-DOUBLE-CARE",
           "R-ROUTE-YOUNG-CARER", "R-ROUTE-BETWEEN-SYSTEMS", "R-ROUTE-RIGID")
OUTREACH_RULES = ("R-ROUTE-OUTREACH-NO-CONTACT", "R-ROUTE-OUTREACH-REFUSAL", "R-ROUTE-OUTREACH-NO-INSIGHT",
                  "R-ROUTE-OUTREACH-WITHDRAWAL")
REASONS = ALERTS + ("R-ROUTE-NOT-ONE-AGENCY", "R-ROUTE-STAYS", "R-ROUTE-SIGNALS-REVIEW") + OUTREACH_RULES + (
    "R-ROUTE-OUTREACH-ISSUE", "R-ROUTE-REFUSES-SERVICE", "R-ROUTE-PARTICIPATION",
    "R-ROUTE-FIRST-JUSOU-MEETING", "R-ROUTE-FIRST-SUPPORT-MEETING")


def _issue(e: Any) -> str:
    return e if isinstance(e, str) else e["issue"]


def flatten(cases: List[Dict[str, Any]]) -> Tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Nested case dicts → (cases, members, consents) tables; ``case`` is the row number."""
    crow: Dict[str, list] = {k: [] for k in ("case_id", "as_of", "program", "withdrawal_years",
                                             "refuses_services", *FLAGS)}
    mrow: Dict[str, list] = {k: [] for k in ("case", "pos", "member", "age", "generation", "subject",
                                             "n_issues")}
    issues: List[List[str]] = []
    krow: Dict[str, list] = {k: [] for k in ("case", "subject", "given_on", "valid_until", "withdrawn_on",
                                             "shares")}
    for i, c in enumerate(cases):
        f = c.get("findings") or {}
        crow["case_id"].append(c["id"])
        crow["as_of"].append(c.get("as_of") or c["received_on"])
        crow["program"].append((c.get("received_by") or {}).get("program"))
        crow["withdrawal_years"].append(f.get("withdrawal_years"))
        crow["refuses_services"].append(len(f.get("refuses_services") or ()))
        for k in FLAGS:
            crow[k].append(f.get(k))
        for pos, m in enumerate(c["household"]):
            its = [_issue(e) for e in m.get("issues") or ()]
            mrow["case"].append(i)
            mrow["pos"].append(pos)
            mrow["member"].append(m["id"])
            mrow["age"].append(m["age"])
            mrow["generation"].append(GENERATION.get(m["relation"]))
            mrow["subject"].append(bool(m.get("subject")))
            mrow["n_issues"].append(len(its))
            issues.append(its)
        for k in c.get("consents") or ():
            s = k["scope"]
            krow["case"].append(i)
            krow["subject"].append(k["subject"])
            krow["given_on"].append(k["given_on"])
            krow["valid_until"].append(k.get("valid_until"))
            krow["withdrawn_on"].append(k.get("withdrawn_on"))
            krow["shares"].append(bool(s.get("categories")) and bool(s.get("organisations") or s.get("roles")
                                                                       or s.get("persons")))
    cdf = pd.DataFrame(crow)
    cdf["as_of"] = pd.to_datetime(cdf["as_of"])
    cdf["withdrawal_years"] = cdf["withdrawal_years"].astype("float64")  # NaN: not stated
    for k in FLAGS:  # tri-state: True / False / <NA> (not stated)
        cdf[k] = pd.array(cdf[k], dtype="boolean")
    mdf = pd.DataFrame(mrow)
    mdf["generation"] = mdf["generation"].astype("float64")  # NaN: a relation with no generation
    # One boolean column per issue (the way an analyst one-hot encodes a list column).
    onehot = pd.Series(issues, dtype=object).explode()
    hot = pd.crosstab(onehot.index, onehot).reindex(index=range(len(mdf)), columns=ISSUES, fill_value=0) > 0
    mdf = pd.concat([mdf, hot.set_axis(mdf.index)], axis=1)
    kdf = pd.DataFrame(krow)
    for k in ("given_on", "valid_until", "withdrawn_on"):
        kdf[k] = pd.to_datetime(kdf[k])
    return cdf, mdf, kdf


def _any_by_case(mask: Any, case: np.ndarray, n: int) -> np.ndarray:
    out = np.zeros(n, dtype=bool)
    out[case[np.asarray(mask, dtype=bool)]] = True
    return out


def _stated(col: pd.Series) -> np.ndarray:
    """A finding stated yes (not stated reads as not fired)."""
    return col.fillna(False).to_numpy(dtype=bool)


def route(tables: Tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame],
          criteria: Optional[List[Dict[str, Any]]] = None) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """Decide every case with column operations; returns (decisions per case, alerts per member)."""
    cdf, m, kdf = tables
    n = len(cdf)
    case = m["case"].to_numpy()
    age = m["age"].to_numpy()
    child = age < CHILD_UNDER
    out = pd.DataFrame({"case_id": cdf["case_id"]})
    has = {i: _any_by_case(m[i].to_numpy(), case, n) for i in ISSUES}

    def member_any(names: FrozenSet[str]) -> np.ndarray:
        return m[list(names)].to_numpy().any(axis=1)

    # Fields: care/dementia by age (40+ elderly, under 18 children, 18–39 disability), the rest fixed.
    care_like = member_any(ELDER_CARE)
    fld = {
        "elderly": care_like & (age >= CARE_INSURANCE_FROM),
        "disability": care_like & (age >= CHILD_UNDER) & (age < CARE_INSURANCE_FROM),
        "children": care_like & child,
        "poverty": np.zeros(len(m), dtype=bool),
    }
    for issue, f in FIXED_FIELD.items():
        fld[f] = fld[f] | m[issue].to_numpy()
    for f in FIELDS:
        out[f"field_{f}"] = _any_by_case(fld[f], case, n)
    nfields = sum(out[f"field_{f}"].to_numpy(dtype=int) for f in FIELDS)

    # 1. statutory alerts, per member.
    neglect_case = has["self_neglect"] | has["hoarding"]
    dv_case = has["dv"]
    elder_abuse = m["elder_abuse"].to_numpy()
    disability_abuse = m["disability_abuse"].to_numpy()
    alert = pd.DataFrame({"case": case, "member": m["member"], "pos": m["pos"]})
    alert[A_PROTECT] = neglect_case[case] & child
    alert[A_CHILD] = (m["child_abuse"].to_numpy() | ((disability_abuse | elder_abuse) & child)
                      | (dv_case[case] & child))
    alert[A_ELDER] = elder_abuse & (age >= ELDERLY_FROM)
    alert[A_DISAB] = disability_abuse & ~child
    alert[A_DV] = m["dv"].to_numpy()
    alert[A_UNCLEAR] = elder_abuse & ~child & (age < ELDERLY_FROM)
    for rule in ALERTS:
        out[rule] = _any_by_case(alert[rule].to_numpy(), case, n)

    # 2. signals of 複雑化・複合化.
    out["R-ROUTE-MULTI-FIELD"] = nfields >= 2
    out["R-ROUTE-MULTI-MEMBER"] = np.bincount(case[m["n_issues"].to_numpy() > 0], minlength=n) >= 2
    withdrawn = member_any(WITHDRAWN_8050)
    gen = m["generation"]
    base = pd.DataFrame({"case": case, "pos": m["pos"], "member": m["member"], "gen": gen, "age": age})
    known = gen.notna().to_numpy()
    # 8050: the first parent 75+ (member order) and the first withdrawn 40–64 one generation below.
    e = base[(age >= PARENT_8050_FROM) & known]
    y = base[(age >= CARE_INSURANCE_FROM) & (age < ELDERLY_FROM) & withdrawn & known]
    pairs = e.merge(y, on="case", suffixes=("_l", "_r"))
    pairs = pairs[pairs["gen_r"] == pairs["gen_l"] - 1]
    p8050 = pairs.sort_values(["case", "pos_l", "pos_r"]).drop_duplicates("case").set_index("case")
    out["R-ROUTE-8050"] = False
    out.loc[p8050.index, "R-ROUTE-8050"] = True
    out["p8050_members"] = None
    out.loc[p8050.index, "p8050_members"] = pd.Series(
        list(zip(p8050["member_l"], p8050["member_r"])), index=p8050.index)
    # Double care: an adult with a 65+ member needing care one generation above and a child
    # under 18 one generation below (the first of each generation in member order).
    carer = base[(age >= CHILD_UNDER) & known]
    el = base[(age >= ELDERLY_FROM) & care_like & known]
    ch = base[child & known]
    ce = carer.merge(el, on="case", suffixes=("_l", "_r"))
    ce = ce[ce["gen_r"] == ce["gen_l"] + 1]
    ck = carer.merge(ch, on="case", suffixes=("_l", "_r"))
    ck = ck[ck["gen_r"] == ck["gen_l"] - 1]
    ce1 = ce.sort_values(["case", "pos_l", "pos_r"]).drop_duplicates(["case", "pos_l"])
    ck1 = ck.sort_values(["case", "pos_l", "pos_r"]).drop_duplicates(["case", "pos_l"])
    dc = ce1.merge(ck1, on=["case", "pos_l", "member_l"], suffixes=("_e", "_k"))
    dc = dc.sort_values(["case", "pos_l"]).drop_duplicates("case").set_index("case")
    dc_house = np.zeros(n, dtype=bool)
    dc_house[dc.index.to_numpy()] = True
    out["dc_members"] = None
    out.loc[dc.index, "dc_members"] = pd.Series(
        list(zip(dc["member_l"], dc["member_r_e"], dc["member_r_k"])), index=dc.index)
    out["dc_from"] = np.where(dc_house, "household", np.where(has["double_care"], "issue", None))
    # Young carer (2024 definition): someone under 40 living with another member who needs care,
    # every other member either needing care or a child; a young adult who needs care is not
    # the carer, a child may be both.
    needs = member_any(NEEDS_CARE)
    n_needs = np.bincount(case[needs], minlength=n)
    free_adult = ~(child | needs)
    n_free = np.bincount(case[free_adult], minlength=n)
    cand = ((age < YOUNG_UNDER) & (n_needs[case] > needs) & (~needs | child)
            & ((n_free[case] - free_adult) == 0))
    yc = base[cand].sort_values(["case", "pos"]).drop_duplicates("case").set_index("case")
    yc_house = np.zeros(n, dtype=bool)
    yc_house[yc.index.to_numpy()] = True
    recorded = base[m["young_carer"].to_numpy()].sort_values(["case", "pos"]).drop_duplicates("case")
    recorded = recorded.set_index("case")
    out["yc_member"] = None
    out.loc[recorded.index, "yc_member"] = recorded["member"]
    out["yc_age"] = np.nan
    out.loc[recorded.index, "yc_age"] = recorded["age"]
    out.loc[yc.index, "yc_member"] = yc["member"]
    out.loc[yc.index, "yc_age"] = yc["age"]
    out["yc_from"] = np.where(yc_house, "household", np.where(has["young_carer"], "issue", None))
    out["R-ROUTE-DOUBLE-CARE"] = out["dc_from"].notna()
    out["R-ROUTE-YOUNG-CARER"] = out["yc_from"].notna()
    out["R-ROUTE-BETWEEN-SYSTEMS"] = _stated(cdf["between_systems"])
    out["R-ROUTE-RIGID"] = _stated(cdf["rigid_support"])

    # 3. 多機関協働 on the worker's 見立て: no → yes, yes → no, not stated → pending (None).
    one = cdf["one_agency_can_resolve"]
    stated = one.notna().to_numpy()
    multi_yes = stated & ~one.fillna(True).to_numpy(dtype=bool)
    multi_no = stated & one.fillna(False).to_numpy(dtype=bool)
    out["multi_agency"] = np.where(stated, multi_yes, None)
    out["R-ROUTE-NOT-ONE-AGENCY"] = multi_yes
    signal_cols = list(SIGNALS)
    for c in criteria or ():
        any_ = list(c.get("issues_any") or ())
        all_ = list(c.get("issues_all") or ())
        sig = [SIGNAL_KEYS[s] for s in c.get("signals_any") or ()]
        never = np.zeros(n, dtype=bool)
        if not (any_ or all_ or sig):
            fired = never
        else:
            fired = np.ones(n, dtype=bool)
            if any_:
                fired &= np.logical_or.reduce([has.get(i, never) for i in any_])
            for i in all_:
                fired &= has.get(i, never)
            if sig:
                fired &= np.logical_or.reduce([out[s].to_numpy(dtype=bool) for s in sig])
        out[c["id"]] = fired
        signal_cols.append(c["id"])
    any_signal = out[signal_cols].to_numpy(dtype=bool).any(axis=1)

    # 4. stays with the lead window on a stated "one agency can resolve it".
    program = cdf["program"]
    window = program.isin(sorted(WINDOWS)).to_numpy()
    subject = m[m["subject"]].drop_duplicates("case").set_index("case")
    subj_age = subject["age"].reindex(range(n)).to_numpy(dtype=float)  # NaN: no subject
    by_age = np.where(subj_age >= ELDERLY_FROM, "1-i", np.where(subj_age < CHILD_UNDER, "1-ha", "1-ni"))
    one_field = np.select([out[f"field_{f}"].to_numpy() for f in FIELDS], [LEAD[f] for f in FIELDS], "")
    lead = np.where(nfields == 1, one_field, np.where(window, program.to_numpy(dtype=object), by_age))
    out["lead_program"] = np.where(multi_no, lead, None)
    out["R-ROUTE-STAYS"] = multi_no
    out["R-ROUTE-SIGNALS-REVIEW"] = multi_no & any_signal

    # 5. outreach: stated findings, or issues (an issue alone is no basis for a meeting).
    out["R-ROUTE-OUTREACH-NO-CONTACT"] = _stated(cdf["no_contact"])
    out["R-ROUTE-OUTREACH-REFUSAL"] = _stated(cdf["refuses_support"])
    out["R-ROUTE-OUTREACH-NO-INSIGHT"] = _stated(cdf["lacks_insight"])
    out["R-ROUTE-OUTREACH-WITHDRAWAL"] = cdf["withdrawal_years"].to_numpy() >= 1
    outreach_stated = out[list(OUTREACH_RULES)].to_numpy().any(axis=1)
    out["R-ROUTE-OUTREACH-ISSUE"] = np.logical_or.reduce([has[i] for i in OUTREACH_ISSUES])
    out["outreach"] = outreach_stated | out["R-ROUTE-OUTREACH-ISSUE"].to_numpy()
    out["R-ROUTE-REFUSES-SERVICE"] = (cdf["refuses_services"].to_numpy() > 0) & ~out[
        "R-ROUTE-OUTREACH-REFUSAL"].to_numpy()
    # 6. 参加支援.
    out["participation_support"] = _stated(cdf["participation_need_unmet"])
    out["R-ROUTE-PARTICIPATION"] = out["participation_support"]

    # 7. first meeting: 重層的支援会議 with 多機関協働 and a consent in force that shares something
    #    from every central member (the subject and every member with issues).
    as_of = cdf["as_of"].to_numpy()
    kc = kdf["case"].to_numpy(dtype=int)
    k_as_of = as_of[kc]
    in_force = ((kdf["given_on"].to_numpy() <= k_as_of)
                & ~(kdf["valid_until"].notna().to_numpy() & (k_as_of > kdf["valid_until"].to_numpy()))
                & ~(kdf["withdrawn_on"].notna().to_numpy() & (k_as_of >= kdf["withdrawn_on"].to_numpy()))
                & kdf["shares"].to_numpy(dtype=bool))
    consented = pd.DataFrame({"case": kc[in_force], "member": kdf["subject"].to_numpy()[in_force]})
    consented = consented.drop_duplicates().assign(ok=True)
    central = base[m["subject"].to_numpy() | (m["n_issues"].to_numpy() > 0)][["case", "member"]]
    central = central.merge(consented, on=["case", "member"], how="left")
    missing = np.bincount(central["case"][central["ok"].isna()].to_numpy(dtype=int), minlength=n) > 0
    meet = multi_yes | outreach_stated | out["participation_support"].to_numpy()
    jusou = meet & multi_yes & ~missing
    out["first_meeting"] = np.where(meet, np.where(jusou, "jusou_meeting", "support_meeting"), None)
    out["R-ROUTE-FIRST-JUSOU-MEETING"] = jusou
    out["R-ROUTE-FIRST-SUPPORT-MEETING"] = meet & ~jusou
    alerts = alert.melt(id_vars=["case", "member", "pos"], var_name="rule", value_name="on")
    return out, alerts[alerts["on"]].drop(columns="on")


def _band(a: Any) -> Optional[str]:
    if a is None or (isinstance(a, float) and np.isnan(a)):
        return "unknown"
    return "child" if a < CHILD_UNDER else "young_adult" if a < YOUNG_UNDER else "unknown"


def as_decisions(out: pd.DataFrame, alerts: pd.DataFrame, criteria_ids: List[str] = ()) -> List[Dict[str, Any]]:
    """The vectorised result as comparable per-case values (for the check only; a loop)."""
    signals = list(SIGNALS) + list(criteria_ids)
    fired = out[list(REASONS)].to_numpy()
    sig = out[signals].to_numpy()
    by_case: Dict[int, set] = {}
    for c, mem, rule in zip(alerts["case"], alerts["member"], alerts["rule"]):
        by_case.setdefault(c, set()).add((rule, mem))

    def val(x: Any) -> Any:
        return None if x is None or (isinstance(x, float) and np.isnan(x)) else x

    res = []
    for i, row in enumerate(out.itertuples(index=False)):
        row = row._replace(**{f: val(getattr(row, f)) for f in ("p8050_members", "dc_from", "dc_members", "yc_from",
                                                                  "yc_member", "lead_program", "first_meeting",
                                                                  "multi_agency")})
        pats = []
        if row.p8050_members is not None:
            pats.append(("8050", "household", list(row.p8050_members), None))
        if row.dc_from is not None:
            pats.append(("double_care", row.dc_from, list(row.dc_members) if row.dc_members else [], None))
        if row.yc_from is not None:
            pats.append(("young_carer", row.yc_from, [row.yc_member] if row.yc_member else [],
                         _band(row.yc_age)))
        res.append({
            "multi_agency": None if row.multi_agency is None else bool(row.multi_agency),
            "outreach": bool(row.outreach),
            "participation_support": bool(row.participation_support),
            "lead_program": row.lead_program, "first_meeting": row.first_meeting,
            "fields": [f for f in FIELDS if getattr(row, f"field_{f}")],
            "patterns": pats,
            "reasons": {r for r, on in zip(REASONS, fired[i]) if on},
            "signals": {r for r, on in zip(signals, sig[i]) if on},
            "alerts": by_case.get(i, set()),
        })
    return res


def decide(cases: List[Dict[str, Any]], criteria: Optional[List[Dict[str, Any]]] = None) -> List[Dict[str, Any]]:
    """Flatten, route and read back per case: the baseline as ``compare_baseline`` calls it."""
    return as_decisions(*route(flatten(cases), criteria), [c["id"] for c in criteria or ()])


def differences(cases: List[Dict[str, Any]], decisions: List[Dict[str, Any]],
                criteria: Optional[List[Dict[str, Any]]] = None) -> Tuple[int, List[Tuple[str, str, Any, Any]]]:
    """Route the valid ``cases`` (those jusou's ``decisions`` do not refuse) with the vectorised
    rules; returns (how many compared, every (case id, key, jusou's value, vectorised value) that
    differs). The comparison is ``compare_baseline``'s, shared with ``plain_route``."""
    return compare_baseline.differences(cases, decisions, decide, criteria)
