"""jusou: the rules of 重層的支援体制整備事業 (社会福祉法第106条の4〜第106条の6).

Every decision is made by the Rust core; this package converts Python values to JSON and back.

>>> import jusou
>>> [p["code"] for p in jusou.taxonomy()][:3]
['1-i', '1-ro', '1-ha']
>>> jusou.parse_date("令和元年5月1日")["date"]
'2019-05-01'
>>> jusou.fiscal_year("2026-03-31")
2025
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import contextlib as _contextlib
import gc as _gc
import sys as _sys
from typing import Any, Dict, List, Union

from . import _jusou, types

__all__ = [
    "ValidationError",
    "Engine",
    "types",
    "version",
    "taxonomy",
    "parse_date",
    "fiscal_year",
    "split_funding",
    "schema",
    "meeting",
    "route",
    "route_many",
    "plan",
    "report",
    "report_partial",
    "report_merge",
    "report_frame",
    "check_municipality",
]

#: A date as jusou accepts it: ``datetime.date``, ISO text or 和暦 text.
DateLike = Union[_dt.date, str]
#: A municipality for :class:`Engine`, :func:`route` / :func:`route_many`: checked against the
#: law, and its ``options`` (when it states them) replace each case's.
MunicipalityLike = Union[types.Municipality, Dict[str, object], str]
#: A JSON Schema document (its shape is JSON Schema's, not jusou's).
JsonSchema = Dict[str, Any]


class ValidationError(ValueError):
    """Bad input. ``.errors`` lists every problem found, each a dict with ``code``,
    ``path`` (JSON pointer), ``message_ja``, ``message_en`` and ``citation``.

    >>> try:
    ...     jusou.parse_date("令和元年4月1日")
    ... except jusou.ValidationError as e:
    ...     e.errors[0]["code"]
    'JUSOU-E-DATE-003'
    """

    def __init__(self, errors: List[Dict[str, Any]]):
        self.errors = errors
        first = errors[0] if errors else {}
        super().__init__(
            f"{first.get('code', '?')} at '{first.get('path', '')}': {first.get('message_en', '')}"
            + (f" (+{len(errors) - 1} more)" if len(errors) > 1 else "")
        )


def _date_text(value: DateLike, path: str) -> str:
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise ValidationError(
        [
            _error(
                "JUSOU-E-JSON-002",
                path,
                "日付は datetime.date か文字列で渡してください",
                f"a date must be a datetime.date or a string, not {type(value).__name__}",
            )
        ]
    )


class _Text(str):
    """JSON text handed to the core unchanged, so that its own errors (codes and JSON pointers,
    duplicate fields, limits) reach the caller exactly as every other binding reports them."""


def _too_deep() -> ValidationError:
    """The core's depth error (JUSOU-E-LIMIT-002), for a value too deep for ``json.dumps``."""
    return ValidationError(_json.loads(_jusou.depth_error())["errors"])


def _call(op: str, payload: Any) -> Any:
    try:
        text = str(payload) if isinstance(payload, _Text) else _dumps(payload)
    except RecursionError:
        # A Python value nested too deep for json.dumps: the core's depth limit, not a crash.
        raise _too_deep() from None
    except (TypeError, ValueError) as exc:
        # The core's error for a value with no JSON form, with Python's own words.
        raise ValidationError(_json.loads(_jusou.not_json_error(str(exc)))["errors"]) from None
    ok, out = _jusou.call(op, text)
    value = _json.loads(out)
    if not ok:
        raise ValidationError(value["errors"])
    return value


def version() -> str:
    """The jusou-core version this module was built from.

    >>> isinstance(jusou.version(), str)
    True
    """
    return _jusou.version()


def taxonomy() -> List[Dict[str, Any]]:
    """The programs of 社会福祉法第106条の4第2項, in the law's order.

    >>> t = jusou.taxonomy()
    >>> t[12]["citation"], t[12]["pillar"], t[12]["new_function"]
    ('社会福祉法第106条の4第2項第5号', 'I', True)
    """
    return _call("taxonomy", None)


def parse_date(text: DateLike) -> Dict[str, Any]:
    """Read a date as users write it; returns 西暦, 和暦 and 年度.

    >>> d = jusou.parse_date("令和6年度")
    >>> d["kind"], d["start"], d["end"]
    ('fiscal_year', '2024-04-01', '2025-03-31')
    """
    return _call("parse_date", _date_text(text, ""))


