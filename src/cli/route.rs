//! `jusou route CASE.json [--municipality M.json] [--as-of DATE]`: route a consultation and
//! explain why — Japanese first, English beside it, every reason with its rule and citation.

use std::path::PathBuf;

use jusou_core::case::Case;
use jusou_core::routing::{self, FirstMeeting, RouteDecision, Source};
use jusou_core::{calendar, error, Engine, Errors};

use super::{input::read_file, pad, Out};

/// Options of `jusou route`.
#[derive(clap::Args)]
pub struct Args {
    /// The intake record (相談受付票) as JSON.
    case: PathBuf,
    /// A municipality file whose `options` (e.g. its 多機関協働 criteria) override the case's.
    #[arg(long)]
    municipality: Option<PathBuf>,
    /// The day the decision speaks for (ISO or 和暦); overrides the case's `as_of`.
    #[arg(long = "as-of")]
    as_of: Option<String>,
}

/// Route and print: the case through an [`Engine`] bound to the municipality file and the date
/// (the one override policy, as the service, the C ABI and the bindings apply it). A 実施体制 that
/// `jusou municipality` finds in breach of the law is refused with the same findings, as errors;
/// a valid but incomplete one is accepted.
pub fn run(args: Args, out: Out) -> Result<(), Errors> {
    let text = read_file(&args.case)?;
    let case: Case = error::decode(&text)?;
    let municipality = args.municipality.as_deref().map(read_file).transpose()?;
    let engine = Engine::new(municipality.as_deref(), args.as_of.as_deref())?;
    let decision = engine.route_case(case.clone())?;
    if out.json {
        out.print_json(&decision);
    } else {
        print_human(&case, &decision);
    }
    Ok(())
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "はい / yes"
    } else {
        "いいえ / no"
    }
}

/// 和暦 of a date, via the calendar module (the CLI does not depend on chrono directly).
macro_rules! wareki {
    ($d:expr) => {
        calendar::to_wareki($d)
            .map(|w| w.to_string())
            .unwrap_or_default()
    };
}

