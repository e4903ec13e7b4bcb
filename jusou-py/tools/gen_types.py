"""Generate ``python/jusou/types.py`` (TypedDicts and Literals of every input and output type)
from the JSON Schemas the core publishes (``jusou.schema(name)``), so the Python types cannot
drift from the Rust ones. Run after a schema changes, with the wheel installed:

    python jusou-py/tools/gen_types.py > jusou-py/python/jusou/types.py

``tests/test_batch.py::test_types_module_is_up_to_date`` fails when the file is stale.
"""

from __future__ import annotations

import keyword
import sys
from typing import Any, Dict, List

import jusou

# Schema name → what it is, in the order they are written.
NAMES = ["Program", "DateInfo", "FundingSplit", "Case", "RouteDecision", "MeetingCheck",
         "MeetingDecision", "PlanLog", "PlanReport", "Municipality", "MunicipalityReport", "Errors"]
INPUTS = {"Case", "MeetingCheck", "PlanLog", "Municipality"}


class Gen:
    def __init__(self) -> None:
        self.defs: Dict[str, str] = {}  # name → code
        self.order: List[str] = []
        self.shapes: Dict[str, Any] = {}  # name → shape of the type first given that name

    def add(self, name: str, code: str) -> None:
        if name in self.defs:
            # Input and output of one type may differ in which fields are required: keep the
            # first (the input); `define` has already refused two different types of one name.
            return
        self.defs[name] = code
        self.order.append(name)

    def claim(self, name: str, s: Dict[str, Any]) -> None:
        """Refuse a name already given to a type of another shape: two Rust types with one
        schema name (three `Member`s) would otherwise be typed as whichever came first."""
        new = shape(s)
        old = self.shapes.setdefault(name, new)
        if old != new:
            raise SystemExit(
                f"gen_types: two different types are both named {name!r} in the schemas "
                f"({old} vs {new}); give one a distinct schema name "
                f"(#[schemars(rename = \"...\")] on the Rust type)"
            )

    def ty(self, s: Dict[str, Any], defs: Dict[str, Any], hint: str, is_input: bool) -> str:
        if "$ref" in s:
            name = s["$ref"].rsplit("/", 1)[-1]
            self.define(name, defs[name], defs, is_input)
            return name
        for key in ("anyOf", "oneOf"):
            if key in s:
                opts = s[key]
                consts = [o.get("const") for o in opts]
                if all(c is not None and o.get("type") == "string" for c, o in zip(consts, opts)):
                    return "Literal[" + ", ".join(repr(c) for c in consts) + "]"
                parts = []
                for i, o in enumerate(opts):
                    if o.get("type") == "null":
                        parts.append("None")
                    elif o.get("type") == "object" and "properties" in o:
                        tag = next((v["const"] for v in o["properties"].values() if "const" in v), str(i))
                        name = hint + "".join(w.capitalize() for w in str(tag).split("_"))
                        self.define(name, o, defs, is_input)
                        parts.append(name)
                    else:
                        parts.append(self.ty(o, defs, f"{hint}{i}", is_input))
                return union(parts)
        if "enum" in s:
            return "Literal[" + ", ".join(repr(c) for c in s["enum"]) + "]"
        if "const" in s:
            return f"Literal[{s['const']!r}]"
        t = s.get("type")
        if isinstance(t, list):
            return union([self.ty(dict(s, type=x), defs, hint, is_input) for x in t])
        if t == "string":
            return "str"
        if t == "integer":
            return "int"
        if t == "number":
            return "float"
        if t == "boolean":
            return "bool"
        if t == "null":
            return "None"
        if t == "array":
            return f"List[{self.ty(s.get('items', {}), defs, hint + 'Item', is_input)}]"
        if t == "object" and "properties" in s:
            self.define(hint, s, defs, is_input)
            return hint
        if t == "object" and isinstance(s.get("additionalProperties"), dict):
            return f"Dict[str, {self.ty(s['additionalProperties'], defs, hint + 'Value', is_input)}]"
        if t == "object":
            return "Dict[str, Any]"
        return "Any"

    def define(self, name: str, s: Dict[str, Any], defs: Dict[str, Any], is_input: bool) -> None:
        self.claim(name, s)
        if name in self.defs:
            return
        if name == "DayText":
            self.add(name, "#: A day: ISO text, 和暦 text or a datetime.date.\n"
                           "DayText = Union[str, datetime.date]\n")
            return
        if s.get("type") == "object" and "properties" in s:
            self.defs[name] = ""  # reserve (recursion)
            required = set(s.get("required", []))
            req, opt = [], []
            for field, fs in s["properties"].items():
                line = f"    {field}: {self.ty(fs, defs, name + pascal(field), is_input)}"
                doc = (fs.get("description") or "").split("\n")[0]
                if doc:
                    line += f"  # {doc}"
                # Outputs always carry every field; inputs may leave out what has a default.
                (req if field in required or not is_input else opt).append(line)
            doc = (s.get("description") or name).split("\n")[0]
            if any(keyword.iskeyword(f) for f in s["properties"]):
                # A field named like a Python keyword (`from`) needs the functional syntax.
                def entry(line: str) -> str:
                    field, rest = line.strip().split(": ", 1)
                    ty = rest.split("  # ")[0]
                    return f"    {field!r}: {ty!r},"
                code = f"#: {doc}\n"
                if req:
                    code += (f"_{name}Required = TypedDict(\"_{name}Required\", {{\n"
                             + "\n".join(entry(x) for x in req) + "\n})\n")
                if opt:
                    base = f"_{name}Optional"
                    code += (f"{base} = TypedDict(\"{base}\", {{\n"
                             + "\n".join(entry(x) for x in opt) + "\n}, total=False)\n")
                parts = ([f"_{name}Required"] if req else []) + ([f"_{name}Optional"] if opt else [])
                if len(parts) == 1:
                    code += f"{name} = {parts[0]}\n"
                else:
                    code += f"\n\nclass {name}({', '.join(parts)}):\n    \"\"\"{doc}\"\"\"\n"
                del self.defs[name]
                self.add(name, code)
                return
            if opt and req:
                code = (f"class _{name}Required(TypedDict):\n" + "\n".join(req) + "\n\n\n"
                        f"class {name}(_{name}Required, total=False):\n    \"\"\"{doc}\"\"\"\n\n"
                        + "\n".join(opt) + "\n")
            elif opt:
                code = f"class {name}(TypedDict, total=False):\n    \"\"\"{doc}\"\"\"\n\n" + "\n".join(opt) + "\n"
            else:
                code = f"class {name}(TypedDict):\n    \"\"\"{doc}\"\"\"\n\n" + "\n".join(req or ["    pass"]) + "\n"
            del self.defs[name]
            self.add(name, code)
        else:
            doc = (s.get("description") or name).split("\n")[0]
            self.add(name, f"#: {doc}\n{name} = {self.ty(s, defs, name, is_input)}\n")


