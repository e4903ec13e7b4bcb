//! The rules of meetings (`R-MEET-…`), each defined once with its stable id and citation.

use crate::law::articles::{self, PrivacyBasis};
use crate::rule::{Rule, Source};

/// The prohibition itself: information passes only on a basis.
const PRIVACY: &Source = PrivacyBasis::Rule.source();
/// Sharing with the person's consent.
const CONSENT: &Source = PrivacyBasis::Consent.source();
/// The order of a case: the national guidance.
const GUIDANCE: &Source = &articles::SRC_GUIDANCE;

/// Deny by default: information reaches an attendee only on a basis (membership or consent).
pub const R_DEFAULT_DENY: Rule = Rule {
    id: "R-MEET-DEFAULT-DENY",
    source: Some(PRIVACY),
    ja: "法令上の根拠（支援会議の構成員であること）又は本人同意がない限り、個人情報は共有しない",
    en: "personal information is shared only on a legal basis (membership of the support meeting) or the person's consent",
};

/// 重層的支援会議: sharing needs a consent in force on the meeting date.
pub const R_JUSOU_CONSENT: Rule = Rule {
    id: "R-MEET-JUSOU-CONSENT",
    source: Some(CONSENT),
    ja: "重層的支援会議で情報を共有するには、会議日に有効な本人同意が必要",
    en: "the multi-layered support meeting shares information only with a consent in force on the meeting date",
};

/// 重層的支援会議: only cases the 多機関協働事業者 has accepted (受理; the plan review comes before
/// the municipality's 支援決定), until 終結.
pub const R_JUSOU_MULTI_AGENCY: Rule = Rule {
    id: "R-MEET-JUSOU-MULTI-AGENCY",
    source: Some(GUIDANCE),
    ja: "重層的支援会議で扱うのは多機関協働事業者が受理した事例（支援決定前のプランの適切性の判断を含む）で、終結前のものに限る",
    en: "the multi-layered support meeting takes cases the multi-agency provider has accepted (including the plan review before the support decision), until closing",
};

/// A withdrawn consent stops sharing from the withdrawal date.
pub const R_CONSENT_WITHDRAWN: Rule = Rule {
    id: "R-MEET-CONSENT-WITHDRAWN",
    source: Some(CONSENT),
    ja: "同意が撤回された日以降は、その同意に基づく共有はできない（撤回前に共有した情報は遡って取り消されない）",
    en: "from the day a consent is withdrawn nothing more is shared on it (what was shared before stays shared)",
};

/// A consent given after the meeting does not count for it.
pub const R_CONSENT_LATER: Rule = Rule {
    id: "R-MEET-CONSENT-LATER",
    source: Some(CONSENT),
    ja: "会議日より後に得た同意は、その会議での共有の根拠にならない",
    en: "a consent given after the meeting date does not count for that meeting",
};

/// A consent past its `valid_until` does not count.
pub const R_CONSENT_EXPIRED: Rule = Rule {
    id: "R-MEET-CONSENT-EXPIRED",
    source: Some(CONSENT),
    ja: "有効期限を過ぎた同意は共有の根拠にならない",
    en: "a consent past its validity date does not count",
};

/// The consent scope must name the recipient's organisation, role or person.
pub const R_CONSENT_SCOPE_RECIPIENT: Rule = Rule {
    id: "R-MEET-CONSENT-SCOPE-RECIPIENT",
    source: Some(CONSENT),
    ja: "同意の範囲に含まれない機関・役割・個人には共有できない",
    en: "information goes only to organisations, roles or people the consent names",
};

/// The consent scope must include each information category shared.
pub const R_CONSENT_SCOPE_CATEGORY: Rule = Rule {
    id: "R-MEET-CONSENT-SCOPE-CATEGORY",
    source: Some(CONSENT),
    ja: "同意の範囲に含まれない種類の情報は共有できない",
    en: "only the information categories the consent names may be shared",
};

/// 支援会議: organised by the municipality (a contractor may run the secretariat).
pub const R_SUPPORT_ORGANISER: Rule = Rule {
    id: "R-MEET-SUPPORT-ORGANISER",
    source: Some(&articles::SRC_SUPPORT_MEETING),
    ja: "支援会議を組織するのは市町村（委託先は事務局を担える）",
    en: "the support meeting is organised by the municipality (a contractor may run its secretariat)",
};

/// 支援会議: exists only where the municipality runs the project (dated rule).
pub const R_SUPPORT_PROJECT: Rule = Rule {
    id: "R-MEET-SUPPORT-PROJECT",
    source: Some(&articles::SRC_SUPPORT_MEETING),
    ja: "支援会議を組織できるのは重層的支援体制整備事業を実施する市町村（会議日に有効な規定による）",
    en: "only a municipality running the project may organise a support meeting (under the rule in force on the meeting date)",
};

