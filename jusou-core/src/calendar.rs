//! Dates as Japanese welfare offices write them: 年度 (April–March), 和暦 (明治–令和) and the
//! many ways users type a date (`令和8年3月`, `令和6年度`, `R6.4.1`, `R6/4/1`, `2026-03-31`,
//! full-width digits).
//!
//! 明治 dates before 1873-01-01 (明治6年) were written in the old lunisolar calendar; jusou reads
//! every era date on the Gregorian calendar and warns for those years.

use std::borrow::Cow;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{codes, Error, Errors};
use crate::rule::{Finding, Rule, Source};

const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(d) => d,
        None => NaiveDate::MIN, // unreachable for the constant dates below; tests check them
    }
}

/// First date jusou accepts: the first day of 明治 (1868-10-23, 慶応4年9月8日).
pub const MIN_DATE: NaiveDate = ymd(1868, 10, 23);
/// Last date jusou accepts.
pub const MAX_DATE: NaiveDate = ymd(2100, 12, 31);

/// A Japanese era (元号) from 明治 on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Era {
    /// 明治 (from 1868-10-23)
    Meiji,
    /// 大正 (from 1912-07-30)
    Taisho,
    /// 昭和 (from 1926-12-25)
    Showa,
    /// 平成 (from 1989-01-08)
    Heisei,
    /// 令和 (from 2019-05-01)
    Reiwa,
}

impl Era {
    /// All eras, oldest first.
    pub const ALL: [Era; 5] = [Era::Meiji, Era::Taisho, Era::Showa, Era::Heisei, Era::Reiwa];

    /// First day of the era.
    pub const fn start(self) -> NaiveDate {
        match self {
            Era::Meiji => ymd(1868, 10, 23),
            Era::Taisho => ymd(1912, 7, 30),
            Era::Showa => ymd(1926, 12, 25),
            Era::Heisei => ymd(1989, 1, 8),
            Era::Reiwa => ymd(2019, 5, 1),
        }
    }

    /// Last day of the era, `None` for the current one.
    pub fn end(self) -> Option<NaiveDate> {
        let next = Era::ALL.iter().copied().find(|e| *e > self)?;
        next.start().pred_opt()
    }

    /// Name in kanji (`令和`).
    pub const fn kanji(self) -> &'static str {
        match self {
            Era::Meiji => "明治",
            Era::Taisho => "大正",
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// Name in romaji (`Reiwa`).
    pub const fn romaji(self) -> &'static str {
        match self {
            Era::Meiji => "Meiji",
            Era::Taisho => "Taisho",
            Era::Showa => "Showa",
            Era::Heisei => "Heisei",
            Era::Reiwa => "Reiwa",
        }
    }

    /// One-letter abbreviation used on forms (`R`, `H`, `S`, `T`, `M`).
    pub const fn letter(self) -> char {
        match self {
            Era::Meiji => 'M',
            Era::Taisho => 'T',
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }

    /// Gregorian year of the era's year 1 (元年).
    pub const fn first_year(self) -> i32 {
        // from the const fn above: start().year() is not const, so spelled out
        match self {
            Era::Meiji => 1868,
            Era::Taisho => 1912,
            Era::Showa => 1926,
            Era::Heisei => 1989,
            Era::Reiwa => 2019,
        }
    }

    /// The era in force on `date`, `None` before 明治.
    pub fn of(date: NaiveDate) -> Option<Era> {
        Era::ALL.iter().rev().copied().find(|e| e.start() <= date)
    }
}

/// A 和暦 date: era, era year (1 = 元年), month, day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Wareki {
    /// The era.
    pub era: Era,
    /// Year of the era, 1 for 元年.
    pub year: u32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

fn era_year_ja(year: u32) -> Cow<'static, str> {
    if year == 1 {
        Cow::Borrowed("元")
    } else {
        Cow::Owned(year.to_string())
    }
}

impl fmt::Display for Wareki {
    /// `令和元年5月1日`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}年{}月{}日",
            self.era.kanji(),
            era_year_ja(self.year),
            self.month,
            self.day
        )
    }
}

/// The 和暦 of a date, in the era in force that day. `None` before 明治.
///
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2019, 4, 30).unwrap(); // ok: doc example
/// assert_eq!(jusou_core::calendar::to_wareki(d).unwrap().to_string(), "平成31年4月30日"); // ok: doc example
/// ```
pub fn to_wareki(date: NaiveDate) -> Option<Wareki> {
    let era = Era::of(date)?;
    Some(Wareki {
        era,
        year: u32::try_from(date.year() - era.first_year() + 1).ok()?,
        month: date.month(),
        day: date.day(),
    })
}

