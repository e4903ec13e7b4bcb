//! Reading what the CLI is given — case, meeting, plan and municipality files, `jusou api`'s file
//! or standard input, a batch's JSON Lines — in one place, as Japanese offices write files.
//!
//! The library reads UTF-8 only; the CLI meets files where they are: a UTF-8 byte order mark
//! (メモ帳 and Excel's "CSV UTF-8" write one) is dropped, and a file in Shift_JIS (CP932) or UTF-16
//! gets an error that names its encoding and how to convert it, instead of a JSON syntax error at
//! line 1, column 1. Shift_JIS is recognised with `encoding_rs` (WHATWG's Shift_JIS, i.e. CP932).

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use jusou_core::{Error, Errors};

/// A file or standard input cannot be read (missing, not permitted, or not UTF-8 in an encoding
/// jusou does not recognise).
pub const READ: &str = jusou_core::error::catalogue::IO_READ;
/// The input is in Shift_JIS (CP932), not UTF-8; the message says how to convert it.
pub const SHIFT_JIS: &str = jusou_core::error::catalogue::IO_SHIFT_JIS;
/// The input is in UTF-16 (it starts with a UTF-16 byte order mark), not UTF-8.
pub const UTF16: &str = jusou_core::error::catalogue::IO_UTF16;
/// The CLI could not write its CSV output (`jusou report --csv`).
pub const CSV_WRITE: &str = jusou_core::error::catalogue::IO_CSV_WRITE;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where input comes from, for messages.
#[derive(Clone, Copy)]
pub enum Source<'a> {
    /// Standard input.
    Stdin,
    /// A file.
    File(&'a Path),
}

impl<'a> Source<'a> {
    /// A command-line argument naming an input: `-` is standard input, anything else a file.
    pub fn of(arg: &'a Path) -> Self {
        if arg.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(arg)
        }
    }

    fn ja(&self) -> String {
        match self {
            Source::Stdin => "標準入力".into(),
            Source::File(p) => format!("ファイル{}", p.display()),
        }
    }

    fn en(&self) -> String {
        match self {
            Source::Stdin => "standard input".into(),
            Source::File(p) => p.display().to_string(),
        }
    }

    /// The file name to show in a conversion command.
    fn arg(&self) -> Cow<'static, str> {
        match self {
            Source::Stdin => "入力.json".into(),
            Source::File(p) => p.display().to_string().into(),
        }
    }
}

/// The `JUSOU-E-IO-001` error for an I/O failure on `source`.
pub fn read_error(source: Source, e: std::io::Error) -> Errors {
    Error::new(
        READ,
        "",
        format!("{}を読めません: {e}", source.ja()),
        format!("cannot read {}: {e}", source.en()),
    )
    .into()
}

/// Read a whole file as UTF-8 text (a leading byte order mark dropped).
pub fn read_file(path: &Path) -> Result<String, Errors> {
    let source = Source::File(path);
    let bytes = std::fs::read(path).map_err(|e| read_error(source, e))?;
    decode(bytes, source)
}

/// Read all of standard input as UTF-8 text (a leading byte order mark dropped).
pub fn read_stdin() -> Result<String, Errors> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| read_error(Source::Stdin, e))?;
    decode(bytes, Source::Stdin)
}

/// Open a file (or standard input for `-`) to be read line by line, with a leading UTF-8 byte
/// order mark already consumed. Its first buffer is checked: a file in Shift_JIS or UTF-16 is
/// refused as a whole here, rather than as a "not UTF-8" error on every line. (A stray non-UTF-8
/// line further on is still that line's own error.)
pub fn open_lines(path: &Path) -> Result<Box<dyn BufRead>, Errors> {
    let source = Source::of(path);
    let mut reader: Box<dyn BufRead> = match source {
        Source::Stdin => Box::new(std::io::stdin().lock()),
        Source::File(p) => Box::new(BufReader::new(
            std::fs::File::open(p).map_err(|e| read_error(source, e))?,
        )),
    };
    let head = reader.fill_buf().map_err(|e| read_error(source, e))?;
    if head.starts_with(UTF8_BOM) {
        reader.consume(UTF8_BOM.len());
    } else if let Some(e) = foreign_encoding(head, source, true) {
        return Err(e);
    }
    Ok(reader)
}

