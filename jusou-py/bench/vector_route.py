"""The routing rules of jusou-core written as a pandas/numpy analyst would: flat tables and column
operations, no Python loop over cases or members while deciding. For the benchmark only.

Two steps, timed apart by ``bench_route.py``:

- ``flatten(cases)`` turns the nested case dicts into three flat tables (cases, members,
  consents). It has to visit every dict, so it *is* a Python loop; an analyst whose data already
  sits in flat tables skips it.
- ``route(tables, criteria)`` decides from those tables with column operations (merges for the
  household patterns, group-bys for "any member …").

It follows ``plain_route.py`` (and jusou-core's rules as they stand on this branch): no input
validation, ISO dates and exact ages only, no messages. Where issue #16 will change the rules
(``findings.one_agency_can_resolve`` tri-state, ``multi_agency`` nullable while the worker's
見立て is pending) the decision is one function, ``multi_agency_decision``, so the change is one
place. Output: one row per case with the decisions, a boolean column per rule id (``R-…``), the
fields and patterns as boolean columns, plus a member-level table of statutory alerts.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

import plain_route as P

ISSUES = sorted(
    {"care", "dementia", "isolation", "health", "poverty", "elder_abuse", "hoarding", "self_neglect",
     "hikikomori", "employment_difficulty", "mental_distress", "mental_disability", "debt", "housing",
     "physical_disability", "dv", "double_care", "school_refusal", "childrearing", "young_carer",
     "intellectual_disability", "child_abuse", "disability_abuse"}
)
FLAGS = ("one_agency_can_resolve", "rigid_support", "between_systems", "refuses_support", "no_contact",
         "participation_need_unmet")


def flatten(cases: List[Dict[str, Any]]) -> Tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Nested case dicts → (cases, members, consents) tables; ``case`` is the row number."""
    crow: Dict[str, list] = {k: [] for k in ("case_id", "as_of", "program", "withdrawal_years", *FLAGS)}
    mrow: Dict[str, list] = {k: [] for k in ("case", "pos", "member", "age", "generation", "subject", "issues")}
    krow: Dict[str, list] = {k: [] for k in ("case", "subject", "given_on", "valid_until", "withdrawn_on",
                                             "scoped")}
    for i, c in enumerate(cases):
        f = c.get("findings") or {}
        crow["case_id"].append(c["id"])
        crow["as_of"].append(c.get("as_of") or c["received_on"])
        crow["program"].append((c.get("received_by") or {}).get("program"))
        crow["withdrawal_years"].append(f.get("withdrawal_years") or 0)
        for k in FLAGS:
            crow[k].append(f.get(k))
        for pos, m in enumerate(c["household"]):
            mrow["case"].append(i)
            mrow["pos"].append(pos)
            mrow["member"].append(m["id"])
            mrow["age"].append(m["age"])
            mrow["generation"].append(P.GENERATION.get(m["relation"]))
            mrow["subject"].append(bool(m.get("subject")))
            mrow["issues"].append(m.get("issues") or ())
        for k in c.get("consents") or ():
            s = k["scope"]
            krow["case"].append(i)
            krow["subject"].append(k["subject"])
            krow["given_on"].append(k["given_on"])
            krow["valid_until"].append(k.get("valid_until"))
            krow["withdrawn_on"].append(k.get("withdrawn_on"))
            krow["scoped"].append(bool(s.get("categories")) and bool(s.get("organisations") or s.get("roles")
                                                                       or s.get("persons")))
    cdf = pd.DataFrame(crow)
    cdf["as_of"] = pd.to_datetime(cdf["as_of"])
    for k in FLAGS:  # tri-state: True / False / <NA> (not stated)
        cdf[k] = pd.array(cdf[k], dtype="boolean")
    issues = mrow.pop("issues")
    mdf = pd.DataFrame(mrow)
    mdf["generation"] = mdf["generation"].astype("float64")  # NaN: a relation with no generation
    # One boolean column per issue (the way an analyst one-hot encodes a list column).
    onehot = pd.Series(issues).explode()
    hot = pd.crosstab(onehot.index, onehot).reindex(index=range(len(mdf)), columns=ISSUES, fill_value=0) > 0
    mdf = pd.concat([mdf, hot.set_axis(mdf.index)], axis=1)
    kdf = pd.DataFrame(krow)
    for k in ("given_on", "valid_until", "withdrawn_on"):
        kdf[k] = pd.to_datetime(kdf[k])
    return cdf, mdf, kdf


def _any_by_case(mask: pd.Series, case: pd.Series, n: int) -> np.ndarray:
    out = np.zeros(n, dtype=bool)
    out[case[mask].to_numpy()] = True
    return out


