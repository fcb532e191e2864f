"""Bad plan@1 input raises kehoach.ParseError saying where and what, from Python."""

from __future__ import annotations

import pytest

import kehoach
from conftest import FOUNDING_PLAN

GOOD = FOUNDING_PLAN.read_text(encoding="utf-8")


def parse_error(text: str) -> kehoach.ParseError:
    with pytest.raises(kehoach.ParseError) as caught:
        kehoach.Plan.from_json(text)
    return caught.value


def test_parse_error_is_a_kehoach_error_and_a_value_error():
    assert issubclass(kehoach.ParseError, kehoach.KehoachError)
    assert issubclass(kehoach.ParseError, ValueError)
    assert kehoach.ParseError.__module__ == "kehoach"


def test_truncated_file():
    error = parse_error(GOOD[: GOOD.index('"items"') + 20])
    assert (error.line, error.path, error.source) == (GOOD[: GOOD.index('"items"')].count("\n") + 3, "", "<string>")
    assert "unexpected end of input" in str(error)


def test_mistyped_value_names_its_path_and_position():
    text = GOOD.replace('"kind": "within_period"', '"kind": "within-period"', 1)
    error = parse_error(text)
    line = text[: text.index('"within-period"')].count("\n") + 1
    assert (error.line, error.column, error.path) == (line, 17, "items[2].deadline.kind")
    assert str(error).startswith(f"<string>:{line}:17: items[2].deadline.kind: unknown deadline kind \"within-period\"")


def test_dangling_reference():
    text = GOOD.replace('"parent": "II.4"', '"parent": "II.40"', 1)
    error = parse_error(text)
    assert error.path.endswith(".parent")
    assert 'no item has the id "II.40"' in error.message
    assert error.line == text[: text.index('"II.40"')].count("\n") + 1


def test_unknown_unit_in_a_role():
    error = parse_error(GOOD.replace('"Trạm Y tế xã"\n        ]', '"Trạm Y tế thôn"\n        ]', 1))
    assert 'unknown unit "Trạm Y tế thôn"' in str(error)
    assert ".roles.lead[0]" in error.path


def test_errors_from_a_file_name_the_file(tmp_path):
    broken = tmp_path / "ke-hoach.json"
    broken.write_text(GOOD.replace('"2023-04-07"', '"2023-02-29"', 1), encoding="utf-8")
    with pytest.raises(kehoach.ParseError) as caught:
        kehoach.Plan.from_json(broken)
    error = caught.value
    assert error.source == str(broken)
    assert str(error).startswith(f"{broken}:6:13: plan.date: \"2023-02-29\" is not a date")


def test_a_missing_file_is_a_parse_error_naming_it(tmp_path):
    with pytest.raises(kehoach.ParseError, match="cannot open"):
        kehoach.Plan.from_json(tmp_path / "none.json")
