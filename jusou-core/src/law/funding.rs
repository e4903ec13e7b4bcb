//! Funding shares (負担割合) as dated data, and an exact split of a yen amount.
//!
//! Rounding rule: every payer's share is `amount × numerator ÷ denominator` rounded down to the
//! yen, except the scheme's *residual payer* (the body that runs the program: the 市町村, or the
//! 都道府県 for its own back-up program), which takes what is left. The shares therefore always
//! add up to the amount exactly.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::{ProgramCode, PROJECT_START};
use crate::error::{codes, Error, Errors};

/// Who pays a share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    /// 国
    National,
    /// 都道府県
    Prefecture,
    /// 市町村
    Municipality,
    /// 第1号保険料 (介護保険, insured people aged 65+)
    InsurancePremium1,
    /// 第2号保険料 (介護保険, insured people aged 40–64)
    InsurancePremium2,
}

impl Payer {
    /// Japanese name.
    pub const fn name_ja(self) -> &'static str {
        match self {
            Payer::National => "国",
            Payer::Prefecture => "都道府県",
            Payer::Municipality => "市町村",
            Payer::InsurancePremium1 => "第1号保険料",
            Payer::InsurancePremium2 => "第2号保険料",
        }
    }

    /// English name.
    pub const fn name_en(self) -> &'static str {
        match self {
            Payer::National => "national government",
            Payer::Prefecture => "prefecture",
            Payer::Municipality => "municipality",
            Payer::InsurancePremium1 => "category 1 insurance premiums",
            Payer::InsurancePremium2 => "category 2 insurance premiums",
        }
    }
}

/// How sure we are of a scheme's shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Confirmed in the cited source.
    Confirmed,
    /// Recorded from a secondary source, not yet confirmed; upper bounds where the law says "up to".
    Unverified,
}

/// One payer's fraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Share {
    /// Who pays.
    pub payer: Payer,
    /// Numerator.
    pub numerator: u32,
    /// Denominator.
    pub denominator: u32,
}

/// A funding scheme: its shares over a span of dates, and the programs it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Scheme {
    /// Stable key (`multi-agency-etc`).
    pub key: &'static str,
    /// Japanese name.
    pub name_ja: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Programs it funds (empty for schemes that fund no item, e.g. 移行準備事業).
    pub programs: &'static [ProgramCode],
    /// The shares; they add up to exactly 1.
    pub shares: &'static [Share],
    /// The payer who takes the rounding remainder.
    pub residual_payer: Payer,
    /// First day the shares apply.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "String")]
    pub from: NaiveDate,
    /// Last day, `None` while in force.
    #[serde(with = "crate::calendar::day::option")]
    #[schemars(with = "Option<String>")]
    pub until: Option<NaiveDate>,
    /// Confirmed or not.
    pub status: Status,
    /// Where the figures come from.
    pub source: &'static str,
}

const fn s(payer: Payer, numerator: u32, denominator: u32) -> Share {
    Share {
        payer,
        numerator,
        denominator,
    }
}

const FY2024_BUDGET: &str =
    "令和6年度予算（埼玉県資料 seed 001）: 各法に基づく負担率・補助率 / FY2024 budget";

