//! `jusou batch route --csv IN.csv`: route the cases of a municipal CSV export, one row per
//! household member with the case's columns repeated (layout: docs/csv.md), and write one row
//! of decision per case as CSV.
//!
//! Input in UTF-8 (with or without BOM) or Shift_JIS/CP932 (encoding_rs). Every error names its
//! row (1 = the header row, as a spreadsheet numbers them) and its column; a bad row or case is
//! answered in its own output row and the batch goes on. Each case is routed exactly as `jusou
//! route` routes the same case written as JSON: the rows become that JSON and the core decides.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;

use jusou_core::case::Issue;
use jusou_core::{routing, Error, Errors};
use serde_json::{json, Map, Value};

/// The CSV path's own error codes (`JUSOU-E-CSV-…`); a case's errors keep the core's codes.
pub mod csv_codes {
    /// The file cannot be read as CSV (a broken quote, a row of the wrong width).
    pub const SYNTAX: &str = jusou_core::error::catalogue::CSV_SYNTAX;
    /// A required column is missing from the header, or a header names no known column.
    pub const HEADER: &str = jusou_core::error::catalogue::CSV_HEADER;
    /// A cell cannot be read (not a yes/no, not a whole number, not readable in the encoding).
    pub const CELL: &str = jusou_core::error::catalogue::CSV_CELL;
    /// A case's repeated column differs between its rows.
    pub const CASE_MISMATCH: &str = jusou_core::error::catalogue::CSV_CASE_MISMATCH;
    /// A case's rows are not next to each other (the export must be grouped by case).
    pub const CASE_SPLIT: &str = jusou_core::error::catalogue::CSV_CASE_SPLIT;
}

/// How the input is encoded.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Encoding {
    /// UTF-8 (a BOM is dropped); otherwise Shift_JIS/CP932.
    Auto,
    /// UTF-8, with or without a BOM.
    #[value(name = "utf-8")]
    Utf8,
    /// Shift_JIS with Microsoft's extensions (CP932, Windows-31J).
    Cp932,
}

/// What a column holds.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Text, as given.
    Text,
    /// A yes/no.
    Flag,
    /// A whole number.
    Number,
    /// A list separated by `;`, `；` or `、`.
    List,
}

/// A column: its key (English header), its Japanese header, where it goes in the case JSON, what
/// it holds, whether it belongs to the case (repeated on every row) or to the member.
struct Column {
    key: &'static str,
    ja: &'static str,
    /// JSON pointer tokens in the case (case columns) or the member (member columns).
    at: &'static [&'static str],
    kind: Kind,
    case: bool,
    required: bool,
}

const fn col(
    key: &'static str,
    ja: &'static str,
    at: &'static [&'static str],
    kind: Kind,
    case: bool,
    required: bool,
) -> Column {
    Column {
        key,
        ja,
        at,
        kind,
        case,
        required,
    }
}

/// The input columns (docs/csv.md), in the order of the template.
const COLUMNS: &[Column] = &[
    col("case_id", "相談ID", &["id"], Kind::Text, true, true),
    col(
        "received_on",
        "受付日",
        &["received_on"],
        Kind::Text,
        true,
        true,
    ),
    col(
        "received_by",
        "受付機関",
        &["received_by", "agency"],
        Kind::Text,
        true,
        true,
    ),
    col(
        "received_program",
        "受付事業",
        &["received_by", "program"],
        Kind::Text,
        true,
        false,
    ),
    col("as_of", "判断日", &["as_of"], Kind::Text, true, false),
    col(
        "agencies_involved",
        "関与機関",
        &["agencies_involved"],
        Kind::List,
        true,
        false,
    ),
    col(
        "one_agency_can_resolve",
        "単独機関で解決可",
        &["findings", "one_agency_can_resolve"],
        Kind::Flag,
        true,
        false,
    ),
    col(
        "rigid_support",
        "支援の硬直",
        &["findings", "rigid_support"],
        Kind::Flag,
        true,
        false,
    ),
    col(
        "between_systems",
        "制度の狭間",
        &["findings", "between_systems"],
        Kind::Flag,
        true,
        false,
    ),
    col(
        "refuses_support",
        "支援拒否",
        &["findings", "refuses_support"],
        Kind::Flag,
        true,
        false,
    ),
    col(
        "no_contact",
        "接触困難",
        &["findings", "no_contact"],
        Kind::Flag,
        true,
        false,
    ),
    col(
        "participation_need_unmet",
        "参加ニーズ未充足",
        &["findings", "participation_need_unmet"],
        Kind::Flag,
        true,
        false,
    ),
    col(
        "withdrawal_years",
        "ひきこもり年数",
        &["findings", "withdrawal_years"],
        Kind::Number,
        true,
        false,
    ),
    col("member_id", "世帯員ID", &["id"], Kind::Text, false, true),
    col("age", "年齢", &["age"], Kind::Number, false, false),
    col(
        "birth_date",
        "生年月日",
        &["birth_date"],
        Kind::Text,
        false,
        false,
    ),
    col("relation", "続柄", &["relation"], Kind::Text, false, true),
    col("subject", "本人", &["subject"], Kind::Flag, false, false),
    col("issues", "課題", &["issues"], Kind::List, false, false),
];