def fiscal_year(date: DateLike) -> int:
    """The 年度 (April–March) a day falls in, as the Gregorian year it starts in.

    >>> jusou.fiscal_year(__import__("datetime").date(2026, 4, 1))
    2026
    """
    return int(_call("fiscal_year", _date_text(date, ""))["fiscal_year"])


def split_funding(amount: int, program: str, as_of: DateLike) -> Dict[str, Any]:
    """Split a yen amount into funding shares; the shares always add up to ``amount``.

    >>> s = jusou.split_funding(1_000_001, "5", "2025-04-01")
    >>> [x["amount"] for x in s["shares"]]
    [500000, 250000, 250001]
    """
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError(
            [
                _error(
                    "JUSOU-E-JSON-002",
                    "/amount",
                    "金額は整数（円）で渡してください",
                    "the amount must be an int (yen)",
                )
            ]
        )
    return _call(
        "split_funding",
        {"amount": amount, "program": program, "as_of": _date_text(as_of, "/as_of")},
    )


def _input(value: Union[Dict[str, Any], str]) -> Any:
    """A dict, or JSON text (parsed here so that malformed text gets jusou's own error)."""
    if isinstance(value, str):
        try:
            value = _json.loads(value)
        except RecursionError:
            raise _too_deep() from None
        except ValueError as exc:
            raise ValidationError(
                [
                    _error(
                        "JUSOU-E-JSON-001",
                        "",
                        f"JSONとして読めません: {exc}",
                        f"not valid JSON: {exc}",
                    )
                ]
            ) from None
    if not isinstance(value, dict):
        raise ValidationError(
            [
                _error(
                    "JUSOU-E-JSON-002",
                    "",
                    f"入力は dict か JSON のテキストで渡してください（{type(value).__name__} ではなく）",
                    f"the input must be a dict or JSON text, not {type(value).__name__}",
                )
            ]
        )
    return value


def meeting(check: Union[Dict[str, Any], str]) -> Dict[str, Any]:
    """May this case be discussed at this meeting, and who may receive what.

    ``check`` is a ``MeetingCheck`` (see ``jusou.schema("MeetingCheck")``) as a dict or JSON text.
    The result has ``allowed``, ``mode``, ``recipients``, ``excluded``, ``obligations``,
    ``violations`` and ``fallback``, exactly as ``jusou meeting --json`` prints them.
    """
    return _engine().meeting(check if isinstance(check, str) else _input(check))


def _text(value: Any) -> str:
    """JSON text for the core: a ``str`` as it is (the core reads it, so its errors are the
    core's), anything else through the package's JSON encoder."""
    if isinstance(value, str):
        return value
    try:
        return _dumps(value)
    except RecursionError:
        # A Python value nested too deep for json.dumps: the core's depth limit, not a crash.
        raise _too_deep() from None
    except (TypeError, ValueError) as exc:
        # The core's error for a value with no JSON form, with Python's own words.
        raise ValidationError(_json.loads(_jusou.not_json_error(str(exc)))["errors"]) from None


