//! Meeting kinds and the confidentiality basis each one rests on.
//!
//! A municipality's meeting maps onto a legal type by its basis, never by its local name: 新座市's
//! 包括的支援推進・情報共有会議 is a 支援会議 because it is held under 社会福祉法第106条の6, not because
//! of what it is called.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::law::{articles, ymd};

/// The legal type of a meeting.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// 支援会議 (社会福祉法第106条の6): members bound by 守秘義務, no consent needed.
    SupportMeeting,
    /// 重層的支援会議 (implementation guidance / municipal 要綱): shares only with consent.
    JusouMeeting,
    /// One sitting serving as both (稲城市 "一体的に実施"); the mode is decided per case.
    Combined,
    /// 地域ケア会議 (介護保険法第115条の48).
    CommunityCareMeeting,
    /// 要保護児童対策地域協議会 (児童福祉法第25条の2, 第25条の5).
    ChildProtectionCouncil,
    /// 生活困窮者自立支援法の支援会議 (第9条).
    NeedySupportMeeting,
    /// 障害者総合支援法の協議会 (第89条の3).
    DisabilityCouncil,
}

impl MeetingKind {
    /// Japanese name.
    pub const fn name_ja(self) -> &'static str {
        match self {
            MeetingKind::SupportMeeting => "支援会議",
            MeetingKind::JusouMeeting => "重層的支援会議",
            MeetingKind::Combined => "支援会議・重層的支援会議（一体的実施）",
            MeetingKind::CommunityCareMeeting => "地域ケア会議",
            MeetingKind::ChildProtectionCouncil => "要保護児童対策地域協議会",
            MeetingKind::NeedySupportMeeting => "生活困窮者自立支援法の支援会議",
            MeetingKind::DisabilityCouncil => "障害者総合支援法の協議会",
        }
    }

    /// English name.
    pub const fn name_en(self) -> &'static str {
        match self {
            MeetingKind::SupportMeeting => "support meeting",
            MeetingKind::JusouMeeting => "multi-layered support meeting",
            MeetingKind::Combined => {
                "combined sitting (support meeting and multi-layered support meeting)"
            }
            MeetingKind::CommunityCareMeeting => "community care meeting",
            MeetingKind::ChildProtectionCouncil => {
                "regional council for children in need of protection"
            }
            MeetingKind::NeedySupportMeeting => {
                "support meeting under the Act on Self-Reliance Support for the Needy"
            }
            MeetingKind::DisabilityCouncil => {
                "council under the Comprehensive Support for Persons with Disabilities Act"
            }
        }
    }

    /// The statutory meeting of another law, with its own secrecy duty, if this is one.
    pub const fn statutory(self) -> Option<StatutoryMeeting> {
        match self {
            MeetingKind::CommunityCareMeeting => Some(COMMUNITY_CARE),
            MeetingKind::ChildProtectionCouncil => Some(CHILD_PROTECTION),
            MeetingKind::NeedySupportMeeting => Some(NEEDY_SUPPORT),
            MeetingKind::DisabilityCouncil => Some(DISABILITY_COUNCIL),
            _ => None,
        }
    }
}

/// The people another law's meeting is founded for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Remit {
    /// 児童 (under 18) or 特定妊婦: 要保護児童対策地域協議会.
    Child,
    /// 高齢者 / 介護保険の被保険者 (65+, or certified): 地域ケア会議.
    Elderly,
    /// 生活困窮者: 生活困窮者自立支援法の支援会議.
    Needy,
    /// 障害者等: 障害者総合支援法の協議会.
    Disability,
}

impl Remit {
    /// Whether the recorded facts put a subject within this remit (an age or a field; an age
    /// not stated proves nothing).
    pub fn covers(self, f: &super::check::SubjectFacts) -> bool {
        f.fields.contains(&self)
            || match self {
                Remit::Child => f.age.is_some_and(|a| a < 18),
                Remit::Elderly => f.age.is_some_and(|a| a >= 65),
                Remit::Needy | Remit::Disability => false,
            }
    }

