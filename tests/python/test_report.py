"""The monthly report from Python: the same document as the library writes, from a path or a log."""

from __future__ import annotations

import datetime

import pytest

import kehoach

from conftest import IA_MO_LOG as LOG


def test_the_report_reads_a_log_or_its_path(ia_mo):
    text = kehoach.monthly_report(ia_mo, LOG, "2023-06", as_of=datetime.date(2023, 6, 15))
    assert text.startswith("# Báo cáo kết quả thực hiện Kế hoạch số 31/KH-UBND tháng 6/2023\n")
    assert "Số liệu tính đến ngày 15/06/2023." in text
    assert "Tỷ lệ hoàn thành đúng hạn: 1/2 nhiệm vụ đã đến hạn (50,0%)." in text
    assert "| II.1.1 Lập danh sách hộ gia đình chưa được cấp căn cước | 31/03/2023 | 51 |" in text
    # A StatusLog, a string path and a month given as a date say the same.
    assert kehoach.monthly_report(ia_mo, kehoach.StatusLog.read(LOG), datetime.date(2023, 6, 1), "2023-06-15") == text
    assert kehoach.monthly_report(ia_mo, str(LOG), "2023-06", "2023-06-15") == text


def test_english_html_and_redaction(ia_mo):
    page = kehoach.monthly_report(ia_mo, LOG, "2023-06", "2023-06-15", format="html", lang="en", redact=True)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<h2>V. Overdue, not done</h2>" in page
    assert "Lê Văn Bình" not in page
    assert "Đã tập huấn" not in page


def test_the_month_defaults_its_day_to_its_last(ia_mo):
    assert "Số liệu tính đến ngày 31/05/2023." in kehoach.monthly_report(ia_mo, LOG, "2023-05")


def test_bad_arguments_raise_value_errors(ia_mo):
    with pytest.raises(ValueError, match="not a month YYYY-MM"):
        kehoach.monthly_report(ia_mo, LOG, "2023-13")
    with pytest.raises(ValueError, match="unknown value 'pdf'"):
        kehoach.monthly_report(ia_mo, LOG, "2023-06", format="pdf")
    with pytest.raises(kehoach.KehoachError, match="before the month begins"):
        kehoach.monthly_report(ia_mo, LOG, "2023-06", as_of="2023-05-31")
