"""Plots: what each chart draws is what the schedule, snapshot or portfolio says, in Vietnamese
that renders, saved as PNG."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
import unicodedata
import warnings

import pytest
from conftest import IA_MO_LOG, ROOT

import kehoach
from kehoach import plot

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.colors as mcolors  # noqa: E402 - after the backend is chosen
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

FOUNDING_LOG = ROOT / "examples" / "plans" / "chu-rang-2023.status.csv"


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def founding_now(founding):
    return founding.snapshot(FOUNDING_LOG, as_of="2023-06-30")


@pytest.fixture(scope="module")
def ia_mo_now(ia_mo):
    return ia_mo.snapshot(IA_MO_LOG, as_of="2023-06-15")


def save(ax, path):
    """Draw to PNG with every warning an error: a letter missing from the font warns at draw time."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax.figure.savefig(path, dpi=50)
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 2000


def by_gid(ax, prefix):
    artists = [*ax.patches, *ax.lines, *ax.texts]
    return {a.get_gid().split(":", 1)[1]: a for a in artists if (a.get_gid() or "").startswith(prefix + ":")}


def hex_of(colour):
    return mcolors.to_hex(colour, keep_alpha=False)


def day(text):
    return mdates.date2num(datetime.date.fromisoformat(text))


def test_importing_kehoach_loads_no_matplotlib():
    code = "import sys, kehoach; print('matplotlib' in sys.modules, len(kehoach.plot.STATUS_COLOURS))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "8"]


def test_without_matplotlib_a_plot_says_how_to_get_it(founding, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=r"kehoach.plot needs matplotlib: install it \(Debian: apt-get install python3-matplotlib"):
        plot.gantt(founding.schedule(), founding)


def test_one_colour_for_each_status_category_and_role():
    assert list(plot.STATUS_COLOURS) == kehoach._core.Snapshot.category_names
    assert list(plot.ROLE_COLOURS) == kehoach._core.role_names
    for palette in (plot.STATUS_COLOURS, plot.ROLE_COLOURS):
        assert len({mcolors.to_hex(c) for c in palette.values()}) == len(palette)
    with pytest.raises(TypeError):
        plot.STATUS_COLOURS["overdue"] = "pink"  # a shared constant: displays reuse it


def test_gantt_of_the_founding_plan(founding, tmp_path):
    schedule = founding.schedule()
    ax = plot.gantt(schedule, founding)
    table = schedule.to_pandas().set_index("id")
    tasks = table[table.kind == "task"]
    work = by_gid(ax, "work")
    assert sorted(work) == sorted(tasks.index[tasks.state == "scheduled"])
    assert len(work) == 23
    for item, bar in work.items():
        row = tasks.loc[item]
        assert bar.get_x() == mdates.date2num(row.early_start)
        assert bar.get_width() == (row.early_finish - row.early_start).days + 1
    # The nine tasks due before the plan was issued are critical (docs/scheduling.md).
    critical = {item for item, bar in work.items() if hex_of(bar.get_facecolor()) == plot.CRITICAL_COLOUR}
    assert critical == set(tasks.index[tasks.critical]) == {
        "II.1.1", "II.1.3", "II.1.4", "II.1.5", "II.4.6", "II.4.8", "II.5.3", "II.6.2", "II.8.2"}
    assert {hex_of(bar.get_facecolor()) for item, bar in work.items() if item not in critical} == {plot._BAR}
    assert sorted(by_gid(ax, "continuous")) == sorted(tasks.index[tasks.state == "continuous"])
    assert sorted(by_gid(ax, "waiting")) == sorted(tasks.index[tasks.state == "waiting"])
    # A task with slack has its pale bar on to the late finish; a task that cannot meet its
    # deadline, a hatched bar from the late finish to its early finish: how late it will be.
    slack, late = by_gid(ax, "slack"), by_gid(ax, "late")
    assert slack["II.1.6"].get_x() + slack["II.1.6"].get_width() == day("2023-07-01")
    assert sorted(late) == sorted(critical) and not set(late) & set(slack)
    assert (late["II.1.1"].get_x(), late["II.1.1"].get_x() + late["II.1.1"].get_width()) == (day("2023-04-01"), day("2023-04-08"))
    # Deadlines as written: "Trong tháng 3/2023" ends on 31/3, before the plan's own date.
    deadlines = by_gid(ax, "deadline")
    assert deadlines["II.1.1"].get_xdata()[0] == day("2023-04-01")
    assert len(deadlines) == sum(1 for item in founding.items if item.kind == "task" and item.deadline is not None
                                 and item.deadline.end is not None and item.deadline.kind not in ("ongoing", "recurring"))
    assert len(ax.get_yticklabels()) == len(tasks) == 50
    assert ax.get_yticklabels()[0].get_text() == "II.1.1  Tham mưu Đảng ủy chỉ đạo triển khai Đề án 06"
    assert ax.get_title() == "Tiến độ 24/KH-UBND"
    assert "as-of" not in {line.get_gid() for line in ax.lines}
    save(ax, tmp_path / "gantt.png")


