//! The rules' reference pages (`docs/rules/<area>.md`), generated from the registry (issue #19):
//! per rule its id, the article it rests on (whether its number is verified, and the article's
//! date in force and force where `law::articles` holds it), its ja/en text and why-not text, and
//! the fixtures that exercise it. Pure: the caller finds which fixtures fire which rule
//! (`testing::rules_fired` over the expected files) and writes the pages.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::registry::{self, Registered};
use super::{Source, SourceKind};
use crate::law::articles::{self, Force};

/// The areas, in page order, with their Japanese and English titles.
pub const AREAS: &[(&str, &str, &str)] = &[
    ("routing", "相談の振り分け", "Routing of a consultation"),
    (
        "meeting",
        "会議と情報共有",
        "Meetings and information sharing",
    ),
    ("plan", "支援プラン", "Support plans"),
    ("municipality", "実施体制", "A municipality's set-up"),
    ("date", "日付", "Dates"),
    ("flow", "事例の流れ", "A case end to end"),
];

/// How many fixtures a rule lists before saying how many more there are.
const FIXTURES_LISTED: usize = 8;

fn force_text(f: Force) -> &'static str {
    match f {
        Force::Duty => "義務 / duty",
        Force::Endeavour => "努力義務 / duty to endeavour",
        Force::Power => "権限・定義 / power or definition",
    }
}

/// What the registry says of a source: verified or not (guidance has no statute text), and
/// the force and dates where it records them.
pub fn source_status(src: &Source) -> String {
    let mut s = String::from(match (src.kind, src.verified) {
        (SourceKind::Guidance, _) => "国の通知・指針（条文ではない） / guidance, not a statute",
        (SourceKind::Statute, true) => "条文と照合済み / verified against a statute text",
        (SourceKind::Statute, false) => "条文と未照合 / not verified against a statute text",
    });
    if let Some(a) = articles::by_key(src.key) {
        let _ = write!(s, "; {}", force_text(a.force));
    }
    match (src.in_force_from, src.in_force_until) {
        (Some(f), Some(u)) => {
            let _ = write!(s, "; {f}〜{u} / in force {f} to {u}");
        }
        (Some(f), None) => {
            let _ = write!(s, "; {f}から / in force from {f}");
        }
        (None, Some(u)) => {
            let _ = write!(s, "; {u}まで / in force until {u}");
        }
        (None, None) => s.push_str("; 施行日の記載なし / dates not stated"),
    }
    s
}

fn article_line(r: &Registered) -> String {
    match r.source {
        None => "（条文なし / none: a rule of the project's own reading）".to_owned(),
        Some(src) => format!("{} (`{}`) — {}", src.citation, src.key, source_status(src)),
    }
}

/// The page of the source registry: every article and guidance document with its status and
/// the rules resting on it (links to their sections).
pub fn sources_page() -> String {
    let uses = registry::sources(None);
    let area_of: BTreeMap<&str, &str> = registry::all().iter().map(|r| (r.id, r.area)).collect();
    let mut s = String::from("# 根拠一覧 / The sources\n\n");
    let _ = writeln!(
        s,
        "Generated from the source registry (`jusou_core::law::articles::SOURCES`) by \
         `jusou rules --markdown docs/rules`; do not edit by hand. Every citation an answer \
         prints, once, with whether it was verified against a statute text and its dates; \
         `jusou rules --articles` lists the same. {} sources.\n",
        uses.len()
    );
    for u in &uses {
        let _ = writeln!(s, "## {}\n", u.source.citation);
        let _ = writeln!(s, "- key: `{}`", u.source.key);
        let _ = writeln!(s, "- {}", source_status(u.source));
        if u.rules.is_empty() {
            let _ = writeln!(
                s,
                "- rules: （なし / none） — cited in {}",
                u.source.cited_in.unwrap_or("—")
            );
        } else {
            let links: Vec<String> = u
                .rules
                .iter()
                .map(|id| {
                    let area = area_of.get(id).copied().unwrap_or("");
                    format!("[{id}]({area}.md#{})", id.to_lowercase())
                })
                .collect();
            let _ = writeln!(s, "- rules ({}): {}", u.rules.len(), links.join(", "));
        }
        let _ = writeln!(s);
    }
    s
}

