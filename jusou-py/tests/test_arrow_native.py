"""Arrow struct rows read straight into the core's Case (``src/arrow_de.rs``) answer exactly as the
same rows read as Python dicts (``Table.to_pylist()``, a null field absent) — for good rows, which
take the direct way, and for rows the direct way leaves to the JSON text (too long a string, a
value of the wrong type, a float where an integer belongs, a null type), whose errors must be the
core's own, word for word."""

from __future__ import annotations

import datetime
import pathlib
import sys

import pytest

pa = pytest.importorskip("pyarrow")

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "bench"))
import synth  # noqa: E402

import jusou  # noqa: E402


def _as_rows(table):
    """The reference: the table's rows as Python dicts, nulls absent, routed by jusou."""
    rows = jusou._route_items(jusou.Engine(), table.to_pylist(), columns=True, nulls_absent=True)
    return jusou._arrow_from_columns(rows)


def _native(table, threads=None):
    out = jusou.Engine().route_arrow(table, threads)
    assert out is not None, "read natively"
    return pa.table(out)


def test_generated_population_row_for_row():
    cases = synth.population(3_000, 5, start=6 * 10**8)
    table = pa.Table.from_struct_array(pa.array(cases))
    want = _as_rows(table)
    assert _native(table, 1).equals(want)
    assert _native(table, 2).equals(want)
    got = want.to_pylist()
    assert any(r["errors"] for r in got) and any(r["errors"] is None for r in got)


def test_slices_and_large_types_read_as_their_rows():
    """Offsets everywhere: a slice of a table (its struct, list and string columns start mid-
    buffer), several record batches, and the large list/string and string-view types."""
    cases = synth.population(2_000, 11, start=7 * 10**8)
    table = pa.Table.from_struct_array(pa.array(cases))
    for t in (table.slice(333, 901), table.slice(1_999, 1),
              pa.Table.from_batches(table.slice(10, 1_500).to_batches(max_chunksize=257))):
        assert _native(t, 2).equals(_as_rows(t))
    some = pa.array(cases[:300])
    for text in (pa.large_string(), pa.string_view()):
        wide = pa.Table.from_struct_array(some.cast(_widened(some.type, text)))
        assert _native(wide, 1).equals(_as_rows(wide))


def _widened(t, text):
    """``t`` with every list large and every string of type ``text``."""
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, _widened(f.type, text)) for f in t])
    if pa.types.is_list(t):
        return pa.large_list(_widened(t.value_type, text))
    if pa.types.is_string(t):
        return text
    return t


def test_rows_the_direct_way_leaves_to_json_text():
    base = synth.population(1, 9)[0]
    base = dict(base, household=[dict(m, issues=list(m["issues"])) for m in base["household"]])
    rows = [
        dict(base, id="ok"),
        dict(base, id="long-note", note="あ" * 3000),  # 9,000 bytes of free text: read through its JSON text
        dict(base, id="short-note", note="メモ"),
        dict(base, id="unknown-field", colour="blue"),
        dict(base, id="bad-date", received_on="2026-02-30"),
        dict(base, id="wareki", received_on="令和8年5月11日"),
        dict(base, id="bad-program", received_by={"agency": "x", "program": "9-z"}),
    ]
    table = pa.Table.from_pylist(rows)
    assert _native(table).equals(_as_rows(table))
    # Ages as floats (80.0 is a form error in JSON), negative, and as a Date32 column of intake days.
    for ages in ([80.0, 45.5], [-1, 200]):
        members = [dict(base["household"][0], age=a) for a in ages]
        t = pa.Table.from_pylist([dict(base, id=f"age-{i}", household=[m]) for i, m in enumerate(members)])
        assert _native(t).equals(_as_rows(t))
    # Days across the range the reader writes itself (years 0–9999) and the core's limits.
    days = [datetime.date(2026, 5, 11), datetime.date(1, 1, 1), datetime.date(1868, 10, 23),
            datetime.date(2000, 2, 29), datetime.date(2100, 12, 31), datetime.date(2101, 1, 1),
            datetime.date(9999, 12, 31)]
    dated = table.set_column(table.column_names.index("received_on"), "received_on",
                             pa.array(days[:table.num_rows]))
    assert _native(dated).equals(_as_rows(dated))
    decided = [r["errors"] is None for r in _native(dated).to_pylist()]
    assert decided[1] is False and decided[5] is False and decided[6] is False
    # A column of the null type: present as JSON null in every row (as to_pylist gives None).
    nulls = table.append_column("as_of", pa.nulls(table.num_rows))
    assert _native(nulls).equals(_as_rows(nulls))


