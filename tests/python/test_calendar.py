"""kehoach.Calendar: working days under Vietnamese rules, from Python."""

from __future__ import annotations

import datetime
import json
import sys

import pytest

import kehoach

D = datetime.date


@pytest.fixture(scope="module")
def cal() -> kehoach.Calendar:
    return kehoach.Calendar.vietnam()


def test_working_days_around_tet_and_make_up_saturdays(cal):
    assert not cal.is_working_day("2024-02-12")
    assert cal.is_working_day(D(2024, 5, 4))  # make-up Saturday for 29/4/2024
    assert cal.add_working_days("2024-02-07", 1) == D(2024, 2, 15)
    assert cal.add_working_days(D(2024, 2, 15), -1) == D(2024, 2, 7)
    assert cal.next_working_day("2026-02-13") == D(2026, 2, 23)
    assert cal.previous_working_day("2026-02-23") == D(2026, 2, 13)
    assert cal.working_days_between("2026-02-13", "2026-02-23") == 1
    assert cal.roll_forward("2023-09-02") == D(2023, 9, 5)  # Civil Code art. 148


def test_holidays_frame(cal):
    frame = cal.holidays(2026)
    assert list(frame.columns) == ["date", "name", "kind"]
    assert str(frame["date"].dtype) == "datetime64[ns]"
    assert list(frame["kind"].cat.categories) == ["statutory", "compensatory", "decreed", "makeup_workday"]
    makeup = frame[frame.kind == "makeup_workday"]
    assert makeup.date.dt.date.tolist() == [D(2026, 1, 10), D(2026, 8, 22)]
    tet = frame[frame.name == "Tết Nguyên đán Bính Ngọ"]
    assert tet.date.dt.date.tolist() == [D(2026, 2, d) for d in range(16, 21)]
    comp = frame[frame.kind == "compensatory"].iloc[0]
    assert (comp.date.date(), comp["name"]) == (D(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương")


def test_days_added_at_run_time_change_the_arithmetic():
    cal = kehoach.Calendar.vietnam()
    assert cal.add_working_days("2027-05-06", 1) == D(2027, 5, 7)
    cal.add_day_off("2027-05-07", "Hoán đổi ngày làm việc").add_working_day("2027-05-15", "Làm bù")
    assert cal.add_working_days("2027-05-06", 1) == D(2027, 5, 10)
    assert cal.is_working_day("2027-05-15")
    kinds = dict(zip(cal.holidays(2027).date.dt.date, cal.holidays(2027).kind))
    assert kinds[D(2027, 5, 7)] == "decreed" and kinds[D(2027, 5, 15)] == "makeup_workday"


def test_a_schedule_file_round_trips(tmp_path, cal):
    edited = json.loads(cal.schedule_json(2027))
    edited["years"][0]["days_off"].append({"date": "2027-12-31", "kind": "decreed", "name": "Nghỉ cuối năm"})
    path = tmp_path / "2027.json"
    path.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    other = kehoach.Calendar.vietnam().load_schedule(path)
    assert not other.is_working_day("2027-12-31")
    assert cal.is_working_day("2027-12-31")
    assert other.holidays(2027).iloc[:-1].equals(cal.holidays(2027))


def test_saturday_offices(cal):
    saturdays = cal.with_working_days([1, 2, 3, 4, 5, 6])
    assert saturdays.working_days == (1, 2, 3, 4, 5, 6)
    assert saturdays.is_working_day("2024-05-11") and not cal.is_working_day("2024-05-11")
    assert not saturdays.is_working_day("2024-02-10")
    assert repr(saturdays) == "Calendar(working_days=Mon/Tue/Wed/Thu/Fri/Sat)"
    with pytest.raises(ValueError, match="ISO weekdays"):
        cal.with_working_days([0, 1])


def test_errors(cal, tmp_path):
    with pytest.raises(kehoach.KehoachError, match="outside the calendar's range 2013-01-01..2100-12-31"):
        cal.is_working_day("2101-01-01")
    with pytest.raises(ValueError, match="not a date"):
        cal.is_working_day("2024-02-30")
    with pytest.raises(TypeError):
        cal.is_working_day(datetime.datetime(2024, 2, 1, 8, 0))  # a datetime would lose its time
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "kehoach/holidays@1", "years": [{"year": 1990}]}', encoding="utf-8")
    with pytest.raises(kehoach.ParseError, match="bad.json:1:53: years\\[0\\].year: 1990 is out of range 2013..2100"):
        kehoach.Calendar.vietnam().load_schedule(bad)


def test_holidays_without_pandas_says_how_to_get_it(cal, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="Calendar.holidays needs pandas: install it"):
        cal.holidays(2026)