def test_gantt_with_a_snapshot_colours_by_status_and_outlines_critical_tasks(ia_mo, ia_mo_now, tmp_path):
    schedule = ia_mo.schedule()
    ax = plot.gantt(schedule, ia_mo, snapshot=ia_mo_now, lang="en")
    status = ia_mo_now.to_pandas().set_index("id").category
    critical = set(schedule.to_pandas().query("critical").id)
    work = by_gid(ax, "work")
    assert work and critical & set(work)
    for item, bar in work.items():
        assert hex_of(bar.get_facecolor()) == plot.STATUS_COLOURS[status[item]]
        assert (hex_of(bar.get_edgecolor()) == plot.CRITICAL_COLOUR) == (item in critical)
    assert hex_of(by_gid(ax, "continuous")["II.2.2"].get_facecolor()) == plot.STATUS_COLOURS["ongoing"]
    [as_of] = [line for line in ax.lines if line.get_gid() == "as-of"]
    assert list(as_of.get_xdata()) == [day("2023-06-15")] * 2
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert "Overdue, not done" in legend and "Critical" in legend
    assert "As of 2023-06-15" in [text.get_text() for text in ax.texts]
    save(ax, tmp_path / "gantt-status.png")


def small_plan() -> kehoach.Plan:
    def task(item, title, duration, deadline=None, depends_on=()):
        fields = {"id": item, "number": item, "kind": "task", "title": title, "duration": duration,
                  "depends_on": list(depends_on)}
        if deadline:
            fields["deadline"] = {"text": f"Trước ngày {deadline}", "kind": "by_date", "end": deadline}
        return fields
    return kehoach.Plan.from_json(json.dumps({
        "schema": "kehoach/plan@1", "plan": {"number": "5/KH-UBND", "date": "2024-03-01"},
        "items": [task("1", "Lập danh sách hộ gia đình", 5),
                  task("2", "Rà soát hồ sơ", 3, "2024-03-12", ["1"]),
                  task("3", "Số hóa hồ sơ", 4, None, [{"item": "1", "type": "start_to_start", "lag": 2}]),
                  task("4", "Tổng kết", 1, None, [{"item": "3", "type": "finish_to_finish"}])]}))


