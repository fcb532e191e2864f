"""Status logs, snapshots and accountability tables from Python, on the Ia Mơ fixture (values worked
by hand in tests/cpp/test_track.cpp)."""

from __future__ import annotations

import datetime
import json
import math

import numpy as np
import pandas as pd
import pytest

import kehoach
from conftest import IA_MO_LOG as LOG
from conftest import IA_MO_PLAN as PLAN


@pytest.fixture(scope="module")
def mid_june(ia_mo):
    return ia_mo.snapshot(LOG, as_of="2023-06-15")


def test_snapshot_frame_has_the_categories_and_days(mid_june):
    df = mid_june.to_pandas().set_index("id")
    assert str(df["category"].dtype) == "category"
    assert df.loc["II.1.1", "category"] == "overdue"
    assert df.loc["II.1.1", "days_late"] == 51
    assert bool(df.loc["II.1.1", "stale"])
    assert df.loc["II.1.2", "category"] == "done_on_time"
    assert df.loc["II.1.2", "due"] == pd.Timestamp("2023-05-04")  # 30/4 rolled past the holidays
    assert df.loc["II.1.3", "days_left"] == 11
    assert df.loc["II.1.3", "percent"] == 40
    assert df.loc["II.1.4", "category"] == "not_due"
    assert df.loc["II.2.1", "category"] == "waiting"
    assert pd.isna(df.loc["II.2.1", "days_left"])
    assert df.loc["II", "category"] == "overdue"
    assert mid_june.counts() == {"done_on_time": 1, "done_late": 0, "in_progress": 2, "overdue": 1, "not_due": 1,
                                 "waiting": 1, "ongoing": 2, "cancelled": 0}


def test_numeric_columns_are_views_of_the_snapshot(mid_june):
    df = mid_june.to_pandas()
    with pytest.raises(ValueError):
        df["days_late"].array._data[0] = 0


def test_scorecard_counts_per_unit_and_role_with_rates(mid_june):
    card = mid_june.scorecard().to_pandas().set_index(["unit", "role"])
    police = card.loc[("Công an xã", "lead")]
    assert (police["overdue"], police["waiting"], police["in_progress"], police["due"]) == (1, 1, 1, 1)
    assert police["on_time_rate"] == 0.0
    assert card.loc[("Công chức Tư pháp – Hộ tịch xã", "lead"), "on_time_rate"] == 1.0
    assert math.isnan(card.loc[("Văn phòng – Thống kê xã", "lead"), "on_time_rate"])


def test_escalation_raci_workload_and_compliance(mid_june):
    (late,) = mid_june.escalation()
    assert late.item == "II.1.1" and late.days_late == 51
    assert late.chain == [("lead", "Công an xã"), ("plan_monitor", "Công an xã"), ("signer", "Chủ tịch Lê Văn Bình")]

    matrix = mid_june.raci().to_pandas().pivot_table(index="unit", columns="item", values="role", aggfunc=", ".join)
    assert matrix.loc["Công an xã", "II.1.3"] == "support"
    assert matrix.loc["Công an xã", "II.2.2"] == "monitor"

    load = mid_june.workload().to_pandas()
    march = load[(load.unit == "Công an xã") & (load.role == "lead") & (load.month == "2023-03")]
    assert march.tasks.tolist() == [1]

    rates = mid_june.compliance().to_pandas()
    assert rates.month.tolist() == ["2023-04", "2023-05", "2023-06"]
    assert rates.rate.tolist() == [0.0, 1.0, 0.0]
    occurrences = mid_june.occurrences().to_pandas()
    assert occurrences.status.tolist() == ["missing", "on_time", "late"]
    assert occurrences.due.tolist()[2] == pd.Timestamp("2023-06-12")


def test_a_log_built_in_python_and_an_event(ia_mo):
    log = kehoach.StatusLog.read(LOG)
    log.append("ev-1", datetime.date(2023, 5, 15), "done")
    log.append("II.1.1", "2023-04-07", "done", 100, "xong")
    df = ia_mo.snapshot(log, as_of="2023-06-15").to_pandas().set_index("id")
    assert df.loc["II.2.1", "category"] == "in_progress"
    assert df.loc["II.1.1", "category"] == "done_late"
    assert df.loc["II.1.1", "days_late"] == 5


