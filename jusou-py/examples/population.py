"""A synthetic year of consultations (相談受付) for a municipality, calibrated to public statistics.

Used by the worked analysis (``analysis.py``), the Dask example (``dask_route.py``) and the
benchmark (``bench/bench_route.py`` through ``bench/synth.py``). Seeded: the same arguments always
give the same cases. Every person is invented; only the *rates* come from public sources.

Every rate below sits next to its source (title, publisher, year, URL). ``VERIFIED`` means the
figure was checked, through a search of stored public pages, against the page named beside it
(often a secondary page quoting the primary; both are given). ``UNVERIFIED`` marks our own
assumption or a figure we could not check: treat those as knobs, not as facts.
``SOURCES`` lists them all, and ``docs/analysis.md`` repeats them.

How a year is built (``city_year``):

1. **How many consultations.** The only national count of *new* consultations we could verify is
   the 生活困窮 one: 286.0万 new consultations at 自立相談支援機関 in the eight years since 2015
   (厚生労働省, 2024). Scaled by population (÷ 8 years × city population ÷ 126,146,099, the 2020
   census) a city of 150,000 gets ~425 a year at that window. The other windows (地域包括支援センター,
   障害者相談支援, 子ども家庭センター, 社会福祉協議会/民生委員) get volumes in fixed ratio to it —
   ``WINDOW_RATIO``, UNVERIFIED (no national new-consultation count found for them).
2. **Who consults, about what.** Each window draws the subject's age and presenting issue
   (weights UNVERIFIED except the 65+ share at 自立相談支援機関, VERIFIED).
3. **The household** (単独, 夫婦のみ, 夫婦と子, ひとり親と子, 三世代, その他) from national shares,
   with ages around the subject's.
4. **What else the household carries**, member by member, at population prevalence by age
   (for members other than the subject, each written in the record with probability
   ``BACKGROUND_RECORDED``, UNVERIFIED):
   要介護認定 (VERIFIED by age band), 障害 (VERIFIED totals per 1,000, split by age from the
   same estimate), ひきこもり (VERIFIED 2.05 % at 15–39, 2.02 % at 40–64), young carers (VERIFIED
   5.7 % of 中学2年生, 4.1 % of 全日制高校2年生). 8050 and double-care households arise from
   these draws; they are not forced.
5. **The worker's findings.** A share of records states the 見立て (``ASSESSED_SHARE``,
   UNVERIFIED); the rest leave ``one_agency_can_resolve`` out ("not assessed": under issue #16
   such a case is *pending*, not multi-agency). For assessed cases, "one agency cannot resolve it"
   is drawn from the 生活困窮 figures: 25.8 % of new consultations needed a support plan (VERIFIED),
   and of those a share ``PLAN_NEEDS_SEVERAL_AGENCIES`` (UNVERIFIED) is judged to need several
   agencies. The other flags (制度の狭間, 硬直化, 拒否, 接触困難, 参加支援) have UNVERIFIED small rates.

``population(n, seed, start)`` keeps the old interface for the benchmark: ``n`` consultations of a
150,000-person city's mix, about one in 200 deliberately invalid (an impossible age).
"""

from __future__ import annotations

import datetime as _dt
import random
from typing import Any, Dict, List, Optional, Tuple