/// The 西暦 date of an era date, strict: the date must exist and fall within the era.
pub fn from_wareki(w: Wareki) -> Result<NaiveDate, Error> {
    let (date, warnings) = era_date(w.era, w.year, w.month, w.day, "")?;
    match warnings.iter().find(|f| f.rule == R_DATE_OLD_ERA.id) {
        None => Ok(date),
        Some(_) => Err(Error::new(
            codes::DATE_BEFORE_ERA,
            "",
            format!("{}は{}の期間外です", w, w.era.kanji()),
            format!("{w} is outside the {} era", w.era.romaji()),
        )),
    }
}

/// 年度: the fiscal year that starts on April 1 of `self.0` and ends on March 31 of the next year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, JsonSchema)]
#[schemars(
    with = "FiscalYearInput",
    description = "年度: a Gregorian year number (2024) or text such as 令和6年度, 2024年度, R6年度"
)]
pub struct FiscalYear(pub i32);

/// What a fiscal year may be written as in JSON input.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // only describes the accepted shapes for the schema
enum FiscalYearInput {
    Number(i32),
    Text(String),
}

impl FiscalYear {
    /// The 年度 starting in April of `year`, if within the supported range (FY1869–FY2099).
    pub fn checked(year: i64) -> Result<FiscalYear, Error> {
        i32::try_from(year)
            .ok()
            .map(FiscalYear)
            .filter(|fy| {
                fy.start().is_some_and(|s| s >= MIN_DATE) && fy.end().is_some_and(|e| e <= MAX_DATE)
            })
            .ok_or_else(fiscal_year_out_of_range)
    }

    /// The 年度 a date falls in.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use jusou_core::calendar::FiscalYear;
    /// assert_eq!(FiscalYear::of(NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()), FiscalYear(2025)); // ok: doc example
    /// assert_eq!(FiscalYear::of(NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()), FiscalYear(2026)); // ok: doc example
    /// ```
    pub fn of(date: NaiveDate) -> FiscalYear {
        if date.month() >= 4 {
            FiscalYear(date.year())
        } else {
            FiscalYear(date.year() - 1)
        }
    }

    /// April 1 of the year.
    pub fn start(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.0, 4, 1)
    }

    /// March 31 of the next year.
    pub fn end(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.0.checked_add(1)?, 3, 31)
    }

    /// The 和暦 name, in the era of the calendar year it starts in (令和元年度 for 2019).
    pub fn wareki(self) -> Option<String> {
        let dec31 = NaiveDate::from_ymd_opt(self.0, 12, 31)?;
        let era = Era::of(dec31)?;
        let year = u32::try_from(self.0 - era.first_year() + 1).ok()?;
        Some(format!("{}{}年度", era.kanji(), era_year_ja(year)))
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}年度", self.0)
    }
}

impl Serialize for FiscalYear {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(self.0)
    }
}

/// A value users write as a number (`2024`) or as text (`令和6年度`, `R6.4.1`): a 年度, or the edge
/// of a plan period.
#[derive(Deserialize)]
#[serde(untagged)]
pub(crate) enum NumberOrText {
    /// Written as a JSON number.
    Number(i64),
    /// Written as text.
    Text(String),
}

impl NumberOrText {
    /// Read one; anything else is a type error with this message.
    pub(crate) fn read<'de, D: Deserializer<'de>>(
        d: D,
        ja: &str,
        en: &str,
    ) -> Result<Self, D::Error> {
        Self::deserialize(d).map_err(|e| crate::error::type_error(e, ja, en))
    }
}

impl<'de> Deserialize<'de> for FiscalYear {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = NumberOrText::read(
            d,
            "年度は数値（2024）か文字列（令和6年度）で書いてください",
            "a fiscal year is a number (2024) or text (令和6年度)",
        )?;
        match raw {
            NumberOrText::Number(n) => FiscalYear::checked(n).map_err(|e| e.to_serde()),
            NumberOrText::Text(s) => match parse(&s) {
                Ok(p) if p.kind == DateKind::FiscalYear => Ok(FiscalYear::of(p.start)),
                Ok(_) => Err(fiscal_year_out_of_range().to_serde()),
                Err(e) => Err(e.to_serde()),
            },
        }
    }
}

fn fiscal_year_out_of_range() -> Error {
    Error::new(
        codes::DATE_OUT_OF_RANGE,
        "",
        "年度として読めないか、対応範囲（1869〜2099年度）の外です",
        "not a fiscal year, or outside the supported range (FY1869–FY2099)",
    )
}

