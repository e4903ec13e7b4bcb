"""Types of jusou's inputs and outputs, generated from the core's JSON Schemas by
``jusou-py/tools/gen_types.py``; do not edit by hand.

Use them to annotate your own code (``def f(c: jusou.types.Case) -> None``); the values
themselves are plain dicts, lists and strings."""

# fmt: off
# flake8: noqa
from __future__ import annotations

import datetime
from typing import Any, Dict, List, Literal, Optional, TypedDict, Union


class Basis(TypedDict):
    """The law and article an existing program is bundled from."""

    article: str  # The provision (`第115条の45第2項第1号〜第3号`), empty where it is a budget program.
    law: str  # The law (`介護保険法`).
    note: Optional[str]  # What is known and unknown about it.
    verified: bool  # Whether the article number was confirmed against a current statute text.


#: A program (item) of 社会福祉法第106条の4第2項, by the code of DESIGN.md.
ProgramCode = Literal['1-i', '1-ro', '1-ha', '1-ni', '2', '3-i', '3-ro', '3-ha', '3-ni', '3-main-community', '3-main-consult', '4', '5', '6']


#: The field (分野) a program belongs to.
Field = Literal['elderly', 'disability', 'children', 'poverty', 'cross_field']


class Note(TypedDict):
    """A note in both languages."""

    en: str  # English.
    ja: str  # Japanese.


#: The three pillars a municipality running the project must run together.
Pillar = Literal['I', 'II', 'III']


class Rename(TypedDict):
    """A later rename or re-organisation of a program, with the date it took effect."""

    en: str  # What changed, in English.
    ja: str  # What changed, in Japanese.
    on: str  # Date it took effect.


#: A type (類型) of a program, e.g. 利用者支援事業's こども家庭センター型, with its dates.
_ProgramTypeRequired = TypedDict("_ProgramTypeRequired", {
    'from': 'Optional[str]',
    'name_en': 'str',
    'name_ja': 'str',
    'until': 'Optional[str]',
})
ProgramType = _ProgramTypeRequired


class Program(TypedDict):
    """One entry of the taxonomy of 社会福祉法第106条の4第2項."""

    bundled_from: Optional[Basis]  # For bundled existing programs, the law and article they come from.
    citation: str  # Full citation (`社会福祉法第106条の4第2項第1号イ`).
    code: ProgramCode  # Program code (`1-i` … `6`).
    effective_from: str  # First day in force as part of the project.
    effective_until: Optional[str]  # Last day in force, `None` while in force.
    field: Field  # The field it comes from.
    item: str  # Item label (`第1号イ`).
    name_en: str  # English name.
    name_ja: str  # Japanese name.
    new_function: bool  # One of the new functions of the 2021 reform (参加支援, アウトリーチ等, 多機関協働, 支援プラン).
    notes: List[Note]  # Tensions, uncertainties and sources.
    pillar: Pillar  # Pillar (I, II, III).
    renames: List[Rename]  # Later renames and re-organisations.
    run_as_group: Optional[str]  # Group that must be run whole (`第1号`, `第3号`), if any.
    runs_with: Optional[ProgramCode]  # The program it must run together with (第6号 with 第5号).
    types: List[ProgramType]  # Types (類型) with their dates, where the program has them.


#: 年度: a Gregorian year number (2024) or text such as 令和6年度, 2024年度, R6年度
FiscalYear = Union[int, str]


#: How precise a parsed date is.
DateKind = Literal['day', 'month', 'year', 'fiscal_year']


class Finding(TypedDict):
    """A rule that fired: a reason, a violation, an obligation or a warning."""

    citation: Optional[str]  # The article it rests on, where there is one.
    message_en: str  # English text.
    message_ja: str  # Japanese text.
    rule: str  # The rule's stable id (a library rule's, or a municipality-defined criterion's).


class DateInfo(TypedDict):
    """A date as `jusou date` and `parse_date` report it: 西暦, 和暦 and 年度."""

    date: Optional[str]  # The day (ISO), when a single day was written.
    end: str  # Last day of the span (ISO).
    fiscal_year: FiscalYear  # 年度 of the start day, as the Gregorian year it begins in.
    fiscal_year_wareki: str  # 年度 in 和暦 (`令和元年度`).
    input: str  # The text as given.
    kind: DateKind  # Precision of what was written.
    start: str  # First day of the span (ISO).
    wareki: str  # 和暦 of the start day (`令和元年5月1日`).
    warnings: List[Finding]  # Accepted readings worth telling the user.


#: Who pays a share.
Payer = Literal['national', 'prefecture', 'municipality', 'insurance_premium1', 'insurance_premium2']


class SplitShare(TypedDict):
    """One payer's part of a split."""

    amount: int  # Yen.
    fraction: str  # The fraction as written (`1/2`, `38.5%`).
    payer: Payer  # Who pays.
    payer_en: str  # English name of the payer.
    payer_ja: str  # Japanese name of the payer.


#: How sure we are of a scheme's shares.
Status = Literal['confirmed', 'unverified']


class FundingSplit(TypedDict):
    """A yen amount split into shares."""

    amount: int  # The total, in yen.
    rounding_rule_en: str  # The rounding rule (English).
    rounding_rule_ja: str  # The rounding rule (Japanese).
    scheme: str  # The scheme used.
    scheme_ja: str  # Its Japanese name.
    shares: List[SplitShare]  # The shares; their amounts add up to `amount`.
    source: str  # Source of the figures.
    status: Status  # Confirmed or unverified figures.


