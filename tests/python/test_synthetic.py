"""The synthetic national portfolio from Python: DataFrames that schedule like the plans they describe."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import kehoach


@pytest.fixture(scope="module")
def country() -> kehoach.SyntheticPortfolio:
    return kehoach.synthesize(items=10_000, seed=3)


def test_the_tables_describe_a_cascade(country):
    plans = country.plans
    assert plans.level.value_counts().to_dict() == {"commune": 155, "district": 11, "province": 1, "national": 1}
    assert (plans.parent[1:] >= 0).all() and plans.parent[0] == -1
    items = country.items
    assert len(items) == len(country)
    assert set(items.kind) == {"task", "group"}
    assert items.lead[items.kind == "task"].notna().all()
    communes = items[items.level == "commune"]
    assert communes.lead.dropna().str.endswith(("xã", "Kế toán", "Hộ tịch", "Xã hội")).all()
    edges = country.edges
    assert set(edges.type) == {"finish_to_start", "finish_to_finish"}
    assert edges.source.max() < len(items) and edges.target.max() < len(items)


def test_the_frames_schedule_like_the_graph_and_like_the_plans(country):
    from_frames = kehoach.PlanGraph.from_frames(country.items, country.edges).schedule().to_pandas()
    from_graph = country.graph().schedule().to_pandas()
    for column in ("early_start", "early_finish", "late_start", "late_finish", "total_slack", "free_slack", "state"):
        assert from_frames[column].equals(from_graph[column]), column
    assert (from_frames.state == "waiting").any() and (from_frames.state == "continuous").any()


def test_the_plans_as_objects(country):
    small = kehoach.synthesize(items=2_000, seed=5)
    portfolio = small.to_portfolio()
    assert len(portfolio) == len(small.plans)
    assert portfolio.unresolved() == []
    commune = portfolio.plans[-1]
    assert commune.number.endswith("/KH-UBND") and commune.date is not None
    task = next(item for item in commune.items if item.kind == "task")
    assert task.roles["lead"] and task.deadline.text and task.duration >= 1
    by_objects = portfolio.schedule().to_pandas()
    by_columns = small.graph().schedule().to_pandas()
    assert by_objects.total_slack.equals(by_columns.total_slack)


def test_status_rows_are_status_at_1(country):
    status = country.status
    assert list(status.columns) == ["item", "date", "state", "percent"]
    assert status.date.is_monotonic_increasing
    assert set(status.state) == {"started", "progress", "done", "cancelled"}
    assert (status.percent[status.state == "done"] == 100).all()
    assert status.percent[status.state == "cancelled"].isna().all()
    assert (status.date.dt.year == 2024).all()


def test_same_seed_same_portfolio_and_bad_sizes():
    a = kehoach.synthesize(items=3_000, seed=11, status=False)
    b = kehoach.synthesize(items=3_000, seed=11, status=False)
    pd.testing.assert_frame_equal(a.items, b.items)
    pd.testing.assert_frame_equal(a.edges, b.edges)
    assert not np.array_equal(kehoach.synthesize(items=3_000, seed=12).edges.source, a.edges.source)
    with pytest.raises(ValueError, match="items must be 1 or more"):
        kehoach.synthesize(items=0)


def test_a_folder_of_plans_reads_back_as_the_same_portfolio(tmp_path):
    small = kehoach.synthesize(items=1_500, seed=9)
    for index, plan in enumerate(small.to_portfolio().plans):
        (tmp_path / f"{index:03}.plan.json").write_text(plan.to_json(), encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not a plan", encoding="utf-8")
    read = kehoach.Portfolio.from_folder(tmp_path)
    assert len(read) == len(small.plans)
    assert read.schedule().to_pandas().total_slack.equals(small.graph().schedule().to_pandas().total_slack)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(kehoach.KehoachError, match="empty: no plans here"):
        kehoach.Portfolio.from_folder(empty)
    with pytest.raises(kehoach.KehoachError, match="nowhere: not a folder"):
        kehoach.Portfolio.from_folder(tmp_path / "nowhere")

