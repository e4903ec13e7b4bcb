//! The error catalogue: every `JUSOU-E-…` code jusou has ever published, once, with its area,
//! its Japanese and English title (a template: `{name}` marks a field the message fills in),
//! when it is raised, and where (inside `api::call`, or only in the CLI, the service or a binding).
//!
//! This module sits below every domain module and imports none of them: the domain modules take
//! their code constants from here, so a code cannot exist outside the catalogue. A code, once
//! published, is never removed nor reused (`fixtures/errors/released.txt` holds every released
//! code and a test fails if one disappears).

use serde::Serialize;

/// The part of jusou a code belongs to (the `<AREA>` of `JUSOU-E-<AREA>-<NNN>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Area {
    /// JSON shape of any input.
    Json,
    /// Dates (西暦 and 和暦).
    Date,
    /// 全国地方公共団体コード.
    Lgcode,
    /// Programs of 第106条の4第2項.
    Law,
    /// A municipality's 実施体制 given as input.
    Muni,
    /// Funding shares.
    Fund,
    /// Schema names.
    Schema,
    /// Intake records (routing input).
    Case,
    /// Consent records.
    Consent,
    /// 支援会議 / 重層的支援会議 checks.
    Meet,
    /// 支援プラン logs.
    Plan,
    /// Flows (a case end to end).
    Flow,
    /// `JUSOU-E-REPORT-…`: the annual 実績 report.
    Report,
    /// Size and depth limits.
    Limit,
    /// The operation-name API.
    Api,
    /// Reading files and standard input (CLI).
    Io,
    /// CSV batches (CLI).
    Csv,
    /// `jusou serve` (HTTP).
    Http,
    /// The C ABI (`jusou-ffi`).
    Ffi,
    /// A panic caught at a binding's boundary (Python).
    Internal,
}

/// Where a code is raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Raised {
    /// By the core, through `api::call` (every binding): exercised by fixtures or the bad-input
    /// catalogue.
    Api,
    /// Outside `api::call` (CLI, `jusou serve`, the C ABI, a binding's boundary): exercised by
    /// that surface's own tests.
    Outside,
    /// No longer raised; kept so the code is never reused.
    Retired,
}

/// One code of the catalogue.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Entry {
    /// The stable code, `JUSOU-E-<AREA>-<NNN>`.
    pub code: &'static str,
    /// Its area.
    pub area: Area,
    /// Where it is raised.
    pub raised: Raised,
    /// The fields its message fills in (`{name}` in the titles).
    pub fields: &'static [&'static str],
    /// Title in Japanese (a template).
    pub title_ja: &'static str,
    /// Title in English (a template).
    pub title_en: &'static str,
    /// When it is raised.
    pub when: &'static str,
}