#: A day: ISO text, 和暦 text or a datetime.date.
DayText = Union[str, datetime.date]


class ConsentFormWritten(TypedDict):
    """書面 (a signed form: 相談受付・申込票 with consent)"""

    kind: Literal['written']


class ConsentFormOral(TypedDict):
    """口頭, recorded by a named worker"""

    kind: Literal['oral']
    recorded_by: str  # Who recorded the oral consent.


#: How the consent was given.
ConsentForm = Union[ConsentFormWritten, ConsentFormOral]


#: 本人 or 代理人.
GiverKind = Literal['self', 'representative']


class _ConsentGiverRequired(TypedDict):
    kind: GiverKind  # 本人 or a representative (代理人: 成年後見人, family with authority, …).


class ConsentGiver(_ConsentGiverRequired, total=False):
    """Who gave the consent."""

    capacity_note: Optional[str]  # A note on the person's capacity to consent (意思能力), as the worker recorded it.
    name: Optional[str]  # The representative's name or role; required for a representative.


#: What kind of information is shared.
InfoCategory = Literal['basic', 'health_disability', 'economic', 'family', 'support_history']


class _ConsentScopeRequired(TypedDict):
    categories: List[InfoCategory]  # Information categories that may be shared.


class ConsentScope(_ConsentScopeRequired, total=False):
    """With whom and what may be shared."""

    organisations: List[str]  # Organisations named in the consent (matched exactly against a member's organisation).
    persons: List[str]  # Individual people named in the consent (member ids), e.g. a neighbour the person trusts.
    roles: List[str]  # Roles named in the consent (matched exactly against a member's role).


class _ConsentRequired(TypedDict):
    form: ConsentForm  # 書面 or 口頭.
    given_by: ConsentGiver  # Who consented.
    given_on: DayText  # Day it was given.
    id: str  # Identifier of the record.
    scope: ConsentScope  # With whom and what.
    subject: str  # Whose information (a household member id).


class Consent(_ConsentRequired, total=False):
    """A consent record."""

    valid_until: Optional[DayText]  # Last day it is valid, if limited.
    withdrawn_on: Optional[DayText]  # Day it was withdrawn: sharing stops from this day on (what was shared before stays shared).


class Findings(TypedDict, total=False):
    """The worker's findings at intake (受付時の見立て). Each is stated yes (`true`), stated no"""

    between_systems: Optional[bool]  # The need falls between systems (制度の狭間): no existing program covers it.
    lacks_insight: Optional[bool]  # The person does not recognise a need for support (支援の必要性を認識していない) — not a
    no_contact: Optional[bool]  # No contact with the person yet (本人と会えていない).
    one_agency_can_resolve: Optional[bool]  # 単独の支援関係機関で対応できるか: the receiving agency (or one agency with ordinary
    participation_need_unmet: Optional[bool]  # The person wants social participation existing programs cannot offer.
    refuses_services: List[str]  # Services the person refuses (e.g. `生活保護`), which is not refusing all support.
    refuses_support: Optional[bool]  # The person refuses support altogether (支援拒否).
    rigid_support: Optional[bool]  # Support has become rigid (支援の硬直化) and needs re-sorting.
    withdrawal_years: Optional[int]  # Years a household member (often not the subject: B in an 8050 household) has been


#: An age band as intake records write it. The JSON value is the Japanese word; English
AgeBand = Literal['未就学', '小学生', '中学生', '高校生', '18歳未満', '成人', '若者', '高齢', '後期高齢', '10代', '20代', '30代', '40代', '50代', '60代', '70代', '80代', '90代']


#: An age as recorded: an exact number of years or a band.
Age = Union[int, AgeBand]


#: The state of a member's consent to share their information, as the worker recorded it. Only
ConsentState = Literal['given', 'refused', 'not_yet_asked', 'not_obtainable']


#: An issue (課題) recorded for a household member.
Issue = Literal['care', 'dementia', 'physical_disability', 'intellectual_disability', 'mental_disability', 'mental_distress', 'hikikomori', 'poverty', 'debt', 'employment_difficulty', 'childrearing', 'school_refusal', 'young_carer', 'double_care', 'hoarding', 'self_neglect', 'isolation', 'housing', 'health', 'dv', 'child_abuse', 'elder_abuse', 'disability_abuse', 'disability', 'single_parent', 'family_conflict', 'rights_consumer', 'daily_living', 'after_discharge', 'arrears', 'communication_difficulty']


#: Who is said to abuse (for abuse issues): the statute's chapter depends on it.
Perpetrator = Literal['caregiver', 'facility_staff', 'employer', 'spouse']


#: How sure the record is of an issue (疑い・可能性 vs 確認).
Certainty = Literal['confirmed', 'suspected']


class _IssueDetailRequired(TypedDict):
    issue: Issue  # The issue.


class IssueDetail(_IssueDetailRequired, total=False):
    """An issue with how sure the record is, and (for abuse) by whom. In JSON a plain string"""

    by: Optional[Perpetrator]  # For an abuse issue: who is said to abuse (養護者・施設従事者・使用者・配偶者).
    certainty: Certainty  # 確認 (`confirmed`, default) or 疑い・可能性 (`suspected`).