# --- sources ------------------------------------------------------------------------------------
# Each: (title, publisher, year, URL, status). status: "VERIFIED via <page>" or "UNVERIFIED".
SOURCES: Dict[str, Tuple[str, str, int, str, str]] = {
    "census2020": (
        "令和2年国勢調査 人口等基本集計（確定値 総人口 126,146,099人; 65歳以上 28.6%）",
        "総務省統計局", 2021, "https://www.stat.go.jp/data/kokusei/2020/kekka.html",
        "VERIFIED via https://ameblo.jp/gtz-rs/entry-12713313317.html and https://24h-care.com/tag/%E9%AB%98%E9%BD%A2%E8%80%85%E4%B8%96%E5%B8%AF/",
    ),
    "konkyu8y": (
        "行政事業レビュー（公開プロセス）資料: 生活困窮者自立支援制度 施行後8年間の実績 — 新規相談受付 約286.0万件, "
        "プラン作成 約73.7万件（25.8%）, 相談・情報提供のみで終了 約103.2万件, 他制度・他機関へのつなぎ 約60.2万件",
        "厚生労働省", 2024, "https://www.mhlw.go.jp/jigyo_shiwake/dl/r06_zentai_day1.pdf",
        "VERIFIED via https://wic-net.com/material/document/15182/226",
    ),
    "konkyu_age": (
        "生活困窮者自立支援制度における支援状況調査 集計結果（平成27〜29年度）: 新規相談者のうち65歳以上 約18.5%",
        "厚生労働省", 2018, "https://hirono-office.com/blog/308",
        "VERIFIED (figure) via that secondary page; the primary's URL not found (UNVERIFIED)",
    ),
    "hikikomori2023": (
        "こども・若者の意識と生活に関する調査（令和4年度）: 広義のひきこもり 15〜39歳 2.05%, 40〜64歳 2.02%",
        "内閣府（こども家庭庁へ移管）", 2023, "https://www.cfa.go.jp/resources/research/chilren-attitudes",
        "VERIFIED via https://resemom.jp/article/2023/04/03/71638.html",
    ),
    "youngcarer2021": (
        "ヤングケアラーの実態に関する調査研究（令和2年度 子ども・子育て支援推進調査研究事業）: "
        "世話をしている家族が「いる」 中学2年生 5.7%, 全日制高校2年生 4.1%",
        "三菱UFJリサーチ&コンサルティング（厚生労働省・文部科学省連携）", 2021,
        "https://limo.media/articles/-/29154?page=2",
        "VERIFIED (figures) via that secondary page; the primary report's URL not found (UNVERIFIED)",
    ),
    "care_by_age": (
        "社会保障審議会介護保険部会（第92回）資料1 年齢階級別の要介護認定率（2019年9月末）: 65〜69 2.9%, 70〜74 5.5%, "
        "75〜79 12.5%, 80〜84 27.2%, 85〜89 49.0%, 90〜 73.1%",
        "厚生労働省", 2022, "https://www.mhlw.go.jp/stf/newpage_24727.html",
        "VERIFIED via the text of 資料1 p.20 on wic-net.com (MC plus), which names this URL",
    ),
    "disability2018": (
        "障害者白書 平成30年版 参考資料 障害者の状況: 身体 436万人, 知的 108.2万人, 精神 392.4万人 "
        "（人口千人当たり 34, 9, 31）; 65歳以上の割合 身体74%, 知的16%, 精神38%",
        "内閣府", 2018, "https://www8.cao.go.jp/shougai/whitepaper/h30hakusho/zenbun/siryo_02.html",
        "VERIFIED (counts, per 1,000) via that page; 65+ shares VERIFIED only via a quote of 朝日新聞 2018-04-09",
    ),
    "households2021": (
        "国民生活基礎調査（2021年）: 単独世帯 29.5%, 夫婦と未婚の子のみ 27.5%, 夫婦のみ 24.5%",
        "厚生労働省", 2022, "https://cksk.org/article/stats/13738.html/page/2",
        "VERIFIED (three shares) via that secondary page; the rest UNVERIFIED",
    ),
    "single_parent2019": (
        "国民生活基礎調査（2019年）表93: 児童のいる世帯 11,221千, うち ひとり親と未婚の子のみ 724千（6.5%）",
        "厚生労働省", 2022, "https://ecitizen.jp/Statdb/StatsData/0003441389",
        "VERIFIED via that page (e-Stat mirror)",
    ),
    "mof2024": (
        "財政制度等審議会 財政制度分科会 社会保障（参考資料）p.76: 多機関協働事業・参加支援事業の実績0件の自治体が2割程度",
        "財務省", 2024,
        "https://www.mof.go.jp/about_mof/councils/fiscal_system_council/sub-of_fiscal_system/proceedings/material/20241113zaiseia.html",
        "VERIFIED via https://wic-net.com/material/document/17572/76",
    ),
    "assumed": ("our assumption", "jusou", 2026, "", "UNVERIFIED"),
}

