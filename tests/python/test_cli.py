"""The kehoach command as officials use it: output, messages and exit codes."""

from __future__ import annotations

import subprocess

from conftest import FOUNDING_PLAN

GOOD = FOUNDING_PLAN.read_text(encoding="utf-8")


def run(cli: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([cli, *args], input=stdin, capture_output=True, text=True, encoding="utf-8", check=False)


def test_parse_prints_the_founding_plan_unchanged(cli):
    result = run(cli, "parse", str(FOUNDING_PLAN))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == GOOD


def test_parse_reads_standard_input(cli):
    result = run(cli, "parse", "-", stdin=GOOD)
    assert result.returncode == 0 and result.stdout == GOOD


def test_bad_input_exits_2_with_place_and_reason(cli, tmp_path):
    cases = {
        "truncated.json": (GOOD[:1500], "truncated.json:"),
        "mistyped.json": (GOOD.replace('"level": "commune"', '"level": "xã"'), "plan.level: unknown plan level \"xã\""),
        "dangling.json": (GOOD.replace('"parent": "II.9"', '"parent": "II.99"'), 'no item has the id "II.99"'),
    }
    for name, (text, expected) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = run(cli, "parse", str(path))
        assert result.returncode == 2, name
        assert result.stdout == "", name
        assert result.stderr.startswith(f"kehoach: {path}:"), result.stderr
        assert expected in result.stderr, result.stderr


def test_a_missing_file_and_a_bad_command_line_exit_2(cli, tmp_path):
    missing = run(cli, "parse", str(tmp_path / "none.json"))
    assert missing.returncode == 2 and "cannot open" in missing.stderr
    assert run(cli, "parse").returncode == 2
    assert run(cli, "frobnicate").returncode == 2
    assert run(cli).returncode == 2
    wrong_language = run(cli, "summary", str(FOUNDING_PLAN), "--lang", "fr")
    assert wrong_language.returncode == 2 and "--lang" in wrong_language.stderr


def test_version_and_help(cli):
    version = run(cli, "--version")
    assert version.returncode == 0 and version.stdout.startswith("kehoach 0.")
    helped = run(cli, "--help")
    assert helped.returncode == 0
    assert "parse" in helped.stdout and "summary" in helped.stdout


def test_summary_in_vietnamese_and_english(cli):
    vi = run(cli, "summary", str(FOUNDING_PLAN))
    assert vi.returncode == 0
    assert "51 nhiệm vụ trong 11 nhóm; 14 đơn vị; 4 sự kiện" in vi.stdout
    assert "   22  Các ban, ngành xã" in vi.stdout
    assert "  2023-03   9  II.1.1 II.1.3 II.1.4 II.1.5 II.4.6 II.4.8 II.5.3 II.6.2 II.8.2" in vi.stdout
    assert "Chờ sự kiện (4)" in vi.stdout
    en = run(cli, "summary", str(FOUNDING_PLAN), "--lang", "en")
    assert "51 tasks in 11 groups; 14 units; 4 events" in en.stdout
    assert "Recurring (1)\n  III.2      " in en.stdout