class Engine(_jusou.Engine):
    """A municipality and a default decision date, checked and compiled once by the core, then
    asked ``route``, ``route_many``, ``meeting``, ``plan`` and ``report`` with only the case or
    log. The municipality's ``options`` (when it states them) and ``as_of`` replace each case's
    own (``as_of`` also each plan log's), as the CLI's ``--municipality`` and ``--as-of`` do; a
    municipality in breach of the law is refused with the errors :func:`check_municipality`
    reports. The overrides are the core's: this class only converts values.

    >>> e = jusou.Engine(as_of="令和8年6月1日")
    >>> e.route({"id": "x", "received_on": "R8.5.1",
    ...     "received_by": {"agency": "地域包括支援センター", "program": "1-i"},
    ...     "household": [{"id": "A", "age": 82, "relation": "self", "subject": True,
    ...                    "issues": ["care"]}]})["as_of"]
    '2026-06-01'
    """

    def __new__(
        cls,
        municipality: Union[MunicipalityLike, None] = None,
        as_of: Union[DateLike, None] = None,
    ) -> "Engine":
        m = None if municipality is None else _text(municipality)
        day = None if as_of is None else _date_text(as_of, "/as_of")
        return super().__new__(cls, m, day)

    def _op(self, op: str, payload: Any) -> Any:
        ok, out = self.call(op, _text(payload))
        value = _json.loads(out)
        if not ok:
            raise ValidationError(value["errors"])
        return value

    def route(self, case: Union[Dict[str, Any], str]) -> Dict[str, Any]:
        """Route a consultation (a ``Case`` as a dict or JSON text), as :func:`route`."""
        return self._op("route", case)

    def route_many(self, cases: Any, threads: Union[int, None] = None) -> Any:
        """Route many cases in one native call, as :func:`route_many`."""
        if threads is not None and (isinstance(threads, bool) or not isinstance(threads, int) or threads < 1):
            raise ValidationError(
                [_error("JUSOU-E-JSON-002", "/threads", "threads は 1 以上の整数で渡してください",
                        "threads must be an int of at least 1")]
            )
        with _no_gc():
            return _route_many(self, cases, threads)

    def meeting(self, check: Union[Dict[str, Any], str]) -> Dict[str, Any]:
        """The meeting check (a ``MeetingCheck``), as :func:`meeting`."""
        return self._op("meeting", check)

    def plan(self, events: Union[Dict[str, Any], str]) -> Dict[str, Any]:
        """Replay a case's event log (a ``PlanLog``), the engine's ``as_of`` replacing the
        log's own."""
        return self._op("plan", events)

    def report(
        self,
        logs: Any,
        fiscal_year: Union[int, str],
        targets: Union[Dict[str, Any], None] = None,
    ) -> Dict[str, Any]:
        """A 年度's 実績 from the cases' plan logs, as :func:`report`."""
        value: Dict[str, Any] = {
            "fiscal_year": fiscal_year,
            "logs": [_input(log) for log in logs],
        }
        if targets is not None:
            value["targets"] = _input(targets)
        return self._op("report", value)


#: The engine of the free functions called without a municipality or a date.
_PLAIN: Union[Engine, None] = None


def _engine(municipality: Any = None, as_of: Any = None) -> Engine:
    global _PLAIN
    if municipality is None and as_of is None:
        if _PLAIN is None:
            _PLAIN = Engine()
        return _PLAIN
    return Engine(municipality, as_of)


def route(
    case: Union[Dict[str, Any], str],
    municipality: Union[Dict[str, Any], str, None] = None,
    as_of: Union[DateLike, None] = None,
) -> Dict[str, Any]:
    """Route a consultation: 多機関協働, アウトリーチ, 参加支援, lead program and first meeting.

    ``case`` is a ``Case`` (``jusou.schema("Case")``) as a dict or JSON text. A municipality's
    ``options`` (its own 多機関協働 criteria) and ``as_of`` override those in the case, as the CLI's
    ``--municipality`` and ``--as-of`` do: this builds an :class:`Engine` for the call (hold one
    to route many cases with the same municipality).

    >>> d = jusou.route({"id": "x", "received_on": "R8.5.1",
    ...     "received_by": {"agency": "地域包括支援センター", "program": "1-i"},
    ...     "household": [{"id": "A", "age": 82, "relation": "self", "subject": True,
    ...                    "issues": ["care"]}],
    ...     "findings": {"one_agency_can_resolve": True}})
    >>> d["multi_agency"], d["lead_program"], d["first_meeting"]
    (False, '1-i', None)
    """
    return _engine(municipality, as_of).route(case)