# --- volumes ------------------------------------------------------------------------------------
JAPAN_POPULATION = 126_146_099  # census2020, VERIFIED
KONKYU_NEW_8Y = 2_860_000  # konkyu8y, VERIFIED (約286.0万件, FY2015–FY2022)
KONKYU_YEARS = 8
KONKYU_PLAN_SHARE = 0.258  # konkyu8y, VERIFIED (プラン作成 73.7万 = 25.8 %)
KONKYU_INFO_ONLY_SHARE = 1_032_000 / 2_860_000  # konkyu8y, VERIFIED (相談・情報提供のみで終了, 36.1 %)
KONKYU_REFERRED_SHARE = 602_000 / 2_860_000  # konkyu8y, VERIFIED (他制度・他機関へのつなぎ, 21.0 %)

# The receiving windows: (agency, program, ratio of new consultations to 自立相談支援機関's).
# UNVERIFIED: no national count of *new* consultations was found for the other windows.
WINDOW_RATIO: List[Tuple[str, Optional[str], float]] = [
    ("自立相談支援機関", "1-ni", 1.0),  # anchor: konkyu8y (VERIFIED)
    ("地域包括支援センター", "1-i", 1.5),  # UNVERIFIED
    ("障害者相談支援事業所", "1-ro", 0.5),  # UNVERIFIED
    ("子ども家庭センター", "1-ha", 0.8),  # UNVERIFIED
    ("社会福祉協議会", None, 0.2),  # UNVERIFIED
    ("民生委員", None, 0.1),  # UNVERIFIED
]


def yearly_volume(population: int) -> Dict[str, int]:
    """New consultations a year per receiving window for a municipality of ``population``:
    the 生活困窮 national count per year, scaled by population (VERIFIED inputs), times
    ``WINDOW_RATIO`` for the other windows (UNVERIFIED)."""
    konkyu = KONKYU_NEW_8Y / KONKYU_YEARS * population / JAPAN_POPULATION
    return {agency: round(konkyu * ratio) for agency, _, ratio in WINDOW_RATIO}


# --- prevalence by age --------------------------------------------------------------------------
# 要介護（要支援を含む）認定率 by age band: care_by_age, VERIFIED for 65+.
CARE_BY_AGE = [(90, 0.731), (85, 0.490), (80, 0.272), (75, 0.125), (70, 0.055), (65, 0.029)]
CARE_40_64 = 0.004  # UNVERIFIED (第2号被保険者の認定率; not checked)

# ひきこもり: hikikomori2023, VERIFIED.
HIKIKOMORI_15_39 = 0.0205
HIKIKOMORI_40_64 = 0.0202

# Young carers: youngcarer2021, VERIFIED (中学2年生, 全日制高校2年生); applied to ages 12–14
# and 15–17 respectively (our extension to neighbouring ages, UNVERIFIED).
YOUNG_CARER_12_14 = 0.057
YOUNG_CARER_15_17 = 0.041

# 障害 per person by age: disability2018 counts (VERIFIED) split by the 65+ shares (VERIFIED via
# a newspaper quote) over the census 65+ population (census2020: 28.6 % of 126.1M ≈ 36.08M).
_OLD = JAPAN_POPULATION * 0.286
_YOUNG = JAPAN_POPULATION - _OLD
DISABILITY = {  # issue: (rate under 65, rate 65+)
    "physical_disability": (4_360_000 * 0.26 / _YOUNG, 4_360_000 * 0.74 / _OLD),
    "intellectual_disability": (1_082_000 * 0.84 / _YOUNG, 1_082_000 * 0.16 / _OLD),
    "mental_disability": (3_924_000 * 0.62 / _YOUNG, 3_924_000 * 0.38 / _OLD),
}

