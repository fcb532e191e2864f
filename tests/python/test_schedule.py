"""Schedules from Python: tables in, DataFrames out, the same hand-computed dates as the C++ tests."""

from __future__ import annotations

import datetime

import numpy as np
import pandas as pd
import pytest

import kehoach
from conftest import SEEDS

D = datetime.date


def frame_dates(df: pd.DataFrame, item: str) -> tuple:
    row = df.set_index("id").loc[item]
    return tuple(None if pd.isna(row[c]) else row[c].date() for c in ("early_start", "early_finish", "late_start", "late_finish"))


# March 2024, by hand (see tests/cpp/test_schedule.cpp): A 4-6/3; B a day after A, 8-11/3; C two days
# after A starts, 6-11/3; D after B and not finishing before C, 12/3.
def test_fs_ss_ff_with_lags_from_frames():
    items = pd.DataFrame({"id": ["A", "B", "C", "D"], "duration": [3, 2, 4, 1], "lead": ["Công an xã"] * 4})
    edges = pd.DataFrame({"source": ["A", "A", "B", "C"], "target": ["B", "C", "D", "D"],
                          "type": ["FS", "start_to_start", "finish_to_start", "FF"], "lag": [1, 2, 0, 0]})
    df = kehoach.PlanGraph.from_frames(items, edges).schedule(start="2024-03-04").to_pandas()
    assert list(df.columns) == ["id", "lead", "early_start", "early_finish", "late_start", "late_finish",
                                "total_slack", "free_slack", "critical", "state"]
    assert frame_dates(df, "A") == (D(2024, 3, 4), D(2024, 3, 6), D(2024, 3, 4), D(2024, 3, 6))
    assert frame_dates(df, "B") == (D(2024, 3, 8), D(2024, 3, 11), D(2024, 3, 8), D(2024, 3, 11))
    assert frame_dates(df, "C") == (D(2024, 3, 6), D(2024, 3, 11), D(2024, 3, 7), D(2024, 3, 12))
    assert frame_dates(df, "D") == (D(2024, 3, 12), D(2024, 3, 12), D(2024, 3, 12), D(2024, 3, 12))
    assert df.total_slack.tolist() == [0, 0, 1, 0]
    assert df.free_slack.tolist() == [0, 0, 1, 0]
    assert df.critical.tolist() == [True, True, False, True]


# April 2024: Giỗ Tổ on Thursday 18/4, 29/4 swapped off, 30/4 and 1/5 holidays. C (due Friday 19/4)
# cannot start before A ends on 22/4: two working days late, and A with it. B's deadline 30/4 rolls
# to Thursday 2/5 and B just fits.
def test_holidays_windows_and_an_infeasible_deadline_with_dict_of_arrays():
    items = {
        "id": np.array([10, 20, 30]),
        "duration": np.array([5, 5, 1]),
        "window_start": np.array(["NaT", "2024-04-01", "NaT"], dtype="datetime64[D]"),
        "window_end": np.array(["NaT", "2024-04-30", "2024-04-19"], dtype="datetime64[D]"),
    }
    edges = {"source": np.array([10, 10]), "target": np.array([20, 30])}
    schedule = kehoach.PlanGraph.from_frames(items, edges).schedule(start=D(2024, 4, 15))
    df = schedule.to_pandas()
    assert df.id.tolist() == [10, 20, 30]
    assert df.early_finish.dt.date.tolist() == [D(2024, 4, 22), D(2024, 5, 2), D(2024, 4, 23)]
    assert df.total_slack.tolist() == [-2, 0, -2]
    late = schedule.infeasible()
    assert [(l.item, l.slack, l.chain, l.deadline_item, l.deadline) for l in late] == [
        (10, -2, [10], 30, D(2024, 4, 19)),
        (30, -2, [10, 30], 30, D(2024, 4, 19)),
    ]
    assert late[1].path == "10 → 30"


def test_slack_columns_are_handed_over_without_a_copy():
    items = pd.DataFrame({"id": np.arange(1000), "duration": np.full(1000, 2)})
    edges = pd.DataFrame({"source": np.arange(999), "target": np.arange(1, 1000)})
    schedule = kehoach.PlanGraph.from_frames(items, edges).schedule(start="2024-03-04")
    df = schedule.to_pandas()
    assert np.shares_memory(df.total_slack.array._data, schedule._impl.total_slack())
    assert np.shares_memory(df.free_slack.array._data, schedule._impl.free_slack())
    assert df.total_slack.dtype == "Int32" and df.critical.all()
    assert df.early_finish.iloc[-1].date() == kehoach.Calendar.vietnam().add_working_days("2024-03-04", 1999)
    del schedule  # the frame keeps the schedule's memory alive
    assert df.total_slack.sum() == 0


def test_a_plan_groups_events_and_ongoing_work(founding):
    schedule = founding.schedule()
    assert schedule.start == D(2023, 4, 7)
    df = schedule.to_pandas()
    assert {"plan", "number", "title", "lead", "deadline"} <= set(df.columns)
    by_id = df.set_index("id")
    assert by_id.loc["II.3.3", "state"] == "waiting"  # after a decree not yet issued
    assert pd.isna(by_id.loc["II.3.3", "early_start"])
    assert by_id.loc["II.2", "state"] == "continuous"  # "Thường xuyên"
    late = schedule.infeasible()
    assert [l.item for l in late] == ["II.1.1", "II.1.3", "II.1.4", "II.1.5", "II.4.6", "II.4.8", "II.5.3", "II.6.2", "II.8.2"]
    assert {l.slack for l in late} == {-5}
    assert late[0].path == "24/KH-UBND mục II.1.1"


