"""The generated types tell the truth: one name, one type."""

from __future__ import annotations

import importlib.util
import pathlib
import typing

import pytest

import jusou.types as t

GEN = pathlib.Path(__file__).resolve().parents[1] / "tools" / "gen_types.py"


def _gen_module():
    spec = importlib.util.spec_from_file_location("gen_types", GEN)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_generator_fails_on_a_name_clash():
    gen = _gen_module()
    g = gen.Gen()
    household = {"type": "object", "properties": {"id": {"type": "string"}, "age": {"type": "integer"}}}
    roster = {"type": "object", "properties": {"id": {"type": "string"}, "role": {"type": "string"}}}
    g.define("Member", household, {}, True)
    with pytest.raises(SystemExit, match="Member"):
        g.define("Member", roster, {}, True)
    kinds = gen.Gen()
    kinds.define("Kind", {"type": "string", "enum": ["a", "b"]}, {}, True)
    with pytest.raises(SystemExit, match="Kind"):
        kinds.define("Kind", {"type": "string", "enum": ["a", "c"]}, {}, True)


def test_generator_accepts_input_and_output_forms_of_one_type():
    gen = _gen_module()
    g = gen.Gen()
    fields = {"id": {"type": "string"}, "note": {"type": "string"}}
    g.define("Thing", {"type": "object", "properties": fields, "required": ["id"]}, {}, True)
    g.define("Thing", {"type": "object", "properties": fields, "required": ["id", "note"]}, {}, False)
    assert g.order == ["Thing"]


def test_each_member_type_is_its_own():
    hints = typing.get_type_hints
    assert hints(t.Case)["household"] == typing.List[t.HouseholdMember]
    assert hints(t.MeetingCheck)["members"] == typing.List[t.MeetingMember]
    assert "age" in t.HouseholdMember.__annotations__ or "age" in t.HouseholdMember.__optional_keys__
    assert not hasattr(t, "Member")
