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
    """The worker's findings at intake (受付時の見立て)."""

    between_systems: bool  # The need falls between systems (制度の狭間): no existing program covers it.
    no_contact: bool  # No contact with the person yet (本人と会えていない).
    one_agency_can_resolve: bool  # The receiving agency (or one agency with ordinary cooperation) can resolve it.
    participation_need_unmet: bool  # The person wants social participation existing programs cannot offer.
    refuses_support: bool  # The person refuses support (支援拒否).
    rigid_support: bool  # Support has become rigid (支援の硬直化) and needs re-sorting.
    withdrawal_years: Optional[int]  # Years a household member (often not the subject: B in an 8050 household) has been


#: An issue (課題) recorded for a household member.
Issue = Literal['care', 'dementia', 'physical_disability', 'intellectual_disability', 'mental_disability', 'mental_distress', 'hikikomori', 'poverty', 'debt', 'employment_difficulty', 'childrearing', 'school_refusal', 'young_carer', 'double_care', 'hoarding', 'self_neglect', 'isolation', 'housing', 'health', 'dv', 'child_abuse', 'elder_abuse', 'disability_abuse']


#: Relation of a member to the subject (続柄). JSON keys are English; the Japanese
Relation = Literal['self', 'spouse', 'father', 'mother', 'father_in_law', 'mother_in_law', 'grandfather', 'grandmother', 'child', 'child_in_law', 'grandchild', 'sibling', 'other_relative', 'non_relative']


class _HouseholdMemberRequired(TypedDict):
    id: str  # Identifier within the case (e.g. `A`, `B`).
    relation: Relation  # Relation to the subject (本人).


class HouseholdMember(_HouseholdMemberRequired, total=False):
    """A household member."""

    age: Optional[int]  # Age in years on the intake date (one of `age` and `birth_date` is required).
    birth_date: Optional[DayText]  # Birth date (ISO or 和暦).
    issues: List[Issue]  # This member's issues.
    subject: bool  # Whether this member is the subject (本人) of the consultation; exactly one is.


class _CriterionRequired(TypedDict):
    id: str  # Stable id chosen by the municipality (reported as the rule that fired).
    label_ja: str  # What it says, in Japanese (as in the municipality's plan).


class Criterion(_CriterionRequired, total=False):
    """A municipality-defined reason to pass a case to 多機関協働."""

    issues_all: List[Issue]  # … and all of these (both lists empty never fires).
    issues_any: List[Issue]  # Fires when the household has any of these issues …
    label_en: Optional[str]  # What it says, in English.


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
    options: Optional[Options]  # The municipality's options, so that a vector is self-contained (the CLI's


#: The meeting a case goes to first.
FirstMeeting = Literal['support_meeting', 'jusou_meeting']


#: A household pattern routing recognises.
Pattern = Literal['8050', 'double_care', 'young_carer']


#: How a pattern was recognised.
Source = Literal['household', 'issue']


class DetectedPattern(TypedDict):
    """A pattern found in the household, with the members it involves."""

    members: List[str]  # Member ids involved (older first for 8050; carer, elder, child for double care; the
    pattern: Pattern  # Which pattern.
    recognised_from: Source  # How it was recognised.


class StatutoryAlert(TypedDict):
    """An alert: which law's procedure comes first, for whom."""

    citation: str  # The article (`児童虐待防止法第6条`).
    law: str  # The law whose procedure comes first (`児童虐待防止法`).
    member: str  # The member concerned.
    message_en: str  # English text.
    message_ja: str  # Japanese text.
    rule: str  # The rule that fired.


class RouteDecision(TypedDict):
    """The routing decision (the DESIGN.md contract, plus what helps a worker read it)."""

    as_of: str  # The day the decision speaks for (consent is checked on it).
    case_id: str  # The case routed.
    fields: List[Field]  # The fields (分野) of the household's issues.
    first_meeting: Optional[FirstMeeting]  # The meeting the case goes to first; null when it stays with the lead window.
    lead_program: Optional[ProgramCode]  # The 包括的相談支援 program (第1号イ–ニ) that keeps the case as lead when it stays; null
    multi_agency: bool  # Pass to 多機関協働 (第5号).
    outreach: bool  # アウトリーチ等を通じた継続的支援 (第4号) applies.
    participation_support: bool  # A candidate for 参加支援 (第2号); its use is decided at the 重層的支援会議.
    patterns: List[DetectedPattern]  # Household patterns recognised (8050, double care, young carer).
    reasons: List[Finding]  # Reasons, in the order the rules fired.
    statutory_alerts: List[StatutoryAlert]  # Procedures of other laws that come first (abuse, DV, child protection).