/// UTF-8 text from `bytes`, without a leading byte order mark, or the error naming the encoding.
fn decode(mut bytes: Vec<u8>, source: Source) -> Result<String, Errors> {
    if bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    } else if let Some(e) = foreign_encoding(&bytes, source, false) {
        return Err(e);
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to() + 1;
        Error::new(
            READ,
            "",
            format!(
                "{}はUTF-8として読めません（{at}バイト目）。UTF-8で保存し直してください",
                source.ja()
            ),
            format!(
                "{} is not UTF-8 (at byte {at}): save it as UTF-8",
                source.en()
            ),
        )
        .into()
    })
}

/// The error for text that is not UTF-8 but recognisably UTF-16 or Shift_JIS. `partial`: `bytes`
/// is the start of a longer input and may end inside a character.
fn foreign_encoding(bytes: &[u8], source: Source, partial: bool) -> Option<Errors> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Some(encoding_error(UTF16, "UTF-16", "UTF-16", source));
    }
    let not_utf8 = match std::str::from_utf8(bytes) {
        Ok(_) => false,
        // A character cut off at the end of a partial read is no evidence either way.
        Err(e) => !(partial && e.error_len().is_none()),
    };
    if not_utf8 && is_shift_jis(bytes, partial) {
        return Some(encoding_error(
            SHIFT_JIS,
            "Shift_JIS（CP932）",
            "Shift_JIS (CP932)",
            source,
        ));
    }
    None
}

/// Whether `bytes` decode as Shift_JIS without a single malformed sequence and hold Japanese
/// text (kana, kanji or full-width forms) — so a file in some other encoding, or binary, is not
/// taken for Shift_JIS. A partial read may end on the first byte of a two-byte character.
fn is_shift_jis(bytes: &[u8], partial: bool) -> bool {
    let whole = encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes);
    let text = match whole {
        Some(t) => t,
        None if partial && !bytes.is_empty() => {
            match encoding_rs::SHIFT_JIS
                .decode_without_bom_handling_and_without_replacement(&bytes[..bytes.len() - 1])
            {
                Some(t) => t,
                None => return false,
            }
        }
        None => return false,
    };
    text.chars().any(|c| {
        matches!(c as u32,
            0x3000..=0x30FF      // 和文の記号・ひらがな・カタカナ
            | 0x4E00..=0x9FFF    // 漢字
            | 0xFF01..=0xFF9F) // 全角英数・半角カナ
    })
}

fn encoding_error(code: &'static str, name_ja: &str, name_en: &str, source: Source) -> Errors {
    let from = if code == UTF16 { "UTF-16" } else { "CP932" };
    let arg = source.arg();
    Error::new(
        code,
        "",
        format!(
            "{}は{name_ja}で保存されています。jusouが読めるのはUTF-8だけです。メモ帳で開いて\
             「名前を付けて保存」で文字コードを「UTF-8」にして保存し直すか、\
             `iconv -f {from} -t UTF-8 {arg} > 変換後.json` で変換してください",
            source.ja()
        ),
        format!(
            "{} is in {name_en}, and jusou reads only UTF-8: convert it with \
             `iconv -f {from} -t UTF-8 {arg} > converted.json`, or open it in Notepad and save \
             it with the encoding \"UTF-8\"",
            source.en()
        ),
    )
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(r: Result<String, Errors>) -> String {
        r.unwrap_err().errors[0].code.to_string()
    }

    #[test]
    fn a_utf8_bom_is_dropped() {
        let text = decode(b"\xEF\xBB\xBF{\"a\": 1}".to_vec(), Source::Stdin).unwrap();
        assert_eq!(text, "{\"a\": 1}");
    }

    #[test]
    fn shift_jis_is_named() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("{\"note\": \"ひきこもり\"}");
        assert_eq!(code(decode(sjis.to_vec(), Source::Stdin)), SHIFT_JIS);
        // Cut inside a two-byte character, as the first buffer of a long file may be.
        let cut = &sjis[..sjis.len() - 3];
        assert!(foreign_encoding(cut, Source::Stdin, true).is_some());
    }

    #[test]
    fn utf16_is_named() {
        assert_eq!(
            code(decode(b"\xFF\xFE{\0}\0".to_vec(), Source::Stdin)),
            UTF16
        );
    }

    #[test]
    fn other_bytes_are_a_read_error_with_the_byte() {
        let e = decode(b"{\"a\": \xFF}".to_vec(), Source::Stdin).unwrap_err();
        assert_eq!(e.errors[0].code, READ);
        assert!(e.errors[0].message_en.contains("byte 7"));
    }

    #[test]
    fn a_utf8_character_cut_by_a_partial_read_is_not_foreign() {
        let text = "相談".as_bytes();
        assert!(foreign_encoding(&text[..4], Source::Stdin, true).is_none());
    }
}