/// All recorded schemes. Bundled programs keep their own laws' shares (各法に基づく負担率・補助率);
/// 3-main-community has none recorded.
pub static SCHEMES: [Scheme; 8] = [
    Scheme {
        key: "multi-agency-etc",
        name_ja: "多機関協働事業等（多機関協働・支援プラン、アウトリーチ等、参加支援）",
        name_en:
            "multi-agency collaboration etc. (multi-agency and plans, outreach, participation)",
        programs: &[
            ProgramCode::Item2,
            ProgramCode::Item4,
            ProgramCode::Item5,
            ProgramCode::Item6,
        ],
        shares: &[
            s(Payer::National, 1, 2),
            s(Payer::Prefecture, 1, 4),
            s(Payer::Municipality, 1, 4),
        ],
        residual_payer: Payer::Municipality,
        from: PROJECT_START,
        until: None,
        status: Status::Confirmed,
        source: "令和6年度予算（seed 001）",
    },
    Scheme {
        key: "transition-preparation",
        name_ja: "重層的支援体制整備事業への移行準備事業",
        name_en: "preparation for moving to the project",
        programs: &[],
        shares: &[s(Payer::National, 3, 4), s(Payer::Municipality, 1, 4)],
        residual_payer: Payer::Municipality,
        from: PROJECT_START,
        until: None,
        status: Status::Confirmed,
        source: "令和6年度予算（seed 001）",
    },
    Scheme {
        key: "prefectural-backup",
        name_ja: "重層的支援体制構築に向けた都道府県後方支援事業",
        name_en: "prefectural back-up for building the system",
        programs: &[],
        shares: &[s(Payer::National, 3, 4), s(Payer::Prefecture, 1, 4)],
        residual_payer: Payer::Prefecture,
        from: PROJECT_START,
        until: None,
        status: Status::Confirmed,
        source: "令和6年度予算（seed 001）",
    },
    Scheme {
        key: "kaigo-comprehensive",
        name_ja: "介護保険 包括的支援事業（地域包括支援センターの運営、生活支援体制整備事業）",
        name_en: "long-term care comprehensive support programs",
        programs: &[ProgramCode::Item1I, ProgramCode::Item3Ro],
        shares: &[
            s(Payer::National, 385, 1000),
            s(Payer::Prefecture, 1925, 10000),
            s(Payer::Municipality, 1925, 10000),
            s(Payer::InsurancePremium1, 23, 100),
        ],
        residual_payer: Payer::Municipality,
        from: PROJECT_START,
        until: None,
        status: Status::Confirmed,
        source: "介護保険部会（2022）/ 各法に基づく負担率",
    },
    Scheme {
        key: "kaigo-general-prevention",
        name_ja: "介護保険 総合事業（地域介護予防活動支援事業）",
        name_en: "long-term care general prevention programs",
        programs: &[ProgramCode::Item3I],
        shares: &[
            s(Payer::National, 25, 100),
            s(Payer::Prefecture, 125, 1000),
            s(Payer::Municipality, 125, 1000),
            s(Payer::InsurancePremium1, 23, 100),
            s(Payer::InsurancePremium2, 27, 100),
        ],
        residual_payer: Payer::Municipality,
        from: PROJECT_START,
        until: None,
        status: Status::Confirmed,
        source: "介護保険部会（2022）/ 各法に基づく負担率",
    },
    Scheme {
        key: "konkyu-consultation",
        name_ja: "生活困窮者自立相談支援事業",
        name_en: "self-reliance consultation support",
        programs: &[ProgramCode::Item1Ni],
        shares: &[s(Payer::National, 3, 4), s(Payer::Municipality, 1, 4)],
        residual_payer: Payer::Municipality,
        from: PROJECT_START,
        until: None,
        status: Status::Confirmed,
        source: FY2024_BUDGET,
    },
    Scheme {
        key: "shogai-community-life",
        name_ja: "障害 地域生活支援事業（相談支援、地域活動支援センター）",
        name_en: "disability community life support (consultation, activity centres)",
        programs: &[ProgramCode::Item1Ro, ProgramCode::Item3Ha],
        shares: &[
            s(Payer::National, 1, 2),
            s(Payer::Prefecture, 1, 4),
            s(Payer::Municipality, 1, 4),
        ],
        residual_payer: Payer::Municipality,
        from: PROJECT_START,
        until: None,
        status: Status::Unverified,
        source: "国1/2以内・都道府県1/4以内（予算の範囲内の補助）: upper bounds, unverified",
    },
    Scheme {
        key: "kodomo-community",
        name_ja: "子ども 利用者支援事業・地域子育て支援拠点事業",
        name_en: "children: user support and child-rearing hubs",
        programs: &[ProgramCode::Item1Ha, ProgramCode::Item3Ni],
        shares: &[
            s(Payer::National, 1, 3),
            s(Payer::Prefecture, 1, 3),
            s(Payer::Municipality, 1, 3),
        ],
        residual_payer: Payer::Municipality,
        from: PROJECT_START,
        until: None,
        status: Status::Unverified,
        source: "国・都道府県・市町村 各1/3: unverified",
    },
];

/// Largest amount [`split`] accepts (¥10^15, far above any budget).
pub const MAX_AMOUNT: u64 = 1_000_000_000_000_000;

/// The rounding rule in words.
pub const ROUNDING_RULE_JA: &str =
    "各負担者の額は1円未満切り捨て。端数は事業の実施主体（残余負担者）が負担し、合計は常に総額と一致する";
