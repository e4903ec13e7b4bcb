"""No call can crash the interpreter: every function of the native module ``jusou._jusou``
(public and private, found with ``dir()`` so a new one is covered without editing this file) and
every public function of ``jusou`` is called with hostile arguments — wrong types, huge
integers, None, recursive and deeply nested structures, objects whose ``__getitem__``,
``__iter__``, ``__len__`` or attribute lookups raise, bytes, NaN and infinities, fake Arrow
objects — each in a child interpreter. A call must return or raise an ordinary exception; a
crash (killed by a signal), a Rust panic or an exception outside the expected kinds fails.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys

import pytest

import jusou
import jusou._jusou as native

#: What a hostile call may do: return, or raise jusou's ValidationError (a ValueError), one of
#: Python's own type, value or overflow errors, or ``Boom``, the hostile object's own exception
#: passing through (the child sorts them; a Rust panic is a BaseException and fails the child).
EXPECTED = {"ok", "raised"}

#: The hostile values, built in the child by name (`HOSTILE_SRC`).
HOSTILE = [
    "none", "true", "huge_int", "negative_huge_int", "int_2_64", "nan", "inf", "neg_inf",
    "bytes", "bytearray", "huge_str", "deep_json_text", "lone_surrogate", "recursive_list",
    "recursive_dict", "deep_list", "deep_dict", "raising_sequence", "raising_dict",
    "raising_list", "raising_attrs", "raising_str", "set", "non_str_keys", "object",
    "raising_callable", "int_callable", "fake_stream_int", "fake_stream_wrong_capsule",
    "fake_array_ints", "fake_array_wrong_capsules", "reused_array_capsules", "case_nan_age",
    "case_hostile_member", "case_recursive_consent", "case_deep_consent", "case_recursive_consent_form", "date_min", "buffer_addresses",
]

HOSTILE_SRC = r'''
import datetime, json, sys

class Boom(Exception):
    pass

def boom(*a, **k):
    raise Boom("hostile")

class RaisingSequence:
    __getitem__ = __iter__ = __len__ = __contains__ = __bool__ = boom

class RaisingDict(dict):
    __getitem__ = __iter__ = __len__ = keys = items = values = get = __contains__ = boom

class RaisingList(list):
    __getitem__ = __iter__ = __len__ = boom

class RaisingAttrs:
    def __getattribute__(self, name):
        raise Boom(name)

class RaisingStr(str):
    __str__ = __repr__ = __len__ = __iter__ = __getitem__ = encode = boom

class FakeStream:
    def __init__(self, value):
        self.value = value
    def __arrow_c_stream__(self, requested_schema=None):
        return self.value

class FakeArray:
    def __init__(self, value):
        self.value = value
    def __arrow_c_array__(self, requested_schema=None):
        return self.value

def nested(depth, make):
    v = None
    for _ in range(depth):
        v = make(v)
    return v

def other_capsule():
    # A genuine capsule with another name (the datetime C API).
    import datetime as _d
    return _d.datetime_CAPI

def reused_capsules():
    try:
        import pyarrow as pa
    except ImportError:
        return FakeArray((1, 2))
    pair = pa.array(["{}"]).__arrow_c_array__()
    jusou_native.Engine().route_arrow_strings(FakeArray(pair))  # consumes the array capsule
    return FakeArray(pair)

def base_case(**extra):
    c = {"id": "x", "received_on": "2024-04-01", "received_by": {"agency": "a"},
         "household": [{"id": "A", "age": 30, "relation": "self", "subject": True}]}
    c.update(extra)
    return c

def hostile(name):
    if name == "none": return None
    if name == "true": return True
    if name == "huge_int": return 10 ** 400
    if name == "negative_huge_int": return -(2 ** 63) - 1
    if name == "int_2_64": return 2 ** 64
    if name == "nan": return float("nan")
    if name == "inf": return float("inf")
    if name == "neg_inf": return float("-inf")
    if name == "bytes": return b"\xff\x00{}"
    if name == "bytearray": return bytearray(b'{"id": 1}')
    if name == "huge_str": return "x" * 20_000_000
    if name == "deep_json_text": return "[" * 500_000 + "]" * 500_000
    if name == "lone_surrogate": return "\ud800"
    if name == "recursive_list":
        l = []; l.append(l); return l
    if name == "recursive_dict":
        d = base_case(); d["household"] = [d]; d["received_by"] = d; return d
    if name == "deep_list": return nested(200_000, lambda v: [v])
    if name == "deep_dict": return nested(200_000, lambda v: {"household": v})
    if name == "raising_sequence": return RaisingSequence()
    if name == "raising_dict": return RaisingDict(id="x")
    if name == "raising_list": return RaisingList([1])
    if name == "raising_attrs": return RaisingAttrs()
    if name == "raising_str": return RaisingStr("route")
    if name == "set": return {"a", "b"}
    if name == "non_str_keys": return {1: 2, (1, 2): 3, None: 4}
    if name == "object": return object()
    if name == "raising_callable": return boom
    if name == "int_callable": return lambda *a, **k: 8
    if name == "fake_stream_int": return FakeStream(8)
    if name == "fake_stream_wrong_capsule": return FakeStream(other_capsule())
    if name == "fake_array_ints": return FakeArray((8, 16))
    if name == "fake_array_wrong_capsules": return FakeArray((other_capsule(), other_capsule()))
    if name == "reused_array_capsules": return reused_capsules()
    if name == "case_nan_age":
        c = base_case(); c["household"][0]["age"] = float("nan"); return c
    if name == "case_hostile_member": return base_case(household=[RaisingDict(id="A")])
    if name == "case_recursive_consent":
        l = []; l.append(l); return base_case(consents=[{"kind": "x", "scope": l}])
    if name == "case_deep_consent":
        return base_case(consents=[{"kind": "x", "scope": nested(100_000, lambda v: [v])}])
    if name == "case_recursive_consent_form":
        # Inside an internally tagged enum (serde buffers it whole): a serde reader with no depth
        # guard recurses until the stack overflows (pythonize 0.30 does: SIGSEGV).
        l = []; l.append(l)
        return base_case(consents=[{"id": "c1", "subject": "A", "given_by": {"kind": "self"},
                                    "given_on": "2024-04-01", "form": {"scope": l, "kind": "written"}}])
    if name == "date_min": return datetime.date.min
    if name == "buffer_addresses":
        # What route_arrow_strings once took: memory addresses as integers (a SIGSEGV then).
        big = 1 << 20
        return {"validity_addr": 0, "validity_size": 0, "offsets_addr": 8, "offsets_size": big,
                "data_addr": 8, "data_size": big, "offset": 0, "length": 10, "wide": False}
    raise AssertionError(name)
'''

CHILD = HOSTILE_SRC + r'''
import inspect
import jusou
import jusou._jusou as jusou_native

# Ordinary values for the other parameters, so the hostile one is read.
PLAUSIBLE = {"op": "route", "input": "{}", "cases": [], "dumps": json.dumps, "options": None,
             "as_of": None, "columns": False, "nulls_absent": False, "column": None,
             "repeat": 1, "stage": "route", "why": "x", "case": {}, "municipality": None,
             "check": {}, "events": {}, "m": {}, "name": "Case", "text": "2024-04-01",
             "date": "2024-04-01", "amount": 1, "program": "5"}

module, fname, hname = sys.argv[1:4]
owner = {"native": jusou_native, "jusou": jusou, "native.Engine": jusou_native.Engine(),
         "jusou.Engine": jusou.Engine()}[module]
f = getattr(owner, fname)
try:
    params = list(inspect.signature(f).parameters.values())
except (TypeError, ValueError):
    params = []
names = [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
calls = [("pos", i, [PLAUSIBLE.get(n) for n in names]) for i in range(len(names))]
calls.append(("all", None, None))
calls.append(("alone", None, None))
seen = []
for kind, i, args in calls:
    h = hostile(hname)  # fresh each time: a call may consume it
    if kind == "pos":
        args[i] = h
    elif kind == "all":
        args = [h] * max(len(names), 1)
    else:
        args = [h]
    try:
        f(*args)
        seen.append("ok")
    except (TypeError, ValueError, OverflowError, Boom) as e:  # ValidationError is a ValueError
        seen.append("raised")
    except Exception as e:
        seen.append(type(e).__name__)
print(json.dumps(seen))
'''


def _functions():
    out = []
    for name in dir(native):
        if name.startswith("__"):
            continue
        if callable(getattr(native, name)):
            out.append(("native", name))
    for name in jusou.__all__:
        obj = getattr(jusou, name)
        if inspect.isfunction(obj):
            out.append(("jusou", name))
    # The engine's methods, on an engine (the classes themselves are called above/below as
    # constructors: native.Engine by dir(), jusou.Engine through the methods' owner).
    for cls, module in ((native.Engine, "native.Engine"), (jusou.Engine, "jusou.Engine")):
        for name in dir(cls):
            if not name.startswith("_") and callable(getattr(cls, name)):
                out.append((module, name))
    return out


FUNCTIONS = _functions()


def test_every_function_is_covered():
    names = {n for m, n in FUNCTIONS if m == "native"}
    # The entry points the package itself uses, and whatever else the module grows.
    assert {"call", "Engine"} <= names
    methods = {n for m, n in FUNCTIONS if m == "native.Engine"}
    assert {"call", "route_objects", "route_arrow", "route_arrow_strings"} <= methods
    assert {n for m, n in FUNCTIONS if m == "jusou.Engine"} >= {"route", "route_many", "meeting", "plan", "report"}
    assert {n for m, n in FUNCTIONS if m == "jusou"} >= {"route", "route_many", "meeting", "plan"}


@pytest.mark.parametrize("module,fname", FUNCTIONS, ids=[f"{m}.{n}" for m, n in FUNCTIONS])
@pytest.mark.parametrize("hname", HOSTILE)
def test_hostile_call_never_crashes(module, fname, hname):
    r = subprocess.run(
        [sys.executable, "-c", CHILD, module, fname, hname],
        capture_output=True,
        text=True,
    )
    assert r.returncode >= 0, f"{module}.{fname}({hname}) killed by signal {-r.returncode}: {r.stderr[-2000:]}"
    assert r.returncode == 0, f"{module}.{fname}({hname}) failed: {r.stderr[-2000:]}"
    seen = json.loads(r.stdout.strip().splitlines()[-1])
    assert seen, "no call was made"
    unexpected = set(seen) - EXPECTED
    assert not unexpected, f"{module}.{fname}({hname}) raised {unexpected}"


def test_arrow_goes_through_capsules_only():
    """The native Arrow entry takes an Arrow object (C stream or C array capsules), never
    addresses; what is not a string column, or a capsule already consumed, is refused."""
    pa = pytest.importorskip("pyarrow")
    case = json.dumps({"id": "c", "received_on": "2024-04-01", "received_by": {"agency": "a"},
                       "household": [{"id": "A", "age": 30, "relation": "self", "subject": True}]})
    arr = pa.array([case, None, "{bad"], pa.large_string())
    for column in (arr, pa.chunked_array([arr[:1], arr[1:]])):
        cols = native.Engine().route_arrow_strings(column)
        assert cols["ok"] == bytes([1, 0, 0])
        assert cols["case_id"][0] == "c" and cols["errors"][1] is not None
    with pytest.raises(TypeError, match="string"):
        native.Engine().route_arrow_strings(pa.array([1, 2]))
    with pytest.raises(TypeError, match="__arrow_c_stream__"):
        native.Engine().route_arrow_strings({"offsets_addr": 8, "data_addr": 8, "length": 10})

    class Once:
        pair = pa.array([case]).__arrow_c_array__()

        def __arrow_c_array__(self, requested_schema=None):
            return self.pair

    assert native.Engine().route_arrow_strings(Once())["ok"] == bytes([1])
    with pytest.raises(ValueError, match="consumed"):
        native.Engine().route_arrow_strings(Once())