def route_many(
    cases: Any,
    municipality: Union[Dict[str, Any], str, None] = None,
    as_of: Union[DateLike, None] = None,
    threads: Union[int, None] = None,
) -> Any:
    """Route many cases in one native call, over every core (the GIL is released while the
    core works; ``threads`` — else the environment variable ``JUSOU_THREADS`` — sets how many
    threads, by default one per core; the answers do not depend on it).

    ``municipality`` and ``as_of`` apply to every case, as in :func:`route`. What comes back
    has the kind of what went in:

    - a **list** (or other iterable) of cases as dicts or JSON text, or the JSON text of an
      array of cases → a list with, per case in order, the decision exactly as :func:`route`
      gives it, or ``{"errors": [...]}`` for a bad case;
    - a **pandas.DataFrame** → a DataFrame with the same index;
    - a **pyarrow.Table** → a pyarrow.Table, row for row.

    Input layout of a DataFrame or Table: one row per case, either one column per top-level
    field of a ``Case`` (``id``, ``received_on``, ``received_by``, ``household``, ``findings``,
    ``consents``, ``agencies_involved``, ``as_of``, ``options``; nested fields as dicts/lists or
    structs/lists, missing cells as null), or a column ``case`` holding each case as a dict or
    JSON text (other columns, e.g. your own keys, are then ignored). A Table's ``case`` column
    of strings is read in place by the native code, without copies (the fastest path).

    Output columns of a DataFrame or Table: ``case_id``, ``as_of`` (ISO text),
    ``multi_agency``, ``outreach``, ``participation_support`` (booleans, null for a bad row;
    ``multi_agency`` is also null while the worker's assessment is pending),
    ``lead_program`` and ``first_meeting`` (text or null), ``statutory_alerts``, ``reasons``
    (lists of rule ids, e.g. ``R-ROUTE-8050``; the texts are in :func:`route`'s answer),
    ``fields`` and ``patterns`` (lists of keys), ``pending`` (the questions waiting on the
    worker's assessment), ``signals`` (rule ids of the signals of 複雑化・複合化), and
    ``errors`` (null, or the list of errors of a bad row). One bad row never fails the batch.
    A pyarrow Table is read (string or struct/list columns) and answered entirely in native
    code through the Arrow PyCapsule interface, with no Python object per row.

    >>> out = jusou.route_many([{"id": "bad", "received_on": "2026-02-30", "household": []}])
    >>> out[0]["errors"][0]["code"]
    'JUSOU-E-DATE-002'
    """
    return _engine(municipality, as_of).route_many(cases, threads)


def _route_many(engine: Engine, cases: Any, threads: Any = None) -> Any:
    if isinstance(cases, str):
        # JSON text of an array of cases: read by the core, as every binding reads it.
        return engine._op("route_many", cases)
    pd = _sys.modules.get("pandas")
    if pd is not None and isinstance(cases, pd.DataFrame):
        return _route_frame(engine, cases, threads)
    pa = _sys.modules.get("pyarrow")
    if pa is not None and isinstance(cases, (pa.Table, pa.RecordBatch)):
        return _route_arrow(engine, cases, threads)
    if isinstance(cases, (bytes, dict)) or not hasattr(cases, "__iter__"):
        raise ValidationError(
            [
                _error(
                    "JUSOU-E-JSON-002",
                    "",
                    "route_many にはケースの並び（list・DataFrame・pyarrow.Table）を渡してください",
                    "route_many takes a sequence (list) of cases, a pandas.DataFrame or a pyarrow.Table",
                )
            ]
        )
    return _route_items(engine, list(cases), columns=False, threads=threads)


@_contextlib.contextmanager
def _no_gc() -> Any:
    """Pause the cyclic garbage collector while a batch builds its (acyclic) result objects:
    otherwise every few hundred new lists or dicts trigger a scan of everything alive, which
    costs more than the routing itself on large batches."""
    was = _gc.isenabled()
    _gc.disable()
    try:
        yield
    finally:
        if was:
            _gc.enable()


def _error(code: str, path: str, ja: str, en: str) -> Dict[str, Any]:
    return {"code": code, "path": path, "message_ja": ja, "message_en": en, "citation": None}


def _json_default(o: Any) -> Any:
    """What ``json`` cannot encode by itself but a case may hold: dates and numpy scalars."""
    if isinstance(o, _dt.datetime):
        return o.date().isoformat() if o.time() == _dt.time() else o.isoformat()
    if isinstance(o, _dt.date):
        return o.isoformat()
    if type(o).__module__ == "numpy":
        return o.tolist()
    raise TypeError(f"{type(o).__name__} is not JSON")


def _dumps(value: Any) -> str:
    return _json.dumps(value, ensure_ascii=False, allow_nan=False, default=_json_default)


def _route_items(
    engine: Engine, items: List[Any], columns: bool, nulls_absent: bool = False,
    threads: Any = None,
) -> Any:
    """Route a list of dicts/JSON texts in one native call: the native code reads dicts, lists,
    str, int, float, bool and None itself and hands anything else (dates, numpy scalars …) to
    ``_dumps``; an item that cannot be encoded becomes that item's error. With
    ``nulls_absent`` a None inside a dict means the key is absent (Arrow rows)."""
    dumps = _dumps_without_nulls if nulls_absent else _dumps
    return engine.route_objects(items, dumps, columns, nulls_absent, threads)


def _dumps_without_nulls(value: Any) -> str:
    return _dumps(_drop_nulls(value))


_BOOLS = ("multi_agency", "outreach", "participation_support")
_LISTS = ("statutory_alerts", "reasons", "fields", "patterns", "pending", "signals")