macro_rules! catalogue {
    ($( $name:ident = $code:literal, $area:ident, $raised:ident, [$($field:literal),*],
        $ja:literal, $en:literal, $when:literal; )*) => {
        $( #[doc = $when] pub const $name: &str = $code; )*
        /// Every code, in catalogue order.
        pub static CATALOGUE: &[Entry] = &[ $( Entry {
            code: $code, area: Area::$area, raised: Raised::$raised, fields: &[$($field),*],
            title_ja: $ja, title_en: $en, when: $when,
        } ),* ];
    };
}

catalogue! {
    JSON_SYNTAX = "JUSOU-E-JSON-001", Json, Api, ["line", "column"],
        "JSONとして読めません（{line}行{column}列）", "not valid JSON (line {line}, column {column})",
        "The input is not well-formed JSON (syntax error, truncated input, trailing characters).";
    JSON_TYPE = "JUSOU-E-JSON-002", Json, Api, ["expected"],
        "値の形式が違います（{expected}が必要です）", "wrong type of value ({expected} expected)",
        "A value has the wrong JSON type (e.g. a string where a number is expected).";
    JSON_MISSING = "JUSOU-E-JSON-003", Json, Api, ["field"],
        "必須項目「{field}」がありません", "required field '{field}' is missing",
        "A required field is missing.";
    JSON_UNKNOWN_FIELD = "JUSOU-E-JSON-004", Json, Api, ["field"],
        "未知の項目「{field}」です（綴りを確認してください）", "unknown field '{field}' (check the spelling)",
        "A field the schema does not know (inputs are strict, to catch typos).";
    JSON_UNKNOWN_VALUE = "JUSOU-E-JSON-005", Json, Api, ["value"],
        "「{value}」は選択肢にない値です", "'{value}' is not one of the allowed values",
        "A value outside a closed vocabulary (enum).";
    JSON_RANGE = "JUSOU-E-JSON-006", Json, Api, [],
        "値が許される範囲の外です", "value out of the allowed range",
        "A number outside the range its field allows (e.g. negative where only >= 0 makes sense).";
    JSON_DUPLICATE_FIELD = "JUSOU-E-JSON-007", Json, Api, ["field"],
        "項目「{field}」が重複しています", "field '{field}' is given twice",
        "A field given twice in the same object.";
    JSON_OTHER = "JUSOU-E-JSON-099", Json, Api, [],
        "入力の形式が正しくありません", "malformed input",
        "Input structurally invalid in another way serde reports.";

    DATE_UNREADABLE = "JUSOU-E-DATE-001", Date, Api, [],
        "日付として読めません", "cannot read the date",
        "Date text jusou cannot read.";
    DATE_IMPOSSIBLE = "JUSOU-E-DATE-002", Date, Api, [],
        "存在しない日付です", "no such date",
        "A date that does not exist in the calendar (2月30日).";
    DATE_BEFORE_ERA = "JUSOU-E-DATE-003", Date, Api, ["era"],
        "{era}が始まる前の日付です", "a date before the {era} era began",
        "An era date before the era began (令和元年4月1日).";
    DATE_OUT_OF_RANGE = "JUSOU-E-DATE-004", Date, Api, [],
        "対応範囲（1868-10-23〜2100-12-31）の外の日付です", "date outside the supported range (1868-10-23 to 2100-12-31)",
        "A date outside the range jusou supports (1868-10-23 … 2100-12-31).";
    DATE_ERA_YEAR = "JUSOU-E-DATE-005", Date, Api, [],
        "元号の年は1以上です", "an era year is 1 or more",
        "Era year 0 or a negative era year.";

    LGCODE_FORMAT = "JUSOU-E-LGCODE-001", Lgcode, Api, [],
        "地方公共団体コードは6桁の数字です", "a local government code is six digits",
        "全国地方公共団体コード not six ASCII digits.";
    LGCODE_CHECK_DIGIT = "JUSOU-E-LGCODE-002", Lgcode, Api, [],
        "地方公共団体コードの検査数字が合いません", "the local government code's check digit does not match",
        "全国地方公共団体コード whose check digit does not match.";
    LGCODE_PREFECTURE = "JUSOU-E-LGCODE-003", Lgcode, Api, [],
        "都道府県コードは01〜47です", "the prefecture part is 01 to 47",
        "全国地方公共団体コード with a prefecture part outside 01–47.";

    LAW_UNKNOWN_PROGRAM = "JUSOU-E-LAW-001", Law, Api, ["program"],
        "「{program}」は第106条の4第2項の事業ではありません", "'{program}' is not a program of Article 106-4(2)",
        "A program code that is not one of 第106条の4第2項's items.";
    LAW_NOT_IN_FORCE = "JUSOU-E-LAW-002", Law, Api, ["program", "date"],
        "{date}には「{program}」はまだ施行されていません", "'{program}' was not yet in force on {date}",
        "A program asked about on a date before it was in force.";

    MUNI_VIOLATES_LAW = "JUSOU-E-MUNI-001", Muni, Api, ["finding"],
        "実施体制が法に反しています: {finding}", "the municipality's set-up violates the law: {finding}",
        "A 実施体制 given as input (routing's --municipality, a binding's municipality) whose law check finds violations: refused with the same findings `jusou municipality` reports.";

    FUND_NO_SHARES = "JUSOU-E-FUND-001", Fund, Api, ["program", "date"],
        "{date}時点の「{program}」の負担割合の記録がありません", "no funding share recorded for '{program}' on {date}",
        "No funding share is recorded for this program or scheme on that date.";
    FUND_AMOUNT = "JUSOU-E-FUND-002", Fund, Api, [],
        "金額は0〜10^15円です", "an amount is 0 to 10^15 yen",
        "A funding amount outside 0 … 10^15 yen.";

    SCHEMA_UNKNOWN = "JUSOU-E-SCHEMA-001", Schema, Api, ["name"],
        "「{name}」というスキーマはありません", "no schema named '{name}'",
        "An unknown schema name was asked for.";

    CASE_EMPTY_HOUSEHOLD = "JUSOU-E-CASE-001", Case, Api, [],
        "世帯員が一人もいません", "the household has no member",
        "The household has no member.";
    CASE_NO_SUBJECT = "JUSOU-E-CASE-002", Case, Api, [],
        "本人が指定されていません", "no member is marked as the subject",
        "No member is marked as the subject (本人).";
    CASE_SEVERAL_SUBJECTS = "JUSOU-E-CASE-003", Case, Api, [],
        "本人が複数指定されています", "more than one member is marked as the subject",
        "More than one member is marked as the subject.";
    CASE_DUPLICATE_MEMBER = "JUSOU-E-CASE-004", Case, Api, ["id"],
        "世帯員ID「{id}」が重複しています", "member id '{id}' is used twice",
        "Two members share an id.";
    CASE_AGE_RANGE = "JUSOU-E-CASE-005", Case, Api, [],
        "年齢は0〜130の整数で入力してください", "an age is a whole number from 0 to 130",
        "An age outside 0 … 130 (or not a whole number).";
    CASE_BORN_AFTER_INTAKE = "JUSOU-E-CASE-006", Case, Api, [],
        "生年月日が受付日より後です", "the birth date is after the intake date",
        "A birth date after the day the consultation was received.";
    CASE_NO_AGE = "JUSOU-E-CASE-007", Case, Retired, [],
        "年齢も生年月日もありません", "neither age nor birth date",
        "Neither age nor birth date. No longer raised since issue #16 (an age may be absent: rules needing one say \"not assessable\"); kept, never reused.";
    CASE_AGE_MISMATCH = "JUSOU-E-CASE-008", Case, Api, [],
        "年齢と生年月日が合いません", "age and birth date disagree",
        "Age and birth date disagree.";
    CASE_CONSENT_SUBJECT = "JUSOU-E-CASE-009", Case, Api, ["id"],
        "同意の対象「{id}」は世帯員ではありません", "consent subject '{id}' is not a household member",
        "A consent whose subject is not a household member.";
    CASE_SELF_RELATION = "JUSOU-E-CASE-010", Case, Api, [],
        "続柄「本人」と本人の指定が合いません", "relation 'self' and the subject flag disagree",
        "Relation `self` (本人) and the subject flag disagree.";
    CASE_EMPTY_TEXT = "JUSOU-E-CASE-011", Case, Api, [],
        "IDまたは名前が空です", "an identifier or name is empty",
        "An identifier or name that is empty.";
    CASE_AS_OF_BEFORE_INTAKE = "JUSOU-E-CASE-012", Case, Api, [],
        "判断日が受付日より前です", "the decision date is before the intake date",
        "The decision date is before the intake date.";
    CASE_WITHDRAWAL_YEARS = "JUSOU-E-CASE-013", Case, Api, [],
        "ひきこもりの年数が年齢を超えています", "years of withdrawal longer than the member has lived",
        "Years of withdrawal longer than any member has lived.";
    CASE_DUPLICATE_ISSUE = "JUSOU-E-CASE-014", Case, Api, ["issue"],
        "課題「{issue}」が同じ世帯員に二度記録されています", "issue '{issue}' recorded twice for one member",
        "The same issue recorded twice for one member.";
    CASE_DUPLICATE_CONSENT = "JUSOU-E-CASE-015", Case, Api, ["id"],
        "同意記録ID「{id}」が重複しています", "consent record id '{id}' is used twice",
        "Two consent records share an id.";
    CASE_HOUSEHOLD_ABUSE = "JUSOU-E-CASE-016", Case, Api, [],
        "虐待・DVは世帯ではなく世帯員に記録してください", "record abuse or DV on a member, not on the household",
        "An abuse or DV issue recorded for the household as a whole: the statute that applies depends on the person (age, relation), so it must be recorded on a member.";
    CASE_CONSENT_STATE_CONFLICT = "JUSOU-E-CASE-017", Case, Api, [],
        "同意の状態（拒否・取得不能）と有効な同意記録が矛盾しています", "consent state (refused / not obtainable) contradicts a consent in force",
        "A member's consent state says refused / not obtainable, yet a consent record for the member is in force on the intake date.";
    CASE_DUPLICATE_HOUSEHOLD_ISSUE = "JUSOU-E-CASE-018", Case, Api, ["issue"],
        "世帯の課題「{issue}」が二度記録されています", "household issue '{issue}' recorded twice",
        "The same issue recorded twice for the household.";

    CONSENT_WITHDRAWN_BEFORE_GIVEN = "JUSOU-E-CONSENT-001", Consent, Api, [],
        "同意の撤回日が同意日より前です", "consent withdrawn before it was given",
        "Withdrawn before it was given.";
    CONSENT_EXPIRES_BEFORE_GIVEN = "JUSOU-E-CONSENT-002", Consent, Api, [],
        "同意の有効期限が同意日より前です", "consent valid until a day before it was given",
        "Valid until a day before it was given.";
    CONSENT_ORAL_UNRECORDED = "JUSOU-E-CONSENT-003", Consent, Api, [],
        "口頭の同意に記録者がありません", "oral consent without who recorded it",
        "Oral consent without who recorded it.";
    CONSENT_EMPTY_SCOPE = "JUSOU-E-CONSENT-004", Consent, Api, [],
        "同意の範囲（提供先・情報の種類）が空です", "consent scope names no recipient or no information category",
        "Scope names no organisation and no role, or no information category.";
    CONSENT_REPRESENTATIVE_UNNAMED = "JUSOU-E-CONSENT-005", Consent, Api, [],
        "代理人による同意に代理人の記載がありません", "consent by a representative who is not named",
        "Given by a representative without naming them.";
    CONSENT_EMPTY_ID = "JUSOU-E-CONSENT-006", Consent, Api, [],
        "同意記録のIDが空です", "a consent record id is empty",
        "An identifier that is empty.";

    MEET_EMPTY_ID = "JUSOU-E-MEET-001", Meet, Api, [],
        "IDが空です", "an identifier is empty",
        "An identifier that is empty.";
    MEET_DUPLICATE_MEMBER = "JUSOU-E-MEET-002", Meet, Api, ["id"],
        "構成員ID「{id}」が重複しています", "member id '{id}' is used twice",
        "Two members with the same id.";
    MEET_UNKNOWN_ATTENDEE = "JUSOU-E-MEET-003", Meet, Api, ["id"],
        "出席者「{id}」は構成員ではありません", "attendee '{id}' is not a member",
        "An attendee id that is not a member.";
    MEET_DUPLICATE_ATTENDEE = "JUSOU-E-MEET-004", Meet, Api, ["id"],
        "出席者「{id}」が二度記載されています", "attendee '{id}' listed twice",
        "The same attendee listed twice.";
    MEET_CONSENT_SUBJECT = "JUSOU-E-MEET-005", Meet, Api, ["id"],
        "同意の対象「{id}」は事案の本人ではありません", "consent subject '{id}' is not a subject of the case",
        "A consent whose subject is not one of the case's subjects.";
    MEET_NO_SUBJECT = "JUSOU-E-MEET-006", Meet, Api, [],
        "事案に本人がいません", "the case has no subject",
        "A case with no subject.";
    MEET_NO_ATTENDEE = "JUSOU-E-MEET-007", Meet, Api, [],
        "出席者がいません", "the sitting has no attendee",
        "A sitting with no attendee.";
    MEET_EMPTY_AGENDA = "JUSOU-E-MEET-008", Meet, Api, [],
        "議題に情報の種類がありません", "the agenda names no information category",
        "An agenda with no information category.";
    MEET_DUPLICATE_CONSENT = "JUSOU-E-MEET-009", Meet, Api, ["id"],
        "同意記録ID「{id}」が重複しています", "consent id '{id}' is used twice",
        "Two consents with the same id.";
    MEET_DUPLICATE_SUBJECT = "JUSOU-E-MEET-010", Meet, Api, ["id"],
        "本人「{id}」が二度記載されています", "subject '{id}' listed twice",
        "The same subject listed twice in the case.";
    MEET_UNKNOWN_SELECTED = "JUSOU-E-MEET-011", Meet, Api, ["id"],
        "選ばれた構成員「{id}」が名簿にありません", "selected member '{id}' is not in the roster",
        "A member selected for the case who is not in the roster.";
    MEET_STANDING_CONFLICT = "JUSOU-E-MEET-012", Meet, Api, [],
        "事案の段階（standing）と多機関協働の指定が矛盾しています", "standing and under_multi_agency disagree",
        "`standing` and `under_multi_agency` disagree.";
    MEET_UNKNOWN_SUBJECT = "JUSOU-E-MEET-013", Meet, Api, ["id"],
        "「{id}」は事案の本人ではありません", "'{id}' is not a subject of the case",
        "Facts or a DV record about someone who is not a subject of the case.";

    PLAN_PLAN_MISSING = "JUSOU-E-PLAN-001", Plan, Api, [],
        "プラン作成の記録にプランがありません", "a plan_drafted event without its plan",
        "A `plan_drafted` event without its `plan`.";
    PLAN_OUTCOME_MISSING = "JUSOU-E-PLAN-002", Plan, Api, [],
        "重層的支援会議の記録に結果がありません", "a jusou_meeting_review event without its outcome",
        "A `jusou_meeting_review` event without its `outcome`.";
    PLAN_REASON_MISSING = "JUSOU-E-PLAN-003", Plan, Api, [],
        "終結の記録に理由がありません", "a closing event without its reason",
        "A closing event without its `reason`.";
    PLAN_ORGANISATION_EMPTY = "JUSOU-E-PLAN-004", Plan, Api, [],
        "記録に実施機関がありません", "an event without the acting organisation",
        "An event without the acting organisation.";
    PLAN_CONSENT_DUPLICATE = "JUSOU-E-PLAN-005", Plan, Api, ["id"],
        "同意記録ID「{id}」が重複しています", "consent record id '{id}' is used twice",
        "Two consent records with the same id.";
    PLAN_FIELD_NOT_FOR_TYPE = "JUSOU-E-PLAN-006", Plan, Api, ["field", "type"],
        "項目「{field}」は記録の種類「{type}」にはありません", "field '{field}' does not belong to event type '{type}'",
        "A field that does not belong to the event's type.";
    PLAN_RESOURCE_MISSING = "JUSOU-E-PLAN-007", Plan, Api, [],
        "マッチングの記録に資源がありません", "a matching event without the resource matched",
        "A `matching` event without the resource matched.";
    PLAN_CASE_ID_EMPTY = "JUSOU-E-PLAN-008", Plan, Api, [],
        "事案IDが空です", "the case id is empty",
        "An empty case id.";

    REPORT_CASE_ID_DUPLICATE = "JUSOU-E-REPORT-001", Report, Api, ["case_id"],
        "同じケース（{case_id}）の記録が二つあります", "the same case ({case_id}) is given twice",
        "Two plan logs of one annual report carry the same case id.";
    REPORT_TOO_MANY_LOGS = "JUSOU-E-REPORT-002", Report, Api, ["limit"],
        "記録が多すぎます（上限{limit}件）", "too many logs (limit {limit})",
        "An annual report given more plan logs than its limit.";
    REPORT_PARTIAL_MISMATCH = "JUSOU-E-REPORT-003", Report, Api, ["why"],
        "部分集計を合わせられません（{why}）", "partial reports cannot be merged ({why})",
        "Partial 実績 reports (report_merge) of different 年度, or carrying a count or rule the report does not know.";
    FLOW_SITTING_NOT_MEETING = "JUSOU-E-FLOW-001", Flow, Api, [],
        "会議の記録ではない出来事に会議の開催が付いています", "a sitting on an event that is not a meeting",
        "A sitting on an event that is not a meeting event.";

    LIMIT_INPUT_BYTES = "JUSOU-E-LIMIT-001", Limit, Api, ["limit"],
        "入力が大きすぎます（上限{limit}バイト）", "input too large (limit {limit} bytes)",
        "The input text is larger than limits::MAX_INPUT_BYTES.";
    LIMIT_DEPTH = "JUSOU-E-LIMIT-002", Limit, Api, ["limit"],
        "入れ子が深すぎます（上限{limit}段）", "nested too deeply (limit {limit} levels)",
        "Arrays and objects nested deeper than limits::MAX_DEPTH.";
    LIMIT_STRING_BYTES = "JUSOU-E-LIMIT-003", Limit, Api, ["limit"],
        "文字列が長すぎます（上限{limit}バイト）", "string too long (limit {limit} bytes)",
        "A string longer than limits::MAX_STRING_BYTES (or MAX_TEXT_BYTES for a free-text field).";
    LIMIT_ARRAY_ITEMS = "JUSOU-E-LIMIT-004", Limit, Api, ["limit"],
        "配列の要素が多すぎます（上限{limit}個）", "too many array items (limit {limit})",
        "An array with more than limits::MAX_ARRAY_ITEMS items.";
    LIMIT_HOUSEHOLD_MEMBERS = "JUSOU-E-LIMIT-005", Limit, Api, ["limit"],
        "世帯員が多すぎます（上限{limit}人）", "too many household members (limit {limit})",
        "A household with more than limits::MAX_HOUSEHOLD_MEMBERS members.";
    LIMIT_ISSUES_PER_MEMBER = "JUSOU-E-LIMIT-006", Limit, Api, ["limit"],
        "一人の課題が多すぎます（上限{limit}件）", "too many issues for one member (limit {limit})",
        "A member with more than limits::MAX_ISSUES_PER_MEMBER issues.";
    LIMIT_EVENTS = "JUSOU-E-LIMIT-007", Limit, Api, ["limit"],
        "記録が多すぎます（上限{limit}件）", "too many events (limit {limit})",
        "A plan log with more than limits::MAX_EVENTS events.";
    LIMIT_ATTENDEES = "JUSOU-E-LIMIT-008", Limit, Api, ["limit"],
        "出席者が多すぎます（上限{limit}人）", "too many attendees (limit {limit})",
        "A meeting with more than limits::MAX_ATTENDEES attendees.";
    LIMIT_MEETING_MEMBERS = "JUSOU-E-LIMIT-009", Limit, Api, ["limit"],
        "構成員が多すぎます（上限{limit}人）", "too many members (limit {limit})",
        "A meeting roster with more than limits::MAX_MEETING_MEMBERS members.";
    LIMIT_CONSENTS = "JUSOU-E-LIMIT-010", Limit, Api, ["limit"],
        "同意記録が多すぎます（上限{limit}件）", "too many consent records (limit {limit})",
        "More than limits::MAX_CONSENTS consent records.";
    LIMIT_BATCH_LINE_BYTES = "JUSOU-E-LIMIT-011", Limit, Outside, ["limit"],
        "一行が長すぎます（上限{limit}バイト）", "line too long (limit {limit} bytes)",
        "A line of `jusou batch` longer than limits::MAX_BATCH_LINE_BYTES.";
    LIMIT_BATCH_CASES = "JUSOU-E-LIMIT-012", Limit, Api, ["limit"],
        "一括処理の件数が多すぎます（上限{limit}件）", "too many cases in the batch (limit {limit})",
        "A route_many batch with more than limits::MAX_BATCH_CASES cases.";
    LIMIT_LIST_ITEMS = "JUSOU-E-LIMIT-013", Limit, Api, ["limit"],
        "一覧の要素が多すぎます（上限{limit}個）", "too many items in the list (limit {limit})",
        "Another list (subjects, consent scope, plan goals, programs, …) longer than limits::MAX_LIST_ITEMS.";

    API_UNKNOWN_OPERATION = "JUSOU-E-API-001", Api, Api, ["operation"],
        "「{operation}」という操作はありません", "no operation named '{operation}'",
        "An unknown operation name.";
    API_ENCODE_FAILED = "JUSOU-E-API-002", Api, Outside, [],
        "結果をJSONにできませんでした（不具合です）", "the output could not be encoded (a bug)",
        "An output that could not be encoded (should never happen; no input produces it).";

    IO_READ = "JUSOU-E-IO-001", Io, Outside, ["source"],
        "{source}を読めません", "cannot read {source}",
        "A file or standard input cannot be read (missing, not permitted, or not UTF-8 in an encoding jusou does not recognise).";
    IO_SHIFT_JIS = "JUSOU-E-IO-002", Io, Outside, ["source"],
        "{source}はShift_JISです。UTF-8に変換してください", "{source} is in Shift_JIS; convert it to UTF-8",
        "The input is in Shift_JIS (CP932), not UTF-8; the message says how to convert it.";
    IO_UTF16 = "JUSOU-E-IO-003", Io, Outside, ["source"],
        "{source}はUTF-16です。UTF-8に変換してください", "{source} is in UTF-16; convert it to UTF-8",
        "The input is in UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8.";
    IO_CSV_WRITE = "JUSOU-E-IO-004", Io, Outside, [],
        "CSVを書き出せません", "cannot write the CSV",
        "The CLI could not write its CSV output (`jusou report --csv`).";

    CSV_SYNTAX = "JUSOU-E-CSV-001", Csv, Outside, [],
        "CSVとして読めません", "cannot read the file as CSV",
        "The file cannot be read as CSV (a broken quote, a row of the wrong width).";
    CSV_HEADER = "JUSOU-E-CSV-002", Csv, Outside, ["column"],
        "見出し行の列「{column}」が足りないか不明です", "header column '{column}' missing or unknown",
        "A required column is missing from the header, or a header names no known column.";
    CSV_CELL = "JUSOU-E-CSV-003", Csv, Outside, ["column"],
        "列「{column}」の値を読めません", "cannot read the cell in column '{column}'",
        "A cell cannot be read (not a yes/no, not a whole number, not readable in the encoding).";
    CSV_CASE_MISMATCH = "JUSOU-E-CSV-004", Csv, Outside, ["column"],
        "同じ事案の行で列「{column}」の値が違います", "column '{column}' differs between a case's rows",
        "A case's repeated column differs between its rows.";
    CSV_CASE_SPLIT = "JUSOU-E-CSV-005", Csv, Outside, [],
        "同じ事案の行が離れています（事案ごとにまとめてください）", "a case's rows are not next to each other",
        "A case's rows are not next to each other (the export must be grouped by case).";

    HTTP_UNAUTHORIZED = "JUSOU-E-HTTP-001", Http, Outside, [],
        "認証トークンが正しくありません", "missing or wrong bearer token",
        "A /v1 request without the right `Authorization: Bearer` token (401).";
    HTTP_UNKNOWN_MUNICIPALITY = "JUSOU-E-HTTP-002", Http, Outside, ["code"],
        "団体コード{code}の実施体制は読み込まれていません", "no municipality {code} is loaded",
        "No municipality with that 団体コード is loaded (404).";
    HTTP_NOT_FOUND = "JUSOU-E-HTTP-003", Http, Outside, [],
        "そのURLまたはメソッドはありません", "no such route or method",
        "No such route (404) or method (405).";
    HTTP_TIMEOUT = "JUSOU-E-HTTP-004", Http, Outside, [],
        "時間内に処理が終わりませんでした", "the request timed out",
        "The request did not complete within the timeout (408).";
    HTTP_BODY_UNREADABLE = "JUSOU-E-HTTP-005", Http, Outside, [],
        "要求の本文を読めません", "cannot read the request body",
        "The body could not be read (truncated, broken connection) (400).";
    HTTP_RELOAD_FAILED = "JUSOU-E-HTTP-006", Http, Outside, [],
        "再読み込みに失敗しました（稼働中の設定はそのままです）", "reload failed (the engines in service are unchanged)",
        "A reload failed; the engines in service stay as they were (500).";
    HTTP_START_REFUSED = "JUSOU-E-HTTP-007", Http, Outside, [],
        "サービスを開始できません", "the service cannot start",
        "The service cannot start: a non-loopback address without a token, a busy port.";

    FFI_NULL_POINTER = "JUSOU-E-FFI-001", Ffi, Outside, ["argument"],
        "引数{argument}がNULLです", "argument {argument} is null",
        "A required pointer argument was null (the message names the argument).";
    FFI_NOT_UTF8 = "JUSOU-E-FFI-002", Ffi, Outside, ["argument"],
        "引数{argument}がUTF-8ではありません", "argument {argument} is not UTF-8",
        "A string argument is not valid UTF-8 (the message names the argument and the byte).";
    FFI_INTERNAL = "JUSOU-E-FFI-003", Ffi, Outside, [],
        "jusouの内部で失敗しました（不具合です）", "jusou failed inside (a bug)",
        "jusou failed inside (a panic caught at the C boundary); a bug to report.";

    INTERNAL_PANIC = "JUSOU-E-INTERNAL-001", Internal, Outside, [],
        "jusouの内部で失敗しました（不具合です）", "jusou failed inside (a bug)",
        "A panic caught at the Python binding's boundary (a bug in jusou, never expected).";
}

/// The catalogue entry of `code`, if it is one.
pub fn find(code: &str) -> Option<&'static Entry> {
    CATALOGUE.iter().find(|e| e.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn codes_are_unique_well_formed_and_documented() {
        let mut seen = BTreeSet::new();
        for e in CATALOGUE {
            assert!(seen.insert(e.code), "{} twice", e.code);
            let parts: Vec<&str> = e.code.split('-').collect();
            assert_eq!(parts.len(), 4, "{}", e.code);
            assert_eq!(&parts[..2], ["JUSOU", "E"], "{}", e.code);
            let area = serde_json::to_value(e.area).unwrap();
            assert_eq!(area.as_str(), Some(parts[2]), "{}: area", e.code);
            assert!(parts[3].len() == 3 && parts[3].bytes().all(|b| b.is_ascii_digit()));
            assert!(!e.title_ja.trim().is_empty() && !e.title_en.trim().is_empty());
            assert!(!e.when.trim().is_empty());
            // Japanese text is Japanese: at least one character outside ASCII.
            assert!(!e.title_ja.is_ascii(), "{}: title_ja not Japanese", e.code);
            for f in e.fields {
                let mark = format!("{{{f}}}");
                assert!(
                    e.title_ja.contains(&mark) && e.title_en.contains(&mark),
                    "{}: {f}",
                    e.code
                );
            }
        }
    }

    #[test]
    fn no_released_code_disappears() {
        let released = include_str!("../../../fixtures/errors/released.txt");
        for code in released
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            assert!(
                find(code).is_some(),
                "released code {code} is missing from the catalogue"
            );
        }
    }
}