def test_gantt_draws_each_dependency_from_the_side_its_type_names(tmp_path):
    plan = small_plan()
    schedule = plan.schedule()
    ax = plot.gantt(schedule, plan, as_of="2024-03-06")
    table = schedule.to_pandas().set_index("id")
    start = {item: mdates.date2num(table.early_start[item]) for item in table.index}
    finish = {item: mdates.date2num(table.early_finish[item]) + 1 for item in table.index}
    arrows = by_gid(ax, "dependency")
    assert sorted(arrows) == ["1->2", "1->3", "3->4"]
    assert (arrows["1->2"].xyann, arrows["1->2"].xy) == ((finish["1"], 0), (start["2"], 1))  # finish to start
    assert (arrows["1->3"].xyann, arrows["1->3"].xy) == ((start["1"], 0), (start["3"], 2))  # start to start
    assert (arrows["3->4"].xyann, arrows["3->4"].xy) == ((finish["3"], 2), (finish["4"], 3))  # finish to finish
    # 1 and 2 leave no slack before 2's deadline on 12/3: both critical, and 3 and 4 are not.
    critical = {item for item, bar in by_gid(ax, "work").items() if hex_of(bar.get_facecolor()) == plot.CRITICAL_COLOUR}
    assert critical == {"1", "2"}
    [as_of] = [line for line in ax.lines if line.get_gid() == "as-of"]
    assert as_of.get_xdata()[0] == day("2024-03-06")
    assert not by_gid(plot.gantt(schedule, plan, dependencies=False), "dependency")
    plain = by_gid(plot.gantt(schedule, plan, critical=False), "work")
    assert {hex_of(bar.get_facecolor()) for bar in plain.values()} == {plot._BAR}
    save(ax, tmp_path / "gantt-dependencies.png")


def test_gantt_draws_at_most_max_items_and_says_so(founding):
    ax = plot.gantt(founding.schedule(), founding, max_items=10)
    assert len(ax.get_yticklabels()) == 10
    assert ax.get_title() == "Tiến độ 24/KH-UBND\n10/50 mục đầu tiên (max_items=10)"
    with pytest.raises(ValueError, match="max_items must be 1 or more, not 0"):
        plot.gantt(founding.schedule(), founding, max_items=0)


def test_gantt_of_a_schedule_from_tables_has_no_plan_to_draw_deadlines_from():
    items = {"id": ["a", "b"], "duration": [3, 2]}
    schedule = kehoach.PlanGraph.from_frames(items, {"source": ["a"], "target": ["b"]}).schedule(start="2024-03-04")
    ax = plot.gantt(schedule)
    assert sorted(by_gid(ax, "work")) == ["a", "b"]
    assert [label.get_text() for label in ax.get_yticklabels()] == ["a", "b"]
    assert not by_gid(ax, "deadline") and not by_gid(ax, "dependency")


def cells(ax):
    """The text of each cell of a matrix plot, by (row label, column label)."""
    rows = [label.get_text() for label in ax.get_yticklabels()]
    columns = [label.get_text() for label in ax.get_xticklabels()]
    return {(rows[round(t.get_position()[1])], columns[round(t.get_position()[0])]): t.get_text() for t in ax.texts}


def test_raci_heatmap_cells_are_each_units_roles(founding, founding_now, tmp_path):
    ax = plot.raci_heatmap(founding_now)
    raci = founding_now.raci().to_pandas()
    letters = {"lead": "CT", "support": "PH", "monitor": "TD", "report_to": "BC", "approver": "PD"}
    order = kehoach._core.role_names
    expected = {}
    for (unit, item), roles in raci.groupby(["unit", "item"]).role:
        expected[(unit, item)] = "/".join(letters[r] for r in sorted(roles, key=order.index))
    assert cells(ax) == expected
    # Each cell is coloured by its first role; cells without a role are left blank.
    image = ax.images[0].get_array()
    units = [label.get_text() for label in ax.get_yticklabels()]
    items = [label.get_text() for label in ax.get_xticklabels()]
    for i, unit in enumerate(units):
        for j, item in enumerate(items):
            text = expected.get((unit, item))
            assert (image.mask[i, j]) == (text is None)
            if text is not None:
                assert order[int(image[i, j])] == {v: k for k, v in letters.items()}[text.split("/")[0]]
    # Units leading most items come first: the commune's departments, then the police.
    assert units[:2] == ["Các ban, ngành xã", "Công an xã"]
    assert items == list(dict.fromkeys(raci.item))
    # A plan draws the same matrix.
    assert cells(plot.raci_heatmap(founding)) == expected
    save(ax, tmp_path / "raci.png")