/// 支援会議: shares with appointed members bound by 第106条の6第5項, no consent needed.
pub const R_SUPPORT_MEMBER: Rule = Rule {
    id: "R-MEET-SUPPORT-MEMBER",
    source: Some(&articles::SRC_SUPPORT_MEETING_SECRECY),
    ja: "支援会議では、その構成員（任命により第106条の6第5項の守秘義務を負う）に限り、本人同意なく情報を共有できる",
    en: "the support meeting shares without consent only with its appointed members, whom Article 106-6(5) binds",
};

/// An attendee with no duty of confidentiality receives nothing unless the consent names them.
pub const R_NO_DUTY: Rule = Rule {
    id: "R-MEET-NO-DUTY",
    source: Some(CONSENT),
    ja: "守秘義務のない出席者（近隣住民等）には、本人同意で個人として名指しされない限り個人情報を共有しない",
    en: "an attendee with no duty of confidentiality (a neighbour, …) receives no personal information unless the consent names them personally",
};

/// Outside professionals: only as appointed members or named in the consent.
pub const R_OUTSIDE_PROFESSIONAL: Rule = Rule {
    id: "R-MEET-OUTSIDE-PROFESSIONAL",
    source: Some(&articles::SRC_SUPPORT_MEETING_SECRECY),
    ja: "外部の専門職（弁護士、社会福祉士等）は、構成員として任命されているか本人同意で名指しされている場合に限り共有できる",
    en: "outside professionals (lawyers, certified social workers, …) receive information only as appointed members or when the consent names them",
};

/// Combined sitting: 重層的支援会議 when consent allows, else 支援会議.
pub const R_COMBINED_MODE: Rule = Rule {
    id: "R-MEET-COMBINED-MODE",
    source: Some(&articles::SRC_SUPPORT_MEETING_ARTICLE),
    ja: "一体的に開催する会議では、出席者ごとに、支援会議の構成員としての根拠（第106条の6）と本人同意の範囲のいずれかがあれば共有する（どちらか一方だけの場合より少なくも多くもしない）",
    en: "in a combined sitting each attendee receives what either basis allows — appointment to the support meeting (Article 106-6) or the consent's scope — never less than either alone, never more",
};

/// Statutory meetings of other laws: share with their appointed members bound by their own duty.
pub const R_STATUTORY_MEMBER: Rule = Rule {
    id: "R-MEET-STATUTORY-MEMBER",
    source: None,
    ja: "他法の会議では、その法律の守秘義務を負う構成員に限り本人同意なく共有できる",
    en: "a statutory meeting of another law shares without consent only with its appointed members bound by that law's secrecy duty",
};

/// Statutory meetings of other laws: membership counts only once the secrecy duty is in force.
pub const R_STATUTORY_IN_FORCE: Rule = Rule {
    id: "R-MEET-STATUTORY-IN-FORCE",
    source: None,
    ja: "会議日にその会議の構成員の守秘義務が施行されていなければ、構成員であることは共有の根拠にならない",
    en: "membership is no basis for sharing before the meeting's secrecy duty came into force",
};

/// Statutory meetings of other laws: only cases within their remit (whom the law founds them for).
pub const R_STATUTORY_REMIT: Rule = Rule {
    id: "R-MEET-STATUTORY-REMIT",
    source: None,
    ja: "他法の会議が本人同意なく扱えるのは、その法律が対象とする人（児童、高齢者、生活困窮者、障害者等）の事例に限る",
    en: "another law's statutory meeting takes up without consent only cases of the people that law founds it for (children, older people, people in need, disabled people)",
};

/// Statutory meetings of other laws: organised by the body the law names.
pub const R_STATUTORY_ORGANISER: Rule = Rule {
    id: "R-MEET-STATUTORY-ORGANISER",
    source: None,
    ja: "他法の会議は、その法律が定める者（地方公共団体等）が組織するものに限る",
    en: "another law's statutory meeting is organised by the body that law names (a local public body, …)",
};

/// Need to know: the chair selects the members for each case; others hear nothing of it.
pub const R_NOT_SELECTED: Rule = Rule {
    id: "R-MEET-NOT-SELECTED",
    source: Some(PRIVACY),
    ja: "この事例の検討に選ばれていない出席者には、事例の情報を共有しない（会議の要綱：事例ごとに構成員を選定）",
    en: "an attendee not selected for this case hears nothing of it (the meeting's rules: members are selected case by case)",
};

/// Need to know: a member receives only the categories their role needs.
pub const R_NEED_TO_KNOW: Rule = Rule {
    id: "R-MEET-NEED-TO-KNOW",
    source: Some(PRIVACY),
    ja: "出席者には、その役割に必要な種類の情報だけを共有する",
    en: "an attendee receives only the categories of information their role needs",
};

