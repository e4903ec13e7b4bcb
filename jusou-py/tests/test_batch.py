"""Tests of the installed wheel's signatures, Python-type errors and batch paths (list,
pandas.DataFrame, pyarrow.Table)."""

import datetime
import inspect
import json
import pathlib

import pytest

import jusou
from jusou import _jusou

ROOT = pathlib.Path(__file__).resolve().parents[2]
CASES = ROOT / "fixtures" / "cases"
PATHS = sorted(p for p in CASES.glob("*.json") if not p.name.endswith(".expected.json"))


def load(path):
    return json.loads(path.read_text("utf-8"))


def expected(path):
    return load(path.with_name(path.name[: -len(".json")] + ".expected.json"))


ALL = [load(p) for p in PATHS]


def rule_ids(decision):
    return [r["rule"] for r in decision["reasons"]]


def test_signatures_match_the_issue():
    sig = {n: str(inspect.signature(getattr(jusou, n))) for n in jusou.__all__ if callable(getattr(jusou, n))}
    assert sig["route"].startswith("(case") and "municipality" in sig["route"] and "as_of" in sig["route"]
    params = lambda f: list(inspect.signature(f).parameters)  # noqa: E731
    assert params(jusou.route) == ["case", "municipality", "as_of"]
    assert params(jusou.plan) == ["events", "as_of"]
    assert params(jusou.split_funding) == ["amount", "program", "as_of"]
    assert params(jusou.meeting) == ["check"]
    assert params(jusou.check_municipality) == ["m"]
    assert params(jusou.schema) == ["name"]
    assert params(jusou.parse_date) == ["text"]
    assert params(jusou.fiscal_year) == ["date"]
    assert inspect.signature(jusou.route).parameters["municipality"].default is None
    assert inspect.signature(jusou.plan).parameters["as_of"].default is None


@pytest.mark.parametrize(
    "call",
    [
        lambda: jusou.route(42),
        lambda: jusou.route(object()),
        lambda: jusou.route(None),
        lambda: jusou.route([1, 2]),
        lambda: jusou.route({"id": "x", "household": {1, 2}}),
        lambda: jusou.route({"id": float("nan")}),
        lambda: jusou.route("{not json"),
        lambda: jusou.route("42"),
        lambda: jusou.route(ALL[0], municipality=3),
        lambda: jusou.route(ALL[0], as_of=20260401),
        lambda: jusou.meeting(None),
        lambda: jusou.plan([1]),
        lambda: jusou.plan(load(ROOT / "fixtures/plans/niiza-8050-model.json"), as_of=object()),
        lambda: jusou.check_municipality(3.5),
        lambda: jusou.schema(42),
        lambda: jusou.schema("NoSuchType"),
        lambda: jusou.split_funding(100, 5, "2025-04-01"),
        lambda: jusou.split_funding(True, "5", "2025-04-01"),
        lambda: jusou.split_funding(-1, "5", "2025-04-01"),
        lambda: jusou.route_many(42),
        lambda: jusou.route_many({"id": "x"}),
        lambda: jusou.route_many(ALL, municipality="[1]"),
    ],
)
def test_wrong_python_types_are_validation_errors(call):
    with pytest.raises(jusou.ValidationError) as info:
        call()
    assert info.value.errors and all("code" in e for e in info.value.errors)


def test_dates_inside_dicts_accept_date_objects():
    case = dict(load(CASES / "niiza-8050-model.json"), received_on=datetime.date(2026, 5, 11))
    assert jusou.route(case) == expected(CASES / "niiza-8050-model.json")


def test_route_municipality_and_as_of_override_like_the_cli():
    case = load(CASES / "inagi-municipal-criterion.json")
    options = case.pop("options")
    without = jusou.route(case)
    assert "INAGI-UNTANGLE" not in rule_ids(without)
    inagi = {"code": "132250", "name": "稲城市", "prefecture": "東京都", "options": options}
    d = jusou.route(case, municipality=inagi)
    assert d == expected(CASES / "inagi-municipal-criterion.json")
    # One verdict everywhere: a 実施体制 the law check finds in breach is refused with its errors.
    breach = dict(inagi, start_fiscal_year=2024, programs=[{"code": "4", "runs": False}])
    with pytest.raises(jusou.ValidationError) as info:
        jusou.route(case, municipality=breach)
    report = jusou.check_municipality(breach)
    assert [e["code"] for e in info.value.errors] == ["JUSOU-E-MUNI-001"]
    assert report["violations"][0]["rule"] in info.value.errors[0]["message_en"]
    with pytest.raises(jusou.ValidationError):
        jusou.route_many([case], municipality=breach)
    later = jusou.route(case, as_of=datetime.date(2030, 1, 1))
    assert later["as_of"] == "2030-01-01"
    assert jusou.route(case, as_of="令和12年1月1日") == later
    with pytest.raises(jusou.ValidationError) as info:
        jusou.route(case, as_of="2000-01-01")
    assert info.value.errors[0]["code"] == "JUSOU-E-CASE-012"