def test_raci_heatmap_of_a_table_in_english(ia_mo_now):
    ax = plot.raci_heatmap(ia_mo_now.raci(), lang="en", max_items=3)
    assert cells(ax)[("Công an xã", "II.1.1")] == "R"
    assert cells(ax)[("Công an xã", "II.1.3")] == "C"
    assert len(ax.get_xticklabels()) == 3
    assert ax.get_title().endswith("first 3 of 8 items (max_items=3)")
    # A unit that monitors an item it leads: both letters, the colour of leading.
    both = plot.raci_heatmap({"item": ["1", "1"], "unit": ["Công an xã"] * 2, "role": ["monitor", "lead"]})
    assert cells(both) == {("Công an xã", "1"): "CT/TD"}
    assert both.images[0].get_array()[0, 0] == kehoach._core.role_names.index("lead")
    with pytest.raises(ValueError, match="a RACI table needs item, unit and role columns: role missing"):
        plot.raci_heatmap({"item": ["1"], "unit": ["Công an xã"]})


def test_workload_counts_tasks_and_reports_due_per_unit_and_month(founding_now, tmp_path):
    ax = plot.workload(founding_now)
    table = founding_now.workload().to_pandas().query("role == 'lead'")
    due = (table.tasks + table.occurrences).groupby([table.unit, table.month]).sum()
    month_labels = {f"{m}/2023": f"2023-{m:02}" for m in range(1, 13)}
    drawn = {(unit, month_labels[month]): int(text) for (unit, month), text in cells(ax).items()}
    assert drawn == {key: count for key, count in due.items() if count}
    # Every month from the first to the last, even with nothing due.
    assert [label.get_text() for label in ax.get_xticklabels()] == [f"{m}/2023" for m in range(3, 11)]
    only_tasks = plot.workload(founding_now, occurrences=False)
    assert sum(int(t.get_text()) for t in only_tasks.texts) == table.tasks.sum()
    assert ax.get_title() == "Nhiệm vụ đến hạn theo tháng (chủ trì)"
    save(ax, tmp_path / "workload.png")


def test_status_by_unit_stacks_each_units_tasks_per_category(founding_now, tmp_path):
    ax = plot.status_by_unit(founding_now, role="lead")
    card = founding_now.scorecard().to_pandas().query("role == 'lead'").set_index("unit")
    labels = dict(zip(kehoach._core.Snapshot.category_labels("vi"), kehoach._core.Snapshot.category_names))
    units = [label.get_text() for label in ax.get_yticklabels()]
    assert sorted(units) == sorted(card.index)
    drawn = set()
    for container in ax.containers:
        category = labels[container.get_label()]
        drawn.add(category)
        assert hex_of(container.patches[0].get_facecolor()) == plot.STATUS_COLOURS[category]
        for bar in container.patches:
            assert bar.get_width() == card.loc[units[round(bar.get_y() + bar.get_height() / 2)], category]
    assert drawn == {name for name in labels.values() if card[name].sum()}
    # Stacked: each bar ends at the unit's number of tasks, the largest on top.
    ends = {}
    for container in ax.containers:
        for bar in container.patches:
            row = round(bar.get_y() + bar.get_height() / 2)
            ends[units[row]] = max(ends.get(units[row], 0), bar.get_x() + bar.get_width())
    totals = card[list(labels.values())].sum(axis=1)
    assert ends == totals.to_dict()
    assert [ends[unit] for unit in units] == sorted(ends.values(), reverse=True)
    assert ax.get_title() == "Tình hình thực hiện theo đơn vị (chủ trì) — Tính đến 30/06/2023"
    with pytest.raises(ValueError, match="unknown role 'chair'"):
        plot.status_by_unit(founding_now, role="chair")
    save(ax, tmp_path / "status.png")