# --- households ---------------------------------------------------------------------------------
# households2021: 単独 29.5, 夫婦と未婚の子 27.5, 夫婦のみ 24.5 VERIFIED; the split of the other
# 18.5 % (ひとり親と未婚の子 7.1, 三世代 4.9, その他 6.5) UNVERIFIED.
HOUSEHOLD_TYPES = [
    ("single", 29.5), ("couple", 24.5), ("couple_children", 27.5),
    ("single_parent", 7.1), ("three_generation", 4.9), ("other", 6.5),
]
# single_parent2019: 6.5 % of households with children are ひとり親と未婚の子のみ (VERIFIED):
# used when the subject is a child (子ども家庭センター).
SINGLE_PARENT_AMONG_CHILD_HOUSEHOLDS = 0.065
# UNVERIFIED: among adults under 65 in a parent–child household, the chance the subject is the
# (unmarried) child rather than the parent.
ADULT_CHILD_ROLE = {39: 0.5, 64: 0.25}

# --- who consults where, about what (weights UNVERIFIED unless marked) --------------------------
PRESENTING = {
    "1-ni": (["poverty", "employment_difficulty", "debt", "housing", "mental_distress", "hikikomori"],
             [35, 25, 15, 10, 10, 5]),
    "1-i": (["care", "dementia", "health", "isolation", "poverty", "elder_abuse", "hoarding", "self_neglect"],
            [50, 18, 12, 10, 5, 2, 2, 1]),
    "1-ro": (["physical_disability", "intellectual_disability", "mental_disability"],
             [34, 9, 31]),  # ratio per 1,000 from disability2018, VERIFIED
    "1-ha": (["childrearing", "school_refusal", "intellectual_disability", "health", "child_abuse"],
             [60, 18, 10, 8, 4]),
    None: (["isolation", "poverty", "care", "health", "hoarding"], [30, 20, 20, 20, 10]),
}
KONKYU_65_PLUS = 0.185  # konkyu_age, VERIFIED (share of 65+ among new 生活困窮 consultations)

# --- the worker's findings ----------------------------------------------------------------------
ASSESSED_SHARE = 0.85  # UNVERIFIED: share of records that state the 見立て at intake
PLAN_NEEDS_SEVERAL_AGENCIES = 0.15  # UNVERIFIED: of cases needing a plan, share judged multi-agency
NOT_ONE_AGENCY = KONKYU_PLAN_SHARE * PLAN_NEEDS_SEVERAL_AGENCIES  # ≈ 3.9 % of assessed cases
BETWEEN_SYSTEMS = 0.01  # UNVERIFIED
RIGID_SUPPORT = 0.005  # UNVERIFIED
REFUSES_SUPPORT = 0.02  # UNVERIFIED
NO_CONTACT = 0.01  # UNVERIFIED
PARTICIPATION_NEED = 0.02  # UNVERIFIED
CONSENT_RECORDED = 0.25  # UNVERIFIED: share of records with a written consent on file
# UNVERIFIED: the chance that the intake record lists a *co-resident member's* condition (drawn at
# population prevalence) as an open issue. Records list what the worker learns and judges part of
# the consultation; a spouse's care already arranged through 介護保険 is often not written as an
# issue. 1.0 records every condition drawn (the upper bound; see docs/analysis.md for both).
BACKGROUND_RECORDED = 0.5
INVALID_RATE = 0.005  # benchmark only: deliberately bad rows

FY_START = _dt.date(2026, 4, 1)  # 令和8年度
CITY = 150_000


def _care_rate(age: int) -> float:
    if age >= 65:
        return next(r for lo, r in CARE_BY_AGE if age >= lo)
    return CARE_40_64 if age >= 40 else 0.0