def _errors_column(cols: Dict[str, Any]) -> List[Any]:
    errors = cols["errors"]
    out: List[Any] = [None] * len(errors)
    for i, e in enumerate(errors):
        if e is not None:
            out[i] = _json.loads(e)["errors"]
    return out


def _frame_records(df: Any) -> List[Any]:
    """One case per row: a ``case`` column, or one column per top-level field of a Case. A
    missing value (NaN, None, NA) is an absent key."""
    if "case" in df.columns:
        return list(df["case"])
    names = list(df.columns)
    # Column by column (Series.tolist gives Python scalars, as to_dict does): about 4× faster
    # than ``to_dict("records")`` on frames of nested cases.
    values = [df.iloc[:, j].tolist() for j in range(len(names))]
    na = df.isna().to_numpy()
    if not df.columns.is_unique:
        # A field in two columns is a key given twice: each row becomes the JSON object it
        # stands for, so the core reports it as it reports a duplicated key (JUSOU-E-JSON-007).
        texts = []
        for i, row in enumerate(zip(*values)):
            try:
                texts.append("{" + ",".join(
                    _dumps(str(k)) + ":" + _dumps(v)
                    for j, (k, v) in enumerate(zip(names, row)) if not na[i, j]) + "}")
            except (TypeError, ValueError):
                texts.append(dict((k, v) for j, (k, v) in enumerate(zip(names, row)) if not na[i, j]))
        return texts
    records = [dict(zip(names, row)) for row in zip(*values)]
    for j, c in enumerate(names):
        for i in na[:, j].nonzero()[0]:
            del records[i][c]
    return records


def _drop_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_nulls(v) for v in value]
    return value


def _null_mask(cols: Dict[str, Any], name: str, ok: Any) -> Any:
    """Null where the row failed, and for ``multi_agency`` also where it is pending."""
    import numpy as np

    if name == "multi_agency":
        return ~(ok & np.frombuffer(cols["multi_agency_known"], dtype=np.bool_))
    return ~ok


def _route_frame(engine: Engine, df: Any, threads: Any = None) -> Any:
    import numpy as np
    import pandas as pd

    cols = _route_items(engine, _frame_records(df), columns=True, threads=threads)
    ok = np.frombuffer(cols["ok"], dtype=np.bool_)
    data: Dict[str, Any] = {
        "case_id": cols["case_id"],
        "as_of": cols["as_of"],
    }
    for name in _BOOLS:
        data[name] = pd.arrays.BooleanArray(
            np.frombuffer(cols[name], dtype=np.bool_).copy(), _null_mask(cols, name, ok)
        )
    data["lead_program"] = cols["lead_program"]
    data["first_meeting"] = cols["first_meeting"]
    for name in _LISTS:
        data[name] = cols[name]
    data["errors"] = _errors_column(cols)
    return pd.DataFrame(data, index=df.index)


def _route_arrow(engine: Engine, table: Any, threads: Any = None) -> Any:
    import pyarrow as pa

    col = table.column("case") if "case" in table.column_names else None
    data = table if col is None else col
    is_view = getattr(pa.types, "is_string_view", lambda t: False)
    if col is None or pa.types.is_string(col.type) or pa.types.is_large_string(col.type) \
            or is_view(col.type) or pa.types.is_struct(col.type):
        # Read in place through the Arrow PyCapsule interface and answered as Arrow record
        # batches built in Rust: no Python object per row.
        out = engine.route_arrow(data, threads)
        if out is not None:
            return pa.table(out)
    # A type the native reader leaves to Python (timestamps, dictionaries, maps …): rows as
    # dicts, where null means absent, as in JSON input.
    items = col.to_pylist() if col is not None else table.to_pylist()
    cols = _route_items(engine, items, columns=True, nulls_absent=True, threads=threads)
    return _arrow_from_columns(cols)