def test_burndown_ends_at_the_tasks_due_in_the_year_and_those_done(founding, founding_now, tmp_path):
    ax = plot.burndown(founding_now, founding)
    lines = {line.get_gid(): line for line in ax.lines}
    frame = founding_now.to_pandas()
    tasks = frame[(frame.kind == "task") & (frame.category != "cancelled")]
    due_in_2023 = tasks.due.notna() & (tasks.due <= "2023-12-31")
    assert lines["due"].get_ydata()[-1] == due_in_2023.sum() == 22
    counts = founding_now.counts()
    assert lines["done"].get_ydata()[-1] == counts["done_on_time"] + counts["done_late"] == 6
    # The done line stops at the snapshot's date; the due line runs to the year's end.
    assert lines["done"].get_xdata()[-1] == day("2023-06-30")
    assert lines["due"].get_xdata()[-1] == day("2023-12-31")
    # By 31/3 nine tasks were due and none done.
    march = list(lines["due"].get_xdata()).index(day("2023-03-31"))
    assert (lines["due"].get_ydata()[march], lines["done"].get_ydata()[march]) == (9, 0)
    assert list(lines["as-of"].get_xdata()) == [day("2023-06-30")] * 2
    assert ax.get_title() == "Nhiệm vụ đến hạn và đã hoàn thành năm 2023 — 24/KH-UBND"
    save(ax, tmp_path / "burndown.png")


def test_burndown_of_another_year_has_no_as_of_line(founding_now):
    ax = plot.burndown(founding_now, year=2024, lang="en")
    assert "as-of" not in {line.get_gid() for line in ax.lines}
    assert ax.get_title() == "Tasks due and done in 2024 — 24/KH-UBND"
    with pytest.raises(ValueError, match="is not a plan of this snapshot"):
        plot.burndown(founding_now, small_plan())


def cascade() -> kehoach.Portfolio:
    """A province, a district carrying out one of its tasks, and two communes carrying out the district's."""
    def plan(number, issuer, parent, tasks):
        parents = [{"number": parent[0], "issuer": parent[1]}] if parent else []
        items = [{"id": item, "number": item, "kind": "task", "title": title,
                  "implements": [{"plan": parent[0], "item": of} for of in implements]}
                 for item, title, implements in tasks]
        return json.dumps({"schema": "kehoach/plan@1", "plan": {"number": number, "issuer": issuer, "parents": parents},
                           "items": items}, ensure_ascii=False)
    province = ("12/KH-UBND", "Ủy ban nhân dân tỉnh Gia Lai")
    district = ("39/KH-UBND", "Ủy ban nhân dân huyện Ia Pa")
    return kehoach.Portfolio([
        plan(*province, None, [("1", "Triển khai Đề án 06 trên địa bàn tỉnh", [])]),
        plan(*district, province, [("1", "Tuyên truyền về định danh điện tử", []), ("2", "Số hóa hồ sơ hộ tịch", []),
                                   ("3", "Báo cáo kết quả về tỉnh", ["1"])]),
        plan("24/KH-UBND", "Ủy ban nhân dân xã Chư Răng", district,
             [("a", "Tuyên truyền tại các thôn", ["1"]), ("b", "Tuyên truyền trên loa", ["1"]), ("c", "Số hóa sổ hộ tịch", ["2"])]),
        plan("24/KH-UBND", "Ủy ban nhân dân xã Ia Mrơn", district, [("x", "Báo cáo huyện", ["3"])]),
    ])


