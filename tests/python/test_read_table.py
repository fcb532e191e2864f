"""kehoach.read_table: appendix tables in CSV and XLSX read by the document reader's table code."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import pytest

import kehoach

from conftest import ROOT

TABLES = ROOT / "tests" / "data" / "tables"
CSV = TABLES / "hoa-lam-phu-luc.csv"  # a byte-order mark, CRLF, a cell of two lines, quotes
DOCUMENT = TABLES / "hoa-lam-phu-luc.txt"  # the same table, pipe-separated, in a document
FRONT = {"number": "21/KH-UBND", "issuer": "Ủy ban nhân dân xã Hòa Lâm", "date": datetime.date(2024, 3, 15)}


def described(plan: kehoach.Plan) -> list[tuple]:
    """What the items say, their lines aside."""
    return [(it.id, it.number, it.kind, it.parent, it.title, it.text, it.roles, it.deadline and it.deadline.kind,
             it.deadline and it.deadline.text, it.targets, it.note) for it in plan.items]


def test_a_csv_table_reads_groups_numbers_units_and_deadlines():
    plan = kehoach.read_table(CSV, **FRONT)
    assert [(it.id, it.kind) for it in plan.items] == [
        ("I", "group"), ("I.1", "task"), ("I.2", "task"), ("II", "group"), ("II.1", "task"), ("II.2", "task")]
    leaflet = plan.item("I.1")
    assert leaflet.parent == "I"
    assert leaflet.text == "Biên soạn tờ gấp hướng dẫn cài đặt ứng dụng dịch vụ công"
    assert leaflet.roles["lead"] == ["Công chức Văn phòng - Thống kê xã"]  # as II.1 spells it
    assert leaflet.roles["support"] == ["Đoàn Thanh niên xã", "Hội Liên hiệp Phụ nữ xã"]
    assert [plan.item(i).deadline.kind for i in ("I.1", "I.2", "II.1", "II.2")] == [
        "within_period", "ongoing", "recurring", "by_date"]
    assert plan.item("I.2").note == "Kinh phí tự cân đối"
    assert (plan.number, plan.date, plan.level) == ("21/KH-UBND", datetime.date(2024, 3, 15), "commune")


def test_a_csv_table_reads_as_the_same_table_in_a_document():
    assert described(kehoach.read_table(CSV, **FRONT)) == described(kehoach.read_plan(DOCUMENT))


def test_an_xlsx_table_shows_its_cells_as_text(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Phụ lục"
    sheet.append(["PHỤ LỤC NHIỆM VỤ"])
    sheet.append(["Số TT", "Đơn vị thực hiện", "Nội dung", "Đơn vị phối hợp", "Thời hạn"])
    sheet.append(["I", None, "RÀ SOÁT DỮ LIỆU"])
    sheet.merge_cells("C3:E3")  # the group's title across the width: no unit, no deadline
    sheet.append([1.1, "Công an xã", "Rà soát dữ liệu cư trú", "Các thôn", datetime.datetime(2024, 9, 30)])
    sheet.append([1.1, None, "Rà soát dữ liệu hộ tịch", None, "Thường xuyên"])
    sheet.merge_cells("B4:B5")  # one lead unit for both tasks
    sheet["A4"].number_format = "0.00"  # "1.10" as Excel shows it; A5 stays General: "1.1"
    sheet["E4"].number_format = "dd/mm/yyyy"
    path = tmp_path / "phu-luc.xlsx"
    book.save(path)

    plan = kehoach.read_table(path, issuer="Ủy ban nhân dân xã Hòa Lâm")
    assert [it.id for it in plan.items] == ["I", "I.1.10", "I.1.1"]
    assert plan.item("I").kind == "group"
    residence, civil = plan.item("I.1.10"), plan.item("I.1.1")
    assert (residence.number, civil.number) == ("1.10", "1.1")
    assert residence.deadline.text == "30/09/2024" and residence.deadline.kind == "by_date"
    def held(item):
        return {role: units for role, units in item.roles.items() if units}

    assert held(residence) == {"lead": ["Công an xã"], "support": ["Các thôn"]}
    assert held(civil) == {"lead": ["Công an xã"]}
    assert civil.source == (5, 5)  # the sheet's row
    assert kehoach.read_table(path, sheet="Phụ lục").number == ""
    with pytest.raises(KeyError):
        kehoach.read_table(path, sheet="Không có")


def test_a_table_without_a_header_is_a_parse_error_with_its_place(tmp_path):
    path = tmp_path / "danh-sach.csv"
    path.write_text("\r\nHọ và tên,Năm sinh\r\nNguyễn Văn An,1980\r\n", encoding="utf-8")
    with pytest.raises(kehoach.ParseError, match="no header row") as caught:
        kehoach.read_table(path)
    assert (caught.value.source, caught.value.line, caught.value.column) == (str(path), 2, 1)


def test_a_cell_right_of_the_header_is_a_parse_error(tmp_path):
    path = tmp_path / "lech-cot.csv"
    path.write_text("STT,Nội dung,Chủ trì\n1,Rà soát,Công an xã,thừa\n", encoding="utf-8")
    with pytest.raises(kehoach.ParseError, match='"thừa" is in column 4') as caught:
        kehoach.read_table(path)
    assert (caught.value.line, caught.value.column) == (2, 26)


def test_other_files_and_a_sheet_of_a_csv_are_refused(tmp_path):
    with pytest.raises(ValueError, match="reads .csv and .xlsx"):
        kehoach.read_table(tmp_path / "bang.ods")
    with pytest.raises(ValueError, match="a .csv file has none"):
        kehoach.read_table(CSV, sheet=0)


def test_an_xlsx_table_without_openpyxl_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if it were not installed
    with pytest.raises(ImportError, match="apt-get install python3-openpyxl"):
        kehoach.read_table("phu-luc.xlsx")


def test_the_command_parses_a_csv_table(cli):
    result = subprocess.run([cli, "parse", str(CSV)], capture_output=True, text=True, encoding="utf-8", check=False)
    assert (result.returncode, result.stderr) == (0, "")
    items = json.loads(result.stdout)["items"]
    assert [item["id"] for item in items] == ["I", "I.1", "I.2", "II", "II.1", "II.2"]
