"""Test kit for the people who configure jusou (issue #19): run a folder of vectors with expected
decisions — the ``fixtures/`` format, as ``jusou test DIR`` runs it — from Python and pytest.

The comparison is the Rust core's (``jusou_core::testing``): the same differences, named by the
same JSON pointers, in the same Japanese and English words as the CLI.

A folder holds subfolders named as in ``fixtures/`` (``cases/``, ``meetings/``, ``plans/``,
``municipalities/``, …), each ``NAME.json`` beside its ``NAME.expected.json``. A
``municipality.json`` at the top is bound to every vector (its ``options``, e.g. its 多機関協働
criteria, apply to each case); with a ``municipality.expected.json`` beside it, it is checked too.

In pytest::

    from jusou import testing

    @testing.parametrize("examples/rule-tests")
    def test_rules(vector):
        testing.check(vector)

>>> import pathlib, tempfile, json
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> (d / "dates").mkdir()
>>> _ = (d / "dates" / "r8.json").write_text('"令和8年4月1日"', "utf-8")
>>> _ = (d / "dates" / "r8.expected.json").write_text(json.dumps({"date": "2026-04-02"}), "utf-8")
>>> try:
...     check(vectors(d)[0])
... except AssertionError as e:
...     print(str(e).splitlines()[1])
  /date
"""

from __future__ import annotations

import json as _json
import os as _os
import pathlib as _pathlib
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Set, Union

from . import _jusou

__all__ = [
    "FOLDERS",
    "Vector",
    "Outcome",
    "Report",
    "vectors",
    "run",
    "check",
    "check_directory",
    "parametrize",
    "rules",
]

#: Folder name → the operation its vectors run through (the table of ``fixtures/README.md``,
#: read from jusou-core, which the CLI's ``jusou test`` and every binding's runner use).
FOLDERS: Dict[str, str] = dict(_jusou.TEST_FOLDERS)

PathLike = Union[str, "_os.PathLike[str]"]


@dataclass(frozen=True)
class Vector:
    """One input with its expected answer."""

    #: The input file.
    path: _pathlib.Path
    #: The operation it runs through.
    operation: str
    #: The folder it was found in (names are given relative to it).
    root: _pathlib.Path
    #: The municipality bound to the run (its JSON text), if any.
    municipality: Optional[str] = field(default=None, repr=False, compare=False)

    @property
    def expected_path(self) -> _pathlib.Path:
        """``NAME.expected.json`` beside ``NAME.json``."""
        return self.path.with_name(self.path.name[: -len(".json")] + ".expected.json")

    @property
    def name(self) -> str:
        """The input's path relative to the folder (``cases/a.json``)."""
        return self.path.relative_to(self.root).as_posix()


@dataclass
class Outcome:
    """The result of one vector."""

    vector: Vector
    passed: bool
    #: Each differing field: ``{"pointer", "expected", "got"}`` (a side without it: ``None``).
    differences: List[Dict[str, Any]]
    #: The differences as text (ja/en), or why the file could not be compared.
    report: str
    #: Ids of the rules (and the municipality's own criteria) that fired in the answer.
    rules_fired: Set[str]
    #: jusou's answer: the decision or ``{"errors": [...]}``.
    got: Any


@dataclass
class Report:
    """A folder's results."""

    outcomes: List[Outcome]
    #: Ids of the registry's rules no vector fired.
    never_fired: List[str]

    @property
    def failed(self) -> List[Outcome]:
        return [o for o in self.outcomes if not o.passed]

    @property
    def passed(self) -> bool:
        return not self.failed


def rules() -> List[Dict[str, Any]]:
    """Every rule of the registry: ``id``, ``area``, ``citation``, ``ja``, ``en``, ``not_ja``,
    ``not_en``."""
    result: List[Dict[str, Any]] = _json.loads(_jusou.rules())
    return result


def vectors(directory: PathLike, municipality: Optional[PathLike] = None) -> List[Vector]:
    """Every vector of a folder, sorted (a top-level ``municipality.json`` with an expected file
    first). An input without its expected file is listed too: it fails when checked.
    ``municipality`` binds another municipality file instead of the folder's own (as
    ``jusou test DIR --municipality M.json``)."""
    root = _pathlib.Path(directory)
    if not root.is_dir():
        raise FileNotFoundError(f"not a folder: {root}")
    top = root / "municipality.json"
    bound = _pathlib.Path(municipality) if municipality is not None else top
    text = bound.read_text("utf-8") if bound.is_file() else None
    if municipality is not None and text is None:
        raise FileNotFoundError(f"no municipality file: {bound}")
    out: List[Vector] = []
    if top.is_file() and top.with_name("municipality.expected.json").is_file():
        out.append(Vector(top, "check_municipality", root, text))
    for folder in sorted(FOLDERS):
        sub = root / folder
        if sub.is_dir():
            for p in sorted(sub.rglob("*.json")):
                if not p.name.endswith(".expected.json"):
                    out.append(Vector(p, FOLDERS[folder], root, text))
    return out


def run(vector: Vector) -> Outcome:
    """Run one vector and compare (never raises for a mismatch: see :func:`check`)."""
    expected = vector.expected_path
    if not expected.is_file():
        return Outcome(
            vector, False, [], f"  期待される結果のファイル {expected} がありません / no expected file {expected}\n",
            set(), None,
        )
    ok, out = _jusou.check_vector(
        vector.operation,
        vector.path.read_text("utf-8"),
        expected.read_text("utf-8"),
        vector.municipality,
    )
    value = _json.loads(out)
    if not ok:
        first = value["errors"][0]
        return Outcome(
            vector, False, [],
            f"  {first['code']} {first['path']}: {first['message_ja']} / {first['message_en']}\n",
            set(), value,
        )
    return Outcome(
        vector,
        bool(value["passed"]),
        value["differences"],
        value["report"],
        set(value["rules_fired"]),
        value["got"],
    )


def check(vector: Vector) -> Outcome:
    """Run one vector; ``AssertionError`` with the ja/en diff (each field by its JSON pointer)
    when the answer differs from the expected one."""
    outcome = run(vector)
    if not outcome.passed:
        raise AssertionError(f"{vector.name}: 期待と結果が違います / differs from the expected answer\n{outcome.report}")
    return outcome


def check_directory(directory: PathLike, municipality: Optional[PathLike] = None) -> Report:
    """Run every vector of a folder: the outcomes and the registry's rules that never fired.
    ``AssertionError`` naming every failing file and field when any fails."""
    found = vectors(directory, municipality)
    if not found:
        raise AssertionError(f"no test vectors in {directory}")
    outcomes = [run(v) for v in found]
    fired: Set[str] = set().union(*(o.rules_fired for o in outcomes))
    report = Report(outcomes, [r["id"] for r in rules() if r["id"] not in fired])
    if not report.passed:
        text = "".join(f"FAIL {o.vector.name}\n{o.report}" for o in report.failed)
        raise AssertionError(f"{len(report.failed)} / {len(outcomes)} 件失敗 / failed\n{text}")
    return report


def parametrize(
    directory: PathLike, argname: str = "vector", municipality: Optional[PathLike] = None
) -> Callable[[Any], Any]:
    """``pytest.mark.parametrize`` over the folder's vectors (ids: their relative paths)."""
    import pytest

    found = vectors(directory, municipality)
    return pytest.mark.parametrize(argname, found, ids=[v.name for v in found])
