//! The rules' reference pages (`docs/rules/<area>.md`), generated from the registry (issue #19):
//! per rule its id, the article it rests on (whether its number is verified, and the article's
//! date in force and force where `law::articles` holds it), its ja/en text and why-not text, and
//! the fixtures that exercise it. Pure: the caller finds which fixtures fire which rule
//! (`testing::rules_fired` over the expected files) and writes the pages.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::registry::{self, Registered};
use crate::law::articles::{self, Article, Force};

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

/// Whether a citation's article number is verified against the statute. The project writes
/// 「未確認」 into a citation whose number it has not verified, so the flag is read from there.
pub fn verified(citation: &str) -> bool {
    !citation.contains("未確認")
}

/// The entry of `law::articles` a citation names (the longest matching citation), if any.
pub fn article_of(citation: &str) -> Option<&'static Article> {
    articles::ALL
        .iter()
        .chain([&articles::SUPPORT_MEETING_RULES, &articles::ITEMS_OPENING])
        .filter(|a| citation.starts_with(a.citation))
        .max_by_key(|a| a.citation.len())
}

/// Whether a citation names a guidance document (実施要綱, マニュアル, 通知, 指針) rather than a
/// statute's article: it has no article number to verify.
pub fn is_guidance(citation: &str) -> bool {
    ["要綱", "マニュアル", "通知", "指針"]
        .iter()
        .any(|w| citation.contains(w))
}

fn force_text(f: Force) -> &'static str {
    match f {
        Force::Duty => "義務 / duty",
        Force::Endeavour => "努力義務 / duty to endeavour",
        Force::Power => "権限・定義 / power or definition",
    }
}

fn article_line(r: &Registered) -> String {
    let Some(c) = r.citation else {
        return "（条文なし / none: a rule of the project's own reading）".to_owned();
    };
    let mut s = format!(
        "{c} — {}",
        if !verified(c) {
            "条番号未確認 / number not verified"
        } else if is_guidance(c) {
            "国の通知・指針（条文ではない） / guidance, not a statute"
        } else {
            "条番号確認済み / verified"
        }
    );
    if let Some(a) = article_of(c) {
        let _ = write!(
            s,
            "; {}（{}から / in force from {}）",
            force_text(a.force),
            a.effective_from,
            a.effective_from
        );
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
         exercise it. `jusou rules --article 第106条の6` lists the rules resting on an article.\n\n",
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
    fn verified_flags_and_articles() {
        assert!(verified("社会福祉法第106条の6第5項"));
        assert!(!verified(
            "社会福祉法第106条の4第2項第3号柱書（条番号未確認）"
        ));
        assert!(is_guidance(crate::standing::GUIDANCE) && !is_guidance("社会福祉法第106条の5"));
        assert_eq!(
            article_of("社会福祉法第106条の6第5項").map(|a| a.key),
            Some("106-6-5")
        );
        let p = page("meeting", &BTreeMap::new()).unwrap();
        assert!(p.contains("## R-MEET-SUPPORT-MEMBER"));
    }
}
