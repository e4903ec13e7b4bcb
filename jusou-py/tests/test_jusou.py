"""Tests of the installed jusou wheel: API, errors, and every shared vector in fixtures/."""

import datetime
import json
import pathlib

import pytest

import jusou
from jusou.testing import FOLDERS

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"

# The folder → operation table every runner uses (jusou-core's, through the package).
OP = FOLDERS

VECTORS = sorted(
    p
    for p in FIXTURES.rglob("*.json")
    if not p.name.endswith(".expected.json") and p.relative_to(FIXTURES).parts[0] in OP
)


def test_runs_against_the_installed_wheel_not_the_source_tree():
    assert "site-packages" in jusou.__file__, jusou.__file__


def test_there_are_vectors():
    assert len(VECTORS) >= 30


@pytest.mark.parametrize("path", VECTORS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_vector(path):
    op = OP[path.relative_to(FIXTURES).parts[0]]
    expected = json.loads(path.with_name(path.name[: -len(".json")] + ".expected.json").read_text("utf-8"))
    ok, out = jusou._jusou.call(op, path.read_text("utf-8"))
    got = json.loads(out)
    assert ok == ("errors" not in expected)
    assert got == expected


def test_taxonomy_fields():
    t = jusou.taxonomy()
    assert [p["code"] for p in t] == [
        "1-i", "1-ro", "1-ha", "1-ni", "2", "3-i", "3-ro", "3-ha", "3-ni",
        "3-main-community", "3-main-consult", "4", "5", "6",
    ]
    for p in t:
        for field in ("code", "citation", "name_ja", "name_en", "pillar", "new_function", "field"):
            assert p[field] is not None


def test_version():
    assert jusou.version().count(".") == 2


def test_dates_accept_date_objects_iso_and_wareki():
    assert jusou.fiscal_year(datetime.date(2026, 3, 31)) == 2025
    assert jusou.fiscal_year("2026-04-01") == 2026
    assert jusou.fiscal_year("R8.4.1") == 2026
    assert jusou.parse_date("平成31年5月1日")["warnings"][0]["rule"] == "R-DATE-OLD-ERA"


def test_validation_error_is_a_value_error_with_errors():
    with pytest.raises(ValueError) as info:
        jusou.parse_date("2026-02-30")
    err = info.value
    assert isinstance(err, jusou.ValidationError)
    assert err.errors[0]["code"] == "JUSOU-E-DATE-002"
    assert set(err.errors[0]) == {"code", "path", "message_ja", "message_en", "citation"}


@pytest.mark.parametrize("bad", [None, 3.5, b"2026-01-01", object()])
def test_wrong_python_types_raise_validation_error(bad):
    with pytest.raises(jusou.ValidationError):
        jusou.parse_date(bad)
    with pytest.raises(jusou.ValidationError):
        jusou.split_funding(bad, "5", "2025-04-01")


def test_split_funding_sums_exactly():
    for amount in (0, 1, 7, 10**9 + 7):
        s = jusou.split_funding(amount, "1-i", datetime.date(2025, 4, 1))
        assert sum(x["amount"] for x in s["shares"]) == amount


def test_unknown_operation_is_an_error_not_a_crash():
    ok, out = jusou._jusou.call("no-such-op", "null")
    assert not ok and json.loads(out)["errors"][0]["code"] == "JUSOU-E-API-001"


def test_docstring_examples_run():
    import doctest

    result = doctest.testmod(jusou, extraglobs={"jusou": jusou})
    assert result.failed == 0
    assert result.attempted >= 8


def test_meeting_accepts_dict_or_json_text():
    path = FIXTURES / "meetings" / "niiza-before-consent.json"
    expected = json.loads((FIXTURES / "meetings" / "niiza-before-consent.expected.json").read_text("utf-8"))
    assert jusou.meeting(json.loads(path.read_text("utf-8"))) == expected
    assert jusou.meeting(path.read_text("utf-8")) == expected
    assert expected["allowed"] is True and expected["mode"] == "support_meeting"
    with pytest.raises(jusou.ValidationError) as info:
        jusou.meeting("{not json")
    assert info.value.errors[0]["code"] == "JUSOU-E-JSON-001"


def test_plan_niiza_model_is_valid_and_closed():
    log = json.loads((FIXTURES / "plans" / "niiza-8050-model.json").read_text("utf-8"))
    report = jusou.plan(log)
    assert report["valid"] is True
    assert report == json.loads((FIXTURES / "plans" / "niiza-8050-model.expected.json").read_text("utf-8"))


def test_route_niiza_model():
    case = (FIXTURES / "cases" / "niiza-8050-model.json").read_text("utf-8")
    d = jusou.route(case)
    assert (d["multi_agency"], d["outreach"], d["first_meeting"]) == (True, True, "support_meeting")


@pytest.mark.parametrize("name", ["koshigaya", "toyokawa", "niiza", "inagi"])
def test_seed_municipalities_are_valid(name):
    report = jusou.check_municipality((FIXTURES / "municipalities" / f"{name}.json").read_text("utf-8"))
    assert report["valid"] is True, report["violations"]


def test_route_many_matches_single_routes_and_survives_bad_items():
    paths = sorted((FIXTURES / "cases").glob("*.json"))
    paths = [p for p in paths if not p.name.endswith(".expected.json")]
    cases = [json.loads(p.read_text("utf-8")) for p in paths]
    out = jusou.route_many(cases + [{"id": "bad"}, {"x": object()}])
    assert len(out) == len(cases) + 2
    for p, got in zip(paths, out):
        assert got == json.loads(p.with_name(p.name[:-5] + ".expected.json").read_text("utf-8")), p.name
    assert out[-2]["errors"] and out[-1]["errors"]
    with pytest.raises(jusou.ValidationError):
        jusou.route_many("not a list")