    /// Japanese name.
    pub const fn name_ja(self) -> &'static str {
        match self {
            Remit::Child => "児童（18歳未満）・特定妊婦",
            Remit::Elderly => "高齢者（65歳以上）・介護保険の被保険者",
            Remit::Needy => "生活困窮者",
            Remit::Disability => "障害者等",
        }
    }

    /// English name.
    pub const fn name_en(self) -> &'static str {
        match self {
            Remit::Child => "children under 18 and expectant mothers in need",
            Remit::Elderly => "older people (65+) and insured persons of long-term care",
            Remit::Needy => "people in need",
            Remit::Disability => "disabled people",
        }
    }
}

/// A statutory meeting of another law whose members carry a secrecy duty of that law.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatutoryMeeting {
    /// The kind.
    pub kind: MeetingKind,
    /// The article that founds the meeting and binds its members.
    pub citation: &'static str,
    /// The member duty that makes sharing without consent lawful there.
    pub basis: Confidentiality,
    /// First day the members' secrecy duty was in force (before it, membership is no basis).
    pub secrecy_from: NaiveDate,
    /// Whether `secrecy_from` and the paragraph were confirmed against a current statute text.
    pub verified: bool,
    /// Whom the law founds the meeting for.
    pub remit: Remit,
}

/// 地域ケア会議: legislated by the 2014 amendment, in force 2015-04-01.
pub const COMMUNITY_CARE: StatutoryMeeting = StatutoryMeeting {
    kind: MeetingKind::CommunityCareMeeting,
    citation: articles::SRC_COMMUNITY_CARE_MEETING.citation,
    basis: Confidentiality::CommunityCareMeeting,
    secrecy_from: ymd(2015, 4, 1),
    verified: articles::SRC_COMMUNITY_CARE_MEETING.verified,
    remit: Remit::Elderly,
};

/// 要保護児童対策地域協議会: secrecy under 第25条の5, in force 2005-04-01.
pub const CHILD_PROTECTION: StatutoryMeeting = StatutoryMeeting {
    kind: MeetingKind::ChildProtectionCouncil,
    citation: articles::SRC_CHILD_PROTECTION_COUNCIL.citation,
    basis: Confidentiality::ChildProtectionCouncil,
    secrecy_from: ymd(2005, 4, 1),
    verified: articles::SRC_CHILD_PROTECTION_COUNCIL.verified,
    remit: Remit::Child,
};

/// 生活困窮者自立支援法の支援会議: added by the 2018 amendment, in force 2018-10-01.
pub const NEEDY_SUPPORT: StatutoryMeeting = StatutoryMeeting {
    kind: MeetingKind::NeedySupportMeeting,
    citation: articles::SRC_NEEDY_SUPPORT_MEETING.citation,
    basis: Confidentiality::NeedySupportMeeting,
    secrecy_from: ymd(2018, 10, 1),
    verified: articles::SRC_NEEDY_SUPPORT_MEETING.verified,
    remit: Remit::Needy,
};

/// 障害者総合支援法の協議会: the members' secrecy duty came with the 2022 amendment, in force
/// 2024-04-01; before it the 協議会 shared case information only with consent.
pub const DISABILITY_COUNCIL: StatutoryMeeting = StatutoryMeeting {
    kind: MeetingKind::DisabilityCouncil,
    citation: articles::SRC_DISABILITY_COUNCIL.citation,
    basis: Confidentiality::DisabilityCouncil,
    secrecy_from: ymd(2024, 4, 1),
    verified: articles::SRC_DISABILITY_COUNCIL.verified,
    remit: Remit::Disability,
};

/// One span of the dated rule "a 支援会議 exists only where the municipality runs the project".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SupportMeetingEra {
    /// First day.
    pub from: NaiveDate,
    /// Last day, `None` while in force.
    pub until: Option<NaiveDate>,
    /// Whether a 支援会議 needs the municipality to run 重層的支援体制整備事業 in this span.
    pub requires_project: bool,
}

