"""jusou-core's routing constants (the authority is ``jusou-core/src/routing/``) as both benchmark
copies of the rules use them: ``plain_route.py`` (plain Python, one case at a time) and
``vector_route.py`` (pandas/numpy columns). One place, so the two copies cannot drift apart on an
age threshold, a field or a rule id. Plain Python only (no pandas/numpy): ``plain_route`` and its
test must run without them.

The issue sets are frozensets: ``plain_route`` tests membership and disjointness on them,
``vector_route`` selects one column per issue from them (``list(...)``; the order does not
matter there, as it only asks whether any of them is set).
"""

from __future__ import annotations

# Ages (exact years).
CHILD_UNDER = 18
YOUNG_UNDER = 40
CARE_INSURANCE_FROM = 40
ELDERLY_FROM = 65
PARENT_8050_FROM = 75

#: Generation relative to the subject; other relatives and non-relatives have none.
GENERATION = {
    "self": 0, "spouse": 0, "father": 1, "mother": 1, "father_in_law": 1, "mother_in_law": 1,
    "grandfather": 2, "grandmother": 2, "child": -1, "child_in_law": -1, "grandchild": -2, "sibling": 0,
}

#: The four fields, in jusou's order.
FIELDS = ("elderly", "disability", "children", "poverty")
#: Each field's lead window (program).
LEAD = {"elderly": "1-i", "disability": "1-ro", "children": "1-ha", "poverty": "1-ni"}
#: The windows a case may have been received by and stay with.
WINDOWS = frozenset(LEAD.values())
#: Issues whose field does not depend on age (care and dementia do: see ``ELDER_CARE``).
FIXED_FIELD = {
    "elder_abuse": "elderly",
    "physical_disability": "disability", "intellectual_disability": "disability",
    "mental_disability": "disability", "disability": "disability", "disability_abuse": "disability",
    "childrearing": "children", "school_refusal": "children", "young_carer": "children",
    "child_abuse": "children", "single_parent": "children",
    "poverty": "poverty", "debt": "poverty", "employment_difficulty": "poverty", "housing": "poverty",
    "arrears": "poverty",
}
#: 介護・認知症: the field by age (高齢 from 40, 子ども under 18, 障害 between); a 65+ member with one
#: of these needs care for double care.
ELDER_CARE = frozenset({"care", "dementia"})
#: The younger member of an 8050 pair (40–64) has one of these.
WITHDRAWN_8050 = frozenset({"hikikomori", "isolation", "employment_difficulty", "mental_distress",
                            "mental_disability", "self_neglect"})
#: A member with one of these needs care (young carer).
NEEDS_CARE = frozenset({"care", "dementia", "physical_disability", "intellectual_disability",
                        "mental_disability", "disability", "mental_distress", "health"})
#: Issues that call for アウトリーチ (no basis for a meeting on their own).
OUTREACH_ISSUES = frozenset({"hikikomori", "self_neglect", "isolation"})

A_PROTECT = "R-ROUTE-ALERT-CHILD-PROTECTION"
A_CHILD = "R-ROUTE-ALERT-CHILD-ABUSE"
A_ELDER = "R-ROUTE-ALERT-ELDER-ABUSE"
A_DISAB = "R-ROUTE-ALERT-DISABILITY-ABUSE"
A_DV = "R-ROUTE-ALERT-DV"
A_UNCLEAR = "R-ROUTE-ALERT-STATUTE-UNCLEAR"
#: jusou's order of the alert reasons.
ALERTS = (A_PROTECT, A_CHILD, A_ELDER, A_DISAB, A_DV, A_UNCLEAR)

#: A criterion's ``signals_any`` keys → the rule that says the signal fired (in ``vector_route``,
#: the column of that name).
SIGNAL_KEYS = {"multi_field": "R-ROUTE-MULTI-FIELD", "multi_member": "R-ROUTE-MULTI-MEMBER",
               "8050": "R-ROUTE-8050", "double_care": "R-ROUTE-DOUBLE-CARE", "young_carer": "R-ROUTE-YOUNG-CARER",
               "between_systems": "R-ROUTE-BETWEEN-SYSTEMS", "rigid_support": "R-ROUTE-RIGID",
               "not_one_agency": "R-ROUTE-NOT-ONE-AGENCY"}