#: An issue as recorded: a string or an [`IssueDetail`] object.
IssueEntry = Union[Issue, IssueDetail]


#: Relation of a member to the subject (続柄). JSON keys are English; the Japanese
Relation = Literal['self', 'spouse', 'father', 'mother', 'father_in_law', 'mother_in_law', 'grandfather', 'grandmother', 'child', 'child_in_law', 'grandchild', 'sibling', 'other_relative', 'non_relative']


class _HouseholdMemberRequired(TypedDict):
    id: str  # Identifier within the case (e.g. `A`, `B`).
    relation: Relation  # Relation to the subject (本人).


class HouseholdMember(_HouseholdMemberRequired, total=False):
    """A household member."""

    age: Optional[Age]  # Age on the intake date: whole years (`80`), a band (`"60代"`, `"小学生"`, `"高齢"`), or
    birth_date: Optional[DayText]  # Birth date (ISO or 和暦).
    consent: Optional[ConsentState]  # Whether this member's consent to share was given, refused, not yet asked or not
    issues: List[IssueEntry]  # This member's issues: keys, or objects with a certainty (`suspected`).
    subject: bool  # Whether this member is the subject (本人) of the consultation; exactly one is.


#: A finding or signal of the case a municipality's criterion can name.
CriterionSignal = Literal['multi_field', 'multi_member', '8050', 'double_care', 'young_carer', 'between_systems', 'rigid_support', 'not_one_agency']


class _CriterionRequired(TypedDict):
    id: str  # Stable id chosen by the municipality (reported as the rule that fired).
    label_ja: str  # What it says, in Japanese (as in the municipality's plan).


class Criterion(_CriterionRequired, total=False):
    """A municipality-defined reason to pass a case to 多機関協働."""

    issues_all: List[Issue]  # … and all of these …
    issues_any: List[Issue]  # Fires when the household has any of these issues …
    label_en: Optional[str]  # What it says, in English.
    signals_any: List[CriterionSignal]  # … and any of these findings or signals of the case. This is how a criterion written in


class Options(TypedDict, total=False):
    """A municipality's choices."""

    monitoring_interval_days: Optional[int]  # Days between monitorings of a support plan (deadline findings are computed from it).
    multi_agency_criteria: List[Criterion]  # The municipality's own criteria for passing a case to 多機関協働, on top of the defaults
    plan_review_interval_days: Optional[int]  # Days after which a support plan is reviewed at the 重層的支援会議.


class _ReceivedByRequired(TypedDict):
    agency: str  # The agency's name (e.g. 新座市社会福祉協議会).


class ReceivedBy(_ReceivedByRequired, total=False):
    """The window or agency that received the consultation."""

    program: Optional[ProgramCode]  # The program of 第106条の4第2項 the window runs under, if any (e.g. `1-i`).


#: Kinds of referral source. Japanese words are accepted as aliases.
ReferralSource = Literal['self', 'family', 'family_living_apart', 'neighbour', 'landlord', 'minsei_iin', 'school', 'medical', 'police', 'care_provider', 'shakyo', 'agency', 'business', 'other']


class _ReferralRequired(TypedDict):
    source: ReferralSource  # The kind of source.


class Referral(_ReferralRequired, total=False):
    """Who passed the situation on (発見・つなぎ元)."""

    name: Optional[str]  # A name or note (e.g. the 民生委員's district, the school's name).


class _CaseRequired(TypedDict):
    household: List[HouseholdMember]  # The household (世帯), the subject (本人) among them.
    id: str  # Case identifier (受付番号).
    received_by: ReceivedBy  # Who received it.
    received_on: DayText  # Day the consultation was received (ISO or 和暦).


class Case(_CaseRequired, total=False):
    """A consultation as received (相談受付票)."""

    agencies_involved: List[str]  # Agencies already involved (関係機関), as free names.
    as_of: Optional[DayText]  # Day of the routing decision; defaults to `received_on` (the CLI's `--as-of` overrides it).
    consents: List[Consent]  # Consent records for sharing information (the type shared with meetings and plans).
    findings: Findings  # The worker's findings at intake.
    household_issues: List[IssueEntry]  # Issues of the household as a whole (世帯の困窮, ごみ), not pinned on one member.
    note: Optional[str]  # A free note (a test vector's source, a worker's memo); routing never reads it.
    options: Optional[Options]  # The municipality's options, so that a vector is self-contained (the CLI's
    referred_by: Optional[Referral]  # Who noticed the situation and passed it on (近隣住民, 大家, 民生委員, 学校, 別居の家族 …),


#: The meeting a case goes to first.
FirstMeeting = Literal['support_meeting', 'jusou_meeting']


class NotAssessable(TypedDict):
    """A check the record's ages leave open (a band or no age where the rule needs a line)."""

    check: str  # What could not be checked: a pattern (`8050`, `double_care`, `young_carer`) or `field`.
    members: List[str]  # The members whose ages leave it open.
    message_en: str  # English.
    message_ja: str  # Japanese.


#: The band of a young carer (子ども・若者育成支援推進法, 2024 amendment).
YoungCarerBand = Literal['child', 'young_adult', 'unknown']


#: A household pattern routing recognises.
Pattern = Literal['8050', 'double_care', 'young_carer']


#: How a pattern was recognised.
Source = Literal['household', 'issue']


