//! What a 支援プラン must state (第106条の4第2項第6号; the national manual's プラン form): goals,
//! the person's wishes, support items with the responsible organisation and one 主担当, a period,
//! the next monitoring date, and the consent it rests on.

use chrono::NaiveDate;

use super::rules::*;
use super::PlanContent;
use crate::rule::Finding;

/// The content findings of a plan drafted on `drafted_on`; `consent_known` says whether an id is
/// in the log's consents.
pub(super) fn check(
    plan: &PlanContent,
    drafted_on: NaiveDate,
    consent_known: impl Fn(&str) -> bool,
    out: &mut Vec<Finding>,
) {
    if plan.goals.iter().all(|g| g.trim().is_empty()) {
        out.push(R_PLAN_CONTENT_GOALS.finding());
    }
    if plan.wishes.as_deref().is_none_or(|w| w.trim().is_empty()) {
        out.push(R_PLAN_CONTENT_WISHES.finding());
    }
    if plan.items.is_empty()
        || plan
            .items
            .iter()
            .any(|i| i.content.trim().is_empty() || i.organisation.trim().is_empty())
    {
        out.push(R_PLAN_CONTENT_ITEMS.finding());
    }
    let leads = plan.items.iter().filter(|i| i.lead).count();
    if leads != 1 {
        out.push(R_PLAN_CONTENT_LEAD.finding_with(
            format!("プランの主担当はちょうど一つの機関です（{leads}件あります）"),
            format!("a plan has exactly one lead organisation ({leads} given)"),
        ));
    }
    let p = plan.period;
    if p.start > p.end {
        out.push(R_PLAN_CONTENT_PERIOD.finding_with(
            format!(
                "プランの期間の開始日（{}）が終了日（{}）より後です",
                p.start, p.end
            ),
            format!(
                "the plan's period starts ({}) after it ends ({})",
                p.start, p.end
            ),
        ));
    }
    match plan.next_monitoring_on {
        None => out.push(R_PLAN_CONTENT_MONITORING.finding()),
        // With a broken period only the drafting day is judged (one mistake, one finding).
        Some(m) if m < drafted_on || (p.start <= p.end && (m < p.start || m > p.end)) => {
            out.push(R_PLAN_CONTENT_MONITORING.finding_with(
                format!(
                    "次回モニタリング日（{m}）が作成日（{drafted_on}）より前か、期間（{}〜{}）の外です",
                    p.start, p.end
                ),
                format!(
                    "next monitoring ({m}) is before the plan was drafted ({drafted_on}) or outside its period ({} to {})",
                    p.start, p.end
                ),
            ))
        }
        Some(_) => {}
    }
    match plan.consent_id.as_deref() {
        Some(id) if consent_known(id) => {}
        Some(id) => out.push(R_PLAN_CONTENT_CONSENT.finding_with(
            format!("プランが依拠する同意記録「{id}」が同意記録の一覧にありません"),
            format!("the plan rests on consent '{id}', which is not in the consents"),
        )),
        None => out.push(R_PLAN_CONTENT_CONSENT.finding()),
    }
}