def test_coverage_map_counts_the_child_items_carrying_out_each_parent_item(tmp_path):
    portfolio = cascade()
    ax = plot.coverage_map(portfolio)
    chu_rang, ia_mron = "UBND xã Chư Răng 24/KH-UBND", "UBND xã Ia Mrơn 24/KH-UBND"
    district = "UBND huyện Ia Pa 39/KH-UBND"
    assert [label.get_text() for label in ax.get_xticklabels()] == [district, chu_rang, ia_mron]
    assert [label.get_text() for label in ax.get_yticklabels()] == [
        "12/KH-UBND 1  Triển khai Đề án 06 trên địa bàn tỉnh", "39/KH-UBND 1  Tuyên truyền về định danh điện tử",
        "39/KH-UBND 2  Số hóa hồ sơ hộ tịch", "39/KH-UBND 3  Báo cáo kết quả về tỉnh"]
    drawn = {(row.split("  ")[0], column): text for (row, column), text in cells(ax).items()}
    assert drawn == {
        ("12/KH-UBND 1", district): "1",
        ("39/KH-UBND 1", chu_rang): "2", ("39/KH-UBND 1", ia_mron): "0",
        ("39/KH-UBND 2", chu_rang): "1", ("39/KH-UBND 2", ia_mron): "0",
        ("39/KH-UBND 3", chu_rang): "0", ("39/KH-UBND 3", ia_mron): "1",
    }
    # The zeros are coverage's gaps, in red; the communes implement nothing of the province.
    gaps = {(gap.parent_item, plan.issuer) for gap in portfolio.coverage() for plan in gap.missing}
    assert gaps == {("1", "Ủy ban nhân dân xã Ia Mrơn"), ("2", "Ủy ban nhân dân xã Ia Mrơn"), ("3", "Ủy ban nhân dân xã Chư Răng")}
    image = ax.images[0]
    rgba = image.cmap(image.norm(image.get_array()))
    assert hex_of(rgba[1, 2]) == plot._GAP and hex_of(rgba[1, 1]) == plot._COVERED
    assert image.get_array().mask[0, 1] and image.get_array().mask[1, 0]
    save(ax, tmp_path / "coverage.png")


def test_coverage_map_draws_at_most_max_plans():
    ax = plot.coverage_map(cascade(), max_plans=2, lang="en")
    assert len(ax.get_xticklabels()) == 2
    assert ax.get_title() == "Child plans carrying out the parent plan's items\nfirst 2 of 3 plans (max_plans=2)"


def test_a_plot_with_nothing_to_draw_says_so(ia_mo, ia_mo_now):
    def nothing(ax):
        return [text.get_text() for text in ax.texts if text.get_gid() == "nothing"]
    # Nobody is to approve anything in the Ia Mơ plan, and a lone plan implements no other.
    assert nothing(plot.workload(ia_mo_now, role="approver")) == ["Không có gì để vẽ"]
    assert nothing(plot.status_by_unit(ia_mo_now, role="approver", lang="en")) == ["Nothing to draw"]
    assert nothing(plot.coverage_map(kehoach.Portfolio([ia_mo]))) == ["Không có gì để vẽ"]
    assert nothing(plot.raci_heatmap({"item": [], "unit": [], "role": []})) == ["Không có gì để vẽ"]
    assert not nothing(plot.workload(ia_mo_now, role="lead"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_plot_draws_on_a_given_axes_in_either_language(founding, founding_now, lang, tmp_path):
    figure, axes = plt.subplots(3, 2, figsize=(24, 30))
    drawn = [
        plot.gantt(founding.schedule(), founding, snapshot=founding_now, lang=lang, ax=axes[0, 0]),
        plot.raci_heatmap(founding_now, lang=lang, ax=axes[0, 1]),
        plot.workload(founding_now, role=None, lang=lang, ax=axes[1, 0]),
        plot.status_by_unit(founding_now, role=None, lang=lang, ax=axes[1, 1]),
        plot.burndown(founding_now, founding, lang=lang, ax=axes[2, 0]),
        plot.coverage_map(cascade(), lang=lang, ax=axes[2, 1]),
    ]
    assert drawn == list(axes.flat)
    texts = [ax.get_title() for ax in drawn] + [t.get_text() for ax in drawn for t in ax.get_yticklabels()]
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)
    assert (drawn[0].get_title() == "Tiến độ 24/KH-UBND") == (lang == "vi")
    save(drawn[0], tmp_path / f"all-{lang}.png")
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        plot.workload(founding_now, lang="fr")