/// How precise a parsed date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// A single day.
    Day,
    /// A calendar month (`令和8年3月`).
    Month,
    /// A calendar year (`2026年`, `令和8年`).
    Year,
    /// A fiscal year (`令和6年度`).
    FiscalYear,
}

/// What the user wrote, read: the span of days it names and any warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDate {
    /// Precision of what was written.
    pub kind: DateKind,
    /// First day of the span.
    pub start: NaiveDate,
    /// Last day of the span (== start for a day).
    pub end: NaiveDate,
    /// Readings that are accepted but worth telling the user (e.g. 平成31年5月1日).
    pub warnings: Vec<Finding>,
}

/// The cabinet order that changed the era to 令和 on 2019-05-01 (an entry of the source registry
/// `law::articles::SOURCES`, written here because the calendar sits below the law in the module
/// graph). Its wording is not checked against a statute text.
pub const SRC_ERA_CHANGE: Source = Source::statute(
    "era-reiwa",
    "元号を改める政令（平成31年政令第143号）",
    false,
    Some(ymd(2019, 5, 1)),
);

/// The 布告 that replaced the lunisolar calendar by the Gregorian one (明治5年12月3日 became
/// 明治6年1月1日, 1873-01-01). Not checked against a statute text; its own first day is not
/// stated here.
pub const SRC_CALENDAR_REFORM: Source = Source::statute(
    "calendar-reform",
    "明治5年太政官布告第337号（改暦ノ布告）",
    false,
    None,
);

/// Reading an old era's name for a date after that era ended (pre-printed forms).
pub const R_DATE_OLD_ERA: Rule = Rule {
    id: "R-DATE-OLD-ERA",
    source: Some(&SRC_ERA_CHANGE),
    ja: "改元後の日付が旧元号で書かれています。新元号の日付として読みました",
    en: "a date after the era changed is written with the old era name; read as the new era's date",
};

/// 明治5年以前 (before 1873): written in the lunisolar calendar, read here as Gregorian.
pub const R_DATE_LUNISOLAR: Rule = Rule {
    id: "R-DATE-LUNISOLAR",
    source: Some(&SRC_CALENDAR_REFORM),
    ja: "明治6年より前の和暦は太陰太陽暦ですが、グレゴリオ暦として読みました",
    en: "era dates before 1873 were lunisolar; read on the Gregorian calendar",
};

/// Map full-width ASCII (U+FF01–U+FF5E) and the ideographic space to ASCII, drop spaces.
fn normalize(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
            '\u{3000}' | ' ' | '\t' => None,
            '〇' => Some('0'),
            _ => Some(c),
        })
        .collect()
}

fn unreadable(text: &str) -> Errors {
    Error::new(
        codes::DATE_UNREADABLE,
        "",
        format!("日付「{text}」を読めません（例: 2026-03-31、令和8年3月31日、R8.3.31、令和6年度）"),
        format!(
            "cannot read the date '{text}' (e.g. 2026-03-31, 令和8年3月31日, R8.3.31, 令和6年度)"
        ),
    )
    .into()
}

fn impossible(y: i64, m: u32, d: u32) -> Error {
    Error::new(
        codes::DATE_IMPOSSIBLE,
        "",
        format!("{m}月{d}日という日はありません（{y}年）"),
        format!("there is no such date: {y}-{m:02}-{d:02}"),
    )
}

fn out_of_range(what: &str) -> Error {
    Error::new(
        codes::DATE_OUT_OF_RANGE,
        "",
        format!("{what}は対応範囲（1868-10-23〜2100-12-31）の外です"),
        format!("{what} is outside the supported range (1868-10-23 … 2100-12-31)"),
    )
}

/// `YYYY-MM-DD` in ASCII digits, as numbers.
fn iso_digits(text: &str) -> Option<(i64, u32, u32)> {
    let b = text.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let number = |from: usize, to: usize| {
        b.get(from..to)?.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    Some((i64::from(number(0, 4)?), number(5, 7)?, number(8, 10)?))
}

fn date_of(y: i64, m: u32, d: u32) -> Result<NaiveDate, Error> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(impossible(y, m, d));
    }
    let yi = i32::try_from(y).map_err(|_| out_of_range(&y.to_string()))?;
    let date = NaiveDate::from_ymd_opt(yi, m, d).ok_or_else(|| impossible(y, m, d))?;
    if !(MIN_DATE..=MAX_DATE).contains(&date) {
        return Err(out_of_range(&date.to_string()));
    }
    Ok(date)
}