/// The readable form: the decision first, then the household, then the reasons.
pub fn print_human(case: &Case, d: &RouteDecision) {
    println!("相談の振り分け / Routing of a consultation");
    println!(
        "  ケース / case: {}   受付 / received: {}（{}） {}",
        case.id,
        case.received_on,
        wareki!(case.received_on),
        case.received_by.agency
    );
    if d.as_of != case.received_on {
        println!("  判断日 / as of: {}（{}）", d.as_of, wareki!(d.as_of));
    }
    println!();

    // Other laws' procedures come first, so they are printed first.
    if !d.statutory_alerts.is_empty() {
        println!("⚠ 他法の手続が先です / other laws' procedures come first");
        for a in &d.statutory_alerts {
            let kind = match a.obligation {
                routing::Obligation::Duty => "義務 / duty",
                routing::Obligation::Effort => "努力義務 / effort",
                routing::Obligation::DutyIfSeriousElseEffort => {
                    "重大な危険なら義務、他は努力義務 / duty if serious, else effort"
                }
                routing::Obligation::CheckThenDuty => "確認のうえ義務 / check, then duty",
                routing::Obligation::NotAssessable => "法律を特定できない / statute unclear",
            };
            let checked = if a.verified {
                ""
            } else {
                "（条番号未確認）"
            };
            println!(
                "  [{}] {}: {}{checked} — {kind}",
                a.rule, a.member, a.citation
            );
            println!("     {}", a.message_ja);
            println!("     {}", a.message_en);
        }
        println!("  重層的支援体制整備事業はこれらの手続に代わりません / the project does not replace them");
        println!();
    }

    const W: usize = 48;
    let row = |ja_en: &str, value: &str| println!("  {} {value}", pad(ja_en, W));
    let multi = match d.multi_agency {
        Some(b) => yes_no(b),
        None => "見立て待ち / pending the worker's assessment",
    };
    row("多機関協働 / multi-agency (第5号)", multi);
    row("アウトリーチ等 / outreach (第4号)", yes_no(d.outreach));
    row(
        "参加支援の候補 / participation support (第2号)",
        yes_no(d.participation_support),
    );
    let lead = match d.lead_program {
        Some(p) => format!(
            "{} {}（{}） / {}",
            p.item_ja(),
            p.program().name_ja,
            p.as_str(),
            p.program().name_en
        ),
        None if d.multi_agency == Some(true) => {
            "多機関協働の場で決める / set in multi-agency collaboration".into()
        }
        None => "—".into(),
    };
    row("主担当 / lead program", &lead);
    let meeting = match d.first_meeting {
        Some(m @ FirstMeeting::SupportMeeting) => format!(
            "{}（社会福祉法第106条の6・同意不要） / {} (no consent needed)",
            m.name_ja(),
            m.name_en()
        ),
        Some(m @ FirstMeeting::JusouMeeting) => format!(
            "{}（本人同意の範囲で共有） / {} (within the consent)",
            m.name_ja(),
            m.name_en()
        ),
        None if d.multi_agency.is_none() => {
            "見立てを記録するまで勧めません / none until the assessment is recorded".into()
        }
        None => "なし（窓口で対応） / none (the window handles it)".into(),
    };
    row("最初の会議 / first meeting", &meeting);
    if !d.fields.is_empty() {
        let ja: Vec<&str> = d.fields.iter().map(|f| f.name_ja()).collect();
        let en: Vec<&str> = d.fields.iter().map(|f| f.name_en()).collect();
        row(
            "分野 / fields",
            &format!("{} / {}", ja.join("・"), en.join(", ")),
        );
    }
    for p in &d.patterns {
        let (ja, en) = match p.pattern {
            routing::Pattern::P8050 => ("8050世帯", "8050 household"),
            routing::Pattern::DoubleCare => ("ダブルケア", "double care"),
            routing::Pattern::YoungCarer => ("ヤングケアラー", "young carer"),
        };
        let band = match p.band {
            Some(routing::YoungCarerBand::Child) => " 子ども / child",
            Some(routing::YoungCarerBand::YoungAdult) => " 若者 / young adult",
            Some(routing::YoungCarerBand::Unknown) => " 年齢区分不明 / band unknown",
            None => "",
        };
        let how = match p.recognised_from {
            Source::Household => "世帯構成から / from the household",
            Source::Issue => "記録された課題から / from a recorded issue",
        };
        let who = if p.members.is_empty() {
            String::new()
        } else {
            format!(" [{}]", p.members.join(", "))
        };
        row(
            "世帯の型 / pattern",
            &format!("{ja} / {en}{band}{who} — {how}"),
        );
    }
    println!();

    println!("世帯 / household");
    for m in &case.household {
        let age = match (m.age_at(case.received_on), m.age) {
            (Some(a), _) => format!("{a}歳"),
            (None, Some(jusou_core::case::Age::Band(b))) => b.key().to_string(),
            _ => "年齢不明".to_string(),
        };
        let issues: Vec<String> = m
            .issues
            .iter()
            .map(|e| {
                if e.suspected() {
                    format!("{}（疑い）", e.issue().label_ja())
                } else {
                    e.issue().label_ja().to_string()
                }
            })
            .collect();
        let mark = if m.subject { "◎" } else { "・" };
        println!(
            "  {mark}{} {} {}（{}）: {}",
            m.id,
            pad(&age, 6),
            m.relation.label_ja(),
            m.relation.label_en(),
            if issues.is_empty() {
                "—".to_string()
            } else {
                issues.join("、")
            }
        );
    }
    println!();

    if !d.pending.is_empty() {
        println!("見立て待ち / pending");
        for p in &d.pending {
            println!("  [{}] {}", p.rule, p.settled_by);
            println!("     {}", p.message_ja);
            println!("     {}", p.message_en);
        }
        println!();
    }
    if !d.signals.is_empty() {
        println!("複雑化・複合化のサイン / signals");
        for r in &d.signals {
            println!("  [{}] {}", r.rule, r.message_ja);
            println!("     {}", r.message_en);
        }
        println!();
    }
    if !d.not_assessable.is_empty() {
        println!("判断できない点 / not assessable");
        for n in &d.not_assessable {
            println!("  [{}] {}", n.check, n.message_ja);
            println!("     {}", n.message_en);
        }
        println!();
    }
    println!("理由（判定順） / reasons (in the order the rules fired)");
    for (i, r) in d.reasons.iter().enumerate() {
        println!("  {}. [{}]", i + 1, r.rule);
        println!("     {}", r.message_ja);
        println!("     {}", r.message_en);
        if let Some(c) = r.citation {
            println!("     根拠 / basis: {c}");
        }
    }
    println!();
    if !d.why_not.is_empty() {
        println!("なぜそうならないか / why not");
        for w in &d.why_not {
            let q = serde_json::to_value(w.question).ok();
            let q = q.as_ref().and_then(|v| v.as_str()).unwrap_or("");
            println!("  [{q}] [{}]", w.rule);
            println!("     {}", w.message_ja);
            println!("     {}", w.message_en);
            if let Some(c) = w.citation {
                println!("     根拠 / basis: {c}");
            }
        }
        println!();
    }
    println!("jusou は判断の材料を示します。決めるのは担当者です。 / jusou explains; the worker decides.");
}