def _background(rng: random.Random, age: int, recorded: float = 1.0) -> List[str]:
    """Issues a member carries at population prevalence for their age, each written in the record
    with probability ``recorded``. From 65 on, a disability of someone certified for care is part
    of the care need (介護保険 first; our reading, UNVERIFIED) and not listed apart."""
    out: List[str] = []
    care = rng.random() < _care_rate(age)
    if care:
        out.append("care")
    old = age >= 65
    for issue, (young_rate, old_rate) in DISABILITY.items():
        if rng.random() < (old_rate if old else young_rate) and not (old and care):
            out.append(issue)
    if 15 <= age <= 39 and rng.random() < HIKIKOMORI_15_39:
        out.append("hikikomori")
    elif 40 <= age <= 64 and rng.random() < HIKIKOMORI_40_64:
        out.append("hikikomori")
    if 12 <= age <= 14 and rng.random() < YOUNG_CARER_12_14:
        out.append("young_carer")
    elif 15 <= age <= 17 and rng.random() < YOUNG_CARER_15_17:
        out.append("young_carer")
    if recorded < 1.0:
        out = [x for x in out if rng.random() < recorded]
    return out


def _subject_age(rng: random.Random, program: Optional[str]) -> int:
    if program == "1-i":
        return rng.choice([rng.randint(65, 74), rng.randint(75, 84), rng.randint(75, 84), rng.randint(85, 97)])
    if program == "1-ni":
        return rng.randint(65, 85) if rng.random() < KONKYU_65_PLUS else rng.randint(20, 64)
    if program == "1-ro":
        return rng.randint(18, 64) if rng.random() < 0.8 else rng.randint(6, 17)
    if program == "1-ha":
        return rng.randint(0, 17) if rng.random() < 0.5 else rng.randint(25, 49)
    return rng.randint(30, 90)


def _household(rng: random.Random, age: int) -> List[Dict[str, Any]]:
    """Members other than the subject, with ages (issues added by the caller)."""
    def person(mid: str, a: int, relation: str) -> Dict[str, Any]:
        return {"id": mid, "age": max(0, min(105, a)), "relation": relation}

    def parents(one: bool) -> List[Dict[str, Any]]:
        m = person("M", age + rng.randint(24, 36), "mother")
        if one:
            return [m] if rng.random() < 0.85 else [dict(m, relation="father")]
        return [m, person("F", m["age"] + rng.randint(-2, 5), "father")]

    def children(k: int) -> List[Dict[str, Any]]:
        return [person(f"C{j}", age - rng.randint(22, 38), "child") for j in range(k)]

    if age < 18:  # a child subject: parents' household
        single = rng.random() < SINGLE_PARENT_AMONG_CHILD_HOUSEHOLDS
        sib = [person("B", age + rng.randint(-4, 4), "sibling")] if rng.random() < 0.5 else []
        return parents(single) + sib
    kind = rng.choices([k for k, _ in HOUSEHOLD_TYPES], [w for _, w in HOUSEHOLD_TYPES])[0]
    as_child = age < 65 and rng.random() < ADULT_CHILD_ROLE[39 if age <= 39 else 64]
    if kind == "single":
        return []
    if kind == "couple":
        return [person("S", age + rng.randint(-5, 5), "spouse")] if age >= 20 else []
    if kind in ("couple_children", "single_parent"):
        single = kind == "single_parent"
        if as_child:
            return parents(single)
        kids = children(rng.choice([1, 1, 2])) if age >= 40 else children(1)
        kids = [k for k in kids if k["age"] >= 0] or [person("C0", max(0, age - 25), "child")]
        return ([] if single else [person("S", age + rng.randint(-5, 5), "spouse")]) + kids
    if kind == "three_generation":
        if age >= 60:
            return [person("S", age + rng.randint(-5, 5), "spouse"), person("C0", age - rng.randint(25, 35), "child"),
                    person("G0", age - rng.randint(50, 60), "grandchild")]
        return [person("S", age + rng.randint(-5, 5), "spouse")] + parents(rng.random() < 0.4) + children(1)
    return [person("B", age + rng.randint(-6, 6), "sibling")]


def _consent(rng: random.Random, received: _dt.date) -> Dict[str, Any]:
    given = received - _dt.timedelta(days=rng.randint(-10, 400))
    c: Dict[str, Any] = {
        "id": "k1", "subject": "A", "given_by": {"kind": "self"},
        "scope": {"organisations": ["市社会福祉協議会"], "categories": ["basic", "family"]},
        "given_on": given.isoformat(), "form": {"kind": "written"},
    }
    if rng.random() < 0.5:
        c["valid_until"] = (given + _dt.timedelta(days=365)).isoformat()
    return c


