//! Ages as records give them: exact (`80`), a band (`"60代"`, `"小学生"`, `"高齢"`), or not at all.
//! A band is read as the range of ages it allows; a rule that needs an age asks the range a
//! yes/no question and gets "not assessable" when the range straddles the line, never a guess.

use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! bands {
    ($($(#[$doc:meta])* $variant:ident = $key:literal, [$($alias:literal),*], $en:literal, $lo:expr, $hi:expr;)*) => {
        /// An age band as intake records write it. The JSON value is the Japanese word; English
        /// ids are accepted as aliases.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
        pub enum AgeBand {
            $($(#[$doc])* #[serde(rename = $key $(, alias = $alias)*)] $variant,)*
        }

        impl AgeBand {
            /// Every band.
            pub const ALL: &'static [AgeBand] = &[$(AgeBand::$variant,)*];

            /// The JSON value (`"60代"`).
            pub const fn key(self) -> &'static str {
                match self { $(AgeBand::$variant => $key,)* }
            }

            /// English.
            pub const fn label_en(self) -> &'static str {
                match self { $(AgeBand::$variant => $en,)* }
            }

            /// The ages the band allows, inclusive.
            pub const fn range(self) -> AgeRange {
                match self { $(AgeBand::$variant => AgeRange { min: $lo, max: $hi },)* }
            }
        }
    };
}

bands! {
    /// 未就学（乳幼児）: 0–6
    Preschool = "未就学", ["preschool", "乳幼児"], "preschool child", 0, 6;
    /// 小学生: 6–12
    Elementary = "小学生", ["elementary_school"], "elementary-school child", 6, 12;
    /// 中学生: 12–15
    JuniorHigh = "中学生", ["junior_high_school"], "junior-high-school pupil", 12, 15;
    /// 高校生: 15–18 (a third-year pupil may be 18)
    HighSchool = "高校生", ["high_school"], "high-school pupil", 15, 18;
    /// 18歳未満（子ども・児童）
    Minor = "18歳未満", ["minor", "児童"], "under 18", 0, 17;
    /// 成人（18歳以上）
    Adult = "成人", ["adult", "18歳以上"], "adult (18 or over)", 18, MAX;
    /// 若者（18〜39歳）: the band 子ども・若者育成支援推進法's policies use (おおむね30代まで)
    YoungAdult = "若者", ["young_adult"], "young adult (18–39)", 18, 39;
    /// 高齢（65歳以上）
    Elderly = "高齢", ["elderly", "65歳以上", "高齢者"], "elderly (65 or over)", 65, MAX;
    /// 後期高齢（75歳以上）
    LateElderly = "後期高齢", ["late_elderly", "75歳以上", "後期高齢者"], "75 or over", 75, MAX;
    /// 10代
    Teens = "10代", ["10s"], "in their teens", 10, 19;
    /// 20代
    Twenties = "20代", ["20s"], "in their 20s", 20, 29;
    /// 30代
    Thirties = "30代", ["30s"], "in their 30s", 30, 39;
    /// 40代
    Forties = "40代", ["40s"], "in their 40s", 40, 49;
    /// 50代
    Fifties = "50代", ["50s"], "in their 50s", 50, 59;
    /// 60代
    Sixties = "60代", ["60s"], "in their 60s", 60, 69;
    /// 70代
    Seventies = "70代", ["70s"], "in their 70s", 70, 79;
    /// 80代
    Eighties = "80代", ["80s"], "in their 80s", 80, 89;
    /// 90代
    Nineties = "90代", ["90s"], "in their 90s", 90, 99;
}

const MAX: i64 = super::intake::MAX_AGE;

/// An age as recorded: an exact number of years or a band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, JsonSchema)]
#[serde(untagged)]
pub enum Age {
    /// Completed years on the intake date.
    Exact(i64),
    /// A band (`"60代"`, `"小学生"`, `"高齢"`).
    Band(AgeBand),
}

impl Age {
    /// The ages this allows (an exact age is a range of one).
    pub const fn range(self) -> AgeRange {
        match self {
            Age::Exact(a) => AgeRange { min: a, max: a },
            Age::Band(b) => b.range(),
        }
    }
}

impl Serialize for Age {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Age::Exact(a) => s.serialize_i64(*a),
            Age::Band(b) => b.serialize(s),
        }
    }
}

/// Reads a number or a band word with serde's own error kinds (so a float is "wrong type", an
/// unknown word "not one of the allowed values"), not an untagged enum's one vague message.
impl<'de> Deserialize<'de> for Age {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Age;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an age in whole years or an age band such as \"60代\"")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Age, E> {
                Ok(Age::Exact(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Age, E> {
                i64::try_from(v)
                    .map(Age::Exact)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Age, E> {
                Err(E::invalid_type(de::Unexpected::Float(v), &self))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Age, E> {
                AgeBand::deserialize(de::value::StrDeserializer::<E>::new(v)).map(Age::Band)
            }
        }
        d.deserialize_any(V)
    }
}

/// The ages a record allows, inclusive. Unknown is `0 ..= MAX_AGE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeRange {
    /// Youngest possible.
    pub min: i64,
    /// Oldest possible.
    pub max: i64,
}

impl AgeRange {
    /// Nothing known.
    pub const UNKNOWN: AgeRange = AgeRange { min: 0, max: MAX };

    /// An exact age.
    pub const fn exact(a: i64) -> Self {
        AgeRange { min: a, max: a }
    }

    /// Is the person under `n`? `None` when the range straddles `n` (not assessable).
    pub const fn under(self, n: i64) -> Option<bool> {
        if self.max < n {
            Some(true)
        } else if self.min >= n {
            Some(false)
        } else {
            None
        }
    }

    /// Is the person `n` or older?
    pub const fn at_least(self, n: i64) -> Option<bool> {
        match self.under(n) {
            Some(b) => Some(!b),
            None => None,
        }
    }

    /// Is the person within `lo ..= hi`?
    pub const fn within(self, lo: i64, hi: i64) -> Option<bool> {
        if self.min >= lo && self.max <= hi {
            Some(true)
        } else if self.max < lo || self.min > hi {
            Some(false)
        } else {
            None
        }
    }

    /// The exact age, when known.
    pub const fn exact_value(self) -> Option<i64> {
        if self.min == self.max {
            Some(self.min)
        } else {
            None
        }
    }

    /// Whether `a` is possible.
    pub const fn contains(self, a: i64) -> bool {
        self.min <= a && a <= self.max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_and_numbers() {
        let a: Age = serde_json::from_str("\"60代\"").unwrap();
        assert_eq!(a, Age::Band(AgeBand::Sixties));
        let a: Age = serde_json::from_str("\"elderly\"").unwrap();
        assert_eq!(a.range().at_least(65), Some(true));
        let a: Age = serde_json::from_str("17").unwrap();
        assert_eq!(a.range().under(18), Some(true));
        assert_eq!(AgeBand::HighSchool.range().under(18), None);
        assert!(serde_json::from_str::<Age>("17.5").is_err());
        assert_eq!(
            serde_json::to_string(&Age::Band(AgeBand::Elementary)).unwrap(),
            "\"小学生\""
        );
    }
}