class DetectedPattern(TypedDict):
    """A pattern found in the household, with the members it involves."""

    band: Optional[YoungCarerBand]  # For a young carer: 子ども (`child`) or 若者 (`young_adult`); null for other patterns.
    members: List[str]  # Member ids involved (older first for 8050; carer, elder, child for double care; the
    pattern: Pattern  # Which pattern.
    recognised_from: Source  # How it was recognised.


#: A question routing answers; `why_not` and `pending` say which one they explain.
Question = Literal['multi_agency', 'outreach', 'participation_support', 'jusou_meeting', 'first_meeting']


class Pending(TypedDict):
    """An answer that waits on the worker's assessment, and what would settle it."""

    message_en: str  # English.
    message_ja: str  # Japanese.
    question: Question  # The answer that waits.
    rule: str  # The rule that decides it once the assessment is recorded.
    settled_by: str  # The input field that would settle it (`findings.one_agency_can_resolve`).


#: What the law asks of the person who finds it.
Obligation = Literal['duty', 'effort', 'duty_if_serious_else_effort', 'check_then_duty', 'not_assessable']


#: Where a report goes.
ReportTo = Literal['municipality', 'prefecture', 'welfare_office', 'child_guidance_centre', 'dv_centre', 'police']


class StatutoryAlert(TypedDict):
    """An alert: which law's procedure comes first, for whom."""

    citation: str  # The article (`児童虐待防止法第6条第1項`).
    law: str  # The law whose procedure comes first (`児童虐待防止法`).
    member: str  # The member concerned.
    message_en: str  # English text.
    message_ja: str  # Japanese text.
    obligation: Obligation  # Duty, effort, duty if serious, check-then-duty, or not assessable.
    report_to: List[ReportTo]  # To whom the report goes.
    rule: str  # The rule that fired.
    verified: bool  # Whether the article was checked against a statute text (「条番号未確認」 when false).


#: Why a rule did not give a positive answer.
Outcome = Literal['not_fired', 'pending', 'not_assessable']


class WhyNot(TypedDict):
    """One rule that did not fire for a negative or pending answer, and what was missing or would"""

    citation: Optional[str]  # The article the rule rests on.
    message_en: str  # English.
    message_ja: str  # Japanese: what was missing or would change the answer.
    outcome: Outcome  # Not fired, pending, or not assessable.
    question: Question  # The answer it explains.
    rule: str  # The rule's id (a library rule's or a municipality criterion's).


class RouteDecision(TypedDict):
    """The routing decision (the DESIGN.md contract, plus what helps a worker read it)."""

    as_of: str  # The day the decision speaks for (consent is checked on it).
    case_id: str  # The case routed.
    fields: List[Field]  # The fields (分野) of the household's issues.
    first_meeting: Optional[FirstMeeting]  # The meeting the case goes to first; null when no meeting rests on a stated basis.
    lead_program: Optional[ProgramCode]  # The 包括的相談支援 program (第1号イ–ニ) that keeps the case as lead when it stays
    multi_agency: Optional[bool]  # Pass to 多機関協働 (第5号): `true` / `false` on the worker's stated assessment, `null`
    not_assessable: List[NotAssessable]  # Checks the record's ages leave open.
    outreach: bool  # アウトリーチ等を通じた継続的支援 (第4号) applies.
    participation_support: bool  # A candidate for 参加支援 (第2号); its use is decided at the 重層的支援会議.
    patterns: List[DetectedPattern]  # Household patterns recognised (8050, double care, young carer).
    pending: List[Pending]  # Answers that wait on the worker's assessment, and what would settle them.
    reasons: List[Finding]  # Reasons for the decisions, in the order the rules fired.
    signals: List[Finding]  # Signals of 複雑化・複合化 (several fields, several members, 8050, double care, young
    statutory_alerts: List[StatutoryAlert]  # Procedures of other laws that come first (abuse, DV, child protection).
    why_not: List[WhyNot]  # For every negative or pending answer, the rules that did not fire and why.


class _DvRecordRequired(TypedDict):
    victims: List[str]  # The victims (subject ids).


class DvRecord(_DvRecordRequired, total=False):
    """Domestic violence recorded in the household."""

    alleged_perpetrators: List[str]  # Roster member ids recorded as the alleged perpetrator (a family member who attends, …).


#: Where a case stands, in the order of the national manual.
Standing = Literal['not_accepted', 'accepted', 'support_decided', 'closed']


#: The people another law's meeting is founded for.
Remit = Literal['child', 'elderly', 'needy', 'disability']


class _SubjectFactsRequired(TypedDict):
    id: str  # The subject (one of `case.subjects`).


class SubjectFacts(_SubjectFactsRequired, total=False):
    """What the worker recorded about one subject, for the remit of other laws' meetings."""

    age: Optional[int]  # Age on the meeting date, when known.
    fields: List[Remit]  # Fields the subject is recorded in (a 障害者手帳, a 生活困窮 consultation, …).


class _CaseRefRequired(TypedDict):
    id: str  # Case id.
    subjects: List[str]  # Household members whose information is discussed (consent subjects).


class CaseRef(_CaseRefRequired, total=False):
    """The case as the meeting sees it."""

    address_confidential: bool  # Whether an address in the case is marked confidential (住所秘匿).
    dv: Optional[DvRecord]  # Domestic violence recorded in the household, if any.
    standing: Optional[Standing]  # Where the case stands (受理, 支援決定, 終結): the one model routing, meetings and plans
    subject_facts: List[SubjectFacts]  # What is known of each subject, for the remit of other laws' meetings.
    under_multi_agency: bool  # Whether the case is under 多機関協働 (the municipality's 支援決定). Superseded by


