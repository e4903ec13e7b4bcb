//! `jusou batch route --csv`: a municipal export in CP932 (Shift_JIS) with Japanese headers and
//! labels, generated here, routes to the same decision as `jusou route` on the same case as JSON;
//! a bad row is answered with its row and column and the batch goes on.

use std::path::PathBuf;
use std::process::Command;

const JUSOU: &str = env!("CARGO_BIN_EXE_jusou");
const NIIZA_CASE: &str = "fixtures/cases/niiza-8050-model.json";

/// The 新座市 model case as a municipal export would hold it: one row per member, the case's
/// columns repeated; then a case with a bad cell, then a good one.
const EXPORT: &str = "\
相談ID,受付日,受付機関,関与機関,単独機関で解決可,支援拒否,接触困難,ひきこもり年数,世帯員ID,年齢,続柄,本人,課題
niiza-8050-model,令和8年5月11日,新座市社会福祉協議会（サロン活動で把握）,新座市社会福祉協議会;高齢者相談センター（地域包括支援センター）,0,1,1,30,A,80,本人,○,認知症;介護;ごみ屋敷
niiza-8050-model,令和8年5月11日,新座市社会福祉協議会（サロン活動で把握）,新座市社会福祉協議会;高齢者相談センター（地域包括支援センター）,0,1,1,30,B,50,子,,ひきこもり;就労困難
bad-1,令和8年5月12日,福祉相談窓口,,,,,,A,七十,本人,○,介護
ok-2,令和8年5月12日,福祉相談窓口,,,,,,A,70,本人,○,介護
";

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let p = std::env::temp_dir().join(format!("jusou-csv-{}-{name}", std::process::id()));
    std::fs::write(&p, bytes).unwrap();
    p
}

fn batch(path: &PathBuf, extra: &[&str]) -> (Option<i32>, Vec<csv::StringRecord>) {
    let out = Command::new(JUSOU)
        .args(["batch", "route", "--csv"])
        .arg(path)
        .args(extra)
        .output()
        .unwrap();
    let rows = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(out.stdout.as_slice())
        .records()
        .map(Result::unwrap)
        .collect();
    (out.status.code(), rows)
}

fn cli_route() -> serde_json::Value {
    let out = Command::new(JUSOU)
        .args(["route", "--json", NIIZA_CASE])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn list(v: &serde_json::Value, key: &str) -> String {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap().to_owned())
        .collect::<Vec<_>>()
        .join(";")
}

/// The CSV row of the 新座市 case says what the CLI's decision says.
fn check_niiza(header: &csv::StringRecord, row: &csv::StringRecord, want: &serde_json::Value) {
    let cell = |name: &str| {
        let i = header.iter().position(|h| h == name).unwrap();
        row[i].to_owned()
    };
    let flag = |b: bool| if b { "1" } else { "0" }.to_owned();
    assert_eq!(cell("case_id"), "niiza-8050-model");
    assert_eq!(cell("result"), "ok");
    assert_eq!(cell("as_of"), want["as_of"].as_str().unwrap());
    assert_eq!(
        cell("multi_agency"),
        flag(want["multi_agency"].as_bool().unwrap())
    );
    assert_eq!(cell("outreach"), flag(want["outreach"].as_bool().unwrap()));
    assert_eq!(
        cell("participation_support"),
        flag(want["participation_support"].as_bool().unwrap())
    );
    assert_eq!(
        cell("first_meeting"),
        want["first_meeting"].as_str().unwrap_or("")
    );
    assert_eq!(
        cell("lead_program"),
        want["lead_program"].as_str().unwrap_or("")
    );
    assert_eq!(cell("reasons"), list(&want["reasons"], "rule"));
}

