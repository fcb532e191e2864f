"""redact=True and --redact: no export, report or command output names a person; without it, nothing is lost."""

from __future__ import annotations

import subprocess

import pytest

import kehoach

from conftest import ROOT

PRIVACY = ROOT / "tests" / "data" / "privacy"
PLAN = PRIVACY / "ea-tul-2024.txt"
LOG = PRIVACY / "ea-tul-2024.status.csv"
# The signer, officials in items, in a unit's text, and in the log's notes (the last two).
PEOPLE = ["Đinh Quang Huy", "Võ Thanh Tùng", "Nguyễn Văn An", "Ksor Y Phun", "Rơ Châm H'Ly", "Trần Thị Bích",
          "Lê Thị Hoa", "Hoàng Thị Lan", "Phạm Quốc Bảo"]
IN_PLAN = PEOPLE[:-2]


@pytest.fixture(scope="module")
def ea_tul() -> kehoach.Plan:
    return kehoach.read_plan(PLAN)


def python_exports(plan: kehoach.Plan, redact: bool, tmp_path) -> dict[str, str]:
    ics = tmp_path / f"{redact}.ics"
    plan.to_ics(ics, redact=redact)
    portfolio = kehoach.Portfolio()
    portfolio.add(plan)
    out = {
        "json": plan.to_json(redact=redact),
        "ics": ics.read_text(encoding="utf-8"),
        "dot": plan.to_dot(plan.schedule(), redact=redact),
        "portfolio dot": portfolio.to_dot(redact=redact),
        "csv": plan.to_frame(redact=redact).to_csv(),
    }
    for format in ("md", "html"):
        for lang in ("vi", "en"):
            out[f"report {format} {lang}"] = kehoach.monthly_report(plan, LOG, "2024-04", "2024-05-05", format=format,
                                                                    lang=lang, redact=redact)
    return out


def test_python_exports_name_no_one_when_redacted(ea_tul, tmp_path):
    with pytest.warns(kehoach.ExportWarning):
        exports = python_exports(ea_tul, True, tmp_path)
    for name, text in exports.items():
        for who in PEOPLE:
            assert who not in text, (name, who)
    assert "Đ/c [đã ẩn], Phó Chủ tịch UBND xã" in exports["json"]
    assert "Công an xã" in exports["csv"] and "UBND huyện Krông Pa" in exports["json"]


def test_python_exports_keep_every_name_otherwise(ea_tul, tmp_path):
    with pytest.warns(kehoach.ExportWarning):
        exports = python_exports(ea_tul, False, tmp_path)
    for who in IN_PLAN:
        assert who in exports["json"], who
    assert "Nguyễn Văn An" in exports["csv"] and "Đồng chí Trần Thị Bích" in exports["csv"]  # a title, a unit
    assert "Hoàng Thị Lan" in exports["report md vi"]  # the log's notes


def test_redacted_plan_keeps_what_is_computed_from_it(ea_tul):
    hidden = ea_tul.redacted("en")
    assert [it.id for it in hidden] == [it.id for it in ea_tul]
    assert hidden.signer["title"] == ea_tul.signer["title"] and hidden.signer["name"] == ""
    assert "[redacted]" in hidden.item("II.1.1").title
    schedule, hidden_schedule = ea_tul.schedule().to_pandas(), hidden.schedule().to_pandas()
    assert [c for c in schedule.columns if not schedule[c].equals(hidden_schedule[c])] == ["title"]
    assert "Nguyễn Văn An" not in "".join(hidden_schedule["title"])
    assert [f.code for f in hidden.lint()] == [f.code for f in ea_tul.lint()]


def test_redact_names_on_any_text():
    assert kehoach.redact_names("Bà Hoàng Thị Lan đã nộp") == "Bà [đã ẩn] đã nộp"
    assert kehoach.redact_names("gửi Đinh Quang Huy", ["Đinh Quang Huy"], lang="en") == "gửi [redacted]"
    assert kehoach.redact_names("Trưởng Công an xã, UBND huyện") == "Trưởng Công an xã, UBND huyện"


COMMANDS = [
    ["parse", str(PLAN)],
    ["summary", str(PLAN)],
    ["lint", str(PLAN)],
    ["lint", str(PLAN), "--format", "json"],
    ["schedule", str(PLAN)],
    ["schedule", str(PLAN), "--format", "json"],
    ["schedule", str(PLAN), "--format", "csv"],
    ["schedule", str(PRIVACY)],
    ["status", str(PLAN), "--log", str(LOG), "--as-of", "2024-05-05"],
    ["status", str(PLAN), "--log", str(LOG), "--as-of", "2024-05-05", "--format", "json"],
    ["status", str(PLAN), "--log", str(LOG), "--as-of", "2024-05-05", "--by-unit"],
    ["report", str(PLAN), "--log", str(LOG), "--month", "2024-04", "--as-of", "2024-05-05"],
    ["report", str(PLAN), "--log", str(LOG), "--month", "2024-04", "--as-of", "2024-05-05", "--format", "html"],
    ["export", str(PLAN), "--to", "ics", "--as-of", "2024-03-05"],
    ["export", str(PLAN), "--to", "dot"],
    ["export", str(PRIVACY), "--to", "dot"],
    ["export", str(PLAN), "--to", "csv"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(a for a in c if "/" not in a))
def test_cli_names_no_one_with_redact(cli, command):
    done = subprocess.run([cli, *command, "--redact"], capture_output=True, text=True, encoding="utf-8")
    assert done.returncode in (0, 1), done.stderr
    for who in PEOPLE:
        assert who not in done.stdout and who not in done.stderr, who


def test_cli_keeps_every_name_without_redact(cli):
    shown = ""
    for command in COMMANDS:
        done = subprocess.run([cli, *command], capture_output=True, text=True, encoding="utf-8")
        assert done.returncode in (0, 1), done.stderr
        shown += done.stdout
    for who in PEOPLE:
        assert who in shown, who


def test_cli_redacts_in_english_with_lang(cli):
    done = subprocess.run([cli, "parse", str(PLAN), "--redact", "--lang", "en"], capture_output=True, text=True,
                          encoding="utf-8")
    assert done.returncode == 0 and "[redacted]" in done.stdout and "[đã ẩn]" not in done.stdout
