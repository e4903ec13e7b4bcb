//! `jusou route CASE.json [--municipality M.json] [--as-of DATE]`: route a consultation and
//! explain why — Japanese first, English beside it, every reason with its rule and citation.

use std::path::{Path, PathBuf};

use jusou_core::case::Case;
use jusou_core::municipality::Options;
use jusou_core::routing::{self, FirstMeeting, RouteDecision, Source};
use jusou_core::{calendar, error, handle, Errors};

use super::{pad, read_input, Out};

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

/// Read a municipality file's `options` object, if it has one (the core's reading,
/// [`jusou_core::handle::municipality_options`], shared with `jusou serve` and the C ABI).
pub fn municipality_options(path: &Path) -> Result<Option<Options>, Errors> {
    handle::municipality_options(&read_input(path)?)
}

/// Route and print.
pub fn run(args: Args, out: Out) -> Result<(), Errors> {
    let text = read_input(&args.case)?;
    let mut case: Case = error::decode(&text)?;
    let options = match &args.municipality {
        Some(m) => municipality_options(m)?,
        None => None,
    };
    let as_of = args.as_of.as_deref().map(handle::parse_as_of).transpose()?;
    // The one override policy (jusou_core::handle), as the service and the C ABI apply it.
    handle::override_case(&mut case, options.as_ref(), as_of);
    let decision = routing::route_case(&case)?;
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
            println!("  [{}] {}: {}", a.rule, a.member, a.citation);
            println!("     {}", a.message_ja);
            println!("     {}", a.message_en);
        }
        println!("  重層的支援体制整備事業はこれらの手続に代わりません / the project does not replace them");
        println!();
    }

    const W: usize = 48;
    let row = |ja_en: &str, value: &str| println!("  {} {value}", pad(ja_en, W));
    row("多機関協働 / multi-agency (第5号)", yes_no(d.multi_agency));
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
        None if d.multi_agency => {
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
        let how = match p.recognised_from {
            Source::Household => "世帯構成から / from the household",
            Source::Issue => "記録された課題から / from a recorded issue",
        };
        let who = if p.members.is_empty() {
            String::new()
        } else {
            format!(" [{}]", p.members.join(", "))
        };
        row("世帯の型 / pattern", &format!("{ja} / {en}{who} — {how}"));
    }
    println!();

    println!("世帯 / household");
    for m in &case.household {
        let age = m
            .age_at(case.received_on)
            .map(|a| format!("{a}歳"))
            .unwrap_or_default();
        let issues: Vec<&str> = m.issues.iter().map(|i| i.label_ja()).collect();
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
    println!("jusou は判断の材料を示します。決めるのは担当者です。 / jusou explains; the worker decides.");
}