#: The legal type of a meeting.
MeetingKind = Literal['support_meeting', 'jusou_meeting', 'combined', 'community_care_meeting', 'child_protection_council', 'needy_support_meeting', 'disability_council']


#: Who organises or runs a meeting.
OrganiserKind = Literal['municipality', 'contractor', 'other']


class Organiser(TypedDict):
    """An organiser or secretariat."""

    kind: OrganiserKind  # Municipality, contractor or other.
    name: str  # Name (新座市福祉政策課, 稲城市社会福祉協議会, …).


class _MeetingInfoRequired(TypedDict):
    date: DayText  # Day of the sitting.
    kind: MeetingKind  # The legal type (by basis, not by name).
    local_name: str  # The municipality's own name for it (包括的支援推進・情報共有会議, まるごと会議, …).
    municipality_runs_project: bool  # Whether the municipality runs 重層的支援体制整備事業 on that day.
    organiser: Organiser  # Who organises it.


class MeetingInfo(_MeetingInfoRequired, total=False):
    """The sitting."""

    secretariat: Optional[Organiser]  # Who runs its secretariat, if not the organiser.


#: The legal basis of a member's duty of confidentiality (守秘義務).
Confidentiality = Literal['support_meeting', 'contractor', 'public_servant', 'commissioned_welfare_volunteer', 'lawyer', 'social_worker', 'psychiatric_social_worker', 'nurse', 'physician', 'administrative_scrivener', 'care_manager', 'community_care_meeting', 'child_protection_council', 'needy_support_meeting', 'disability_council']


class _MeetingMemberRequired(TypedDict):
    id: str  # Member id (unique in the roster).
    name: str  # Person's name.


class MeetingMember(_MeetingMemberRequired, total=False):
    """A member of the meeting's roster."""

    appointed: bool  # Appointed member (構成員) of the meeting's statutory body: the 支援会議 for
    categories: Optional[List[InfoCategory]]  # The categories this member's role needs (need to know); absent: no limit stated.
    confidentiality: List[Confidentiality]  # The bases of their duty of confidentiality; empty when they have none (a neighbour).
    needs_address: bool  # Whether the member has a stated need for an address marked confidential.
    organisation: Optional[str]  # Organisation, if any (matched exactly against a consent's organisations).
    role: Optional[str]  # Role, if any (matched exactly against a consent's roles).


class _MeetingCheckRequired(TypedDict):
    agenda: List[InfoCategory]  # Information categories to be shared.
    attendees: List[str]  # Ids of the members present.
    case: CaseRef  # The case.
    meeting: MeetingInfo  # The sitting.
    members: List[MeetingMember]  # The roster.


class MeetingCheck(_MeetingCheckRequired, total=False):
    """The input of a meeting check: self-contained, everything the decision needs."""

    consents: List[Consent]  # Consent records of the case's subjects.
    selected: Optional[List[str]]  # The members the chair selected for this case (要綱: members are selected case by case);


class Exclusion(TypedDict):
    """An attendee left out of some categories, and why."""

    categories: List[InfoCategory]  # The categories withheld from them for this reason.
    member: str  # Member id.
    reason: Finding  # Why.


class Fallback(TypedDict):
    """What to do instead when the case may not be discussed as planned."""

    members: List[str]  # The attendees who could then receive the case's information.
    mode: Optional[MeetingKind]  # The mode to use instead (`null`: none until consent is obtained).
    reason: Finding  # What to do.


class MeetingDecision(TypedDict):
    """The decision."""

    address_withheld_from: List[str]  # Recipients of basic information from whom a confidential address is withheld.
    allowed: bool  # Whether the case may be discussed at this sitting.
    excluded: List[Exclusion]  # Attendees left out, with the categories and the reason.
    fallback: Optional[Fallback]  # What to do instead when denied.
    mode: Optional[MeetingKind]  # The legal type the case is taken under (`combined` when a combined sitting shares on both
    obligations: List[Finding]  # What the organiser must do.
    reasons: List[Finding]  # Why this mode.
    recipients: Dict[str, List[str]]  # Per agenda category, the member ids that may receive it.
    violations: List[Finding]  # Rules the planned discussion would break.


#: What the 重層的支援会議 decided about a plan.
ReviewOutcome = Literal['approved', 'revise']


class _SupportItemRequired(TypedDict):
    content: str  # What is done (支援の内容).
    organisation: str  # The organisation responsible.


class SupportItem(_SupportItemRequired, total=False):
    """One support item of a plan."""

    lead: bool  # Whether this organisation is the 主担当 (exactly one item per plan).


class Period(TypedDict):
    """A plan's period (start ≤ end)."""

    end: DayText  # Last day.
    start: DayText  # First day.


class _PlanContentRequired(TypedDict):
    period: Period  # The plan's period.


class PlanContent(_PlanContentRequired, total=False):
    """A 支援プラン as drafted (第106条の4第2項第6号)."""

    consent_id: Optional[str]  # The consent record (id in `consents`) the plan rests on.
    goals: List[str]  # Goals (目標).
    items: List[SupportItem]  # Support items (支援の種類及び内容) with who is responsible.
    next_monitoring_on: Optional[DayText]  # Next monitoring date the plan sets.
    wishes: Optional[str]  # The person's wishes (本人の意向), in their words as recorded.