/// The page of one area: `exercised` maps a rule id to the fixtures (paths under `fixtures/`)
/// whose expected answer fires it. `None` for an unknown area.
pub fn page(area: &str, exercised: &BTreeMap<String, Vec<String>>) -> Option<String> {
    let (_, ja, en) = AREAS.iter().find(|(a, _, _)| *a == area)?;
    let rules: Vec<Registered> = registry::all()
        .into_iter()
        .filter(|r| r.area == area)
        .collect();
    let mut s = String::new();
    let _ = writeln!(s, "# 規則 / Rules: {ja} / {en} (`{area}`)\n");
    let _ = writeln!(
        s,
        "Generated from the rule registry (`jusou_core::rule::registry`) by `jusou rules --markdown docs/rules`; \
         do not edit by hand: `tests/rules_docs.rs` fails when this page differs from the generated one. \
         {} rules.\n",
        rules.len()
    );
    for r in &rules {
        let _ = writeln!(s, "## {}\n", r.id);
        let _ = writeln!(s, "- 根拠 / article: {}", article_line(r));
        let _ = writeln!(s, "- ja: {}", r.ja);
        let _ = writeln!(s, "- en: {}", r.en);
        if let Some(n) = r.not_ja {
            let _ = writeln!(s, "- 発火しないとき / why not (ja): {n}");
        }
        if let Some(n) = r.not_en {
            let _ = writeln!(s, "- why not (en): {n}");
        }
        let files = exercised.get(r.id).map(Vec::as_slice).unwrap_or_default();
        if files.is_empty() {
            let _ = writeln!(s, "- fixtures: （なし / none）");
        } else {
            let listed: Vec<String> = files
                .iter()
                .take(FIXTURES_LISTED)
                .map(|f| format!("[`{f}`](../../fixtures/{f})"))
                .collect();
            let more = files.len().saturating_sub(FIXTURES_LISTED);
            let _ = write!(s, "- fixtures ({}): {}", files.len(), listed.join(", "));
            if more > 0 {
                let _ = write!(s, " … (+{more})");
            }
            let _ = writeln!(s);
        }
        let _ = writeln!(s);
    }
    Some(s)
}

/// The index page: each area with its number of rules, and how to find a rule by article.
pub fn index() -> String {
    let all = registry::all();
    let mut s = String::from("# 規則一覧 / The rules\n\n");
    s.push_str(
        "Generated from the rule registry by `jusou rules --markdown docs/rules`; do not edit by hand. \
         Every rule with its id, the article it rests on, its ja/en text and the fixtures that \
         exercise it. `jusou rules --article 第106条の6` lists the rules resting on an article; \
         [the sources](sources.md) lists every article and guidance document cited.\n\n",
    );
    s.push_str("| area | 分野 / topic | rules |\n| --- | --- | --- |\n");
    for (area, ja, en) in AREAS {
        let n = all.iter().filter(|r| r.area == *area).count();
        let _ = writeln!(s, "| [`{area}`]({area}.md) | {ja} / {en} | {n} |");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registered_area_has_a_page() {
        for r in registry::all() {
            assert!(
                AREAS.iter().any(|(a, _, _)| *a == r.area),
                "{}: area {}",
                r.id,
                r.area
            );
        }
        assert!(page("nowhere", &BTreeMap::new()).is_none());
    }

    #[test]
    fn articles_resolve_through_the_registry() {
        let six_five = articles::source("106-6-5").unwrap();
        assert!(article_line(&registry::by_article("106-6-5")[0]).contains("義務 / duty"));
        assert!(source_status(six_five).contains("in force from 2021-04-01"));
        assert!(source_status(&articles::SRC_GUIDANCE).starts_with("国の通知・指針"));
        assert!(source_status(&articles::SRC_ITEMS_OPENING).starts_with("条文と照合済み"));
        assert!(source_status(&articles::PRIVACY_CONSENT_2022).contains("2022-04-01〜2023-03-31"));
        let p = page("meeting", &BTreeMap::new()).unwrap();
        assert!(p.contains("## R-MEET-SUPPORT-MEMBER"));
        let sp = sources_page();
        assert!(sp.contains("## 社会福祉法第106条の6第5項\n"));
        assert!(sp.contains("[R-MEET-SUPPORT-MEMBER](meeting.md#r-meet-support-member)"));
    }
}