/// Check an era span lies in the era: starting before the era is an error (令和元年4月1日); lying
/// after its end is a warning (平成31年5月1日 on a form printed before the change).
fn check_era_span(
    era: Era,
    year: u32,
    start: NaiveDate,
    end: NaiveDate,
    written: &str,
) -> Result<Vec<Finding>, Error> {
    let mut warnings = Vec::new();
    if end < era.start() {
        return Err(Error::new(
            codes::DATE_BEFORE_ERA,
            "",
            format!(
                "{written}は存在しません（{}は{}に始まりました）",
                era.kanji(),
                to_wareki(era.start())
                    .map(|w| w.to_string())
                    .unwrap_or_default()
            ),
            format!(
                "{written} does not exist: the {} era began on {}",
                era.romaji(),
                era.start()
            ),
        ));
    }
    if let Some(era_end) = era.end() {
        if start > era_end {
            let now = to_wareki(start).map(|w| w.to_string()).unwrap_or_default();
            warnings.push(R_DATE_OLD_ERA.finding_with(
                format!(
                    "{written}: {}は{}に終わりました。{}（{}）として読みました",
                    era.kanji(),
                    to_wareki(era_end).map(|w| w.to_string()).unwrap_or_default(),
                    now,
                    start
                ),
                format!(
                    "{written}: the {} era ended on {era_end}; read as {start} ({now})",
                    era.romaji()
                ),
            ));
        }
    }
    if era == Era::Meiji && year < 6 {
        warnings.push(R_DATE_LUNISOLAR.finding());
    }
    Ok(warnings)
}

/// Gregorian date of an era date, with any warning.
fn era_date(
    era: Era,
    year: u32,
    m: u32,
    d: u32,
    written: &str,
) -> Result<(NaiveDate, Vec<Finding>), Error> {
    if year == 0 {
        return Err(era_year_zero(written));
    }
    let y = i64::from(era.first_year()) + i64::from(year) - 1;
    let date = date_of(y, m, d)?;
    let warnings = check_era_span(era, year, date, date, written)?;
    Ok((date, warnings))
}

fn era_year_zero(written: &str) -> Error {
    Error::new(
        codes::DATE_ERA_YEAR,
        "",
        format!("{written}: 和暦の年は1（元年）から数えます"),
        format!("{written}: era years count from 1 (元年)"),
    )
}

/// Split `s` into leading ASCII digits (or `元` = 1) and the rest.
fn take_number(s: &str) -> Option<(i64, &str)> {
    if let Some(rest) = s.strip_prefix('元') {
        return Some((1, rest));
    }
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > 9 {
        return None;
    }
    Some((s[..end].parse().ok()?, &s[end..]))
}

/// The era named at the start of `s`, and the rest.
fn take_era(s: &str) -> Option<(Era, &str)> {
    for era in Era::ALL {
        if let Some(rest) = s.strip_prefix(era.kanji()) {
            return Some((era, rest));
        }
        if let Some(rest) = s.strip_prefix(era.romaji()) {
            return Some((era, rest));
        }
        let mut chars = s.chars();
        if chars
            .next()
            .is_some_and(|c| c.eq_ignore_ascii_case(&era.letter()))
        {
            let rest = chars.as_str();
            if rest.starts_with(|c: char| c.is_ascii_digit() || c == '元') {
                return Some((era, rest));
            }
        }
    }
    None
}

/// The month/day tail after a year: `年M月D日`, `年M月`, `年度`, `年`, `.M.D`, `/M/D`, `-M-D`, `-M`.
enum Tail {
    Day(u32, u32),
    Month(u32),
    Year,
    FiscalYear,
}

fn parse_tail(s: &str) -> Option<Tail> {
    if s == "年度" {
        return Some(Tail::FiscalYear);
    }
    if s == "年" {
        return Some(Tail::Year);
    }
    if let Some(rest) = s.strip_prefix('年') {
        let (m, rest) = take_number(rest)?;
        let m = u32::try_from(m).ok()?;
        let rest = rest.strip_prefix('月')?;
        if rest.is_empty() {
            return Some(Tail::Month(m));
        }
        let (d, rest) = take_number(rest)?;
        return (rest == "日").then(|| Some(Tail::Day(m, u32::try_from(d).ok()?)))?;
    }
    let sep = s.chars().next()?;
    if !matches!(sep, '.' | '/' | '-') {
        return None;
    }
    let (m, rest) = take_number(&s[1..])?;
    let m = u32::try_from(m).ok()?;
    if rest.is_empty() {
        return Some(Tail::Month(m));
    }
    let rest = rest.strip_prefix(sep)?;
    let (d, rest) = take_number(rest)?;
    rest.is_empty()
        .then(|| Some(Tail::Day(m, u32::try_from(d).ok()?)))?
}

