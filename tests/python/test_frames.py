"""Every tabular result as a DataFrame: the dtypes, columns handed over without a copy (and kept
alive by the frame), and the message when pandas is missing (docs/python.md, "DataFrames")."""

from __future__ import annotations

import gc
import sys

import numpy as np
import pandas as pd
import pytest

import kehoach
from conftest import IA_MO_LOG


@pytest.fixture(scope="module")
def mid_june(ia_mo):
    return ia_mo.snapshot(IA_MO_LOG, as_of="2023-06-15")


def owners(array: np.ndarray) -> list[object]:
    """The chain of `.base`s of an array, to the object that owns its memory."""
    chain = []
    while array is not None:
        chain.append(array)
        array = getattr(array, "base", None)
    return chain


def is_categorical(column: pd.Series) -> bool:
    return isinstance(column.dtype, pd.CategoricalDtype)


def test_schedule_frame_dtypes(founding):
    frame = founding.schedule().to_pandas()
    for name in ("early_start", "early_finish", "late_start", "late_finish"):
        assert str(frame[name].dtype) == "datetime64[ns]"
    assert str(frame["total_slack"].dtype) == "Int32" and str(frame["free_slack"].dtype) == "Int32"
    assert frame["critical"].dtype == bool
    assert is_categorical(frame["state"]) and list(frame["state"].cat.categories) == ["scheduled", "continuous", "waiting"]


def test_schedule_frame_shares_the_schedules_memory_and_keeps_it_alive(founding):
    schedule = founding.schedule()
    expected = schedule._impl.total_slack().copy()
    frame = schedule.to_pandas()
    slack, critical = frame["total_slack"].array._data, frame["critical"].to_numpy()
    assert np.shares_memory(slack, schedule._impl.total_slack())
    assert np.shares_memory(critical, schedule._impl.critical())
    # The dates are made once per schedule, and the frame takes them as they are.
    assert np.shares_memory(frame["early_start"].to_numpy(), schedule._dates["early_start"])
    del schedule
    gc.collect()
    assert any(isinstance(owner, kehoach._core.Schedule) for owner in owners(slack))
    np.testing.assert_array_equal(slack, expected)


def test_snapshot_frame_dtypes_memory_and_keep_alive(ia_mo):
    snapshot = ia_mo.snapshot(IA_MO_LOG, as_of="2023-06-15")
    expected = snapshot._impl._days_late().copy()
    frame = snapshot.to_pandas()
    assert is_categorical(frame["category"])
    assert {str(frame[name].dtype) for name in ("days_late", "days_left")} == {"Int32"}
    assert str(frame["percent"].dtype) == "Int8"
    assert {str(frame[name].dtype) for name in ("last_update", "done_on", "due")} == {"datetime64[ns]"}
    days_late = frame["days_late"].array._data
    assert np.shares_memory(days_late, snapshot._impl._days_late())
    del snapshot
    gc.collect()
    assert any(isinstance(owner, kehoach._core.Snapshot) for owner in owners(days_late))
    np.testing.assert_array_equal(days_late, expected)


@pytest.mark.parametrize("table", ["scorecard", "raci", "workload", "compliance"])
def test_unit_tables_name_units_plans_and_roles_by_codes(mid_june, table):
    frame = getattr(mid_june, table)().to_pandas()
    assert is_categorical(frame["unit"]) and is_categorical(frame["plan"])
    assert "Công an xã" in frame["unit"].cat.categories
    assert frame["plan"].unique().tolist() == ["31/KH-UBND"]
    if "role" in frame:
        assert is_categorical(frame["role"]) and list(frame["role"].cat.categories) == kehoach._core.role_names
    counts = [name for name in ("tasks", "occurrences", "due", "stale", "on_time", "late") if name in frame]
    assert all(frame[name].dtype == np.int64 for name in counts)


def test_rows_and_display_show_names_not_codes(mid_june):
    row = next(iter(mid_june.raci()))
    assert isinstance(row.unit, str) and row.role in kehoach._core.role_names and row.plan == "31/KH-UBND"
    assert "Công an xã" in mid_june.raci()._repr_html_()


def test_plan_roles_in_long_form_are_the_snapshots_raci(ia_mo, mid_june):
    roles = ia_mo.unit_roles().to_pandas()
    assert roles.columns.tolist() == ["item", "unit", "plan", "role"]
    assert all(is_categorical(roles[name]) for name in roles)
    pd.testing.assert_frame_equal(roles, mid_june.raci().to_pandas())
    police = roles[(roles.unit == "Công an xã") & (roles.item == "II.1.3")]
    assert police.role.tolist() == ["support"]


def test_names_that_repeat_become_one_category():
    table = kehoach.Table("T", {"unit": np.array([0, 1, 2]), "n": np.arange(3)}, {"unit": ["xã A", "xã B", "xã A"]})
    frame = table.to_pandas()
    assert frame["unit"].cat.categories.tolist() == ["xã A", "xã B"]
    assert frame["unit"].tolist() == ["xã A", "xã B", "xã A"]
    assert [row.unit for row in table] == ["xã A", "xã B", "xã A"]


def test_occurrences_holidays_items_and_findings(mid_june, founding):
    occurrences = mid_june.occurrences().to_pandas()
    assert all(is_categorical(occurrences[name]) for name in ("item", "plan", "status"))
    assert {str(occurrences[name].dtype) for name in ("period_start", "period_end", "due", "done_on")} == {"datetime64[ns]"}

    holidays = kehoach.Calendar.vietnam().holidays(2026)
    assert str(holidays["date"].dtype) == "datetime64[ns]" and is_categorical(holidays["kind"])
    assert holidays["kind"].cat.categories.tolist() == ["statutory", "compensatory", "decreed", "makeup_workday"]

    items = founding.to_frame()
    assert is_categorical(items["kind"]) and is_categorical(items["deadline_kind"])
    assert {str(items[name].dtype) for name in ("start", "end", "due")} == {"datetime64[ns]"}

    findings = founding.lint().to_pandas()
    assert is_categorical(findings["severity"]) and is_categorical(findings["code"])


def frames(founding, ia_mo):
    snapshot = ia_mo.snapshot(IA_MO_LOG, as_of="2023-06-15")
    return {
        "Plan.to_frame()": founding.to_frame,
        "RACI.to_pandas()": founding.unit_roles().to_pandas,
        "Schedule.to_pandas()": founding.schedule().to_pandas,
        "Snapshot.to_pandas()": snapshot.to_pandas,
        "Scorecard.to_pandas()": snapshot.scorecard().to_pandas,
        "Workload.to_pandas()": snapshot.workload().to_pandas,
        "Occurrences.to_pandas()": snapshot.occurrences().to_pandas,
        "Findings.to_pandas()": founding.lint().to_pandas,
        "Calendar.holidays": lambda: kehoach.Calendar.vietnam().holidays(2026),
    }


def test_without_pandas_each_frame_says_how_to_get_it(founding, ia_mo, monkeypatch):
    making = frames(founding, ia_mo)
    monkeypatch.setitem(sys.modules, "pandas", None)  # what `import pandas` meets when it is not installed
    for what, make in making.items():
        with pytest.raises(ImportError, match=rf"^{what.replace('(', '[(]').replace(')', '[)]')} needs pandas: install it "
                                              r"\(Debian: apt-get install python3-pandas; pip: pip install 'kehoach\[pandas\]'\)"):
            make()