/// The output columns: English key, Japanese header.
const OUT: &[(&str, &str)] = &[
    ("case_id", "相談ID"),
    ("result", "結果"),
    ("as_of", "判断日"),
    ("multi_agency", "多機関協働"),
    ("outreach", "アウトリーチ等"),
    ("participation_support", "参加支援の候補"),
    ("lead_program", "主担当事業"),
    ("first_meeting", "最初の会議"),
    ("fields", "分野"),
    ("patterns", "世帯の型"),
    ("statutory_alerts", "他法の手続"),
    ("reasons", "判定理由"),
    ("error_row", "エラー行"),
    ("error_column", "エラー列"),
    ("error_code", "エラーコード"),
    ("error_message", "エラー内容"),
];

fn err(code: &'static str, ja: String, en: String) -> Error {
    Error::new(code, "", ja, en)
}

/// Decode the file's bytes to text.
fn decode(bytes: &[u8], enc: Encoding) -> String {
    let utf8 = |b: &[u8]| {
        let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
        String::from_utf8_lossy(b).into_owned()
    };
    match enc {
        Encoding::Utf8 => utf8(bytes),
        Encoding::Cp932 => encoding_rs::SHIFT_JIS
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
        Encoding::Auto => {
            if bytes.starts_with(b"\xEF\xBB\xBF") || std::str::from_utf8(bytes).is_ok() {
                utf8(bytes)
            } else {
                encoding_rs::SHIFT_JIS
                    .decode_without_bom_handling(bytes)
                    .0
                    .into_owned()
            }
        }
    }
}

/// A yes/no as municipal exports write it; empty is "not stated".
fn flag(s: &str) -> Option<bool> {
    match s {
        "1" | "true" | "TRUE" | "True" | "yes" | "Y" | "y" | "はい" | "有" | "あり" | "○"
        | "〇" | "◯" => Some(true),
        "0" | "false" | "FALSE" | "False" | "no" | "N" | "n" | "いいえ" | "無" | "なし" | "×"
        | "-" => Some(false),
        _ => None,
    }
}

/// A row of the input, with its number (1 = the header).
struct Row {
    line: usize,
    cells: Vec<String>,
}

/// One case's rows being gathered, and where each member came from.
struct Pending {
    id: String,
    rows: Vec<Row>,
}

/// Where an error of a case goes: the row and the column of its JSON pointer.
fn locate(
    path: &str,
    rows: &[Row],
    header: &[String],
    index: &HashMap<&str, usize>,
) -> (usize, String) {
    let first = rows.first().map(|r| r.line).unwrap_or(0);
    let tokens: Vec<&str> = path.split('/').skip(1).collect();
    let name = |key: &str| {
        index
            .get(key)
            .map(|&i| header[i].clone())
            .unwrap_or_default()
    };
    let find = |case: bool, at: &[&str]| {
        if at.is_empty() {
            return String::new(); // the whole member: no one column
        }
        COLUMNS
            .iter()
            .filter(|c| c.case == case)
            .find(|c| at.starts_with(c.at) || c.at.starts_with(at))
            .map(|c| name(c.key))
            .unwrap_or_default()
    };
    match tokens.as_slice() {
        ["household", n, rest @ ..] => {
            let row = n
                .parse::<usize>()
                .ok()
                .and_then(|n| rows.get(n))
                .map(|r| r.line)
                .unwrap_or(first);
            (row, find(false, rest))
        }
        [] => (first, String::new()),
        at => (first, find(true, at)),
    }
}

fn cell_text(e: &Error) -> String {
    format!("{} / {}", e.message_ja, e.message_en)
}

