"""``jusou.testing`` (issue #19) through the installed wheel: the worked example
``examples/rule-tests`` passes under pytest, and a copy with one wrong expectation fails with an
``AssertionError`` whose diff names the field by its JSON pointer — the same words as
``jusou test``."""

import doctest
import json
import pathlib
import shutil

import pytest

from jusou import testing

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "rule-tests"


@testing.parametrize(EXAMPLE)
def test_worked_example(vector):
    outcome = testing.check(vector)
    assert outcome.passed and outcome.differences == []


def test_the_example_meets_every_criterion_and_lists_what_never_fired():
    report = testing.check_directory(EXAMPLE)
    assert len(report.outcomes) == 6
    fired = set().union(*(o.rules_fired for o in report.outcomes))
    assert {"inagi-complex", "inagi-rigid", "inagi-no-service", "inagi-untangle"} <= fired
    assert "R-MEET-SUPPORT-MEMBER" in report.never_fired
    assert "R-ROUTE-8050" not in report.never_fired
    ids = {r["id"] for r in testing.rules()}
    assert set(report.never_fired) <= ids


def test_a_wrong_expectation_fails_with_the_field_named(tmp_path):
    copy = tmp_path / "rule-tests"
    shutil.copytree(EXAMPLE, copy)
    exp = copy / "cases" / "parent-and-son-8050.expected.json"
    value = json.loads(exp.read_text("utf-8"))
    value["multi_agency"] = False
    exp.write_text(json.dumps(value, ensure_ascii=False), "utf-8")
    vector = next(v for v in testing.vectors(copy) if v.name == "cases/parent-and-son-8050.json")
    with pytest.raises(AssertionError) as info:
        testing.check(vector)
    text = str(info.value)
    assert "  /multi_agency\n" in text
    assert "期待 / expected: false" in text and "結果 / got:      true" in text
    outcome = testing.run(vector)
    assert outcome.differences == [{"pointer": "/multi_agency", "expected": False, "got": True}]
    with pytest.raises(AssertionError, match="FAIL cases/parent-and-son-8050.json"):
        testing.check_directory(copy)


def test_a_missing_expected_file_fails(tmp_path):
    (tmp_path / "cases").mkdir()
    shutil.copy(EXAMPLE / "cases" / "care-only.json", tmp_path / "cases" / "x.json")
    with pytest.raises(AssertionError, match="no expected file"):
        testing.check(testing.vectors(tmp_path)[0])


def test_docstring_examples_run():
    result = doctest.testmod(testing)
    assert result.attempted > 0 and result.failed == 0


def test_another_municipality_changes_the_answers(tmp_path):
    """Bound without its criteria (the seed 稲城市 file only labels them), the cases meet none of
    them: the signals differ, and the diff names the field."""
    seed = ROOT / "fixtures" / "municipalities" / "inagi.json"
    vector = next(
        v for v in testing.vectors(EXAMPLE, municipality=seed) if v.name == "cases/hoarding-alone.json"
    )
    outcome = testing.run(vector)
    assert not outcome.passed
    assert "inagi-untangle" not in outcome.rules_fired
    assert any(d["pointer"].startswith("/signals") for d in outcome.differences)
    with pytest.raises(FileNotFoundError):
        testing.vectors(EXAMPLE, municipality=tmp_path / "none.json")