def test_plan_as_of_accepts_a_date_object():
    log = load(ROOT / "fixtures/plans/niiza-8050-model.json")
    assert jusou.plan(log, as_of=datetime.date(2027, 3, 1)) == jusou.plan(log, as_of="2027-03-01")


def test_route_many_overrides_equal_single_routes():
    m = {"code": "132250", "name": "稲城市", "prefecture": "東京都",
         "options": load(CASES / "inagi-municipal-criterion.json")["options"]}
    got = jusou.route_many(ALL, municipality=m, as_of="R9.4.1")
    for case, d in zip(ALL, got):
        try:
            assert d == jusou.route(case, municipality=m, as_of="R9.4.1")
        except jusou.ValidationError as e:
            assert d == {"errors": e.errors}


def test_route_many_mixed_items_keep_their_places():
    items = [ALL[0], json.dumps(ALL[1], ensure_ascii=False), {"x": {1}}, "{bad", None, 42, ALL[2]]
    out = jusou.route_many(items)
    assert len(out) == len(items)
    assert out[0] == jusou.route(ALL[0]) and out[1] == jusou.route(ALL[1]) and out[6] == jusou.route(ALL[2])
    assert [o["errors"][0]["code"] for o in out[2:6]] == [
        "JUSOU-E-JSON-002", "JUSOU-E-JSON-001", "JUSOU-E-JSON-002", "JUSOU-E-JSON-002"
    ]
    assert jusou.route_many([]) == [] and jusou.route_many(iter(ALL[:2])) == jusou.route_many(ALL[:2])


def test_native_bench_timer():
    text = json.dumps(ALL, ensure_ascii=False)
    for stage in ("route", "route_encode", "decode", "decode_serde"):
        times = _jusou.bench_route_native(text, 2, stage)
        assert len(times) == 2 and all(t >= 0 for t in times)
    with pytest.raises(ValueError):
        _jusou.bench_route_native(text, 1, "nope")


# ---- DataFrame and Arrow --------------------------------------------------------------------

DECISION_COLUMNS = [
    "case_id", "as_of", "multi_agency", "outreach", "participation_support", "lead_program",
    "first_meeting", "statutory_alerts", "reasons", "fields", "patterns", "pending", "signals",
    "errors",
]


def _null(v):
    return v is None or (isinstance(v, float) and v != v) or str(v) == "<NA>"


def _errs(errors):
    """An Arrow error struct has every field; `detail` is null where the core leaves it out."""
    if errors is None:
        return None
    return [{k: v for k, v in e.items() if not (k == "detail" and v is None)} for e in errors]


def assert_rows_match(rows, decisions):
    """Rows (dicts of a DataFrame/Table) against route_many's list answer."""
    assert len(rows) == len(decisions)
    for row, d in zip(rows, decisions):
        if "errors" in d:
            assert _errs(row["errors"]) == d["errors"]
            assert _null(row["multi_agency"]) and _null(row["case_id"])
            continue
        assert _null(row["errors"])
        for k in ("case_id", "as_of", "outreach", "participation_support", "fields"):
            assert row[k] == d[k], k
        # multi_agency is null while the worker's assessment is pending (issue #16).
        if d["multi_agency"] is None:
            assert _null(row["multi_agency"])
        else:
            assert row["multi_agency"] == d["multi_agency"]
        for k in ("lead_program", "first_meeting"):
            assert (None if _null(row[k]) else row[k]) == d[k], k
        assert list(row["reasons"]) == rule_ids(d)
        assert list(row["statutory_alerts"]) == [a["rule"] for a in d["statutory_alerts"]]
        assert list(row["patterns"]) == [p["pattern"] for p in d["patterns"]]
        assert list(row["pending"]) == [p["question"] for p in d["pending"]]
        assert list(row["signals"]) == [r["rule"] for r in d["signals"]]