/// Build the case JSON from its rows; errors of single cells come back with their row.
fn build(
    p: &Pending,
    index: &HashMap<&str, usize>,
    header: &[String],
) -> Result<Value, Vec<(usize, String, Error)>> {
    let mut errors = Vec::new();
    let mut case = Map::new();
    let mut household = Vec::new();
    fn cell<'r>(r: &'r Row, index: &HashMap<&str, usize>, key: &str) -> &'r str {
        index
            .get(key)
            .and_then(|&i| r.cells.get(i))
            .map(|s| s.trim())
            .unwrap_or("")
    }
    for (n, r) in p.rows.iter().enumerate() {
        let mut member = Map::new();
        for c in COLUMNS {
            let text = cell(r, index, c.key);
            let column = index
                .get(c.key)
                .map(|&i| header[i].clone())
                .unwrap_or_default();
            if c.case && n > 0 {
                let first = cell(&p.rows[0], index, c.key);
                if text != first {
                    errors.push((r.line, column.clone(), err(
                        csv_codes::CASE_MISMATCH,
                        format!("相談{}の「{column}」が1行目（{first}）と違います（{text}）", p.id),
                        format!("case {}: '{column}' differs from its first row ({first:?} vs {text:?})", p.id),
                    )));
                }
                continue;
            }
            if text.is_empty() {
                continue; // not stated
            }
            if text.contains('\u{FFFD}') {
                errors.push((
                    r.line,
                    column.clone(),
                    err(
                        csv_codes::CELL,
                        format!("「{column}」の文字を読めません（文字コードを確認してください）"),
                        format!(
                            "'{column}' holds bytes that are not readable in the input encoding"
                        ),
                    ),
                ));
                continue;
            }
            let value = match c.kind {
                Kind::Text => Value::String(text.to_owned()),
                Kind::List => Value::Array(
                    text.split([';', '；', '、'])
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(|s| Value::String(issue_key(c.key, s).to_owned()))
                        .collect(),
                ),
                Kind::Flag => match flag(text) {
                    Some(b) => Value::Bool(b),
                    None => {
                        errors.push((r.line, column.clone(), err(
                            csv_codes::CELL,
                            format!("「{column}」は はい/いいえ（1/0、○/×）で書いてください（{text}）"),
                            format!("'{column}' must be yes or no (1/0, true/false, ○/×): {text:?}"),
                        )));
                        continue;
                    }
                },
                Kind::Number => match text.parse::<i64>() {
                    Ok(v) => json!(v),
                    Err(_) => {
                        errors.push((
                            r.line,
                            column.clone(),
                            err(
                                csv_codes::CELL,
                                format!("「{column}」は整数で書いてください（{text}）"),
                                format!("'{column}' must be a whole number: {text:?}"),
                            ),
                        ));
                        continue;
                    }
                },
            };
            let target = if c.case { &mut case } else { &mut member };
            insert(target, c.at, value);
        }
        household.push(Value::Object(member));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    case.insert("household".into(), Value::Array(household));
    Ok(Value::Object(case))
}

/// An issue written with its Japanese label (`認知症`) as its key (`dementia`): exports use the
/// labels. (Relations take their Japanese labels in the core already.)
fn issue_key<'a>(column: &str, s: &'a str) -> &'a str {
    if column != "issues" {
        return s;
    }
    Issue::ALL
        .iter()
        .find(|i| i.label_ja() == s)
        .map(|i| i.key())
        .unwrap_or(s)
}

fn insert(map: &mut Map<String, Value>, at: &[&str], value: Value) {
    match at {
        [] => {}
        [last] => {
            map.insert((*last).to_owned(), value);
        }
        [first, rest @ ..] => {
            let inner = map
                .entry((*first).to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = inner {
                insert(m, rest, value);
            }
        }
    }
}

/// Text of a decision field for a cell: lists joined with `;`.
fn text_of(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => if *b { "1" } else { "0" }.into(),
        Value::Array(items) => items.iter().map(text_of).collect::<Vec<_>>().join(";"),
        Value::Object(o) => ["rule", "pattern", "code"]
            .iter()
            .find_map(|k| o.get(*k))
            .map(text_of)
            .unwrap_or_default(),
        other => other.to_string(),
    }
}

/// The CSV writer over the output, in UTF-8 or CP932.
struct Out<W: Write> {
    w: W,
    cp932: bool,
}

impl<W: Write> Out<W> {
    fn row(&mut self, cells: &[String]) {
        let mut wtr = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let _ = wtr.write_record(cells);
        let bytes = wtr.into_inner().unwrap_or_default();
        let _ = if self.cp932 {
            let text = String::from_utf8_lossy(&bytes);
            self.w.write_all(&encoding_rs::SHIFT_JIS.encode(&text).0)
        } else {
            self.w.write_all(&bytes)
        };
    }