/// The rounding rule in words (English).
pub const ROUNDING_RULE_EN: &str = "each share is rounded down to the yen; the remainder goes to the body running the program (the residual payer), so the shares always add up to the amount";

/// One payer's part of a split.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SplitShare {
    /// Who pays.
    pub payer: Payer,
    /// Japanese name of the payer.
    pub payer_ja: &'static str,
    /// English name of the payer.
    pub payer_en: &'static str,
    /// The fraction as written (`1/2`, `38.5%`).
    pub fraction: String,
    /// Yen.
    pub amount: u64,
}

/// A yen amount split into shares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FundingSplit {
    /// The scheme used.
    pub scheme: &'static str,
    /// Its Japanese name.
    pub scheme_ja: &'static str,
    /// The total, in yen.
    pub amount: u64,
    /// The shares; their amounts add up to `amount`.
    pub shares: Vec<SplitShare>,
    /// Confirmed or unverified figures.
    pub status: Status,
    /// Source of the figures.
    pub source: &'static str,
    /// The rounding rule (Japanese).
    pub rounding_rule_ja: &'static str,
    /// The rounding rule (English).
    pub rounding_rule_en: &'static str,
}

fn fraction_text(share: &Share) -> String {
    let (n, d) = (share.numerator, share.denominator);
    if d == 100 || d == 1000 || d == 10000 {
        let pct = f64::from(n) * 100.0 / f64::from(d);
        format!("{pct}%")
    } else {
        format!("{n}/{d}")
    }
}

/// The scheme that funds `target` (a program code or a scheme key) on `as_of`.
pub fn scheme_for(target: &str, as_of: NaiveDate) -> Result<&'static Scheme, Error> {
    let t = target.trim();
    let in_force = |s: &&Scheme| s.from <= as_of && s.until.is_none_or(|u| as_of <= u);
    if let Some(scheme) = SCHEMES.iter().find(|s| s.key == t) {
        return in_force(&scheme)
            .then_some(scheme)
            .ok_or_else(|| not_in_force(t, as_of));
    }
    let code: ProgramCode = t.parse()?;
    SCHEMES
        .iter()
        .filter(|s| s.programs.contains(&code))
        .find(in_force)
        .ok_or_else(|| {
            if as_of < PROJECT_START {
                not_in_force(t, as_of)
            } else {
                Error::new(
                    codes::FUND_NO_SHARES,
                    "",
                    format!("{t}の負担割合は記録がありません（各法に基づく負担率・補助率）"),
                    format!("no funding shares are recorded for {t} (its own law's shares apply)"),
                )
            }
        })
}

fn not_in_force(t: &str, as_of: NaiveDate) -> Error {
    Error::new(
        codes::FUND_NO_SHARES,
        "",
        format!("{as_of}時点で{t}の負担割合は定められていません（事業は2021-04-01から）"),
        format!("no funding shares for {t} on {as_of} (the project started on 2021-04-01)"),
    )
    .cite(super::articles::ITEMS.citation)
}

