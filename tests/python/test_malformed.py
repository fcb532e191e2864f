"""The malformed-input corpus (tests/data/malformed/cases.json, docs/hardening.md): every case is a
kehoach.ParseError at its file, line and column in Python, and from the command exit 2 with
FILE:LINE:COL: on standard error, in time, without a file half-written or overwritten."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

import kehoach

from conftest import IA_MO_PLAN, ROOT

CORPUS = ROOT / "tests" / "data" / "malformed"
CASES: list[dict[str, Any]] = json.loads((CORPUS / "cases.json").read_text(encoding="utf-8"))["cases"]
# The 10 MB cases take well under a second; a reader stuck in a loop takes this long to notice.
TIMEOUT = 60


def case_name(case: dict[str, Any]) -> str:
    return case.get("file") or case["name"]


@pytest.fixture(params=CASES, ids=case_name)
def case(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, Any]:
    """The case, with `path` the file to read: committed, or made from `generate` for the large ones."""
    case = dict(request.param)
    if "file" in case:
        case["path"] = CORPUS / case["file"]
    else:
        g = case["generate"]
        path = tmp_path / case["name"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(g.get("head", "").encode() + g["repeat"].encode() * g["times"] + g.get("tail", "").encode())
        case["path"] = path
    return case


def read(case: dict[str, Any]) -> None:
    path, reader, limits = case["path"], case["reader"], case.get("limits", {})
    if reader == "document":
        kehoach.read_plan(path, strict=case.get("strict", False), **limits)
    elif reader == "table":
        kehoach.read_table(path, strict=case.get("strict", False), **limits)
    elif reader == "plan_json":
        kehoach.Plan.from_json(path, **limits)
    elif reader == "units":
        kehoach.read_plan(IA_MO_PLAN, units=path, **limits)
    else:
        kehoach.StatusLog.read(path, **limits)


def test_python_raises_parse_error_at_the_place(case):
    with pytest.raises(kehoach.ParseError) as raised:
        read(case)
    error = raised.value
    assert (error.source, error.line, error.column) == (str(case["path"]), case["line"], case["column"])
    assert case["message"] in error.message


def commands(case: dict[str, Any], output: Path) -> list[list[str]]:
    """The commands that read the case's input: one printing to standard output, one writing `output`
    (the last, when there are two)."""
    path, reader = str(case["path"]), case["reader"]
    options = [f"--{name.replace('_', '-')}={value}" for name, value in case.get("limits", {}).items()]
    if reader == "units":
        return [["parse", str(IA_MO_PLAN), "--units", path, *options]]
    if reader == "status":
        return [["status", str(IA_MO_PLAN), "--log", path, "--as-of", "2023-06-30", *options],
                ["report", str(IA_MO_PLAN), "--log", path, "--month", "2023-06", "-o", str(output), *options]]
    strict = ["--strict"] if case.get("strict") else []
    if strict:  # only parse reads strictly
        return [["parse", path, *strict, *options]]
    return [["parse", path, *options], ["export", path, "--to", "ics", "-o", str(output), *options]]


@pytest.mark.parametrize("existing", [None, b"the previous file\n"], ids=["new", "existing"])
def test_command_exits_2_at_the_place_and_leaves_files_alone(case, cli, tmp_path, existing):
    output = tmp_path / "out" / "result"
    output.parent.mkdir()
    runs = commands(case, output)
    if existing is not None:
        output.write_bytes(existing)
        runs = runs[-1:]  # what prints only was run on the "new" pass
    for args in runs:
        result = subprocess.run([cli, *args], capture_output=True, timeout=TIMEOUT, check=False)
        stderr = result.stderr.decode("utf-8", "replace")
        assert result.returncode == 2, (args, stderr)  # not 3 (an internal error), nor a signal (< 0)
        assert f"{case['path']}:{case['line']}:{case['column']}: " in stderr
        assert case["message"] in stderr
        assert result.stdout == b""
        if existing is None:
            assert not output.exists()
        else:
            assert output.read_bytes() == existing
    # Nothing left beside the output either: no temporary file.
    assert sorted(p.name for p in output.parent.iterdir()) == ([] if existing is None else ["result"])


@pytest.mark.parametrize(("name", "ids"), [("plan-dependency-cycle.txt", ["I.1", "I.2"]),
                                          ("plan-dependency-cycle.json", ["1", "2"])])
def test_a_dependency_cycle_reads_and_lint_and_schedule_name_it(name, ids, cli):
    path = CORPUS / "cycles" / name
    plan = kehoach.read_plan(path)
    with pytest.raises(kehoach.CycleError) as raised:
        plan.schedule()
    assert sorted(raised.value.cycles[0]) == ids
    lint = subprocess.run([cli, "lint", str(path)], capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert lint.returncode == 1
    assert "cycle" in lint.stdout
    schedule = subprocess.run([cli, "schedule", str(path)], capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert schedule.returncode == 1
    assert f"mục {ids[0]} → mục {ids[1]} → mục {ids[0]}" in schedule.stderr


def test_limits_are_keyword_arguments_with_their_defaults():
    limits = kehoach._core.ReadLimits()
    assert (limits.max_input_bytes, limits.max_line_length, limits.max_items, limits.max_depth) == (1 << 30, 65536, 50_000_000, 64)
    with pytest.raises(TypeError):
        kehoach.read_plan(IA_MO_PLAN, max_lines=3)
    with pytest.raises(kehoach.ParseError, match="max_items") as raised:
        kehoach.read_plan(IA_MO_PLAN, max_items=3)
    assert raised.value.line is not None and raised.value.column is not None