def consultation(rng: random.Random, i: int, window: Tuple[str, Optional[str]],
                 invalid_rate: float = 0.0, recorded: float = BACKGROUND_RECORDED) -> Dict[str, Any]:
    """One consultation received at ``window`` (agency, program)."""
    agency, program = window
    received = FY_START + _dt.timedelta(days=rng.randrange(365))
    age = _subject_age(rng, program)
    names, weights = PRESENTING[program]
    presenting = rng.choices(names, weights)[0]
    if presenting in ("care", "dementia") and age < 40:
        presenting = "health"
    background = _background(rng, age)
    if presenting in ("care", "dementia") and age >= 65:  # as in _background: part of the care need
        background = [x for x in background if x not in DISABILITY]
    subject_issues = [presenting] + [x for x in background if x != presenting]
    members: List[Dict[str, Any]] = [
        {"id": "A", "age": age, "relation": "self", "subject": True, "issues": subject_issues}
    ]
    for m in _household(rng, age):
        m["issues"] = _background(rng, m["age"], recorded)
        members.append(m)
    if invalid_rate and rng.random() < invalid_rate:
        members[0]["age"] = 140  # a deliberately bad row
    findings: Dict[str, Any] = {}
    if rng.random() < ASSESSED_SHARE:
        findings["one_agency_can_resolve"] = rng.random() >= NOT_ONE_AGENCY
    for key, rate in (("between_systems", BETWEEN_SYSTEMS), ("rigid_support", RIGID_SUPPORT),
                      ("refuses_support", REFUSES_SUPPORT), ("no_contact", NO_CONTACT),
                      ("participation_need_unmet", PARTICIPATION_NEED)):
        if rng.random() < rate:
            findings[key] = True
    if any("hikikomori" in m["issues"] for m in members) and rng.random() < 0.7:  # UNVERIFIED
        findings["withdrawal_years"] = rng.randint(1, 15)
    received_by: Dict[str, Any] = {"agency": agency}
    if program:
        received_by["program"] = program
    case: Dict[str, Any] = {
        "id": f"c{i:07d}",
        "received_on": received.isoformat(),
        "received_by": received_by,
        "household": members,
        "findings": findings,
    }
    if rng.random() < CONSENT_RECORDED:
        case["consents"] = [_consent(rng, received)]
    return case


def _windows() -> Tuple[List[Tuple[str, Optional[str]]], List[float]]:
    return [(a, p) for a, p, _ in WINDOW_RATIO], [r for _, _, r in WINDOW_RATIO]


def city_year(population: int = CITY, seed: int = 2026,
              recorded: float = BACKGROUND_RECORDED) -> List[Dict[str, Any]]:
    """A municipality's new consultations in 令和8年度, ``yearly_volume(population)`` of them,
    in order of the window they reached (ids ``c0000000``…); ``recorded``: see
    ``BACKGROUND_RECORDED``."""
    rng = random.Random(seed)
    out: List[Dict[str, Any]] = []
    for agency, program, _ in WINDOW_RATIO:
        for _ in range(yearly_volume(population)[agency]):
            out.append(consultation(rng, len(out), (agency, program), recorded=recorded))
    return out


def population(n: int, seed: int = 2026, start: int = 0, invalid_rate: float = INVALID_RATE) -> List[Dict[str, Any]]:
    """``n`` consultations with a city's window mix (for benchmarks and scale tests); the same
    ``seed`` and ``start`` always give the same cases. About ``invalid_rate`` of them are bad."""
    rng = random.Random(seed * 1_000_003 + start)
    windows, ratios = _windows()
    return [consultation(rng, start + i, rng.choices(windows, ratios)[0], invalid_rate) for i in range(n)]


def assessed(case: Dict[str, Any]) -> bool:
    """Whether the record states the worker's 見立て on ``one_agency_can_resolve``."""
    return "one_agency_can_resolve" in (case.get("findings") or {})