class CaseRef(TypedDict):
    """The case as the meeting sees it."""

    id: str  # Case id.
    subjects: List[str]  # Household members whose information is discussed (consent subjects).
    under_multi_agency: bool  # Whether the case is under 多機関協働 (the municipality's 支援決定).


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
    confidentiality: List[Confidentiality]  # The bases of their duty of confidentiality; empty when they have none (a neighbour).
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

    allowed: bool  # Whether the case may be discussed at this sitting.
    excluded: List[Exclusion]  # Attendees left out, with the categories and the reason.
    fallback: Optional[Fallback]  # What to do instead when denied.
    mode: Optional[MeetingKind]  # The legal type the case is taken under (never `combined`; `null` when denied).
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
EventType = Literal['referral', 'accepted', 'assessment', 'plan_drafted', 'jusou_meeting_review', 'support_decision', 'support_started', 'monitoring', 'evaluation', 'closed', 'returned_to_comprehensive', 'watching', 'support_meeting', 'information_gathering', 'pre_coordination', 'relationship_building', 'home_visit', 'accompaniment', 'stable_connection', 'outreach_closed', 'participation_decided', 'participation_intake', 'participation_assessment', 'participation_plan', 'matching', 'settling_in', 'follow_up', 'participation_closed']


class _PlanEventRequired(TypedDict):
    date: DayText  # The day it happened.
    organisation: str  # The acting organisation (for meetings: the organiser).
    type: EventType  # What happened.


class PlanEvent(_PlanEventRequired, total=False):
    """One event of the log."""

    host_assessed: Optional[bool]  # Whether the host (受け入れ先) was assessed before matching, on `matching`.
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


class Violation(TypedDict):
    """A rule an event broke."""

    citation: Optional[str]  # The article it rests on, where there is one.
    event_index: int  # Index into `events` (0-based).
    message_en: str  # English text.
    message_ja: str  # Japanese text.
    rule: str  # The rule's stable id (a library rule's, or a municipality-defined criterion's).


class PlanReport(TypedDict):
    """The replay's answer."""

    as_of: DayText  # The day the log was judged on.
    case_id: str  # The case's id.
    deadlines: List[Deadline]  # Deadlines that run (with their dates), overdue ones flagged against `as_of`.
    monitoring_interval_days: int  # The monitoring interval used (the municipality's, or the default).
    next_events: NextEvents  # Event types that may come next, per track (重層的支援会議 events only when a consent is
    state: TrackStates  # Where each track stands after the last event.
    valid: bool  # `true` exactly when `violations` is empty.
    violations: List[Violation]  # Which event broke which rule.


#: 全国地方公共団体コード: 6 digits, the last a check digit (e.g. 112305 新座市)
LocalGovCode = str


#: 年度 (2024, 令和6年度) or a day (2024-04-01, 令和6年4月1日); a day must be a 年度 boundary
PeriodEdge = Union[int, str]


#: A plan period: first and last 年度 (a day is accepted but must fall on a 年度 boundary).
_PlanPeriodRequired = TypedDict("_PlanPeriodRequired", {
    'from': 'PeriodEdge',
    'to': 'PeriodEdge',
})
PlanPeriod = _PlanPeriodRequired


class _ImplementationPlanRequired(TypedDict):
    period: PlanPeriod  # The plan period, as a 年度 range.


class ImplementationPlan(_ImplementationPlanRequired, total=False):
    """The 実施計画 (第106条の5)."""

    adopted_on: Optional[DayText]  # The day the plan was adopted (ISO or 和暦).
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
MunicipalityMeetingKind = Union[Literal['other'], MeetingKind]


#: What binds a person to keep a case's secrets.
MunicipalityConfidentiality = Literal['support_meeting', 'contractor', 'public_servant', 'other_statute', 'contract_only', 'none']


class _MunicipalityMeetingMemberRequired(TypedDict):
    name: str  # Who (a body or a role: `事例に関わる機関の実務者`).