/// DV: an alleged perpetrator never receives the victim's information.
pub const R_DV_PERPETRATOR: Rule = Rule {
    id: "R-MEET-DV-PERPETRATOR",
    source: Some(&articles::SRC_DV_ACT),
    ja: "加害者とされる者には、被害者の情報を一切共有しない",
    en: "an alleged perpetrator never receives any of the victim's information",
};

/// A confidential address is withheld from anyone without a stated need.
pub const R_ADDRESS_CONFIDENTIAL: Rule = Rule {
    id: "R-MEET-ADDRESS-CONFIDENTIAL",
    source: Some(PRIVACY),
    ja: "秘匿とされた住所は、必要性が示された出席者以外には伝えない",
    en: "an address marked confidential is withheld from every attendee without a stated need for it",
};

/// Obligation: attendees who may hear nothing of the case leave while it is discussed.
pub const R_OBL_LEAVE: Rule = Rule {
    id: "R-MEET-OBL-LEAVE",
    source: Some(PRIVACY),
    ja: "事例の情報を受け取れない出席者は、その事例の検討の間退席する",
    en: "attendees who may hear nothing of the case leave while it is discussed",
};

/// Nobody present may receive anything: the case is not discussed.
pub const R_NO_RECIPIENT: Rule = Rule {
    id: "R-MEET-NO-RECIPIENT",
    source: Some(PRIVACY),
    ja: "議題の情報を受け取れる出席者がいないため、この会議では事例を扱えない",
    en: "no attendee may receive any of the agenda's information, so the case cannot be discussed here",
};

/// Obligation: announce the duty of confidentiality and its penalty.
pub const R_OBL_ANNOUNCE: Rule = Rule {
    id: "R-MEET-OBL-ANNOUNCE",
    source: Some(&articles::SRC_SUPPORT_MEETING_SECRECY),
    ja: "会議の冒頭で構成員の守秘義務と罰則を告げる（罰則の条番号は確認できた範囲で示す）",
    en: "announce the members' duty of confidentiality and its penalty at the start",
};

/// Obligation: keep the record under the meeting's rules.
pub const R_OBL_RECORD: Rule = Rule {
    id: "R-MEET-OBL-RECORD",
    source: Some(&articles::SRC_SUPPORT_MEETING_RULES),
    ja: "会議の記録を会議の定めに従って作成・保管する",
    en: "keep the record of the meeting under the meeting's own rules",
};

/// Obligation: share only within the consent (recipients and categories), citing the records.
pub const R_OBL_CONSENT: Rule = Rule {
    id: "R-MEET-OBL-CONSENT",
    source: Some(CONSENT),
    ja: "同意の範囲（共有先と情報の種類）を出席者に示し、その範囲内でのみ共有する",
    en: "tell attendees the consent's scope (recipients and categories) and share only within it",
};

/// Fallback: discuss the case as 支援会議 with its appointed members.
pub const R_FALLBACK_SUPPORT: Rule = Rule {
    id: "R-MEET-FALLBACK-SUPPORT",
    source: Some(&articles::SRC_SUPPORT_MEETING_ARTICLE),
    ja: "市町村が組織する支援会議として、守秘義務を負う構成員に限って扱うことができる",
    en: "the case may be discussed as a support meeting organised by the municipality, with its appointed members only",
};

/// Fallback: obtain consent first.
pub const R_FALLBACK_CONSENT: Rule = Rule {
    id: "R-MEET-FALLBACK-CONSENT",
    source: Some(CONSENT),
    ja: "共有先と情報の種類を示して本人同意を得てから扱う",
    en: "obtain the person's consent naming the recipients and categories first",
};

/// Every rule of this area, for catalogues and tests.
pub const ALL: &[Rule] = &[
    R_DEFAULT_DENY,
    R_JUSOU_CONSENT,
    R_JUSOU_MULTI_AGENCY,
    R_CONSENT_WITHDRAWN,
    R_CONSENT_LATER,
    R_CONSENT_EXPIRED,
    R_CONSENT_SCOPE_RECIPIENT,
    R_CONSENT_SCOPE_CATEGORY,
    R_SUPPORT_ORGANISER,
    R_SUPPORT_PROJECT,
    R_SUPPORT_MEMBER,
    R_NO_DUTY,
    R_OUTSIDE_PROFESSIONAL,
    R_COMBINED_MODE,
    R_STATUTORY_MEMBER,
    R_STATUTORY_IN_FORCE,
    R_NO_RECIPIENT,
    R_STATUTORY_REMIT,
    R_STATUTORY_ORGANISER,
    R_NOT_SELECTED,
    R_NEED_TO_KNOW,
    R_DV_PERPETRATOR,
    R_ADDRESS_CONFIDENTIAL,
    R_OBL_LEAVE,
    R_OBL_ANNOUNCE,
    R_OBL_RECORD,
    R_OBL_CONSENT,
    R_FALLBACK_SUPPORT,
    R_FALLBACK_CONSENT,
];