/// The 支援会議 over time. It exists from 2021-04-01 (第106条の6). A reform under discussion
/// since 2025 would let municipalities that do not run the project hold one: when it is enacted,
/// close the first span and add a second with `requires_project: false`.
pub const SUPPORT_MEETING_ERAS: &[SupportMeetingEra] = &[SupportMeetingEra {
    from: ymd(2021, 4, 1),
    until: None,
    requires_project: true,
}];

/// The 支援会議 rule in force on `date` (`None`: no 支援会議 existed then).
pub fn support_meeting_era(date: NaiveDate) -> Option<&'static SupportMeetingEra> {
    SUPPORT_MEETING_ERAS
        .iter()
        .find(|e| e.from <= date && e.until.is_none_or(|u| date <= u))
}

/// The legal basis of a member's duty of confidentiality (守秘義務).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Confidentiality {
    /// 社会福祉法第106条の6第5項 (member of the 支援会議).
    SupportMeeting,
    /// 社会福祉法第106条の4第5項 (staff of a body entrusted with the project).
    Contractor,
    /// 地方公務員法第34条 (municipal staff).
    PublicServant,
    /// 民生委員法第15条 (民生委員).
    CommissionedWelfareVolunteer,
    /// 弁護士法第23条.
    Lawyer,
    /// 社会福祉士及び介護福祉士法第46条 (社会福祉士, 介護福祉士).
    SocialWorker,
    /// 精神保健福祉士法第40条.
    PsychiatricSocialWorker,
    /// 保健師助産師看護師法第42条の2 (保健師, 看護師).
    Nurse,
    /// 刑法第134条 (医師, 薬剤師, 助産師).
    Physician,
    /// 行政書士法第12条.
    AdministrativeScrivener,
    /// 介護保険法第69条の37 (介護支援専門員).
    CareManager,
    /// 介護保険法第115条の48 (member of a 地域ケア会議).
    CommunityCareMeeting,
    /// 児童福祉法第25条の5 (member of a 要保護児童対策地域協議会).
    ChildProtectionCouncil,
    /// 生活困窮者自立支援法第9条 (member of its 支援会議).
    NeedySupportMeeting,
    /// 障害者総合支援法第89条の3 (member of a 協議会).
    DisabilityCouncil,
}

impl Confidentiality {
    /// The statute that imposes the duty.
    pub const fn citation(self) -> &'static str {
        match self {
            Confidentiality::SupportMeeting => articles::SRC_SUPPORT_MEETING_SECRECY.citation,
            Confidentiality::Contractor => articles::SRC_CONTRACTOR_SECRECY.citation,
            Confidentiality::PublicServant => "地方公務員法第34条",
            Confidentiality::CommissionedWelfareVolunteer => "民生委員法第15条",
            Confidentiality::Lawyer => "弁護士法第23条",
            Confidentiality::SocialWorker => "社会福祉士及び介護福祉士法第46条",
            Confidentiality::PsychiatricSocialWorker => "精神保健福祉士法第40条",
            Confidentiality::Nurse => "保健師助産師看護師法第42条の2",
            Confidentiality::Physician => "刑法第134条",
            Confidentiality::AdministrativeScrivener => "行政書士法第12条",
            Confidentiality::CareManager => "介護保険法第69条の37",
            Confidentiality::CommunityCareMeeting => "介護保険法第115条の48",
            Confidentiality::ChildProtectionCouncil => "児童福祉法第25条の5",
            Confidentiality::NeedySupportMeeting => "生活困窮者自立支援法第9条",
            Confidentiality::DisabilityCouncil => "障害者総合支援法第89条の3",
        }
    }

    /// A duty of a profession (an outside professional such as 弁護士 or 社会福祉士 in 稲城市's
    /// 権利擁護 review): it binds the person, but makes them no member of any meeting.
    pub const fn professional(self) -> bool {
        matches!(
            self,
            Confidentiality::Lawyer
                | Confidentiality::SocialWorker
                | Confidentiality::PsychiatricSocialWorker
                | Confidentiality::Nurse
                | Confidentiality::Physician
                | Confidentiality::AdministrativeScrivener
                | Confidentiality::CareManager
        )
    }
}