fn month_span(y: i64, m: u32) -> Result<(NaiveDate, NaiveDate), Error> {
    let start = date_of(y, m, 1)?;
    let next = if m == 12 {
        date_of(y + 1, 1, 1).ok()
    } else {
        date_of(y, m + 1, 1).ok()
    };
    let end = next.and_then(|n| n.pred_opt()).unwrap_or(MAX_DATE);
    Ok((start, end))
}

fn fiscal_span(y: i64) -> Result<(NaiveDate, NaiveDate), Error> {
    let start = date_of(y, 4, 1).map_err(|_| out_of_range(&format!("{y}年度")))?;
    let end = date_of(y + 1, 3, 31).map_err(|_| out_of_range(&format!("{y}年度")))?;
    Ok((start, end))
}

fn year_span(y: i64) -> Result<(NaiveDate, NaiveDate), Error> {
    let start = date_of(y, 1, 1).or_else(|e| if y == 1868 { Ok(MIN_DATE) } else { Err(e) })?;
    Ok((start, date_of(y, 12, 31)?))
}

/// Read a date as users write it.
///
/// ```
/// use jusou_core::calendar::{parse, DateKind};
/// let p = parse("令和元年5月1日").unwrap(); // ok: doc example
/// assert_eq!(p.start.to_string(), "2019-05-01");
/// assert!(parse("令和元年4月1日").is_err()); // 令和 began on 2019-05-01
/// let p = parse("平成31年5月1日").unwrap(); // pre-printed forms: accepted with a warning // ok: doc example
/// assert_eq!((p.start.to_string(), p.warnings.len()), ("2019-05-01".into(), 1));
/// assert_eq!(parse("令和6年度").unwrap().kind, DateKind::FiscalYear); // ok: doc example
/// assert_eq!(parse("Ｒ６．４．１").unwrap().start.to_string(), "2024-04-01"); // ok: doc example
/// ```
pub fn parse(text: &str) -> Result<ParsedDate, Errors> {
    // The form almost every system writes, read without normalising: the same date (or the
    // same error) the general path below gives for it (test `iso_fast_path_agrees`).
    if let Some((y, m, d)) = iso_digits(text) {
        let day = date_of(y, m, d)?;
        return Ok(ParsedDate {
            kind: DateKind::Day,
            start: day,
            end: day,
            warnings: Vec::new(),
        });
    }
    parse_general(text)
}

/// [`parse`] for any form: full-width digits, spaces, eras, months and 年度.
fn parse_general(text: &str) -> Result<ParsedDate, Errors> {
    let s = normalize(text);
    if s.is_empty() || s.len() > 64 {
        return Err(unreadable(text));
    }
    let written = text.trim();
    let (era, rest) = match take_era(&s) {
        Some((era, rest)) => (Some(era), rest),
        None => (None, s.as_str()),
    };
    let (year, rest) = take_number(rest).ok_or_else(|| unreadable(text))?;
    if era.is_none() && rest.is_empty() {
        // A bare number is ambiguous (year? fiscal year?): ask for the unit.
        return Err(unreadable(text));
    }
    let tail = parse_tail(rest).ok_or_else(|| unreadable(text))?;
    let gyear = match era {
        Some(e) => {
            if year == 0 {
                return Err(era_year_zero(written).into());
            }
            i64::from(e.first_year()) + year - 1
        }
        None => year,
    };
    let (kind, start, end) = match tail {
        Tail::Day(m, d) => {
            let day = date_of(gyear, m, d)?;
            (DateKind::Day, day, day)
        }
        Tail::Month(m) => {
            let (a, b) = month_span(gyear, m)?;
            (DateKind::Month, a, b)
        }
        Tail::Year => {
            let (a, b) = year_span(gyear)?;
            (DateKind::Year, a, b)
        }
        Tail::FiscalYear => {
            let (a, b) = fiscal_span(gyear)?;
            (DateKind::FiscalYear, a, b)
        }
    };
    let warnings = match era {
        Some(e) => check_era_span(
            e,
            u32::try_from(year).unwrap_or(u32::MAX),
            start,
            end,
            written,
        )?,
        None => Vec::new(),
    };
    Ok(ParsedDate {
        kind,
        start,
        end,
        warnings,
    })
}