def _first_pair(pairs: pd.DataFrame) -> pd.DataFrame:
    """First (left, right) pair per case in member order."""
    return pairs.sort_values(["case", "pos_l", "pos_r"]).drop_duplicates("case").set_index("case")


def multi_agency_decision(triggered: np.ndarray, one_agency: pd.Series) -> Tuple[np.ndarray, np.ndarray]:
    """多機関協働 and whether R-ROUTE-NOT-ONE-AGENCY fires. On this branch an unstated finding reads
    as False (issue #16 will make it pending: return a nullable array here)."""
    one = one_agency.fillna(False).to_numpy(dtype=bool)
    return triggered | ~one, ~one


def route(tables: Tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame],
          criteria: Optional[List[Dict[str, Any]]] = None) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """Decide every case with column operations; returns (decisions per case, alerts per member)."""
    cdf, m, kdf = tables
    n = len(cdf)
    case = m["case"]
    age = m["age"].to_numpy()
    child = age < P.CHILD_UNDER
    out = pd.DataFrame({"case_id": cdf["case_id"]})
    has = {i: _any_by_case(m[i], case, n) for i in ISSUES}

    # Fields: care/dementia by age, the rest fixed.
    care_like = m["care"] | m["dementia"]
    fld = {
        "elderly": (care_like & (age >= P.CARE_INSURANCE_FROM)) | m["elder_abuse"],
        "disability": (care_like & (age >= P.CHILD_UNDER) & (age < P.CARE_INSURANCE_FROM)),
        "children": care_like & child,
        "poverty": pd.Series(False, index=m.index),
    }
    for issue, f in P.FIXED_FIELD.items():
        if f != "elderly":
            fld[f] = fld[f] | m[issue]
    for f in P.FIELDS:
        out[f"field_{f}"] = _any_by_case(fld[f], case, n)
    nfields = sum(out[f"field_{f}"].to_numpy(dtype=int) for f in P.FIELDS)

    # 1. statutory alerts, per member.
    neglect_case = has["self_neglect"] | has["hoarding"]
    dv_case = has["dv"]
    alert = pd.DataFrame({"case": case, "member": m["member"], "pos": m["pos"]})
    alert[P.ALERTS[0][0]] = neglect_case[case.to_numpy()] & child
    alert[P.ALERTS[1][0]] = m["child_abuse"].to_numpy() | (dv_case[case.to_numpy()] & child)
    alert[P.ALERTS[2][0]] = m["elder_abuse"].to_numpy()
    alert[P.ALERTS[3][0]] = m["disability_abuse"].to_numpy()
    alert[P.ALERTS[4][0]] = m["dv"].to_numpy()
    for rule, _, _ in P.ALERTS:
        out[rule] = _any_by_case(alert[rule], case, n)

    # 2. triggers of 多機関協働.
    out["R-ROUTE-MULTI-FIELD"] = nfields >= 2
    with_issues = m[ISSUES].any(axis=1)
    out["R-ROUTE-MULTI-MEMBER"] = np.bincount(case[with_issues], minlength=n) >= 2
    withdrawn = m[sorted(P.WITHDRAWN_8050)].any(axis=1)
    elder_care = m["care"] | m["dementia"]
    gen = m["generation"]
    base = pd.DataFrame({"case": case, "pos": m["pos"], "member": m["member"], "gen": gen, "age": m["age"]})
    # 8050: a parent 75+ and a child 40–64 with a withdrawal-type issue, one generation below.
    e = base[(m["age"] >= P.PARENT_8050_FROM) & gen.notna()]
    y = base[(m["age"] >= P.CARE_INSURANCE_FROM) & (m["age"] < P.ELDERLY_FROM) & withdrawn & gen.notna()]
    pairs = e.merge(y, on="case", suffixes=("_l", "_r"))
    pairs = pairs[(pairs["pos_l"] != pairs["pos_r"]) & (pairs["gen_r"] == pairs["gen_l"] - 1)]
    p8050 = _first_pair(pairs)
    out["R-ROUTE-8050"] = False
    out.loc[p8050.index, "R-ROUTE-8050"] = True
    out["p8050_members"] = None
    out.loc[p8050.index, "p8050_members"] = pd.Series(
        list(zip(p8050["member_l"], p8050["member_r"])), index=p8050.index)
    # Double care: an adult with a 65+ parent needing care and a child under 18.
    c_ = base[(m["age"] >= P.CHILD_UNDER) & gen.notna()]
    el = base[(m["age"] >= P.ELDERLY_FROM) & elder_care & gen.notna()]
    ch = base[child & gen.notna()]
    ce = c_.merge(el, on="case", suffixes=("_l", "_r"))
    ce = ce[(ce["pos_l"] != ce["pos_r"]) & (ce["gen_r"] == ce["gen_l"] + 1)]
    ck = c_.merge(ch, on="case", suffixes=("_l", "_r"))
    ck = ck[(ck["pos_l"] != ck["pos_r"]) & (ck["gen_r"] == ck["gen_l"] - 1)]
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
    # Young carer: every adult needs care (or is a child), and a child lives with someone who does.
    needs = m[sorted(P.NEEDS_CARE)].any(axis=1)
    n_needs = np.bincount(case[needs], minlength=n)
    all_ok = np.bincount(case[~(child | needs)], minlength=n) == 0
    cand = m[child & ((n_needs[case] - needs.to_numpy()) > 0) & (n_needs[case] > 0) & all_ok[case]]
    yc = cand.sort_values(["case", "pos"]).drop_duplicates("case").set_index("case")
    yc_house = np.zeros(n, dtype=bool)
    yc_house[yc.index.to_numpy()] = True
    out["yc_member"] = None
    out.loc[yc.index, "yc_member"] = yc["member"]
    out["yc_from"] = np.where(yc_house, "household", np.where(has["young_carer"], "issue", None))
    out["R-ROUTE-DOUBLE-CARE"] = out["dc_from"].notna()
    out["R-ROUTE-YOUNG-CARER"] = out["yc_from"].notna()
    out["R-ROUTE-BETWEEN-SYSTEMS"] = cdf["between_systems"].fillna(False).to_numpy(dtype=bool)
    out["R-ROUTE-RIGID"] = cdf["rigid_support"].fillna(False).to_numpy(dtype=bool)
    triggered = out[["R-ROUTE-MULTI-FIELD", "R-ROUTE-MULTI-MEMBER", "R-ROUTE-8050", "R-ROUTE-DOUBLE-CARE",
                     "R-ROUTE-YOUNG-CARER", "R-ROUTE-BETWEEN-SYSTEMS", "R-ROUTE-RIGID"]].to_numpy().any(axis=1)
    for c in criteria or ():
        any_ = [i for i in c.get("issues_any") or () if i in has]
        all_ = list(c.get("issues_all") or ())
        if not (c.get("issues_any") or all_):
            fired = np.zeros(n, dtype=bool)
        else:
            fired = np.ones(n, dtype=bool)
            if c.get("issues_any"):
                fired &= np.logical_or.reduce([has[i] for i in any_]) if any_ else False
            for i in all_:
                fired &= has[i] if i in has else False
        out[c["id"]] = fired
        triggered = triggered | fired
    multi, not_one = multi_agency_decision(triggered, cdf["one_agency_can_resolve"])
    out["multi_agency"] = multi
    out["R-ROUTE-NOT-ONE-AGENCY"] = not_one
    out["R-ROUTE-ONE-AGENCY-OVERRIDDEN"] = multi & ~not_one

    # 3. lead window, when the case stays.
    program = cdf["program"]
    known = program.isin(["1-i", "1-ro", "1-ha", "1-ni"])
    subj = m[m["subject"]].drop_duplicates("case").set_index("case")["age"].reindex(range(n)).fillna(0)
    by_age = np.where(subj >= P.ELDERLY_FROM, "1-i", np.where(subj < P.CHILD_UNDER, "1-ha", "1-ni"))
    one_field = np.select([out[f"field_{f}"] for f in P.FIELDS], [P.LEAD[f] for f in P.FIELDS], None)
    lead = np.where(nfields == 1, one_field, np.where(known, program, by_age))
    out["lead_program"] = np.where(multi, None, lead)
    out["R-ROUTE-STAYS"] = ~multi

    # 4. outreach, 5. participation support.
    out["R-ROUTE-OUTREACH-NO-CONTACT"] = cdf["no_contact"].fillna(False).to_numpy(dtype=bool)
    out["R-ROUTE-OUTREACH-REFUSAL"] = cdf["refuses_support"].fillna(False).to_numpy(dtype=bool)
    out["R-ROUTE-OUTREACH-WITHDRAWAL"] = cdf["withdrawal_years"].to_numpy() >= 1
    out["outreach"] = out[["R-ROUTE-OUTREACH-NO-CONTACT", "R-ROUTE-OUTREACH-REFUSAL",
                           "R-ROUTE-OUTREACH-WITHDRAWAL"]].to_numpy().any(axis=1)
    out["participation_support"] = cdf["participation_need_unmet"].fillna(False).to_numpy(dtype=bool)
    out["R-ROUTE-PARTICIPATION"] = out["participation_support"]

    # 6. first meeting: a consent in force from the subject, with a scope, on the as-of day.
    subj_id = m[m["subject"]].drop_duplicates("case").set_index("case")["member"]
    k = kdf.assign(subj=subj_id.reindex(kdf["case"]).to_numpy(), as_of=cdf["as_of"].to_numpy()[kdf["case"].to_numpy(dtype=int)])
    ok = ((k["subject"] == k["subj"]) & (k["given_on"] <= k["as_of"])
          & ~(k["valid_until"].notna() & (k["as_of"] > k["valid_until"]))
          & ~(k["withdrawn_on"].notna() & (k["as_of"] >= k["withdrawn_on"])) & k["scoped"])
    covered = _any_by_case(ok, k["case"], n)
    meet = out["multi_agency"].to_numpy() | out["outreach"].to_numpy() | out["participation_support"].to_numpy()
    out["first_meeting"] = np.where(meet, np.where(covered, "jusou_meeting", "support_meeting"), None)
    out["R-ROUTE-FIRST-JUSOU-MEETING"] = meet & covered
    out["R-ROUTE-FIRST-SUPPORT-MEETING"] = meet & ~covered
    alerts = alert.melt(id_vars=["case", "member", "pos"], var_name="rule", value_name="on")
    return out, alerts[alerts["on"]].drop(columns="on")


