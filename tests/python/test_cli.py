"""The kehoach command as officials use it: output, messages and exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess

import pandas as pd

import kehoach

from conftest import FOUNDING_PLAN, ROOT

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
    assert "50 nhiệm vụ trong 11 nhóm; 14 đơn vị; 4 sự kiện" in vi.stdout
    assert "   21  Các ban, ngành xã" in vi.stdout
    assert "  2023-03   9  II.1.1 II.1.3 II.1.4 II.1.5 II.4.6 II.4.8 II.5.3 II.6.2 II.8.2" in vi.stdout
    assert "Chờ sự kiện (4)" in vi.stdout
    en = run(cli, "summary", str(FOUNDING_PLAN), "--lang", "en")
    assert "50 tasks in 11 groups; 14 units; 4 events" in en.stdout
    assert "Recurring (1)\n  III.2      " in en.stdout


def test_calendar_lists_the_years_days(cli):
    result = run(cli, "calendar", "2026")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Lịch nghỉ năm 2026: 14 ngày nghỉ, 2 ngày làm bù"
    assert "  2026-01-10  Thứ Bảy   làm bù                Làm bù cho ngày 02/01/2026" in lines
    assert "  2026-04-27  Thứ Hai   nghỉ bù               Nghỉ bù Giỗ Tổ Hùng Vương" in lines
    english = run(cli, "calendar", "2026", "--lang", "en")
    assert "  2026-08-22  Sat       make-up workday       Làm bù cho ngày 31/8/2026" in english.stdout.splitlines()


def test_calendar_json_is_a_schedule_to_edit_and_load_back(cli, tmp_path):
    exported = run(cli, "calendar", "2027", "--format", "json")
    assert exported.returncode == 0
    schedule = json.loads(exported.stdout)
    schedule["years"][0]["days_off"].append({"date": "2027-09-03", "kind": "decreed", "name": "Hoán đổi"})
    path = tmp_path / "2027.json"
    path.write_text(json.dumps(schedule, ensure_ascii=False), encoding="utf-8")
    listed = run(cli, "calendar", "2027", "--schedule", str(path))
    assert "  2027-09-03  Thứ Sáu   nghỉ theo quyết định  Hoán đổi" in listed.stdout.splitlines()
    assert run(cli, "calendar", "1999").returncode == 2
    assert run(cli, "calendar", "2027", "--schedule", str(tmp_path / "none.json")).returncode == 2


def test_deadline_prints_the_normalized_phrase(cli):
    result = run(cli, "deadline", "Trong quý I/2023", "--issued", "2023-04-07")
    assert result.returncode == 0
    assert json.loads(result.stdout) == {
        "deadline": {"text": "Trong quý I/2023", "kind": "within_period", "start": "2023-01-01", "end": "2023-03-31"}
    }
    unknown = run(cli, "deadline", "31/02/2023")
    assert unknown.returncode == 1
    assert json.loads(unknown.stdout)["diagnostics"][0]["code"] == "invalid_date"
    assert "invalid_date" in unknown.stderr
    assert run(cli, "deadline", "Trong tháng 3", "--issued", "7/4/2023").returncode == 2


def test_parse_reads_plan_documents(cli, tmp_path):
    document = ROOT / "tests" / "data" / "documents" / "defects.txt"
    result = run(cli, "parse", str(document))
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["schema"] == "kehoach/plan@1"
    assert {d["code"] for d in plan["diagnostics"]} == {"duplicate_number", "unknown_unit", "invalid_date"}
    strict = run(cli, "parse", "--strict", str(document))
    assert strict.returncode == 2 and strict.stdout == ""
    assert strict.stderr.startswith(f"kehoach: {document}:127:")
    for name, content in {"empty.txt": b"", "binary.txt": b"K\x00\x01\x02", "latin1.txt": b"K\xea ho\xe0ch\n"}.items():
        path = tmp_path / name
        path.write_bytes(content)
        result = run(cli, "parse", str(path))
        assert result.returncode == 2, name
        assert result.stderr.startswith(f"kehoach: {path}"), result.stderr


def test_parse_resolves_names_through_a_registry_of_units(cli, tmp_path):
    # The office's registry knows the youth union by its name and by the legacy-font garble its
    # old files carry.
    registry = tmp_path / "don-vi.units.json"
    registry.write_text(
        json.dumps({"schema": "kehoach/units@1", "units": [
            {"id": "doan-tn", "name": "Đoàn Thanh niên xã", "kind": "agency", "aliases": ["§oµn Thanh niªn x·"]},
            {"id": "ca", "name": "Công an xã", "kind": "agency"},
        ]}, ensure_ascii=False),
        encoding="utf-8",
    )
    document = ROOT / "tests" / "data" / "documents" / "defects.txt"
    result = run(cli, "parse", str(document), "--units", str(registry))
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert "unknown_unit" not in {d["code"] for d in plan["diagnostics"]}
    units = {unit["id"]: unit["name"] for unit in plan["units"]}
    assert units["doan-tn"] == "Đoàn Thanh niên xã" and units["ca"] == "Công an xã"
    item = next(i for i in plan["items"] if i["id"] == "II.3.2")
    assert item["roles"]["support"][0] == "Đoàn Thanh niên xã"
    registry.write_text('{"schema": "kehoach/units@1", "units": [{"name": "Công an xã"}]}', encoding="utf-8")
    broken = run(cli, "parse", str(document), "--units", str(registry))
    assert broken.returncode == 2 and broken.stderr.startswith(f"kehoach: {registry}:1:")
    assert '"id"' in broken.stderr


def test_schedule_table_names_what_cannot_be_on_time(cli):
    result = run(cli, "schedule", str(FOUNDING_PLAN))
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == "Tiến độ 24/KH-UBND: bắt đầu 07/04/2023, kết thúc muộn nhất 02/10/2023"
    row = next(line for line in lines if line.startswith("II.1.1 "))
    assert row.split()[-5:] == ["07/04/2023", "07/04/2023", "31/03/2023", "-5", "*"]
    assert "Không thể hoàn thành đúng hạn (9)" in lines
    assert "  mục II.1.1: trễ 5 ngày làm việc so với hạn 31/03/2023" in lines
    assert any(line.startswith("II.2 ") and "thường xuyên từ 07/04/2023" in line for line in lines)
    assert any(line.startswith("II.3.3 ") and line.endswith("chờ sự kiện") for line in lines)


def test_schedule_check_exits_1_when_a_deadline_cannot_be_met(cli):
    assert run(cli, "schedule", "--check", str(FOUNDING_PLAN)).returncode == 1
    later = run(cli, "schedule", "--check", "--start", "2023-03-01", str(FOUNDING_PLAN))
    assert later.returncode == 0, later.stdout[-400:]


def test_schedule_as_csv_and_json(cli):
    csv_text = run(cli, "schedule", "--format", "csv", str(FOUNDING_PLAN)).stdout
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert len(rows) == 61
    first_late = next(row for row in rows if row["id"] == "II.1.1")
    assert first_late == {"id": "II.1.1", "state": "scheduled", "early_start": "2023-04-07", "early_finish": "2023-04-07",
                          "late_start": "2023-03-31", "late_finish": "2023-03-31", "total_slack": "-5",
                          "free_slack": "-5", "critical": "1"}
    document = json.loads(run(cli, "schedule", "--format", "json", str(FOUNDING_PLAN)).stdout)
    assert document["schema"] == "kehoach/schedule@1"
    assert (document["start"], document["horizon"]) == ("2023-04-07", "2023-10-02")
    assert [late["item"] for late in document["infeasible"]][:2] == ["II.1.1", "II.1.3"]
    assert {row["state"] for row in document["items"]} == {"scheduled", "continuous", "waiting"}


def test_schedule_of_a_cyclic_plan_names_the_cycle_and_exits_1(cli, tmp_path):
    plan = {"schema": "kehoach/plan@1", "plan": {"number": "5/KH-UBND", "date": "2024-03-01"},
            "items": [{"id": "1", "number": "1", "kind": "task", "title": "Lập danh sách", "depends_on": ["2"]},
                      {"id": "2", "number": "2", "kind": "task", "title": "Đối chiếu", "depends_on": ["1"]}]}
    path = tmp_path / "cycle.plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    result = run(cli, "schedule", str(path))
    assert result.returncode == 1
    assert result.stderr == ("kehoach: the dependencies go round in a cycle, so nothing can be scheduled:\n"
                             "  5/KH-UBND mục 1 → mục 2 → mục 1\n")


def test_schedule_refuses_a_bad_start(cli):
    result = run(cli, "schedule", "--start", "2023-02-30", str(FOUNDING_PLAN))
    assert result.returncode == 2
    assert result.stderr == "kehoach: --start: '2023-02-30' is not a date YYYY-MM-DD that exists\n"


def test_synth_writes_tables_and_plans_a_folder_schedules_as_a_portfolio(cli, tmp_path):
    result = run(cli, "synth", "--items", "2000", "--seed", "3", "--out", str(tmp_path), "--plans")
    assert result.returncode == 0, result.stderr
    country = kehoach.synthesize(items=2000, seed=3)
    assert result.stdout.startswith(f"{len(country.plans)} plans, {len(country)} items")
    items = list(csv.DictReader(io.StringIO((tmp_path / "items.csv").read_text(encoding="utf-8"))))
    assert [row["item"] for row in items] == country.items["item"].tolist()
    edges = (tmp_path / "edges.csv").read_text(encoding="utf-8").splitlines()
    assert len(edges) == len(country.edges) + 1
    plan_files = sorted((tmp_path / "plans").glob("*.plan.json"))
    assert len(plan_files) == len(country.plans)
    # The folder of plan@1 files schedules as the portfolio the tables describe.
    document = json.loads(run(cli, "schedule", "--format", "json", str(tmp_path / "plans")).stdout)
    expected = country.graph().schedule()
    assert len(document["infeasible"]) == len(expected.infeasible())
    assert all("plan" in row for row in document["items"])
    assert [row.get("total_slack") for row in document["items"]] == [
        None if pd.isna(slack) else int(slack) for slack in expected.to_pandas().total_slack]


def test_schedule_of_a_folder_without_plans_is_refused(cli, tmp_path):
    result = run(cli, "schedule", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr == f"kehoach: {tmp_path}: no plans here (.json, .txt or .md files)\n"


LINT_DEFECTS = ROOT / "tests" / "data" / "lint" / "defects.txt"


def test_lint_of_the_founding_plan_warns_and_exits_0(cli):
    result = run(cli, "lint", str(FOUNDING_PLAN))
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == "24/KH-UBND — Ủy ban nhân dân xã Chư Răng: 0 lỗi, 43 cảnh báo, 2 lưu ý"
    assert "Cảnh báo (43)" in lines and "Lưu ý (2)" in lines
    assert "       65  deadline_before_issue  mục 1.1: thời hạn \"Trong tháng 3/2023\" kết thúc ngày 31/03/2023," in result.stdout
    english = run(cli, "lint", "-", "--lang", "en", stdin=GOOD)
    assert english.returncode == 0
    assert english.stdout.splitlines()[0].endswith(": 0 errors, 43 warnings, 2 notes")
    assert "  no_deadline            item III.3: no deadline\n" in english.stdout


def test_lint_errors_exit_1_and_json_lists_every_finding(cli):
    result = run(cli, "lint", str(LINT_DEFECTS), "--format", "json")
    assert (result.returncode, result.stderr) == (1, "")
    report = json.loads(result.stdout)
    assert report["schema"] == "kehoach/lint@1"
    [plan] = report["plans"]
    assert (plan["number"], plan["errors"], plan["warnings"], plan["info"]) == ("17/KH-UBND", 3, 8, 2)
    assert [f["code"] for f in plan["findings"] if f["severity"] == "error"] == ["duplicate_number", "invalid_date",
                                                                                   "unknown_dependency"]
    assert plan["findings"][6] == {"severity": "error", "code": "invalid_date", "item": "II.2.2", "line": 30,
                                   "column": 26, "message": "deadline \"Tháng 13/2024\": there is no month 13"}
    text = run(cli, "lint", str(LINT_DEFECTS))
    assert text.returncode == 1
    assert "Lỗi (3)\n     21:1  duplicate_number       the number 1.2 is written twice; read as II.1.2#2\n" in text.stdout


def test_lint_of_a_folder_lints_the_portfolio(cli, tmp_path):
    (tmp_path / "a.plan.json").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(LINT_DEFECTS.read_text(encoding="utf-8"), encoding="utf-8")
    result = run(cli, "lint", str(tmp_path), "--format", "json")
    assert result.returncode == 1
    assert [p["number"] for p in json.loads(result.stdout)["plans"]] == ["24/KH-UBND", "17/KH-UBND"]
    text = run(cli, "lint", str(tmp_path))
    assert "\n17/KH-UBND — Ủy ban nhân dân xã Hòa Phú: 3 lỗi, 8 cảnh báo, 2 lưu ý\n" in text.stdout


def test_lint_of_bad_input_exits_2(cli, tmp_path):
    missing = run(cli, "lint", str(tmp_path / "none.txt"))
    assert missing.returncode == 2 and "cannot open" in missing.stderr and missing.stdout == ""
    assert run(cli, "lint", str(FOUNDING_PLAN), "--format", "xml").returncode == 2
    empty = run(cli, "lint", str(tmp_path))
    assert empty.returncode == 2 and "no plans here" in empty.stderr
    assert run(cli, "lint").returncode == 2


TRACKING = ROOT / "tests" / "data" / "tracking"


def test_report_writes_the_monthly_report(cli, tmp_path):
    plan, log = str(TRACKING / "ia-mo-2023.txt"), str(TRACKING / "ia-mo-2023.status.csv")
    result = run(cli, "report", plan, "--log", log, "--month", "2023-06", "--as-of", "2023-06-15")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == kehoach.monthly_report(kehoach.read_plan(plan), log, "2023-06", "2023-06-15")
    assert "| II.1.1 Lập danh sách hộ gia đình chưa được cấp căn cước | 31/03/2023 | 51 |" in result.stdout
    page = tmp_path / "report.html"
    written = run(cli, "report", plan, "--log", log, "--month", "2023-06", "--as-of", "2023-06-15", "--format", "html",
                  "--lang", "en", "--redact", "-o", str(page))
    assert (written.returncode, written.stdout) == (0, "")
    text = page.read_text(encoding="utf-8")
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">') and "Lê Văn Bình" not in text


def test_report_refuses_a_bad_month_or_day(cli):
    plan, log = str(TRACKING / "ia-mo-2023.txt"), str(TRACKING / "ia-mo-2023.status.csv")
    month = run(cli, "report", plan, "--log", log, "--month", "2023-13")
    assert month.returncode == 2
    assert month.stderr == "kehoach: --month: '2023-13' is not a month YYYY-MM\n"
    early = run(cli, "report", plan, "--log", log, "--month", "2023-06", "--as-of", "2023-05-31")
    assert early.returncode == 2 and "before the month begins" in early.stderr
    assert run(cli, "report", plan, "--month", "2023-06").returncode == 2  # no --log