/// Read a single day (`2026-03-31`, `令和8年3月31日`, `R8.3.31`); a month or 年度 is an error.
pub fn parse_day(text: &str) -> Result<(NaiveDate, Vec<Finding>), Errors> {
    let p = parse(text)?;
    if p.kind != DateKind::Day {
        return Err(Error::new(
            codes::DATE_UNREADABLE,
            "",
            format!("「{text}」は日付（年月日）ではありません"),
            format!("'{text}' is not a single day (year, month and day)"),
        )
        .into());
    }
    Ok((p.start, p.warnings))
}

/// A day in JSON input: ISO `2026-03-31` or 和暦 text; always written back as ISO.
///
/// Use on fields as `#[serde(with = "jusou_core::calendar::day")]` and
/// `#[schemars(with = "jusou_core::calendar::DayText")]`.
pub mod day {
    use super::*;

    /// Serialize as ISO 8601 (`2026-03-31`).
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    /// Deserialize from ISO or 和暦 text, with the date's error code on failure.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let parsed = d.deserialize_str(DayVisitor).map_err(|e| {
            crate::error::type_error(
                e,
                "日付は文字列で書いてください（例: 2026-03-31、令和8年3月31日）",
                "a date is a string (e.g. 2026-03-31, 令和8年3月31日)",
            )
        })?;
        parsed.map_err(|e| e.to_serde())
    }

    /// Reads the text where it lies (no owned copy); a text that is no date is the visitor's
    /// value, not its error, so only a wrong type becomes the type error above.
    struct DayVisitor;

    impl<'de> serde::de::Visitor<'de> for DayVisitor {
        type Value = Result<NaiveDate, Errors>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
            Ok(parse_day(text).map(|(d, _)| d))
        }
    }

    /// For `Option<NaiveDate>` fields (use with `#[serde(default)]`).
    pub mod option {
        use super::*;

        /// Serialize as ISO or null.
        pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => super::serialize(d, s),
                None => s.serialize_none(),
            }
        }

        /// Deserialize ISO / 和暦 text or null.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            #[derive(Deserialize)]
            struct W(#[serde(with = "super")] NaiveDate);
            Ok(Option::<W>::deserialize(d)?.map(|w| w.0))
        }
    }
}

/// Schema stand-in for a day written as text (ISO or 和暦).
#[derive(JsonSchema)]
#[schemars(
    description = "A day: ISO 8601 (2026-03-31) or 和暦 (令和8年3月31日, R8.3.31, R8/3/31); full-width digits accepted"
)]
#[allow(dead_code)] // schema only
pub struct DayText(String);

/// A date as `jusou date` and `parse_date` report it: 西暦, 和暦 and 年度.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DateInfo {
    /// The text as given.
    pub input: String,
    /// Precision of what was written.
    pub kind: DateKind,
    /// The day (ISO), when a single day was written.
    #[serde(with = "day::option")]
    #[schemars(with = "Option<String>")]
    pub date: Option<NaiveDate>,
    /// First day of the span (ISO).
    #[serde(with = "day")]
    #[schemars(with = "String")]
    pub start: NaiveDate,
    /// Last day of the span (ISO).
    #[serde(with = "day")]
    #[schemars(with = "String")]
    pub end: NaiveDate,
    /// 和暦 of the start day (`令和元年5月1日`).
    pub wareki: String,
    /// 年度 of the start day, as the Gregorian year it begins in.
    pub fiscal_year: FiscalYear,
    /// 年度 in 和暦 (`令和元年度`).
    pub fiscal_year_wareki: String,
    /// Accepted readings worth telling the user.
    pub warnings: Vec<Finding>,
}

