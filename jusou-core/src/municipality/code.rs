//! 全国地方公共団体コード: two digits of prefecture, three of the body, and a check digit.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{codes, Error};

/// A validated 全国地方公共団体コード (6 digits including its check digit).
///
/// ```
/// use jusou_core::municipality::LocalGovCode;
/// let c: LocalGovCode = "112305".parse().unwrap(); // 新座市 // ok: doc example
/// assert_eq!(c.prefecture(), 11);
/// assert!("112306".parse::<LocalGovCode>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, JsonSchema)]
#[schemars(
    with = "String",
    description = "全国地方公共団体コード: 6 digits, the last a check digit (e.g. 112305 新座市)"
)]
pub struct LocalGovCode([u8; 6]);

/// The check digit of the first five digits: weights 6,5,4,3,2; `(11 − sum mod 11)` mod 10.
pub fn check_digit(first5: [u8; 5]) -> u8 {
    let sum: u32 = first5
        .iter()
        .zip([6u32, 5, 4, 3, 2])
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    ((11 - sum % 11) % 10) as u8
}

impl LocalGovCode {
    /// Prefecture number (1–47).
    pub fn prefecture(&self) -> u8 {
        self.0[0] * 10 + self.0[1]
    }

    /// The code as text.
    pub fn as_string(&self) -> String {
        self.0.iter().map(|d| char::from(b'0' + d)).collect()
    }
}

impl fmt::Display for LocalGovCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_string())
    }
}

impl FromStr for LocalGovCode {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let t = s.trim();
        let digits: Vec<u8> = t
            .chars()
            .map(|c| match c {
                '0'..='9' => Some(c as u8 - b'0'),
                '０'..='９' => Some((c as u32 - '０' as u32) as u8),
                _ => None,
            })
            .collect::<Option<Vec<u8>>>()
            .unwrap_or_default();
        let Ok(arr) = <[u8; 6]>::try_from(digits.as_slice()) else {
            return Err(Error::new(
                codes::LGCODE_FORMAT,
                "",
                format!("「{t}」は全国地方公共団体コード（6桁の数字）ではありません"),
                format!("'{t}' is not a local government code (6 digits)"),
            ));
        };
        let pref = arr[0] * 10 + arr[1];
        if !(1..=47).contains(&pref) {
            return Err(Error::new(
                codes::LGCODE_PREFECTURE,
                "",
                format!("「{t}」の都道府県コード{pref:02}は01〜47の範囲外です"),
                format!("'{t}': prefecture part {pref:02} is not 01–47"),
            ));
        }
        let expected = check_digit([arr[0], arr[1], arr[2], arr[3], arr[4]]);
        if arr[5] != expected {
            return Err(Error::new(
                codes::LGCODE_CHECK_DIGIT,
                "",
                format!("「{t}」の検査数字が合いません（正しくは{expected}）"),
                format!("'{t}': check digit does not match (expected {expected})"),
            ));
        }
        Ok(LocalGovCode(arr))
    }
}

impl Serialize for LocalGovCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for LocalGovCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d).map_err(|e| {
            crate::error::type_error(
                e,
                "全国地方公共団体コードは文字列で書いてください（例: \"112305\"）",
                "a local government code is a string (e.g. \"112305\")",
            )
        })?;
        s.parse().map_err(|e: Error| e.to_serde())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_real_codes() {
        for c in [
            "131016",
            "011002",
            "112224",
            "112305",
            "132250",
            "232076",
            "１１２３０５",
        ] {
            assert!(c.parse::<LocalGovCode>().is_ok(), "{c}");
        }
    }

    #[test]
    fn rejects_bad_codes() {
        let code = |s: &str| s.parse::<LocalGovCode>().unwrap_err().code;
        assert_eq!(code("131017"), codes::LGCODE_CHECK_DIGIT);
        assert_eq!(code("112225"), codes::LGCODE_CHECK_DIGIT);
        assert_eq!(code("13101"), codes::LGCODE_FORMAT);
        assert_eq!(code("1310166"), codes::LGCODE_FORMAT);
        assert_eq!(code("13101a"), codes::LGCODE_FORMAT);
        assert_eq!(code("481006"), codes::LGCODE_PREFECTURE);
        assert_eq!(code("001007"), codes::LGCODE_PREFECTURE);
    }

    #[test]
    fn check_digit_edge_remainders() {
        // sum ≡ 0 (mod 11) → 11 → last digit 1; sum ≡ 1 → 10 → 0.
        assert_eq!(check_digit([0, 0, 0, 0, 0]), 1);
        assert_eq!(check_digit([1, 1, 0, 0, 0]), 1); // 6+5 = 11 ≡ 0
        assert_eq!(check_digit([2, 0, 0, 0, 0]), 0); // 12 ≡ 1 → 10 → 0
    }
}