def _arrow_from_columns(cols: Dict[str, Any]) -> Any:
    import numpy as np
    import pyarrow as pa

    ok = np.frombuffer(cols["ok"], dtype=np.bool_)
    text = pa.string()
    keys = pa.list_(pa.string())
    error_type = pa.list_(
        pa.struct([(f, pa.string()) for f in ("code", "path", "message_ja", "message_en", "citation", "detail")])
    )
    arrays = {
        "case_id": pa.array(cols["case_id"], text),
        "as_of": pa.array(cols["as_of"], text),
    }
    for name in _BOOLS:
        arrays[name] = pa.array(np.frombuffer(cols[name], dtype=np.bool_), mask=_null_mask(cols, name, ok))
    arrays["lead_program"] = pa.array(cols["lead_program"], text)
    arrays["first_meeting"] = pa.array(cols["first_meeting"], text)
    for name in _LISTS:
        arrays[name] = pa.array(cols[name], keys)
    arrays["errors"] = pa.array(_errors_column(cols), error_type)
    return pa.table(arrays)


def plan(events: Union[Dict[str, Any], str], as_of: Union[DateLike, None] = None) -> Dict[str, Any]:
    """Replay a case's event log: state per track, next events, deadlines, violations.

    ``events`` is a ``PlanLog`` (``jusou.schema("PlanLog")``) as a dict or JSON text; ``as_of``
    overrides the log's own, as the CLI's ``--as-of`` does (through an :class:`Engine`).
    """
    return _engine(None, as_of).plan(events)


def report(
    logs: Any,
    fiscal_year: Union[int, str],
    targets: Union[Dict[str, Any], None] = None,
) -> Dict[str, Any]:
    """A 年度's 実績 counted from the cases' plan logs (``jusou report``; docs/report.md).

    ``logs`` is an iterable of ``PlanLog`` dicts (or JSON texts), one per case; ``fiscal_year``
    is ``2026`` or ``"令和8年度"``; ``targets`` the municipality's numeric targets by measure key.
    Logs with input errors or replay violations are listed in ``invalid_logs``, not counted.

    >>> log = {"case_id": "c", "as_of": "2027-03-31", "events": [
    ...     {"type": "referral", "date": "2026-04-01", "organisation": "高齢者相談センター"}]}
    >>> r = jusou.report([log], "令和8年度")
    >>> [m["value"] for m in r["measures"] if m["key"] == "referrals"]
    [1]
    """
    return _engine().report(logs, fiscal_year, targets)


def report_partial(logs: Any, fiscal_year: Union[int, str]) -> Dict[str, Any]:
    """The counts of some of a 年度's plan logs (one partition of a distributed run), to be
    combined with the other partitions' by :func:`report_merge` (docs/report.md, "Reports over
    partitions"). Counts that cannot be added (medians, meeting sittings) are kept as the day
    intervals and meeting ids they come from."""
    return _call("report_partial", {"fiscal_year": fiscal_year, "logs": [_input(log) for log in logs]})


def report_merge(
    partials: Any, targets: Union[Dict[str, Any], None] = None
) -> Dict[str, Any]:
    """The 年度's 実績 from :func:`report_partial` outputs (in partition order): exactly what
    :func:`report` gives for all their logs at once."""
    value: Dict[str, Any] = {"partials": [_input(p) for p in partials]}
    if targets is not None:
        value["targets"] = _input(targets)
    return _call("report_merge", value)


def report_frame(
    logs: Any,
    fiscal_year: Union[int, str],
    targets: Union[Dict[str, Any], None] = None,
) -> Any:
    """:func:`report` as a pandas DataFrame, one row per measure (needs pandas). The report's
    other fields (``invalid_logs``, ``year_complete``, …) are in ``frame.attrs["report"]``."""
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("jusou.report_frame needs pandas: pip install pandas") from exc
    r = report(logs, fiscal_year, targets)
    columns = ["key", "name_ja", "name_en", "unit", "value", "n", "target", "achievement_percent"]
    frame = pd.DataFrame([{c: m.get(c) for c in columns} for m in r["measures"]], columns=columns)
    frame.insert(0, "fiscal_year", r["fiscal_year"])
    frame.attrs["report"] = {k: v for k, v in r.items() if k != "measures"}
    return frame


def check_municipality(m: Union[Dict[str, Any], str]) -> Dict[str, Any]:
    """Check a municipality's 実施体制 against 社会福祉法第106条の4〜第106条の6.

    ``m`` is a ``Municipality`` (``jusou.schema("Municipality")``) as a dict or JSON text. The
    report has ``valid``, ``violations`` and ``warnings`` (each rule with its citation).
    """
    return _call("check_municipality", _Text(m) if isinstance(m, str) else _input(m))


def schema(name: str) -> Dict[str, Any]:
    """The JSON Schema of an input or output type.

    >>> jusou.schema("Program")["title"]
    'Program'
    """
    return _call("schema", name)