def shape(s: Dict[str, Any]) -> Any:
    """What makes a type itself, leaving out what input and output forms of one type may differ
    in (docs, which fields are required, how a date is written): its field names, its values, or
    the shapes of its alternatives."""
    if "properties" in s:
        return ("object", tuple(sorted(s["properties"])))
    for key in ("anyOf", "oneOf"):
        if key in s:
            return ("union", tuple(sorted(repr(shape(o)) for o in s[key])))
    if "enum" in s:
        return ("enum", tuple(sorted(repr(v) for v in s["enum"])))
    if "const" in s:
        return ("const", repr(s["const"]))
    if "$ref" in s:
        return ("ref", s["$ref"].rsplit("/", 1)[-1])
    if s.get("type") == "array":
        return ("array", shape(s.get("items", {})))
    return ("type", repr(s.get("type")))


def pascal(field: str) -> str:
    return "".join(w.capitalize() for w in field.split("_"))


def union(parts: List[str]) -> str:
    parts = list(dict.fromkeys(parts))
    if len(parts) == 1:
        return parts[0]
    if "None" in parts:
        rest = [p for p in parts if p != "None"]
        inner = rest[0] if len(rest) == 1 else "Union[" + ", ".join(rest) + "]"
        return f"Optional[{inner}]"
    return "Union[" + ", ".join(parts) + "]"


def main() -> None:
    g = Gen()
    for name in NAMES:
        s = jusou.schema(name)
        g.define(name, s, s.get("$defs", {}), name in INPUTS)
    assert not any(keyword.iskeyword(n) for n in g.order)
    out = [
        '"""Types of jusou\'s inputs and outputs, generated from the core\'s JSON Schemas by',
        "``jusou-py/tools/gen_types.py``; do not edit by hand.",
        "",
        "Use them to annotate your own code (``def f(c: jusou.types.Case) -> None``); the values",
        'themselves are plain dicts, lists and strings."""',
        "",
        "# fmt: off",
        "# flake8: noqa",
        "from __future__ import annotations",
        "",
        "import datetime",
        "from typing import Any, Dict, List, Literal, Optional, TypedDict, Union",
        "",
    ]
    for name in g.order:
        out.append("")
        out.append(g.defs[name].rstrip("\n"))
        out.append("")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
