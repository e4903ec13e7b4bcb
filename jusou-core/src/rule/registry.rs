//! Every rule of jusou in one list (issue #19, first step): the per-area tables gathered, each
//! rule with its area, so `jusou rules` can list them and tests can check ids are unique. The
//! rules' conditions still live in their areas (routing keeps each rule's why-not text beside it
//! in `routing::rules`; meetings, plans and municipalities do not yet). Each rule rests on an
//! entry of the one source registry (`law::articles::SOURCES`), so "which rules rest on this
//! article" is a lookup, not a text search.

use serde::Serialize;

use super::{Rule, Source};
use crate::law::articles;
use crate::routing::rules as route_rules;

/// One registered rule.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Registered {
    /// Area: `routing`, `meeting`, `plan`, `municipality`, `date`, `flow`.
    pub area: &'static str,
    /// Stable id.
    pub id: &'static str,
    /// The article it rests on, where there is one (its source's citation).
    pub citation: Option<&'static str>,
    /// The registry entry it rests on: verified flag, kind and dates.
    pub source: Option<&'static Source>,
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
        citation: r.citation(),
        source: r.source,
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

/// The rules resting on `article`: a source's key (`106-6-5`) or a prefix of its citation
/// (`第106条の6` matches `社会福祉法第106条の6第5項`; the law's name may be left out), resolved
/// through the source registry.
pub fn by_article(article: &str) -> Vec<Registered> {
    all()
        .into_iter()
        .filter(|r| r.source.is_some_and(|s| articles::names(s, article)))
        .collect()
}

/// One entry of the source registry with the rules resting on it.
#[derive(Debug, Clone, Serialize)]
pub struct SourceUse {
    /// The registry entry.
    pub source: &'static Source,
    /// The ids of the rules resting on it (empty for a source cited only in answers' texts:
    /// its `cited_in` says where).
    pub rules: Vec<&'static str>,
}

/// Every entry of the source registry, in the registry's order, each with its rules; only the
/// entries `article` names when it is given (as [`by_article`] reads it).
pub fn sources(article: Option<&str>) -> Vec<SourceUse> {
    let rules = all();
    articles::SOURCES
        .iter()
        .copied()
        .filter(|s| article.is_none_or(|a| articles::names(s, a)))
        .map(|s| SourceUse {
            source: s,
            rules: rules
                .iter()
                .filter(|r| r.source.is_some_and(|rs| rs.key == s.key))
                .map(|r| r.id)
                .collect(),
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

    /// Every rule's source is an entry of the registry (the same key, the same citation), and
    /// every entry is either cited by a rule or says where it is cited instead.
    #[test]
    fn sources_and_rules_meet_in_the_registry() {
        let mut keys = std::collections::BTreeSet::new();
        let mut citations = std::collections::BTreeSet::new();
        for s in articles::SOURCES {
            assert!(keys.insert(s.key), "key {} twice", s.key);
            assert!(
                citations.insert(s.citation),
                "citation {} twice",
                s.citation
            );
            assert!(
                s.kind == super::super::SourceKind::Statute || !s.verified,
                "{}: guidance has no statute text to verify",
                s.key
            );
            if s.citation.contains("未確認") {
                assert!(
                    !s.verified,
                    "{} is marked 未確認 but flagged verified",
                    s.key
                );
            }
        }
        for r in all() {
            if let Some(s) = r.source {
                assert_eq!(
                    articles::source(s.key),
                    Some(s),
                    "{}: {} not in the registry",
                    r.id,
                    s.key
                );
            }
        }
        for u in sources(None) {
            match (u.rules.is_empty(), u.source.cited_in) {
                (true, None) => {
                    panic!("{} is cited by no rule and says nowhere else", u.source.key)
                }
                (false, Some(w)) => panic!(
                    "{} is cited by {:?} yet says only {w}",
                    u.source.key, u.rules
                ),
                _ => {}
            }
        }
        let six = sources(Some("第106条の6"));
        assert!(six.iter().all(|u| u.source.citation.contains("第106条の6")));
        assert!(six
            .iter()
            .any(|u| u.rules.contains(&"R-MEET-SUPPORT-MEMBER")));
    }
}
