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
from typing import Any, Dict, List, Sequence, Union

from . import _jusou

__all__ = [
    "ValidationError",
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
    "check_municipality",
]

#: A date as jusou accepts it: ``datetime.date``, ISO text or 和暦 text.
DateLike = Union[_dt.date, str]


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
            {
                "code": "JUSOU-E-JSON-002",
                "path": path,
                "message_ja": "日付は datetime.date か文字列で渡してください",
                "message_en": f"a date must be a datetime.date or a string, not {type(value).__name__}",
                "citation": None,
            }
        ]
    )


class _Text(str):
    """JSON text handed to the core unchanged, so that its own errors (codes and JSON pointers,
    duplicate fields, limits) reach the caller exactly as every other binding reports them."""


def _too_deep(path: str = "") -> ValidationError:
    return ValidationError(
        [
            {
                "code": "JUSOU-E-LIMIT-002",
                "path": path,
                "message_ja": "入れ子が深すぎます（上限64段）",
                "message_en": "arrays and objects nest too deep (the limit is 64)",
                "citation": None,
            }
        ]
    )


def _call(op: str, payload: Any) -> Any:
    try:
        text = str(payload) if isinstance(payload, _Text) else _json.dumps(payload, ensure_ascii=False)
    except RecursionError:
        # A Python value nested too deep for json.dumps: the core's depth limit, not a crash.
        raise _too_deep() from None
    except (TypeError, ValueError) as exc:
        raise ValidationError(
            [
                {
                    "code": "JUSOU-E-JSON-002",
                    "path": "",
                    "message_ja": "JSONにできない値が含まれています",
                    "message_en": f"the input holds a value that is not JSON: {exc}",
                    "citation": None,
                }
            ]
        ) from None
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
                {
                    "code": "JUSOU-E-JSON-002",
                    "path": "/amount",
                    "message_ja": "金額は整数（円）で渡してください",
                    "message_en": "the amount must be an int (yen)",
                    "citation": None,
                }
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
            return _json.loads(value)
        except RecursionError:
            raise _too_deep() from None
        except ValueError as exc:
            raise ValidationError(
                [
                    {
                        "code": "JUSOU-E-JSON-001",
                        "path": "",
                        "message_ja": f"JSONとして読めません: {exc}",
                        "message_en": f"not valid JSON: {exc}",
                        "citation": None,
                    }
                ]
            ) from None
    return value


def meeting(check: Union[Dict[str, Any], str]) -> Dict[str, Any]:
    """May this case be discussed at this meeting, and who may receive what.

    ``check`` is a ``MeetingCheck`` (see ``jusou.schema("MeetingCheck")``) as a dict or JSON text.
    The result has ``allowed``, ``mode``, ``recipients``, ``excluded``, ``obligations``,
    ``violations`` and ``fallback``, exactly as ``jusou meeting --json`` prints them.
    """
    return _call("meeting", _Text(check) if isinstance(check, str) else check)


def route(
    case: Union[Dict[str, Any], str],
    municipality: Union[Dict[str, Any], str, None] = None,
    as_of: Union[DateLike, None] = None,
) -> Dict[str, Any]:
    """Route a consultation: 多機関協働, アウトリーチ, 参加支援, lead program and first meeting.

    ``case`` is a ``Case`` (``jusou.schema("Case")``) as a dict or JSON text. A municipality's
    ``options`` (its own 多機関協働 criteria) and ``as_of`` override those in the case, as the CLI's
    ``--municipality`` and ``--as-of`` do.

    >>> d = jusou.route({"id": "x", "received_on": "R8.5.1",
    ...     "received_by": {"agency": "地域包括支援センター", "program": "1-i"},
    ...     "household": [{"id": "A", "age": 82, "relation": "self", "subject": True,
    ...                    "issues": ["care"]}],
    ...     "findings": {"one_agency_can_resolve": True}})
    >>> d["multi_agency"], d["lead_program"], d["first_meeting"]
    (False, '1-i', None)
    """
    if isinstance(case, str) and municipality is None and as_of is None:
        return _call("route", _Text(case))
    value = _input(case)
    if isinstance(value, dict):
        # A copy, so the caller's dict is not changed; anything else goes to the core as it is
        # and gets its type error there (never a Python TypeError).
        value = dict(value)
        if municipality is not None:
            m = _input(municipality)
            if isinstance(m, dict) and "options" in m:
                value["options"] = m["options"]
        if as_of is not None:
            value["as_of"] = _date_text(as_of, "/as_of")
    return _call("route", value)


def route_many(cases: Sequence[Union[Dict[str, Any], str]]) -> List[Dict[str, Any]]:
    """Route many cases in one native call (the GIL is released while the core works).

    Returns one item per case, in order: the decision, or ``{"errors": [...]}`` for a bad case —
    one bad case does not fail the batch. Items may be dicts or JSON text.

    >>> out = jusou.route_many([{"id": "bad", "received_on": "2026-02-30", "household": []}])
    >>> out[0]["errors"][0]["code"]
    'JUSOU-E-DATE-002'
    """
    if isinstance(cases, (str, bytes, dict)):
        raise ValidationError(
            [
                {
                    "code": "JUSOU-E-JSON-002",
                    "path": "",
                    "message_ja": "route_many にはケースの並び（list）を渡してください",
                    "message_en": "route_many takes a sequence (list) of cases",
                    "citation": None,
                }
            ]
        )
    parts = []
    for case in cases:
        if isinstance(case, str):
            parts.append(case)
        else:
            try:
                parts.append(_json.dumps(case, ensure_ascii=False))
            except RecursionError:
                parts.append(_json.dumps("not JSON: nested too deep"))
            except (TypeError, ValueError) as exc:
                # An item that is not JSON becomes that item's error; the batch goes on.
                parts.append(_json.dumps(f"not JSON: {exc}"))
    ok, out = _jusou.call("route_many", "[" + ",".join(parts) + "]")
    value = _json.loads(out)
    if not ok:
        raise ValidationError(value["errors"])
    return value


def plan(events: Union[Dict[str, Any], str], as_of: Union[DateLike, None] = None) -> Dict[str, Any]:
    """Replay a case's event log: state per track, next events, deadlines, violations.

    ``events`` is a ``PlanLog`` (``jusou.schema("PlanLog")``) as a dict or JSON text; ``as_of``
    overrides the log's own, as the CLI's ``--as-of`` does.
    """
    if isinstance(events, str) and as_of is None:
        return _call("plan", _Text(events))
    value = _input(events)
    if isinstance(value, dict) and as_of is not None:
        value = dict(value, as_of=_date_text(as_of, "/as_of"))
    return _call("plan", value)


def check_municipality(m: Union[Dict[str, Any], str]) -> Dict[str, Any]:
    """Check a municipality's 実施体制 against 社会福祉法第106条の4〜第106条の6.

    ``m`` is a ``Municipality`` (``jusou.schema("Municipality")``) as a dict or JSON text. The
    report has ``valid``, ``violations`` and ``warnings`` (each rule with its citation).
    """
    return _call("check_municipality", _Text(m) if isinstance(m, str) else m)


def schema(name: str) -> Dict[str, Any]:
    """The JSON Schema of an input or output type.

    >>> jusou.schema("Program")["title"]
    'Program'
    """
    return _call("schema", name)