def test_a_long_string_gets_the_core_limit_error_as_route_gives_it():
    """A string past the core's limit: the row goes through its JSON text and gets the error
    ``jusou.route`` gives (LIMIT-003). (A list of dicts read by ``pyde`` does not apply the
    text limits today, so the Python-rows reference is not used here.)"""
    base = synth.population(1, 9)[0]
    rows = [dict(base, id="x" * 5000), dict(base, id="fine")]
    got = _native(pa.Table.from_pylist(rows)).to_pylist()
    with pytest.raises(jusou.ValidationError) as e:
        jusou.route(rows[0])
    assert got[0]["errors"] == [dict({"detail": None}, **x) for x in e.value.errors]
    assert got[0]["errors"][0]["code"] == "JUSOU-E-LIMIT-003"
    assert got[1]["errors"] is None and got[1]["case_id"] == "fine"


def test_a_list_of_dicts_applies_the_text_limits_as_route_does():
    """The list path reads dicts directly (``pyde``); a string past the core's limit must get
    ``route``'s error there too, not be routed (found while writing the test above)."""
    base = synth.population(1, 9)[0]
    long_id = dict(base, id="x" * 5000)
    long_note = dict(base, id="note", note="あ" * 3000)  # free text: within the 64 KiB limit
    with pytest.raises(jusou.ValidationError) as e:
        jusou.route(long_id)
    got = jusou.route_many([long_id, long_note])
    assert got[0] == {"errors": e.value.errors}
    assert got[1] == jusou.route(long_note)


@pytest.mark.parametrize("threads", [1, 2])
def test_malformed_arrow_memory_is_refused_before_any_row_is_read(threads):
    """Buffers that break Arrow's rules (here a string that is not UTF-8) are checked in full,
    node by node on every thread, and refused as a whole — never read, never a crash."""
    bad = pa.Array.from_buffers(
        pa.string(), 2,
        [None, pa.py_buffer(b"\x00\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00"), pa.py_buffer(b"a\xff")])
    table = pa.table({"id": bad, "received_on": pa.array(["2026-04-01", "2026-04-02"])})
    with pytest.raises(ValueError, match="Arrow data could not be read.*UTF8"):
        jusou.route_many(table, threads=threads)


def _household(ids, offsets=b"\x00\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00"):
    """A household column of two rows, one member each, built from raw buffers: `ids` is the
    members' id column, `offsets` the list's offsets (both may break Arrow's rules)."""
    members = pa.StructArray.from_arrays(
        [ids, pa.array([40, 80]), pa.array(["self", "parent"]), pa.array([True, False])],
        names=["id", "age", "relation", "subject"])
    return pa.Array.from_buffers(pa.list_(members.type), 2, [None, pa.py_buffer(offsets)],
                                 children=[members])


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("what, household, message", [
    ("a member id that is not UTF-8",
     lambda: _household(pa.Array.from_buffers(
         pa.string(), 2,
         [None, pa.py_buffer(b"\x00\x00\x00\x00\x01\x00\x00\x00\x03\x00\x00\x00"),
          pa.py_buffer(b"a\xe3\x81")])),
     "UTF8|utf-8"),
    ("offsets that cut a character in two",
     lambda: _household(pa.Array.from_buffers(
         pa.string(), 2,
         [None, pa.py_buffer(b"\x00\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00"),
          pa.py_buffer("あ".encode())])),
     "utf-8|UTF8"),
    ("list offsets that go backwards",
     lambda: _household(pa.array(["a", "b"]),
                        offsets=b"\x00\x00\x00\x00\x02\x00\x00\x00\x01\x00\x00\x00"),
     "monotonic"),
])
def test_malformed_memory_deep_in_a_column_is_refused(threads, what, household, message):
    """The check reaches every node of a nested column (here the household's members), on one
    thread or several, and refuses the batch before any row is read."""
    table = pa.table({"id": pa.array(["c1", "c2"]),
                      "received_on": pa.array(["2026-04-01", "2026-04-02"]),
                      "household": household()})
    with pytest.raises(ValueError, match=f"Arrow data could not be read.*({message})"):
        jusou.route_many(table, threads=threads)