def test_log_problems_are_reported_with_lines(ia_mo):
    log = kehoach.StatusLog.read("item,date,state,percent\nII.9,2023-05-02,progress,\nII.1.3,2023-05-02,progress,140\n")
    found = log.validate(ia_mo)
    assert [(d.code, d.line) for d in found] == [("unknown_item", 2), ("percent_out_of_range", 3)]
    snapshot = ia_mo.snapshot(log, as_of="2023-06-15")
    assert [d.code for d in snapshot.diagnostics] == ["unknown_item", "percent_out_of_range"]
    with pytest.raises(kehoach.ParseError, match=r"log.csv:2:19: unknown state"):
        kehoach._core.StatusLog.parse("item,date,state\nII.1.1,2023-05-02,finished\n", "log.csv")


def test_status_log_round_trips_and_appends(tmp_path):
    log = kehoach.StatusLog.read(LOG)
    frame = log.to_pandas()
    assert frame.line.tolist() == [2, 3, 4, 5, 6, 7]
    assert frame.note[3] == "Tuyên truyền tại thôn 2, thôn 3"
    assert kehoach.StatusLog.read(log.to_json()).to_csv() == log.to_csv()
    target = tmp_path / "status.csv"
    target.write_text(LOG.read_text(encoding="utf-8"), encoding="utf-8")
    more = kehoach.StatusLog()
    more.append("II.1.4", "2023-07-03", "started", 5)
    more.append_to(target)
    assert target.read_text(encoding="utf-8") == LOG.read_text(encoding="utf-8") + "II.1.4,2023-07-03,started,5,\n"


def test_portfolio_snapshot_rolls_up_by_plan(ia_mo):
    log = kehoach.StatusLog()
    for row in kehoach.StatusLog.read(LOG).to_pandas().itertuples():
        log.append(row.item, row.date.date(), row.state, None if pd.isna(row.percent) else int(row.percent), row.note,
                   plan="31/KH-UBND")
    folio = kehoach.Portfolio([ia_mo])
    snapshot = folio.snapshot(log, as_of="2023-06-15")
    rollup = folio.rollup(snapshot).to_pandas()
    assert rollup.loc[0, "overdue"] == 1 and rollup.loc[0, "level"] == "commune"
    assert snapshot.to_pandas().plan.unique().tolist() == ["31/KH-UBND"]


def test_cli_status_prints_the_table_and_checks(cli):
    from test_cli import run

    done = run(cli, "status", str(PLAN), "--log", str(LOG), "--as-of", "2023-06-15")
    assert done.returncode == 0, done.stderr
    assert "Quá hạn, chưa hoàn thành (51 ngày làm việc)" in done.stdout
    assert "kỳ báo cáo: 1 đúng hạn, 1 trễ, 1 thiếu" in done.stdout
    checked = run(cli, "status", str(PLAN), "--log", str(LOG), "--as-of", "2023-06-15", "--check", "--format", "json")
    assert checked.returncode == 1
    snapshot = json.loads(checked.stdout)
    assert snapshot["schema"] == "kehoach/snapshot@1"
    assert snapshot["counts"]["overdue"] == 1
    assert [o["status"] for o in snapshot["occurrences"]] == ["missing", "on_time", "late"]
    bad = run(cli, "status", str(PLAN), "--log", "-", "--as-of", "2023-06-15", stdin="item,date,state\nII.9,2023-05-01,done\n")
    assert bad.returncode == 2
    assert "<stdin>:2: error:" in bad.stderr


def test_cli_status_by_unit_prints_the_scorecard(cli):
    from test_cli import run

    done = run(cli, "status", str(PLAN), "--log", str(LOG), "--as-of", "2023-06-15", "--by-unit", "--lang", "en")
    assert done.returncode == 0, done.stderr
    # Columns of fixed width: unit (36), role (17), then the counts and rates.
    rows = {f"{line[:36].strip()}/{line[37:54].strip()}": line[54:].split()
            for line in done.stdout.splitlines()[1:] if line and not line.startswith("Rates")}
    # The police lead one overdue task of the one due: 0% on time; the civil-status officer 100%.
    assert rows["Công an xã/Lead"] == ["0", "0", "1", "2", "1", "0%", "0%"]
    assert rows["Công chức Tư pháp – Hộ tịch xã/Lead"] == ["1", "0", "0", "0", "1", "100%", "100%"]