    fn decision(&mut self, v: &Value) {
        let cells: Vec<String> = OUT
            .iter()
            .map(|(k, _)| match *k {
                "result" => "ok".into(),
                "error_row" | "error_column" | "error_code" | "error_message" => String::new(),
                k => text_of(&v[k]),
            })
            .collect();
        self.row(&cells);
    }

    fn error(&mut self, case_id: &str, line: usize, column: &str, e: &Error) {
        let cells: Vec<String> = OUT
            .iter()
            .map(|(k, _)| match *k {
                "case_id" => case_id.to_owned(),
                "result" => "error".into(),
                "error_row" => line.to_string(),
                "error_column" => column.to_owned(),
                "error_code" => e.code.to_string(),
                "error_message" => {
                    let at = if e.path.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", e.path)
                    };
                    format!("{}{at}", cell_text(e))
                }
                _ => String::new(),
            })
            .collect();
        self.row(&cells);
    }
}

/// Options of the CSV path (from `jusou batch route --csv`).
pub struct Options {
    /// Japanese column headers in the output.
    pub ja_headers: bool,
    /// The input's encoding.
    pub encoding: Encoding,
    /// Write the output in CP932 instead of UTF-8.
    pub out_cp932: bool,
}

/// Route every case of the file. `Ok(true)` when every case was decided.
pub fn run(path: &Path, opts: &Options) -> Result<bool, Errors> {
    let bytes = std::fs::read(path).map_err(|e| {
        Errors::from(Error::new(
            super::input::READ,
            "",
            format!("ファイル{}を読めません: {e}", path.display()),
            format!("cannot read {}: {e}", path.display()),
        ))
    })?;
    let text = decode(&bytes, opts.encoding);
    let stdout = std::io::stdout();
    let mut out = Out {
        w: std::io::BufWriter::new(stdout.lock()),
        cp932: opts.out_cp932,
    };
    let ok = route_text(&text, opts.ja_headers, &mut out);
    let _ = out.w.flush();
    Ok(ok)
}