#: Why a track ends.
CloseReason = Literal['goal_reached', 'death', 'moved_away', 'contact_ended']


#: Event types, by track.
EventType = Literal['referral', 'accepted', 'assessment', 'plan_drafted', 'jusou_meeting_review', 'support_decision', 'support_started', 'monitoring', 'evaluation', 'closed', 'returned_to_comprehensive', 'watching', 'support_meeting', 'information_gathering', 'pre_coordination', 'relationship_building', 'home_visit', 'accompaniment', 'stable_connection', 'outreach_plan_review', 'outreach_evaluation', 'outreach_closed', 'participation_decided', 'participation_intake', 'participation_assessment', 'participation_plan', 'matching', 'settling_in', 'follow_up', 'participation_plan_review', 'participation_evaluation', 'participation_closed']


class _PlanEventRequired(TypedDict):
    date: DayText  # The day it happened.
    organisation: str  # The acting organisation (for meetings: the organiser).
    type: EventType  # What happened.


class PlanEvent(_PlanEventRequired, total=False):
    """One event of the log."""

    host_assessed: Optional[bool]  # Whether the host (受け入れ先) was assessed before matching, on `matching`.
    meeting_id: Optional[str]  # The sitting, on meeting events: several cases heard in one sitting share its id.
    note: Optional[str]  # Free note (not judged).
    outcome: Optional[ReviewOutcome]  # The meeting's outcome, on `jusou_meeting_review` (required there, nowhere else).
    plan: Optional[PlanContent]  # The plan, on `plan_drafted` (required there, nowhere else).
    reason: Optional[CloseReason]  # Why the track ends, on `closed`, `outreach_closed` and `participation_closed` (required there).
    resource: Optional[str]  # The resource matched (活動先), on `matching` (required there).


class _PlanLogRequired(TypedDict):
    as_of: DayText  # The day the log is judged on: no event may come after it; deadlines are overdue against it.
    case_id: str  # The case's id.
    events: List[PlanEvent]  # The events, in the order they happened.


class PlanLog(_PlanLogRequired, total=False):
    """A case's event log: everything the replay needs, in one self-contained document."""

    consents: List[Consent]  # The case's consent records (本人同意); withdrawal is a record's `withdrawn_on`.
    options: Optional[Options]  # The municipality's choices (monitoring interval); defaults when absent.
    subjects: List[str]  # The case's subjects (household members whose information the case holds): a consent of


#: What a deadline is for.
DeadlineKind = Literal['monitoring']


#: The three tracks of a case.
Track = Literal['multi_agency', 'outreach', 'participation', 'common']


class Deadline(TypedDict):
    """A deadline with its date."""

    citation: Optional[str]  # The article it rests on, where there is one.
    due_on: DayText  # The day it is due (last monitoring or support start + interval).
    kind: DeadlineKind  # What is due.
    message_en: str  # English text.
    message_ja: str  # Japanese text.
    overdue: bool  # Due before `as_of` and not done.
    rule: str  # The rule's stable id (a library rule's, or a municipality-defined criterion's).
    track: Track  # Which track.


class NextEvents(TypedDict):
    """Allowed next events, per track."""

    common: List[EventType]  # Of no one track (支援会議: always possible).
    multi_agency: List[EventType]  # 多機関協働 / 支援プラン.
    outreach: List[EventType]  # アウトリーチ等.
    participation: List[EventType]  # 参加支援.


class Violation(TypedDict):
    """A rule an event broke."""

    citation: Optional[str]  # The article it rests on, where there is one.
    event_index: int  # Index into `events` (0-based).
    message_en: str  # English text.
    message_ja: str  # Japanese text.
    rule: str  # The rule's stable id (a library rule's, or a municipality-defined criterion's).


#: 多機関協働 / 支援プラン states.
MultiAgencyState = Literal['not_started', 'referred', 'accepted', 'assessed', 'plan_drafted', 'plan_to_revise', 'plan_approved', 'support_decided', 'in_support', 'evaluated', 'closed', 'returned']


#: アウトリーチ等 states.
OutreachState = Literal['not_started', 'gathering', 'pre_coordinated', 'building_relationship', 'visiting', 'stably_connected', 'closed']


#: 参加支援 states.
ParticipationState = Literal['not_started', 'decided', 'intake', 'assessed', 'planned', 'matched', 'settling_in', 'closed']


class TrackStates(TypedDict):
    """Where each track stands."""

    multi_agency: MultiAgencyState  # 多機関協働 / 支援プラン.
    outreach: OutreachState  # アウトリーチ等.
    participation: ParticipationState  # 参加支援.


class PlanReport(TypedDict):
    """The replay's answer."""

    as_of: DayText  # The day the log was judged on.
    case_id: str  # The case's id.
    deadlines: List[Deadline]  # Deadlines that run (with their dates), overdue ones flagged against `as_of`.
    episode: int  # The episode the 多機関協働 track is in (1 for the first; a referral after 終結 opens the
    monitoring_interval_days: int  # The monitoring interval used (the municipality's, or the default).
    next_events: NextEvents  # Event types that may come next, per track (重層的支援会議 events only when a consent is
    notes: List[Violation]  # Findings of fact that are neither breaches nor warnings: a referral after 終結 opening a
    state: TrackStates  # Where each track stands after the last event.
    valid: bool  # `true` exactly when `violations` is empty.
    violations: List[Violation]  # Which event broke which rule.
    warnings: List[Violation]  # Soft findings (the manual's expectations, unverified ordinance items): never make the