def test_dataframe_in_dataframe_out():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(ALL + [{"id": "bad-row"}], index=[f"r{i}" for i in range(len(ALL) + 1)])
    out = jusou.route_many(df)
    assert isinstance(out, pd.DataFrame)
    assert list(out.columns) == DECISION_COLUMNS
    assert list(out.index) == list(df.index)
    decisions = jusou.route_many(ALL + [{"id": "bad-row"}])
    assert_rows_match(out.to_dict("records"), decisions)
    assert out["errors"].iloc[-1][0]["code"].startswith("JUSOU-E-")
    assert out["multi_agency"].dtype == "boolean"


def test_dataframe_case_column_of_dicts_or_json_text():
    pd = pytest.importorskip("pandas")
    texts = [json.dumps(c, ensure_ascii=False) for c in ALL]
    a = jusou.route_many(pd.DataFrame({"case": ALL, "my_key": range(len(ALL))}))
    b = jusou.route_many(pd.DataFrame({"case": texts + ["{bad"]}))
    assert_rows_match(a.to_dict("records"), jusou.route_many(ALL))
    assert_rows_match(b.iloc[:-1].to_dict("records"), jusou.route_many(ALL))
    assert b["errors"].iloc[-1][0]["code"] == "JUSOU-E-JSON-001"


def test_dataframe_missing_cells_are_absent_fields():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(ALL)  # cases without `options`/`as_of` get NaN/None there
    assert df.isna().any().any()
    assert_rows_match(jusou.route_many(df).to_dict("records"), jusou.route_many(ALL))


def test_dataframe_rows_are_the_records_pandas_gives():
    """The column-by-column reading of a frame gives what ``to_dict("records")`` gives, with
    every kind of missing cell (NaN, None, pd.NA, NaT) an absent key, across dtypes."""
    pd = pytest.importorskip("pandas")
    from jusou import _frame_records
    base = ALL[:4]
    df = pd.DataFrame(base)
    df["note"] = pd.array(["メモ", None, pd.NA, "x"], dtype="string")
    df["score"] = pd.array([1, None, 3, 4], dtype="Int64")
    df["flag"] = [True, False, True, False]
    df["day"] = pd.to_datetime(["2026-04-01", None, "2026-05-01", "2026-06-01"])
    df["as_of"] = [None, "2026-06-01", float("nan"), None]
    want = df.to_dict("records")
    na = df.isna()
    for c in df.columns:
        for i in na[c].to_numpy().nonzero()[0]:
            want[i].pop(c)
    got = _frame_records(df)
    assert got == want
    assert [type(v) for r in got for v in r.values()] == [type(v) for r in want for v in r.values()]


def test_dataframe_with_a_field_in_two_columns_is_a_duplicated_key():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(ALL[:3])
    df.insert(1, "id", ["x", None, "z"], allow_duplicates=True)
    out = jusou.route_many(df)
    errors = out["errors"].tolist()
    assert errors[0][0]["code"] == errors[2][0]["code"] == "JUSOU-E-JSON-007"
    assert errors[0][0]["path"] == "/id"
    # Row 1 has the second `id` missing, so it names the field once and routes.
    assert errors[1] is None and out["case_id"].iloc[1] == ALL[1]["id"]


def test_dataframe_with_overrides():
    pd = pytest.importorskip("pandas")
    m = {"code": "132250", "name": "稲城市", "prefecture": "東京都",
         "options": load(CASES / "inagi-municipal-criterion.json")["options"]}
    out = jusou.route_many(pd.DataFrame({"case": ALL}), municipality=m, as_of="2027-01-01")
    assert_rows_match(out.to_dict("records"), jusou.route_many(ALL, municipality=m, as_of="2027-01-01"))