def test_the_founding_plan_read_from_its_document_schedules_the_same(founding):
    seed = SEEDS / "000_8e3b6dd8ccf1e18f.txt"
    if not seed.exists():
        pytest.fail(f"the founding plan's text is missing: {seed} (CI has ../shared)")
    read = kehoach.read_plan(seed)
    assert [l.item for l in read.schedule().infeasible()] == [l.item for l in founding.schedule().infeasible()]


def test_a_portfolio_rolls_child_items_up_into_their_parent():
    district = kehoach.Plan.from_json(
        '{"schema": "kehoach/plan@1", "plan": {"number": "39/KH-UBND", "issuer": "Ủy ban nhân dân huyện Ia Pa",'
        ' "date": "2024-02-20"}, "items": [{"id": "1", "number": "1", "kind": "task", "title": "Số hóa hồ sơ",'
        ' "deadline": {"text": "Trước ngày 29/3/2024", "kind": "by_date", "end": "2024-03-29"}}]}')
    commune = kehoach.Plan.from_json(
        '{"schema": "kehoach/plan@1", "plan": {"number": "24/KH-UBND", "date": "2024-03-01", "parents":'
        ' [{"number": "39/KH-UBND", "issuer": "Ủy ban nhân dân huyện Ia Pa"}]}, "items": [{"id": "1",'
        ' "number": "1", "kind": "task", "title": "Số hóa hồ sơ hộ tịch", "duration": 10,'
        ' "implements": [{"plan": "39/KH-UBND", "item": "1"}]}]}')
    df = kehoach.Portfolio([district, commune]).schedule().to_pandas()
    assert df.id.tolist() == [("39/KH-UBND", "1"), ("24/KH-UBND", "1")]
    assert df.early_finish.dt.date.tolist() == [D(2024, 3, 14), D(2024, 3, 14)]
    assert df.total_slack.tolist() == [11, 11]


def test_every_cycle_is_reported_with_the_items_ids():
    items = {"id": ["2.1", "2.2", "2.3", "3"], "duration": [1, 1, 1, 1]}
    edges = {"source": ["2.1", "2.3", "2.2", "3"], "target": ["2.3", "2.2", "2.1", "3"]}
    graph = kehoach.PlanGraph.from_frames(items, edges)
    assert graph.cycles() == [["2.1", "2.3", "2.2"], ["3"]]
    with pytest.raises(kehoach.CycleError) as caught:
        graph.schedule(start="2024-03-04")
    assert caught.value.cycles == [["2.1", "2.3", "2.2"], ["3"]]
    assert caught.value.paths == ["2.1 → 2.3 → 2.2 → 2.1", "3 → 3"]
    assert "2.1 → 2.3 → 2.2 → 2.1" in str(caught.value)
    assert isinstance(caught.value, kehoach.KehoachError)


@pytest.mark.parametrize(
    ("items", "edges", "message"),
    [
        ({"duration": [1]}, None, "items has no 'id' column"),
        ({"id": ["a", "a"]}, None, "items.id must be unique: 'a' appear"),
        ({"id": ["a", 1]}, None, "mixes kinds of values"),
        ({"id": ["a"], "duration": [1.5]}, None, "items.duration[0] is 1.5: a whole number"),
        ({"id": ["a"], "duration": [-1]}, None, "items.duration[0] is -1: it must be 0 or more"),
        ({"id": ["a"], "duration": [float("nan")]}, None, "items.duration[0] is nan"),
        ({"id": ["a"], "window_end": ["31/3/2024"]}, None, "items.window_end must hold dates"),
        ({"id": ["a", "b"]}, {"source": ["a"], "target": ["c"]}, "edges.target[0] is 'c', which is no item's id"),
        ({"id": ["a", "b"]}, {"source": ["a"], "target": ["b"], "type": ["after"]}, "edges.type 'after' is not"),
        ({"id": ["a", "b"]}, {"source": ["a"]}, "edges has no 'target' column"),
    ],
)
def test_bad_tables_say_which_column_and_row(items, edges, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]").replace(".", r"\.")):
        kehoach.PlanGraph.from_frames(items, edges)


def test_no_start_and_dates_outside_the_calendar_are_clear_errors():
    with pytest.raises(kehoach.KehoachError, match="no start date"):
        kehoach.PlanGraph.from_frames({"id": ["a"]}).schedule()
    with pytest.raises(ValueError, match=r"items\.window_end\[0\] is 2200-01-01, outside the calendar's range 2013-01-01\.\.2100-12-31"):
        kehoach.PlanGraph.from_frames({"id": ["a"], "window_end": np.array(["2200-01-01"], dtype="datetime64[D]")})
    with pytest.raises(kehoach.KehoachError, match="the schedule's start: 2012-12-31 is outside the calendar's range"):
        kehoach.PlanGraph.from_frames({"id": ["a"]}).schedule(start="2012-12-31")