/// Read what the user typed and describe it in 西暦, 和暦 and 年度.
///
/// ```
/// let info = jusou_core::calendar::describe("令和元年5月1日").unwrap(); // ok: doc example
/// assert_eq!(info.date.unwrap().to_string(), "2019-05-01"); // ok: doc example
/// assert_eq!(info.fiscal_year.0, 2019);
/// assert_eq!(info.fiscal_year_wareki, "令和元年度");
/// ```
pub fn describe(text: &str) -> Result<DateInfo, Errors> {
    let p = parse(text)?;
    let fy = FiscalYear::of(p.start);
    Ok(DateInfo {
        input: text.to_owned(),
        kind: p.kind,
        date: (p.kind == DateKind::Day).then_some(p.start),
        start: p.start,
        end: p.end,
        wareki: to_wareki(p.start)
            .map(|w| w.to_string())
            .unwrap_or_default(),
        fiscal_year: fy,
        fiscal_year_wareki: fy.wareki().unwrap_or_default(),
        warnings: p.warnings,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_fast_path_agrees() {
        let mut seen = 0;
        for y in [
            "0000", "1867", "1868", "1869", "1873", "1900", "2024", "2026", "2100", "2101", "9999",
        ] {
            for m in 0..=13 {
                for d in 0..=32 {
                    let text = format!("{y}-{m:02}-{d:02}");
                    assert!(super::iso_digits(&text).is_some(), "{text}");
                    assert_eq!(super::parse(&text), super::parse_general(&text), "{text}");
                    seen += 1;
                }
            }
        }
        assert_eq!(seen, 11 * 14 * 33);
        for text in [
            "2026-3-31",
            "2026-03-3１",
            "2026/03/31",
            " 2026-03-31",
            "+202-03-31",
            "2026-03-31日",
        ] {
            assert!(super::iso_digits(text).is_none(), "{text}");
        }
    }

    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn constants_are_real_dates() {
        assert_ne!(MIN_DATE, NaiveDate::MIN);
        assert_ne!(MAX_DATE, NaiveDate::MIN);
        for e in Era::ALL {
            assert_ne!(e.start(), NaiveDate::MIN);
            assert_eq!(e.start().year(), e.first_year());
        }
    }

    #[test]
    fn era_boundaries_both_sides() {
        let cases = [
            (d(1912, 7, 29), "明治45年7月29日"),
            (d(1912, 7, 30), "大正元年7月30日"),
            (d(1926, 12, 24), "大正15年12月24日"),
            (d(1926, 12, 25), "昭和元年12月25日"),
            (d(1989, 1, 7), "昭和64年1月7日"),
            (d(1989, 1, 8), "平成元年1月8日"),
            (d(2019, 4, 30), "平成31年4月30日"),
            (d(2019, 5, 1), "令和元年5月1日"),
            (d(1868, 10, 23), "明治元年10月23日"),
        ];
        for (date, text) in cases {
            assert_eq!(to_wareki(date).unwrap().to_string(), text);
            let p = parse(text).unwrap();
            assert_eq!(p.start, date, "{text}");
            assert_eq!(p.kind, DateKind::Day);
            let w = to_wareki(date).unwrap();
            assert_eq!(from_wareki(w).unwrap(), date);
        }
        assert!(to_wareki(d(1868, 10, 22)).is_none());
    }

    #[test]
    fn before_era_is_an_error_after_era_is_a_warning() {
        for text in [
            "令和元年4月1日",
            "令和元年4月30日",
            "平成元年1月7日",
            "昭和元年12月24日",
        ] {
            let e = parse(text).unwrap_err();
            assert_eq!(e.errors[0].code, codes::DATE_BEFORE_ERA, "{text}");
        }
        let p = parse("平成31年5月1日").unwrap();
        assert_eq!(p.start, d(2019, 5, 1));
        assert_eq!(p.warnings[0].rule, "R-DATE-OLD-ERA");
        let p = parse("昭和64年1月8日").unwrap();
        assert_eq!(p.warnings.len(), 1);
        assert!(parse("平成31年4月30日").unwrap().warnings.is_empty());
        assert!(from_wareki(Wareki {
            era: Era::Heisei,
            year: 31,
            month: 5,
            day: 1
        })
        .is_err());
    }

    #[test]
    fn forms_users_type() {
        let cases: [(&str, DateKind, NaiveDate, NaiveDate); 14] = [
            ("2026-03-31", DateKind::Day, d(2026, 3, 31), d(2026, 3, 31)),
            ("2026/3/31", DateKind::Day, d(2026, 3, 31), d(2026, 3, 31)),
            (
                "2026年3月31日",
                DateKind::Day,
                d(2026, 3, 31),
                d(2026, 3, 31),
            ),
            ("R6.4.1", DateKind::Day, d(2024, 4, 1), d(2024, 4, 1)),
            ("R6/4/1", DateKind::Day, d(2024, 4, 1), d(2024, 4, 1)),
            ("r6-4-1", DateKind::Day, d(2024, 4, 1), d(2024, 4, 1)),
            (
                "令和８年３月",
                DateKind::Month,
                d(2026, 3, 1),
                d(2026, 3, 31),
            ),
            ("令和8年3月", DateKind::Month, d(2026, 3, 1), d(2026, 3, 31)),
            (
                "令和6年度",
                DateKind::FiscalYear,
                d(2024, 4, 1),
                d(2025, 3, 31),
            ),
            (
                "令和元年度",
                DateKind::FiscalYear,
                d(2019, 4, 1),
                d(2020, 3, 31),
            ),
            (
                "2025年度",
                DateKind::FiscalYear,
                d(2025, 4, 1),
                d(2026, 3, 31),
            ),
            (
                "２０２６－０３－３１",
                DateKind::Day,
                d(2026, 3, 31),
                d(2026, 3, 31),
            ),
            ("H31.4.30", DateKind::Day, d(2019, 4, 30), d(2019, 4, 30)),
            (
                "令和 8年 12月",
                DateKind::Month,
                d(2026, 12, 1),
                d(2026, 12, 31),
            ),
        ];
        for (text, kind, start, end) in cases {
            let p = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!((p.kind, p.start, p.end), (kind, start, end), "{text}");
        }
    }

    #[test]
    fn impossible_and_unreadable() {
        assert_eq!(
            parse("2026-02-30").unwrap_err().errors[0].code,
            codes::DATE_IMPOSSIBLE
        );
        assert_eq!(
            parse("令和8年2月30日").unwrap_err().errors[0].code,
            codes::DATE_IMPOSSIBLE
        );
        assert_eq!(
            parse("2025-02-29").unwrap_err().errors[0].code,
            codes::DATE_IMPOSSIBLE
        );
        assert!(parse("2024-02-29").is_ok());
        assert_eq!(
            parse("2026-13-01").unwrap_err().errors[0].code,
            codes::DATE_IMPOSSIBLE
        );
        for bad in [
            "",
            "tomorrow",
            "2026",
            "令和",
            "R",
            "2026-03-31x",
            "令和8年3月31",
        ] {
            assert_eq!(
                parse(bad).unwrap_err().errors[0].code,
                codes::DATE_UNREADABLE,
                "{bad}"
            );
        }
        assert_eq!(
            parse("令和0年5月1日").unwrap_err().errors[0].code,
            codes::DATE_ERA_YEAR
        );
        assert_eq!(
            parse("1800-01-01").unwrap_err().errors[0].code,
            codes::DATE_OUT_OF_RANGE
        );
        assert_eq!(
            parse("2101-01-01").unwrap_err().errors[0].code,
            codes::DATE_OUT_OF_RANGE
        );
        assert!(parse("99999999999999-01-01").is_err());
    }

    #[test]
    fn fiscal_year_boundaries() {
        assert_eq!(FiscalYear::of(d(2025, 3, 31)), FiscalYear(2024));
        assert_eq!(FiscalYear::of(d(2025, 4, 1)), FiscalYear(2025));
        assert_eq!(FiscalYear::of(d(2026, 1, 1)), FiscalYear(2025));
        assert_eq!(FiscalYear(2025).start(), Some(d(2025, 4, 1)));
        assert_eq!(FiscalYear(2025).end(), Some(d(2026, 3, 31)));
        assert_eq!(FiscalYear(2019).wareki().unwrap(), "令和元年度");
        assert_eq!(FiscalYear(2018).wareki().unwrap(), "平成30年度");
        assert_eq!(FiscalYear(2025).wareki().unwrap(), "令和7年度");
        assert_eq!(FiscalYear(1988).wareki().unwrap(), "昭和63年度");
    }

    #[test]
    fn describe_gives_all_three_views() {
        let i = describe("令和元年5月1日").unwrap();
        assert_eq!(i.date, Some(d(2019, 5, 1)));
        assert_eq!(i.fiscal_year, FiscalYear(2019));
        assert_eq!(i.wareki, "令和元年5月1日");
        let i = describe("明治3年1月1日").unwrap();
        assert_eq!(i.warnings[0].rule, "R-DATE-LUNISOLAR");
    }

    #[test]
    fn fiscal_year_from_json() {
        let fy: FiscalYear = serde_json::from_str("\"令和6年度\"").unwrap();
        assert_eq!(fy, FiscalYear(2024));
        let fy: FiscalYear = serde_json::from_str("2022").unwrap();
        assert_eq!(fy, FiscalYear(2022));
        assert!(serde_json::from_str::<FiscalYear>("\"令和6年4月\"").is_err());
        assert!(serde_json::from_str::<FiscalYear>("true").is_err());
        assert!(serde_json::from_str::<FiscalYear>("5000").is_err());
    }
}

/// Output of `fiscal_year`.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct FiscalYearInfo {
    /// The 年度 as the Gregorian year it starts in.
    pub fiscal_year: FiscalYear,
    /// 和暦 name (`令和7年度`).
    pub wareki: String,
    /// April 1.
    #[serde(with = "crate::calendar::day::option")]
    #[schemars(with = "Option<String>")]
    pub start: Option<chrono::NaiveDate>,
    /// March 31 of the next year.
    #[serde(with = "crate::calendar::day::option")]
    #[schemars(with = "Option<String>")]
    pub end: Option<chrono::NaiveDate>,
}