def test_arrow_case_string_column_read_in_place():
    pa = pytest.importorskip("pyarrow")
    texts = [json.dumps(c, ensure_ascii=False) for c in ALL]
    decisions = jusou.route_many(ALL)
    for typ in (pa.string(), pa.large_string()):
        table = pa.table({"case": pa.array(texts + [None, "{bad", "[]"], typ),
                          "my_key": pa.array(range(len(texts) + 3))})
        out = jusou.route_many(table)
        assert isinstance(out, pa.Table) and out.column_names == DECISION_COLUMNS
        rows = out.to_pylist()
        assert_rows_match(rows[: len(ALL)], decisions)
        assert [_errs(r["errors"]) for r in rows[len(ALL):]] == [
            e["errors"] for e in jusou.route_many([None, "{bad", "[]"])
        ]
        # A slice (offset into the buffers) and several chunks.
        sliced = jusou.route_many(table.slice(3, 5)).to_pylist()
        assert_rows_match(sliced, decisions[3:8])
        chunked = pa.Table.from_batches(table.slice(0, len(ALL)).to_batches(max_chunksize=7))
        assert chunked.column("case").num_chunks > 1
        assert_rows_match(jusou.route_many(chunked).to_pylist(), decisions)


def _arrow_typable(case):
    """Arrow gives a column one type: an age that is a band (text) or an issue written as an
    object (issue #16) cannot share a column with the integer ages and plain issue keys of other
    rows, so the struct-column test takes the vectors written in the plain shape."""
    members = case.get("household") or []
    return all(isinstance(m.get("age", 0), int) for m in members) and all(
        isinstance(i, str) for m in members for i in m.get("issues", [])
    ) and all(isinstance(i, str) for i in case.get("household_issues", []))


def test_arrow_struct_columns():
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    plain = [c for c in ALL if _arrow_typable(c)]
    assert len(plain) >= 30
    table = pa.Table.from_pandas(pd.DataFrame(plain))
    assert_rows_match(jusou.route_many(table).to_pylist(), jusou.route_many(plain))
    batch = table.to_batches()[0]
    assert jusou.route_many(batch).num_rows == batch.num_rows


def test_empty_batches():
    assert jusou.route_many([]) == []
    pd = pytest.importorskip("pandas")
    assert len(jusou.route_many(pd.DataFrame({"case": []}))) == 0
    pa = pytest.importorskip("pyarrow")
    assert jusou.route_many(pa.table({"case": pa.array([], pa.string())})).num_rows == 0


def test_types_module_is_up_to_date_and_importable():
    import subprocess
    import sys

    import jusou.types as t

    assert t.Case.__required_keys__ >= {"id", "received_on", "received_by", "household"}
    assert "findings" in t.Case.__optional_keys__
    assert "multi_agency" in t.RouteDecision.__required_keys__
    gen = ROOT / "jusou-py" / "tools" / "gen_types.py"
    fresh = subprocess.run([sys.executable, str(gen)], capture_output=True, text=True, check=True).stdout
    assert fresh == pathlib.Path(t.__file__).read_text("utf-8"), "run jusou-py/tools/gen_types.py"


def test_batches_release_the_gil():
    """Another Python thread runs while one native batch call routes (one call, no bytecode
    of ours in between, so only a released GIL lets the counter move)."""
    import threading

    texts = [json.dumps(c, ensure_ascii=False) for c in ALL if "household" in c] * 400
    counter = [0]
    stop = threading.Event()

    def count():
        while not stop.is_set():
            counter[0] += 1

    t = threading.Thread(target=count)
    t.start()
    try:
        moved = 0
        for _ in range(5):
            before = counter[0]
            out = _jusou.Engine().route_objects(texts, jusou._dumps, True)
            moved = max(moved, counter[0] - before)
            assert len(out["ok"]) == len(texts)
    finally:
        stop.set()
        t.join()
    assert moved > 0


def _single(case):
    try:
        return jusou.route(case)
    except jusou.ValidationError as e:
        return {"errors": e.errors}