class MunicipalityMeetingMember(_MunicipalityMeetingMemberRequired, total=False):
    """A member of a meeting."""

    confidentiality: Optional[MunicipalityConfidentiality]  # What binds them to secrecy at this meeting.
    role: Optional[BodyRole]  # What it is to the municipality.


class _MeetingRequired(TypedDict):
    kind: MunicipalityMeetingKind  # Legal type (by basis, never by name).


class Meeting(_MeetingRequired, total=False):
    """A meeting the municipality holds."""

    cadence: List[Cadence]  # How often: monthly, regular, as needed (several allowed).
    conveners: List[Body]  # Who convenes (招集・開催) it.
    legal_basis: Optional[str]  # Legal basis as the municipality cites it.
    local_name: Optional[str]  # The local name (`包括的支援推進・情報共有会議`).
    members: List[MunicipalityMeetingMember]  # Members.
    note: Optional[str]  # Free note.
    organiser: Optional[Body]  # Who organises (組織する) it.
    secretariat: List[Body]  # Who runs its secretariat (事務局・運営).


#: How a program is run.
Operation = Literal['direct', 'entrusted', 'subsidised']


class _ProviderRequired(TypedDict):
    name: str  # The provider or window (`地域包括支援センター`, `福祉政策課（福祉相談室）`).


class Provider(_ProviderRequired, total=False):
    """A body running (part of) a program."""

    area: Optional[str]  # 圏域 (`市内全域`, `第2層6圏域`).
    contractor: Optional[str]  # The body entrusted (委託先), e.g. `社会福祉法人〇〇市社会福祉協議会`.
    contractor_confidentiality: Optional[MunicipalityConfidentiality]  # The confidentiality basis binding the contractor's people.
    note: Optional[str]  # Free note.
    operation: List[Operation]  # How it is run: one or several of direct (直営), entrusted (委託), subsidised (補助).
    section: List[str]  # 所管課 (one or several sections).
    sites: Optional[int]  # Number of sites (か所).
    target: Optional[str]  # Target population (支援対象者).


class _ProgramEntryRequired(TypedDict):
    code: ProgramCode  # Program code (`1-i` … `6`, or the item label `第1号イ`).


class ProgramEntry(_ProgramEntryRequired, total=False):
    """One program of 第106条の4第2項 as the municipality runs it."""

    local_name: Optional[str]  # The municipality's own name for it, where it differs.
    providers: List[Provider]  # Who runs it (empty when the source does not say).


class _MunicipalityRequired(TypedDict):
    code: LocalGovCode  # 全国地方公共団体コード (6 digits with check digit).
    name: str  # Name (`新座市`).
    prefecture: str  # Prefecture (`埼玉県`).
    programs: List[ProgramEntry]  # The programs run, each once, with their providers.
    start_fiscal_year: FiscalYear  # The 年度 the project starts (2024 or `令和6年度`).


class Municipality(_MunicipalityRequired, total=False):
    """How a municipality runs 重層的支援体制整備事業 (its 実施体制)."""

    implementation_plan: Optional[ImplementationPlan]  # The 実施計画 of 第106条の5, if one was adopted.
    meetings: List[Meeting]  # The meetings the municipality holds.
    note: Optional[str]  # Free note (sources, caveats).
    options: Options  # What the municipality chooses (criteria for 多機関協働, intervals).


class MunicipalityReport(TypedDict):
    """The verdict on a 実施体制."""

    code: LocalGovCode  # 全国地方公共団体コード.
    name: str  # Name.
    pillars: List[Pillar]  # The pillars present.
    programs: List[ProgramCode]  # The program codes run, in the law's order.
    valid: bool  # No violations (warnings do not count).
    violations: List[Finding]  # What the law does not allow.
    warnings: List[Finding]  # What the law asks the municipality to endeavour (努力義務) and it has not recorded.


class Error(TypedDict):
    """One finding about bad input."""

    citation: Optional[str]  # The article the rule rests on, where there is one.
    code: str  # Stable code, `JUSOU-E-<AREA>-<NNN>`.
    message_en: str  # Message in English.
    message_ja: str  # Message in Japanese.
    path: str  # JSON pointer (RFC 6901) to the offending field; `""` is the whole input.


class Errors(TypedDict):
    """Several errors, reported together. Never empty when returned as an `Err`."""

    errors: List[Error]  # The errors, in input order where there is one.