/// Split `amount` yen into the shares in force on `as_of` for a program code or scheme key.
///
/// ```
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2025, 4, 1).unwrap(); // ok: doc example
/// let s = jusou_core::law::funding::split(1_000_001, "5", d).unwrap(); // ok: doc example
/// let amounts: Vec<u64> = s.shares.iter().map(|x| x.amount).collect();
/// assert_eq!(amounts, vec![500_000, 250_000, 250_001]); // 国, 都道府県, 市町村 takes the remainder
/// ```
pub fn split(amount: u64, target: &str, as_of: NaiveDate) -> Result<FundingSplit, Errors> {
    if amount > MAX_AMOUNT {
        return Err(Error::new(
            codes::FUND_AMOUNT,
            "/amount",
            "金額が大きすぎます（上限 1,000兆円）",
            "amount too large (at most 10^15 yen)",
        )
        .into());
    }
    let scheme = scheme_for(target, as_of).map_err(|e| Errors::from(e.under("/program")))?;
    let mut shares: Vec<SplitShare> = scheme
        .shares
        .iter()
        .map(|sh| SplitShare {
            payer: sh.payer,
            payer_ja: sh.payer.name_ja(),
            payer_en: sh.payer.name_en(),
            fraction: fraction_text(sh),
            // u128: amount ≤ 10^15 and numerator < 2^32 cannot overflow.
            amount: u64::try_from(
                u128::from(amount) * u128::from(sh.numerator) / u128::from(sh.denominator),
            )
            .unwrap_or(u64::MAX),
        })
        .collect();
    let others: u64 = shares
        .iter()
        .filter(|sh| sh.payer != scheme.residual_payer)
        .map(|sh| sh.amount)
        .sum();
    if let Some(res) = shares
        .iter_mut()
        .find(|sh| sh.payer == scheme.residual_payer)
    {
        res.amount = amount.saturating_sub(others);
    }
    Ok(FundingSplit {
        scheme: scheme.key,
        scheme_ja: scheme.name_ja,
        amount,
        shares,
        status: scheme.status,
        source: scheme.source,
        rounding_rule_ja: ROUNDING_RULE_JA,
        rounding_rule_en: ROUNDING_RULE_EN,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::ymd;

    fn d() -> NaiveDate {
        ymd(2025, 4, 1)
    }

    #[test]
    fn every_scheme_adds_up_to_one() {
        for sch in &SCHEMES {
            // Sum of fractions == 1, in exact integer arithmetic over a common denominator.
            let den: u128 = 10_000 * 12;
            let total: u128 = sch
                .shares
                .iter()
                .map(|s| u128::from(s.numerator) * den / u128::from(s.denominator))
                .sum();
            assert_eq!(total, den, "{}", sch.key);
            assert!(
                sch.shares.iter().any(|s| s.payer == sch.residual_payer),
                "{}",
                sch.key
            );
        }
    }

    #[test]
    fn splits_always_sum_exactly() {
        let amounts = [
            0u64,
            1,
            2,
            3,
            7,
            99,
            100,
            101,
            999_999,
            1_000_001,
            54_300_000_000,
            MAX_AMOUNT,
        ];
        for sch in &SCHEMES {
            for a in amounts {
                let sp = split(a, sch.key, d()).unwrap();
                assert_eq!(
                    sp.shares.iter().map(|s| s.amount).sum::<u64>(),
                    a,
                    "{} {a}",
                    sch.key
                );
            }
        }
    }

    #[test]
    fn known_splits() {
        let sp = split(10_000_000, "1-i", d()).unwrap();
        let v: Vec<_> = sp
            .shares
            .iter()
            .map(|s| (s.fraction.as_str(), s.amount))
            .collect();
        assert_eq!(
            v,
            vec![
                ("38.5%", 3_850_000),
                ("19.25%", 1_925_000),
                ("19.25%", 1_925_000),
                ("23%", 2_300_000)
            ]
        );
        let sp = split(100, "prefectural-backup", d()).unwrap();
        assert_eq!(sp.shares[1].payer, Payer::Prefecture);
        assert_eq!(sp.shares[1].amount, 25);
        let sp = split(10, "3-ni", d()).unwrap();
        assert_eq!(sp.status, Status::Unverified);
        assert_eq!(
            sp.shares.iter().map(|s| s.amount).collect::<Vec<_>>(),
            vec![3, 3, 4]
        );
    }

    #[test]
    fn errors() {
        assert_eq!(
            split(1, "3-main-community", d()).unwrap_err().errors[0].code,
            codes::FUND_NO_SHARES
        );
        assert_eq!(
            split(1, "5", ymd(2020, 4, 1)).unwrap_err().errors[0].code,
            codes::FUND_NO_SHARES
        );
        assert_eq!(
            split(1, "99", d()).unwrap_err().errors[0].code,
            codes::LAW_UNKNOWN_PROGRAM
        );
        assert_eq!(
            split(MAX_AMOUNT + 1, "5", d()).unwrap_err().errors[0].code,
            codes::FUND_AMOUNT
        );
    }
}

/// Input of `split_funding`.
#[derive(Debug, serde::Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SplitFundingInput {
    /// Amount in yen (0 … 10^15).
    pub amount: u64,
    /// Program code (`5`) or scheme key (`transition-preparation`).
    pub program: String,
    /// The date whose shares apply.
    #[serde(with = "crate::calendar::day")]
    #[schemars(with = "crate::calendar::DayText")]
    pub as_of: chrono::NaiveDate,
}