#: 全国地方公共団体コード: 6 digits, the last a check digit (e.g. 112305 新座市)
LocalGovCode = str


class _ConfidentialityClauseRequired(TypedDict):
    source: str  # Where it is (`〇〇村重層的支援体制整備事業実施要綱第6条`).


class ConfidentialityClause(_ConfidentialityClauseRequired, total=False):
    """A clause of the municipality's own rules (要綱) binding meeting members to secrecy."""

    covers: List[MeetingKind]  # The legal types of meeting it covers (empty: every meeting of the municipality).
    note: Optional[str]  # Free note.


#: 年度 (2024, 令和6年度) or a day (2024-04-01, 令和6年4月1日); a day must be a 年度 boundary
PeriodEdge = Union[int, str]


#: A plan period: first and last 年度 (a day is accepted but must fall on a 年度 boundary).
_PlanPeriodRequired = TypedDict("_PlanPeriodRequired", {
    'from': 'PeriodEdge',
    'to': 'PeriodEdge',
})
PlanPeriod = _PlanPeriodRequired


class ImplementationPlan(TypedDict, total=False):
    """The 実施計画 (第106条の5)."""

    adopted: bool  # Whether a plan was adopted (`false`: the source states there is none).
    adopted_on: Optional[DayText]  # The day the plan was adopted (ISO or 和暦).
    period: Optional[PlanPeriod]  # The plan period, as a 年度 range; left out when the source does not give it.
    title: Optional[str]  # Title as published.


#: How often a meeting sits.
Cadence = Literal['monthly', 'regular', 'as_needed']


#: What a body is to the municipality.
BodyRole = Literal['municipality', 'contractor', 'other']


class Body(TypedDict):
    """A body named in a meeting (organiser, convener, secretariat)."""

    name: str  # Name (`地域共生推進課`, `越谷市社会福祉協議会`).
    role: BodyRole  # What it is to the municipality.


#: The legal type of a municipality's meeting: one of the kinds the meeting check knows (a
MunicipalityMeetingKind = Union[Literal['other'], Literal['unknown'], MeetingKind]


#: What binds a person to keep a case's secrets: a statutory basis (the meeting module's list:
SecrecyBasis = Union[Literal['other_statute'], Literal['municipal_rule'], Literal['contract_only'], Literal['none'], Confidentiality]


#: Schema stand-in: one value or a list of them.
OneOrMany = Union[SecrecyBasis, List[SecrecyBasis]]


class _MunicipalityMeetingMemberRequired(TypedDict):
    name: str  # Who (a body or a role: `事例に関わる機関の実務者`).


class MunicipalityMeetingMember(_MunicipalityMeetingMemberRequired, total=False):
    """A member of a meeting."""

    confidentiality: OneOrMany  # What binds them to secrecy at this meeting (one basis or a list).
    role: Optional[BodyRole]  # What it is to the municipality.


class Meeting(TypedDict, total=False):
    """A meeting the municipality holds."""

    bases: List[MeetingKind]  # Legal types, when one body rests on several bases (the 支援会議 of 第106条の6 and the
    cadence: List[Cadence]  # How often: monthly, regular, as needed (several allowed).
    conveners: List[Body]  # Who convenes (招集・開催) it.
    kind: Optional[MunicipalityMeetingKind]  # Legal type (by basis, never by name); `unknown` or left out when the source does not say.
    legal_basis: Optional[str]  # Legal basis as the municipality cites it.
    local_name: Optional[str]  # The local name (`包括的支援推進・情報共有会議`).
    members: List[MunicipalityMeetingMember]  # Members.
    note: Optional[str]  # Free note.
    organiser: Optional[Body]  # Who organises (組織する) it.
    secretariat: List[Body]  # Who runs its secretariat (事務局・運営).


#: A program code (`1-i`), item label (`第1号イ`), whole item (`第1号`), group name
ProgramRef = Union[str, List[str]]


#: How a program is run.
Operation = Literal['direct', 'entrusted', 'subsidised']


#: A body running (part of) a program.
_ProviderOptional = TypedDict("_ProviderOptional", {
    'area': 'Optional[str]',
    'contractor': 'Optional[str]',
    'contractor_confidentiality': 'OneOrMany',
    'from': 'Optional[DayText]',
    'name': 'Optional[str]',
    'note': 'Optional[str]',
    'operation': 'List[Operation]',
    'section': 'List[str]',
    'sites': 'Optional[int]',
    'target': 'Optional[str]',
    'until': 'Optional[DayText]',
}, total=False)
Provider = _ProviderOptional


class _ProgramEntryRequired(TypedDict):
    code: ProgramRef  # What it is under the statute: a program code (`1-i`), an item label (`第1号イ`), a whole


class ProgramEntry(_ProgramEntryRequired, total=False):
    """One program of 第106条の4第2項 as the municipality runs it, or a program of its own mapped"""

    local_name: Optional[str]  # The municipality's own name for it, where it differs.
    note: Optional[str]  # Free note.
    providers: List[Provider]  # Who runs it (empty when the source does not say); several operators, or a hand-over on
    runs: Optional[bool]  # Whether it is run (`false`: the source states it is not); listed means run.


