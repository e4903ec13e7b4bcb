//! Every rule of jusou in one list (issue #19, first step): the per-area tables gathered, each
//! rule with its area, so `jusou rules` can list them and tests can check ids are unique. The
//! rules' conditions still live in their areas (routing keeps each rule's why-not text beside it
//! in `routing::rules`; meetings, plans and municipalities do not yet).

use serde::Serialize;

use super::Rule;
use crate::routing::rules as route_rules;

/// One registered rule.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Registered {
    /// Area: `routing`, `meeting`, `plan`, `municipality`, `date`, `flow`.
    pub area: &'static str,
    /// Stable id.
    pub id: &'static str,
    /// The article it rests on, where there is one.
    pub citation: Option<&'static str>,
    /// Its message in Japanese.
    pub ja: &'static str,
    /// Its message in English.
    pub en: &'static str,
    /// Why it did not fire, in Japanese (routing only, today).
    pub not_ja: Option<&'static str>,
    /// Why it did not fire, in English (routing only, today).
    pub not_en: Option<&'static str>,
}

fn reg(area: &'static str, r: &Rule) -> Registered {
    Registered {
        area,
        id: r.id,
        citation: r.citation,
        ja: r.ja,
        en: r.en,
        not_ja: None,
        not_en: None,
    }
}

/// Every rule, area by area.
pub fn all() -> Vec<Registered> {
    // routing::rules::ALL holds the alert rules too.
    let mut out: Vec<Registered> = route_rules::ALL
        .iter()
        .map(|r| Registered {
            not_ja: r.not_ja,
            not_en: r.not_en,
            ..reg("routing", &r.rule)
        })
        .collect();
    out.extend(crate::meeting::rules::ALL.iter().map(|r| reg("meeting", r)));
    out.extend(crate::plan::rules::ALL.iter().map(|r| reg("plan", r)));
    out.extend(
        crate::municipality::RULES
            .iter()
            .map(|r| reg("municipality", r)),
    );
    out.extend(
        [
            crate::calendar::R_DATE_OLD_ERA,
            crate::calendar::R_DATE_LUNISOLAR,
        ]
        .iter()
        .map(|r| reg("date", r)),
    );
    out.push(reg("flow", &crate::flow::R_FLOW_AGREE));
    out
}

/// The rules whose citation starts with `article` (`第106条の6` matches `社会福祉法第106条の6第5項`;
/// the law's name may be left out).
pub fn by_article(article: &str) -> Vec<Registered> {
    all()
        .into_iter()
        .filter(|r| {
            r.citation.is_some_and(|c| {
                c.starts_with(article)
                    || c.strip_prefix("社会福祉法")
                        .is_some_and(|c| c.starts_with(article))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for r in all() {
            assert!(seen.insert(r.id), "{} twice", r.id);
        }
        assert!(seen.len() > 50);
    }
}