def test_dicts_read_natively_answer_exactly_as_route():
    """route_many reads dicts without JSON text; every odd Python value must still give what
    route (json.dumps, then the core) gives — the same decision or word-for-word errors."""
    import enum

    class Rel(str, enum.Enum):
        MOTHER = "mother"

    class Age(enum.IntEnum):
        EIGHTY = 80

    class Text(str):
        pass

    base = load(CASES / "niiza-8050-model.json")

    def variant(**changes):
        c = json.loads(json.dumps(base, ensure_ascii=False))
        for path, value in changes.items():
            target = c
            keys = path.split("__")
            for k in keys[:-1]:
                target = target[int(k)] if k.isdigit() else target[k]
            last = keys[-1]
            if last.isdigit():
                target[int(last)] = value
            else:
                target[last] = value
        return c

    cases = [
        base,
        variant(household__0__age=80.0),
        variant(household__0__age=Age.EIGHTY),
        variant(household__0__age=True),
        variant(household__0__age=2**70),
        variant(household__0__age=-1),
        variant(household__1__relation="子"),
        variant(household__1__relation=Rel.MOTHER),
        variant(household__1__issues=("hikikomori", "employment_difficulty")),
        variant(household__0__id=Text("A")),
        variant(received_on=datetime.date(2026, 5, 11)),
        variant(received_on="R8.5.11"),
        variant(received_on=20260511),
        variant(findings__withdrawal_years=300),
        variant(findings__withdrawal_years=1.5),
        variant(findings__no_contact=1),
        variant(findings__no_contact=None),
        variant(findings={1: True}),
        variant(agencies_involved=[None]),
        variant(consents=None),
        variant(options=None),
        variant(extra_field=1),
        variant(household__0__issues=["care", "care"]),
        variant(household__0__issues=["no-such-issue"]),
        dict(base, household=[dict(base["household"][0], age=float("nan"))]),
        {"id": "x", "received_on": "2026-05-01", "received_by": {"agency": "a"}, "household": ()},
        {},
    ]
    np = pytest.importorskip("numpy")
    cases.append(variant(household__0__age=np.int64(80)))
    nested = {}
    cases.append({"id": nested})
    nested["self"] = nested  # a cycle
    got = jusou.route_many(cases)
    assert len(got) == len(cases)
    for i, (case, d) in enumerate(zip(cases, got)):
        assert d == _single(case), i


# ---- every core (issue #21) -------------------------------------------------------------------

def _many(n):
    """``n`` cases: the fixtures over and over with distinct ids, some broken, so a batch is
    cut into several chunks routed on different threads."""
    out = []
    for i in range(n):
        c = json.loads(json.dumps(ALL[i % len(ALL)], ensure_ascii=False))
        if isinstance(c, dict) and isinstance(c.get("id"), str):
            c["id"] = f"{c['id']}-{i}"
        if i % 97 == 5:
            c = {"id": f"bad-{i}", "received_on": "2026-02-30"}
        out.append(c)
    return out


def test_threads_give_the_same_answers_in_order():
    cases = _many(5000)
    one = jusou.route_many(cases, threads=1)
    assert jusou.route_many(cases, threads=3) == one
    assert jusou.route_many(cases) == one
    for i in range(0, len(cases), 499):
        assert one[i] == _single(cases[i]), i
    texts = [json.dumps(c, ensure_ascii=False) for c in cases]
    assert jusou.route_many(texts, threads=4) == one
    for bad in (0, -1, True, 1.5, "2"):
        with pytest.raises(jusou.ValidationError):
            jusou.route_many(cases[:2], threads=bad)


def test_threads_from_the_environment(monkeypatch):
    cases = _many(3000)
    want = jusou.route_many(cases, threads=1)
    for value in ("2", "1", "nonsense", "0"):
        monkeypatch.setenv("JUSOU_THREADS", value)
        assert jusou.route_many(cases) == want, value


def test_arrow_threads_and_chunks_keep_row_order():
    pa = pytest.importorskip("pyarrow")
    cases = _many(5000)
    table = pa.table({"case": pa.array([json.dumps(c, ensure_ascii=False) for c in cases])})
    one = jusou.route_many(table, threads=1)
    assert one.equals(jusou.route_many(table, threads=4))
    assert_rows_match(one.to_pylist(), jusou.route_many(cases, threads=1))
    assert one.num_rows == len(cases)


def test_arrow_output_types():
    pa = pytest.importorskip("pyarrow")
    table = pa.table({"case": pa.array([json.dumps(c, ensure_ascii=False) for c in ALL] + ["{bad"])})
    out = jusou.route_many(table)
    assert out.schema.field("multi_agency").type == pa.bool_()
    for name in ("statutory_alerts", "reasons", "fields", "patterns", "pending", "signals"):
        assert out.schema.field(name).type == pa.list_(pa.string()), name
    assert out.schema.field("errors").type == pa.list_(
        pa.struct([(f, pa.string()) for f in ("code", "path", "message_ja", "message_en", "citation", "detail")])
    )
    decisions = jusou.route_many(ALL)
    pending = [i for i, d in enumerate(decisions) if "errors" not in d and d["multi_agency"] is None]
    assert pending, "the fixtures hold a case whose assessment is pending"
    assert all(out.column("multi_agency")[i].as_py() is None for i in pending)
    assert _errs(out.column("errors")[len(ALL)].as_py()) == jusou.route_many(["{bad"])[0]["errors"]
    # Read through the Arrow PyCapsule interface by any consumer, any number of times.
    native = _jusou.Engine().route_arrow(table)
    assert len(native) == table.num_rows
    assert pa.table(native).equals(pa.table(native))
    assert pa.RecordBatchReader.from_stream(native).read_all().num_rows == table.num_rows