#: Where a municipality stands with the project.
Stage = Literal['transition_preparation', 'trial', 'full']


#: One stage with its dates (a 年度 or a day at each end; `until` left out while it lasts).
_StageSpanRequired = TypedDict("_StageSpanRequired", {
    'from': 'PeriodEdge',
    'stage': 'Stage',
})
_StageSpanOptional = TypedDict("_StageSpanOptional", {
    'note': 'Optional[str]',
    'until': 'Optional[PeriodEdge]',
}, total=False)


class StageSpan(_StageSpanRequired, _StageSpanOptional):
    """One stage with its dates (a 年度 or a day at each end; `until` left out while it lasts)."""


class _MunicipalityRequired(TypedDict):
    code: LocalGovCode  # 全国地方公共団体コード (6 digits with check digit).
    name: str  # Name (`新座市`).
    prefecture: str  # Prefecture (`埼玉県`).


class Municipality(_MunicipalityRequired, total=False):
    """How a municipality runs 重層的支援体制整備事業 (its 実施体制)."""

    as_of: Optional[DayText]  # The day the check speaks for (which stage is in force, whether the plan has expired);
    confidentiality_clauses: List[ConfidentialityClause]  # Confidentiality clauses of the municipality's own rules (要綱), each covering meetings by
    implementation_plan: Optional[ImplementationPlan]  # The 実施計画 of 第106条の5: left out when the source does not say whether there is one.
    meetings: List[Meeting]  # The meetings the municipality holds.
    note: Optional[str]  # Free note (sources, caveats).
    options: Options  # What the municipality chooses (criteria for 多機関協働, intervals).
    programs: List[ProgramEntry]  # The programs, each with its providers; an entry may be stated as not run.
    programs_complete: bool  # Whether `programs` lists every program the municipality runs (then a program left out is
    stages: List[StageSpan]  # The stages over time (移行準備, 試行, 本格実施), each dated.
    start_fiscal_year: Optional[FiscalYear]  # The 年度 the project (本格実施) starts (2024 or `令和6年度`); left out when the source does
    welfare_office: Optional[bool]  # Whether the municipality has a 福祉事務所 (a town or village may have none: then 第1号ニ is


class MeetingBasis(TypedDict):
    """One legal basis of a meeting and what it means for sharing a person's information."""

    citation: str  # What it rests on.
    consent_required: bool  # Whether sharing a person's information under this basis needs their consent.
    kind: MeetingKind  # The legal type.


class MeetingSummary(TypedDict):
    """A meeting as the law reads it: its bases (by basis, never by name), the consent rule of each,"""

    bases: List[MeetingBasis]  # Its legal bases (empty: not stated).
    clauses: List[str]  # The 要綱 clauses covering it.
    name: str  # Its local name, or its type's.
    path: str  # JSON pointer to the meeting.


#: The stage the check applied.
_StageInForceRequired = TypedDict("_StageInForceRequired", {
    'from': 'Optional[str]',
    'funding_scheme': 'Optional[str]',
    'stage': 'Stage',
    'until': 'Optional[str]',
})
StageInForce = _StageInForceRequired


class Unstated(TypedDict):
    """A fact the law checks that the source does not state."""

    message_en: str  # English text.
    message_ja: str  # Japanese text.
    path: str  # Where in the input it would be stated (JSON pointer).
    program: Optional[ProgramCode]  # The program, for `what: program`.
    what: str  # What kind of fact: `program`, `stage`, `welfare_office`, `meeting_kind`,


class MunicipalityReport(TypedDict):
    """The verdict on a 実施体制."""

    code: LocalGovCode  # 全国地方公共団体コード.
    complete: bool  # Every fact the law checks was stated (`unstated` is empty).
    meetings: List[MeetingSummary]  # The meetings by their legal bases.
    name: str  # Name.
    not_run: List[ProgramCode]  # The program codes stated as not run (explicitly, or left out of a complete list), in the
    pillars: List[Pillar]  # The pillars present.
    programs: List[ProgramCode]  # The program codes stated as run, in the law's order.
    runs_project: Optional[bool]  # Whether the municipality runs the project on the day checked (本格実施): null when the
    stage: Optional[StageInForce]  # The stage applied (null when not stated, or before the first stage).
    unstated: List[Unstated]  # What the law checks but the source does not say.
    valid: bool  # No violations (warnings and unstated facts do not count).
    violations: List[Finding]  # What the law does not allow.
    warnings: List[Finding]  # Duties to endeavour (努力義務) not met, and unverified points.


class Error(TypedDict):
    """One finding about bad input."""

    citation: Optional[str]  # The article the rule rests on, where there is one.
    code: str  # Stable code, `JUSOU-E-<AREA>-<NNN>`.
    detail: Optional[str]  # The parser's own words (serde's English), for a developer; never shown as the message.
    message_en: str  # Message in English.
    message_ja: str  # Message in Japanese.
    path: str  # JSON pointer (RFC 6901) to the offending field; `""` is the whole input.


class Errors(TypedDict):
    """Several errors, reported together. Never empty when returned as an `Err`."""

    errors: List[Error]  # The errors, in input order where there is one.