RULES = [a[0] for a in P.ALERTS] + [
    "R-ROUTE-MULTI-FIELD", "R-ROUTE-MULTI-MEMBER", "R-ROUTE-8050", "R-ROUTE-DOUBLE-CARE", "R-ROUTE-YOUNG-CARER",
    "R-ROUTE-BETWEEN-SYSTEMS", "R-ROUTE-RIGID", "R-ROUTE-NOT-ONE-AGENCY", "R-ROUTE-ONE-AGENCY-OVERRIDDEN",
    "R-ROUTE-STAYS", "R-ROUTE-OUTREACH-NO-CONTACT", "R-ROUTE-OUTREACH-REFUSAL", "R-ROUTE-OUTREACH-WITHDRAWAL",
    "R-ROUTE-PARTICIPATION", "R-ROUTE-FIRST-JUSOU-MEETING", "R-ROUTE-FIRST-SUPPORT-MEETING",
]


def as_decisions(out: pd.DataFrame, alerts: pd.DataFrame, criteria_ids: List[str] = ()) -> List[Dict[str, Any]]:
    """The vectorised result as comparable per-case values (for the check only; a loop)."""
    rules = RULES + list(criteria_ids)
    fired = out[rules].to_numpy()
    by_case: Dict[int, set] = {}
    for c, mem, rule in zip(alerts["case"], alerts["member"], alerts["rule"]):
        by_case.setdefault(c, set()).add((rule, mem))
    def val(x: Any) -> Any:
        return None if x is None or (isinstance(x, float) and np.isnan(x)) else x

    res = []
    for i, row in enumerate(out.itertuples(index=False)):
        row = row._replace(**{f: val(getattr(row, f)) for f in ("p8050_members", "dc_from", "dc_members", "yc_from",
                                                                  "yc_member", "lead_program", "first_meeting")})
        pats = []
        if row.p8050_members is not None:
            pats.append(("8050", "household", list(row.p8050_members)))
        if row.dc_from is not None:
            pats.append(("double_care", row.dc_from, list(row.dc_members) if row.dc_members else []))
        if row.yc_from is not None:
            pats.append(("young_carer", row.yc_from, [row.yc_member] if row.yc_member else []))
        res.append({
            "multi_agency": bool(row.multi_agency), "outreach": bool(row.outreach),
            "participation_support": bool(row.participation_support),
            "lead_program": row.lead_program, "first_meeting": row.first_meeting,
            "fields": [f for f in P.FIELDS if getattr(row, f"field_{f}")],
            "patterns": pats,
            "rules": {r for r, on in zip(rules, fired[i]) if on},
            "alerts": by_case.get(i, set()),
        })
    return res


def jusou_view(d: Dict[str, Any]) -> Dict[str, Any]:
    """jusou's decision dict in the same comparable form."""
    return {
        "multi_agency": d["multi_agency"], "outreach": d["outreach"],
        "participation_support": d["participation_support"],
        "lead_program": d["lead_program"], "first_meeting": d["first_meeting"], "fields": d["fields"],
        "patterns": [(p["pattern"], p["recognised_from"], p["members"]) for p in d["patterns"]],
        "rules": {r["rule"] for r in d["reasons"]},
        "alerts": {(a["rule"], a["member"]) for a in d["statutory_alerts"]},
    }


if __name__ == "__main__":  # a quick self-check against plain_route
    import sys
    import pathlib

    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
    import synth

    cs = [c for c in synth.population(5000, 7) if c["household"][0]["age"] <= 120]
    v = as_decisions(*route(flatten(cs)))
    bad = [(c["id"], k) for c, x in zip(cs, v) for k, val in jusou_view(P.route(c)).items() if x[k] != val]
    print(len(cs), "cases,", len(bad), "differences", bad[:5])