def _struct_table(pa, cases):
    pd = pytest.importorskip("pandas")
    return pa.Table.from_pandas(pd.DataFrame(cases), preserve_index=False)


def test_arrow_structs_read_natively_answer_as_rows():
    """Struct and list columns are read in Rust: the same answers as Python rows (to_pylist,
    nulls absent), row for row, with the core's own errors for bad rows."""
    pa = pytest.importorskip("pyarrow")
    plain = [c for c in ALL if _arrow_typable(c)]
    table = _struct_table(pa, plain)
    native = _jusou.Engine().route_arrow(table)
    assert native is not None, "every type of the fixtures' table is read natively"
    rows = jusou._route_items(jusou.Engine(), table.to_pylist(), columns=True, nulls_absent=True)
    assert pa.table(native).equals(jusou._arrow_from_columns(rows))
    # A `case` column of structs, a RecordBatch, several chunks, a slice.
    nested = pa.table({"case": table.to_struct_array(), "my_key": range(table.num_rows)})
    assert_rows_match(jusou.route_many(nested).to_pylist(), jusou.route_many(plain))
    batch = table.to_batches()[0]
    assert_rows_match(jusou.route_many(batch).to_pylist(), jusou.route_many(plain))
    chunked = pa.Table.from_batches(table.to_batches(max_chunksize=7))
    assert_rows_match(jusou.route_many(chunked).to_pylist(), jusou.route_many(plain))
    assert_rows_match(jusou.route_many(table.slice(2, 9)).to_pylist(), jusou.route_many(plain[2:11]))


def test_arrow_struct_rows_with_bad_values_get_the_core_errors():
    pa = pytest.importorskip("pyarrow")
    base = load(CASES / "niiza-8050-model.json")
    rows = [
        base,
        dict(base, received_on="2026-02-30"),
        dict(base, id=None),
        dict(base, household=[dict(base["household"][0], age=-1)] + base["household"][1:]),
        dict(base, household=[dict(base["household"][0], issues=["no-such-issue"])]),
        dict(base, household=[]),
    ]
    rows = [{k: v for k, v in r.items() if v is not None} for r in rows]
    table = pa.Table.from_pylist(rows)
    native = _jusou.Engine().route_arrow(table)
    assert native is not None
    got = pa.table(native).to_pylist()
    assert_rows_match(got, jusou.route_many(rows))
    # A date column reads as its ISO text, as a datetime.date in a dict does.
    dated = table.set_column(table.column_names.index("received_on"), "received_on",
                             pa.array([datetime.date(2026, 5, 11)] * table.num_rows))
    want = [dict(r, received_on=datetime.date(2026, 5, 11)) for r in rows]
    assert_rows_match(jusou.route_many(dated).to_pylist(), jusou.route_many(want))
    # Out-of-range floats have no JSON form: that row's error, the batch goes on.
    floats = pa.table({"id": ["x", "y"], "received_on": ["2026-05-01"] * 2,
                       "weight": pa.array([float("nan"), 1.0])})
    out = jusou.route_many(floats).to_pylist()
    nan = jusou.route_many([{"id": "x", "received_on": "2026-05-01", "weight": float("nan")}])
    assert out[0]["errors"][0]["code"] == nan[0]["errors"][0]["code"]
    assert out[1]["errors"] == jusou.route_many([{"id": "y", "received_on": "2026-05-01", "weight": 1.0}])[0]["errors"]


def test_arrow_types_left_to_python_rows():
    """A type the native reader does not write (a timestamp) goes through Python rows, with the
    same answers."""
    pa = pytest.importorskip("pyarrow")
    plain = [c for c in ALL if _arrow_typable(c)]
    table = _struct_table(pa, plain)
    stamped = table.append_column("seen_at", pa.array([datetime.datetime(2026, 5, 1)] * table.num_rows))
    native = _jusou.Engine().route_arrow(stamped)
    assert native is None
    out = jusou.route_many(stamped).to_pylist()
    assert len(out) == len(plain)