#[test]
fn a_cp932_export_routes_as_the_json_case_does() {
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(EXPORT);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really Shift_JIS");
    let path = temp("cp932.csv", &bytes);
    let want = cli_route();
    for enc in [&["--encoding", "auto"][..], &["--encoding", "cp932"]] {
        let (code, rows) = batch(&path, enc);
        assert_eq!(code, Some(1), "one case failed, so exit 1");
        assert_eq!(rows.len(), 4, "a header and one row per case");
        check_niiza(&rows[0], &rows[1], &want);
        let bad = &rows[2];
        assert_eq!(&bad[0], "bad-1");
        assert_eq!(&bad[1], "error");
        assert_eq!(
            (&bad[12], &bad[13], &bad[14]),
            ("4", "年齢", "JUSOU-E-CSV-003")
        );
        assert_eq!(
            (&rows[3][0], &rows[3][1]),
            ("ok-2", "ok"),
            "the batch went on"
        );
    }
    let _ = std::fs::remove_file(&path);
}

#[test]
fn utf8_with_and_without_bom_and_japanese_headers_out() {
    let want = cli_route();
    let plain = temp("utf8.csv", EXPORT.as_bytes());
    let bom = temp("bom.csv", &[b"\xEF\xBB\xBF", EXPORT.as_bytes()].concat());
    for path in [&plain, &bom] {
        let (_, rows) = batch(path, &[]);
        check_niiza(&rows[0], &rows[1], &want);
        let (_, ja) = batch(path, &["--ja-headers"]);
        assert_eq!(&ja[0][0], "相談ID");
        assert_eq!(&ja[0][3], "多機関協働");
        assert_eq!(ja[1], rows[1], "only the headers change");
    }
    // CP932 out: the same rows once decoded.
    let out = Command::new(JUSOU)
        .args(["batch", "route", "--ja-headers", "--out-cp932", "--csv"])
        .arg(&plain)
        .output()
        .unwrap();
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&out.stdout);
    assert!(!bad);
    assert!(text.starts_with("相談ID,結果"));
    let _ = std::fs::remove_file(&plain);
    let _ = std::fs::remove_file(&bom);
}

#[test]
fn header_and_grouping_errors_name_row_and_column() {
    let missing = temp(
        "missing.csv",
        "相談ID,受付日,世帯員ID,続柄\nx,2026-05-11,A,本人\n".as_bytes(),
    );
    let (code, rows) = batch(&missing, &[]);
    assert_eq!(code, Some(1));
    assert_eq!((&rows[1][12], &rows[1][14]), ("1", "JUSOU-E-CSV-002"));
    assert!(rows[1][13].contains("受付機関"));

    let split = "case_id,received_on,received_by,member_id,age,relation,subject,issues\n\
        a,2026-05-11,窓口,A,70,self,1,care\n\
        b,2026-05-11,窓口,A,70,self,1,care\n\
        a,2026-05-11,窓口,B,40,child,,hikikomori\n\
        c,2026-05-11,別の窓口,A,70,self,1,care\n\
        c,2026-05-11,窓口,B,40,child,,care\n\
        d,2026-05-11,窓口,A,200,self,1,care\n\
        e,2026-05-11,窓口,A,,self,1,care\n";
    let split = temp("split.csv", split.as_bytes());
    let (_, rows) = batch(&split, &[]);
    let errs: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .skip(1)
        .filter(|r| &r[1] == "error")
        .map(|r| (&r[0], &r[12], &r[13], &r[14]))
        .collect();
    assert!(
        errs.contains(&("a", "4", "case_id", "JUSOU-E-CSV-005")),
        "{errs:?}"
    );
    assert!(
        errs.contains(&("c", "6", "received_by", "JUSOU-E-CSV-004")),
        "{errs:?}"
    );
    assert!(rows.iter().any(|r| &r[0] == "b" && &r[1] == "ok"));
    // A core error on a member points at that member's row and the column behind its path.
    assert!(
        errs.contains(&("d", "7", "age", "JUSOU-E-CASE-005")),
        "{errs:?}"
    );
    // An empty age is an age not recorded (issue #16), not an error: the case routes.
    assert!(rows.iter().any(|r| &r[0] == "e" && &r[1] == "ok"));
    let _ = std::fs::remove_file(&missing);
    let _ = std::fs::remove_file(&split);
}