/// The batch over decoded text.
fn route_text<W: Write>(text: &str, ja_headers: bool, out: &mut Out<W>) -> bool {
    let heads: Vec<String> = OUT
        .iter()
        .map(|(en, ja)| if ja_headers { ja } else { en }.to_string())
        .collect();
    out.row(&heads);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(r)) => r
            .iter()
            .map(|s| s.trim().trim_start_matches('\u{FEFF}').to_owned())
            .collect(),
        Some(Err(e)) => {
            out.error(
                "",
                1,
                "",
                &err(
                    csv_codes::SYNTAX,
                    format!("CSVとして読めません: {e}"),
                    format!("not readable as CSV: {e}"),
                ),
            );
            return false;
        }
        None => {
            out.error(
                "",
                1,
                "",
                &err(
                    csv_codes::HEADER,
                    "見出し行がありません".into(),
                    "no header row".into(),
                ),
            );
            return false;
        }
    };
    // Columns by English key or Japanese header.
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut bad_header = Vec::new();
    for (i, h) in header.iter().enumerate() {
        match COLUMNS.iter().find(|c| c.key == h || c.ja == h) {
            Some(c) => {
                index.insert(c.key, i);
            }
            None => bad_header.push((i, h.clone())),
        }
    }
    for c in COLUMNS
        .iter()
        .filter(|c| c.required && !index.contains_key(c.key))
    {
        bad_header.push((usize::MAX, format!("{} / {}", c.ja, c.key)));
    }
    if !bad_header.is_empty() {
        for (i, h) in bad_header {
            let e = if i == usize::MAX {
                err(
                    csv_codes::HEADER,
                    format!("必須の列「{h}」がありません"),
                    format!("the required column '{h}' is missing"),
                )
            } else {
                err(
                    csv_codes::HEADER,
                    format!("列「{h}」は知らない列です（docs/csv.md）"),
                    format!("unknown column '{h}' (see docs/csv.md)"),
                )
            };
            out.error("", 1, &h, &e);
        }
        return false;
    }
    let id_col = index["case_id"];
    let width = header.len();
    let mut all_ok = true;
    let mut seen: HashSet<String> = HashSet::new();
    let mut pending: Option<Pending> = None;
    let mut line = 1;
    let finish = |p: Pending, out: &mut Out<W>, all_ok: &mut bool| match build(&p, &index, &header)
    {
        Err(errors) => {
            *all_ok = false;
            for (row, column, e) in errors {
                out.error(&p.id, row, &column, &e);
            }
        }
        Ok(case) => {
            let decided = routing::route_json(&case.to_string());
            match decided.and_then(|d| {
                serde_json::to_value(&d).map_err(|e| {
                    err(jusou_core::api::ENCODE_FAILED, e.to_string(), e.to_string()).into()
                })
            }) {
                Ok(v) => out.decision(&v),
                Err(errors) => {
                    *all_ok = false;
                    for e in &errors.errors {
                        let (row, column) = locate(&e.path, &p.rows, &header, &index);
                        out.error(&p.id, row, &column, e);
                    }
                }
            }
        }
    };
    for record in records {
        line += 1;
        let cells: Vec<String> = match record {
            Ok(r) => r.iter().map(str::to_owned).collect(),
            Err(e) => {
                all_ok = false;
                out.error(
                    "",
                    line,
                    "",
                    &err(
                        csv_codes::SYNTAX,
                        format!("CSVとして読めません: {e}"),
                        format!("not readable as CSV: {e}"),
                    ),
                );
                continue;
            }
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue; // a blank line
        }
        if cells.len() != width {
            all_ok = false;
            out.error(
                cells.get(id_col).map(String::as_str).unwrap_or(""),
                line,
                "",
                &err(
                    csv_codes::SYNTAX,
                    format!(
                        "列の数が見出しと違います（{}列、見出しは{width}列）",
                        cells.len()
                    ),
                    format!("the row has {} cells; the header has {width}", cells.len()),
                ),
            );
            continue;
        }
        let id = cells[id_col].trim().to_owned();
        let same = pending.as_ref().is_some_and(|p| p.id == id);
        if !same {
            if let Some(p) = pending.take() {
                finish(p, out, &mut all_ok);
            }
            if id.is_empty() || !seen.insert(id.clone()) {
                all_ok = false;
                let e = if id.is_empty() {
                    err(
                        csv_codes::CELL,
                        format!("「{}」が空です", header[id_col]),
                        format!("'{}' is empty", header[id_col]),
                    )
                } else {
                    err(
                        csv_codes::CASE_SPLIT,
                        format!("相談{id}の行が離れています（同じ相談の行は続けて並べてください）"),
                        format!("the rows of case {id} are not next to each other (group a case's rows)"),
                    )
                };
                out.error(&id, line, &header[id_col], &e);
                continue;
            }
            pending = Some(Pending {
                id,
                rows: Vec::new(),
            });
        }
        if let Some(p) = pending.as_mut() {
            p.rows.push(Row { line, cells });
        }
    }
    if let Some(p) = pending.take() {
        finish(p, out, &mut all_ok);
    }
    all_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_text(text: &str) -> (bool, Vec<Vec<String>>) {
        let mut out = Out {
            w: Vec::new(),
            cp932: false,
        };
        let ok = route_text(text, false, &mut out);
        let rows = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(out.w.as_slice())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        (ok, rows)
    }

    const HEAD: &str = "相談ID,受付日,受付機関,支援拒否,接触困難,単独機関で解決可,ひきこもり年数,世帯員ID,年齢,続柄,本人,課題\n";

    #[test]
    fn a_bad_row_names_its_row_and_column_and_the_batch_goes_on() {
        let text = format!(
            "{HEAD}c1,令和8年5月11日,社協,1,1,0,30,A,80,self,1,dementia;care\n\
             c1,令和8年5月11日,社協,1,1,0,30,B,50,child,,hikikomori\n\
             c2,2026-05-11,社協,maybe,,,,A,80,self,1,care\n\
             c3,2026-05-11,社協,,,,,A,200,self,1,care\n\
             c4,2026-05-11,社協,,,,,A,70,self,1,care\n"
        );
        let (ok, rows) = run_text(&text);
        assert!(!ok);
        let by_case = |id: &str| rows.iter().find(|r| r[0] == id).unwrap().clone();
        assert_eq!(by_case("c1")[1], "ok");
        let c2 = by_case("c2");
        assert_eq!(
            (
                c2[1].as_str(),
                c2[12].as_str(),
                c2[13].as_str(),
                c2[14].as_str()
            ),
            ("error", "4", "支援拒否", csv_codes::CELL)
        );
        let c3 = by_case("c3");
        assert_eq!(
            (c3[12].as_str(), c3[13].as_str(), c3[14].as_str()),
            ("5", "年齢", "JUSOU-E-CASE-005")
        );
        assert_eq!(by_case("c4")[1], "ok");
    }
}
