"""Plots: a schedule as a Gantt chart, who does what, the load per month, status per unit, the
year's due and done tasks, and which child plans carry out a parent plan.

Every function takes kehoach's own objects (a :class:`~kehoach.Schedule`, a
:class:`~kehoach.Snapshot`, a :class:`~kehoach.Plan`, a :class:`~kehoach.Portfolio`), draws on
``ax`` — a new figure when none is given — and returns the matplotlib ``Axes``. Titles, labels and
legends are Vietnamese; ``lang="en"`` gives them in English. They are drawn in matplotlib's default
font, DejaVu Sans, which has every Vietnamese letter.

matplotlib (and pandas) are imported when a function is first called, not by ``import kehoach``:
the colour constants here serve displays that must not load matplotlib.

Examples
--------
>>> import kehoach, kehoach.plot
>>> plan = kehoach.read_plan("tests/data/tracking/ia-mo-2023.txt")
>>> now = plan.snapshot("tests/data/tracking/ia-mo-2023.status.csv", as_of="2023-06-15")
>>> ax = kehoach.plot.gantt(plan.schedule(), plan, snapshot=now)
>>> ax.figure.savefig("tien-do.png", bbox_inches="tight")
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Union

import numpy as np

from . import _core, _optional
from ._display import STATUS_COLOURS, category_labels, role_labels

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "CRITICAL_COLOUR",
    "ROLE_COLOURS",
    "STATUS_COLOURS",
    "burndown",
    "coverage_map",
    "gantt",
    "raci_heatmap",
    "status_by_unit",
    "workload",
]

DateLike = Union[datetime.date, str]


#: The colour of each role in a RACI matrix: dark for the unit that answers for the item.
ROLE_COLOURS = MappingProxyType({
    "lead": "#0d47a1",
    "support": "#64b5f6",
    "monitor": "#ffb74d",
    "report_to": "#b0bec5",
    "approver": "#6a1b9a",
})

#: Critical items in a Gantt chart: their bars without a snapshot, their outline with one (when
#: the bars carry the status colours).
CRITICAL_COLOUR = "#e65100"

_BAR = "#5c6bc0"  # a Gantt bar that is neither critical nor coloured by status
_GAP = "#ef5350"  # a parent item a child plan carries out nothing of
_COVERED = "#66bb6a"

# Each label in Vietnamese and in English.
_LANGUAGES = ("vi", "en")
_WORDS = {
    "schedule": ("Tiến độ", "Schedule"),
    "work": ("Thực hiện (sớm nhất)", "Work (earliest)"),
    "slack": ("Dự trữ đến hạn muộn nhất", "Slack to the latest finish"),
    "late": ("Trễ sau hạn muộn nhất", "Late beyond the latest finish"),
    "deadline": ("Thời hạn", "Deadline"),
    "critical": ("Công việc găng", "Critical"),
    "continuous": ("Không có ngày xong (thường xuyên, định kỳ)", "No finish (ongoing, recurring)"),
    "waiting": ("chờ sự kiện", "waiting for an event"),
    "as_of": ("Tính đến {day}", "As of {day}"),
    "shown": ("{shown}/{total} mục đầu tiên (max_items={cap})", "first {shown} of {total} items (max_items={cap})"),
    "shown_plans": ("{shown}/{total} kế hoạch đầu tiên (max_plans={cap})",
                    "first {shown} of {total} plans (max_plans={cap})"),
    "raci": ("Phân công thực hiện", "Who does what"),
    "unit": ("Đơn vị", "Unit"),
    "item": ("Nhiệm vụ", "Item"),
    "workload": ("Nhiệm vụ đến hạn theo tháng", "Tasks due per month"),
    "month": ("Tháng", "Month"),
    "status": ("Tình hình thực hiện theo đơn vị", "Status per unit"),
    "tasks": ("Số nhiệm vụ", "Tasks"),
    "burndown": ("Nhiệm vụ đến hạn và đã hoàn thành năm {year}", "Tasks due and done in {year}"),
    "due": ("Đến hạn (cộng dồn)", "Due (cumulative)"),
    "done": ("Đã hoàn thành (cộng dồn)", "Done (cumulative)"),
    "backlog": ("Đến hạn, chưa xong", "Due, not done"),
    "coverage": ("Kế hoạch cấp dưới thực hiện nhiệm vụ của cấp trên", "Child plans carrying out the parent plan's items"),
    "parent_item": ("Nhiệm vụ cấp trên", "Parent item"),
    "child_plan": ("Kế hoạch cấp dưới", "Child plan"),
    "covered": ("Có nhiệm vụ thực hiện (số nhiệm vụ)", "Carried out (items)"),
    "gap": ("Chưa có nhiệm vụ nào", "Nothing carries it out"),
    "nothing": ("Không có gì để vẽ", "Nothing to draw"),
}

# Role letters for the RACI cells: the initials of what the plan writes ("Chủ trì", "Phối hợp"),
# and RACI's letters in English where it has one. The names are the library's (role_labels).
_ROLE_LETTERS = {
    "vi": {"lead": "CT", "support": "PH", "monitor": "TD", "report_to": "BC", "approver": "PD"},
    "en": {"lead": "R", "support": "C", "monitor": "I", "report_to": "RT", "approver": "A"},
}

_ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- Gantt -------------------------------------------------------------------------------------


def gantt(schedule: Any, plan: Any = None, *, snapshot: Any = None, as_of: DateLike | None = None,
          critical: bool = True, dependencies: bool = True, max_items: int = 100, lang: str = "vi",
          ax: Axes | None = None) -> Axes:
    """A Gantt chart of a schedule: one row per task, in the schedule's order.

    A scheduled task has a bar from its early start to its early finish (to the end of that day)
    and a pale bar on to its late finish: the slack; a task that cannot meet its deadline has a
    hatched bar back to its late finish instead: how late it will be. Ongoing and recurring work has a hatched bar
    from its early start to the chart's right edge; a task waiting for an event says so. Groups are
    left out: they finish when their tasks do.

    Parameters
    ----------
    schedule : Schedule
        From :meth:`kehoach.Plan.schedule`, :meth:`kehoach.Portfolio.schedule` or
        :meth:`kehoach.PlanGraph.schedule`.
    plan : Plan, optional
        The plan scheduled: it gives each task's deadline as written (a diamond at its last day)
        and its dependencies (arrows between bars: from the finish or the start of one to the start
        or the finish of the other, as the dependency's type says).
    snapshot : Snapshot, optional
        Colours each bar by the task's status category (:data:`STATUS_COLOURS`); critical tasks
        are then outlined in :data:`CRITICAL_COLOUR`.
    as_of : date or "YYYY-MM-DD", optional
        Draws a dashed vertical line on that day; by default the snapshot's date, if any.
    critical : bool
        Highlight critical tasks (total slack of zero or less).
    dependencies : bool
        Draw the plan's dependencies between tasks that have bars.
    max_items : int
        At most this many tasks are drawn, the first in the schedule's order; the title says how
        many were left out. A chart of thousands of rows cannot be read: filter first.
    lang : {"vi", "en"}
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Each task's artists carry gids: ``work:ID``, ``slack:ID``, ``late:ID``,
        ``continuous:ID``, ``waiting:ID``, ``deadline:ID``, ``dependency:FROM->TO``; the line is
        ``as-of``.

    Examples
    --------
    >>> plan = kehoach.Plan.from_json("examples/plans/chu-rang-2023.plan.json")
    >>> now = plan.snapshot("examples/plans/chu-rang-2023.status.csv", as_of="2023-06-30")
    >>> ax = kehoach.plot.gantt(plan.schedule(), plan, snapshot=now)
    """
    words = _words(lang)
    if max_items < 1:
        raise ValueError(f"max_items must be 1 or more, not {max_items}")
    mdates = _matplotlib().dates
    table = schedule.to_pandas()
    if "kind" in table:
        table = table[table["kind"] != "group"]
    total = len(table)
    if not total:
        return _nothing(ax, words["schedule"], lang)
    table = table.iloc[:max_items]
    keys = list(table["id"])
    rows = {key: row for row, key in enumerate(keys)}
    items = {item.id: item for item in plan.items} if plan is not None else {}
    state = table["state"].to_numpy()
    start = mdates.date2num(table["early_start"].to_numpy())
    finish = mdates.date2num(table["early_finish"].to_numpy()) + 1  # the bar covers the last working day
    late = mdates.date2num(table["late_finish"].to_numpy()) + 1
    is_critical = table["critical"].to_numpy() & critical
    deadlines = {key: _deadline_day(items.get(key)) for key in keys}
    categories = _categories_by_key(snapshot, keys) if snapshot is not None else None
    day = _as_of(as_of, snapshot)

    # The chart spans the schedule, its deadlines and the as-of day, with a week's margin.
    known = [mdates.date2num(np.datetime64(schedule.start)), mdates.date2num(np.datetime64(schedule.horizon)) + 1,
             *start[~np.isnan(start)], *late[~np.isnan(late)],
             *(mdates.date2num(d) for d in deadlines.values() if d is not None)]
    if day is not None:
        known.append(mdates.date2num(day))
    left, right = min(known) - 7, max(known) + 7

    ax = _axes(ax, (12, 1.5 + 0.3 * len(keys)))
    drawn: set[str] = set()
    for row, key in enumerate(keys):
        if categories is not None:
            colour, edge = STATUS_COLOURS[categories[key]], CRITICAL_COLOUR if is_critical[row] else "none"
        else:
            colour, edge = CRITICAL_COLOUR if is_critical[row] else _BAR, "none"
        if state[row] != "waiting":
            drawn.update((categories[key] if categories is not None else "work",
                          "critical" if is_critical[row] else "work"))
        bar = {"height": 0.6, "color": colour}
        if state[row] == "scheduled":
            ax.barh(row, finish[row] - start[row], left=start[row], edgecolor=edge, linewidth=2, gid=f"work:{key}", **bar)
            if late[row] > finish[row]:
                ax.barh(row, late[row] - finish[row], left=finish[row], alpha=0.25, gid=f"slack:{key}", **bar)
                drawn.add("slack")
            elif late[row] < finish[row]:
                # Negative slack: a one-day bar hides how late the task is; this shows it.
                ax.barh(row, finish[row] - late[row], left=late[row], alpha=0.35, hatch="xxx", edgecolor="white",
                        linewidth=0, gid=f"late:{key}", **bar)
                drawn.add("late")
        elif state[row] == "continuous":
            ax.barh(row, right - start[row], left=start[row], alpha=0.45, hatch="///", edgecolor="white", linewidth=0,
                    gid=f"continuous:{key}", **bar)
            drawn.add("continuous")
        else:
            ax.text(left + 1, row, words["waiting"], va="center", fontsize="small", fontstyle="italic",
                    color=STATUS_COLOURS["waiting"], gid=f"waiting:{key}")
        if deadlines[key] is not None:
            ax.plot(mdates.date2num(deadlines[key]) + 1, row, marker="D", markersize=5, color="black",
                    linestyle="none", gid=f"deadline:{key}")
            drawn.add("deadline")
    if dependencies:
        _dependency_arrows(ax, table, items, rows, start, finish)
    if day is not None:
        _as_of_line(ax, day, lang)

    ax.set_xlim(left, right)
    ax.set_ylim(len(keys) - 0.5, -0.5)  # the first task on top
    titles = table["title"] if "title" in table else [""] * len(keys)  # a graph from tables has no titles
    ax.set_yticks(range(len(keys)), [_item_label(key, title) for key, title in zip(keys, titles)], fontsize="small")
    _date_axis(ax.xaxis, left, right, lang)
    title = words["schedule"] + (f" {plan.number}" if plan is not None and plan.number else "")
    if total > len(keys):
        title += "\n" + words["shown"].format(shown=len(keys), total=total, cap=max_items)
    ax.set_title(title)
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(handles=_gantt_legend(drawn, snapshot is not None, lang), loc="upper left",
              bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    return ax


def _deadline_day(item: Any) -> datetime.date | None:
    """The last day of a task's deadline as written; none for ongoing and recurring work."""
    deadline = item.deadline if item is not None else None
    if deadline is None or deadline.kind in ("ongoing", "recurring"):
        return None
    return deadline.end


def _categories_by_key(snapshot: Any, keys: Sequence[Any]) -> dict[Any, str]:
    frame = snapshot.to_pandas()
    # A portfolio's schedule names items by (plan number, id); a plan's by id.
    if keys and isinstance(keys[0], tuple):
        snapshot_keys = zip(frame["plan"], frame["id"])
    else:
        snapshot_keys = frame["id"]
    categories = dict(zip(snapshot_keys, frame["category"].astype(str)))
    missing = [key for key in keys if key not in categories]
    if missing:
        raise ValueError(f"the snapshot has no item {missing[0]!r} of the schedule: is it of the same plan?")
    return categories


def _dependency_arrows(ax: Axes, table: Any, items: dict[str, Any], rows: dict[Any, int], start: np.ndarray,
                       finish: np.ndarray) -> None:
    """Arrows from the side of a predecessor's bar its dependency type names to the successor's."""
    for target, key in enumerate(table["id"]):
        item = items.get(key)
        for dependency in item.dependencies if item is not None else ():
            source = rows.get(dependency.get("item"))
            if source is None:
                continue  # on an event, a group, or an item beyond max_items
            kind = dependency["type"]
            x_from = start[source] if kind == "start_to_start" else finish[source]
            x_to = finish[target] if kind == "finish_to_finish" else start[target]
            if np.isnan(x_from) or np.isnan(x_to):
                continue  # waiting work has no dates yet, ongoing work no finish
            ax.annotate("", xy=(x_to, target), xytext=(x_from, source), gid=f"dependency:{dependency['item']}->{key}",
                        arrowprops={"arrowstyle": "-|>", "color": "#455a64", "linewidth": 0.8,
                                    "connectionstyle": "arc3,rad=-0.2", "shrinkA": 0, "shrinkB": 2})


def _gantt_legend(drawn: set[str], by_status: bool, lang: str) -> list[Any]:
    """Legend entries for what the chart shows, in a fixed order."""
    mpl = _matplotlib()
    words, labels = _words(lang), category_labels(lang)
    patch, grey = mpl.patches.Patch, "#9e9e9e"
    handles = [patch(color=STATUS_COLOURS[name], label=labels[name]) for name in _core.Snapshot.category_names
               if name in drawn]
    if "work" in drawn and not by_status:
        handles.append(patch(color=_BAR, label=words["work"]))
    if "critical" in drawn:
        handles.append(patch(facecolor="white", edgecolor=CRITICAL_COLOUR, linewidth=2, label=words["critical"])
                       if by_status else patch(color=CRITICAL_COLOUR, label=words["critical"]))
    if "slack" in drawn:
        handles.append(patch(color=grey, alpha=0.25, label=words["slack"]))
    if "late" in drawn:
        handles.append(patch(facecolor=grey, alpha=0.35, hatch="xxx", edgecolor="white", label=words["late"]))
    if "continuous" in drawn:
        handles.append(patch(facecolor=grey, alpha=0.45, hatch="///", edgecolor="white", label=words["continuous"]))
    if "deadline" in drawn:
        handles.append(mpl.lines.Line2D([], [], marker="D", markersize=5, color="black", linestyle="none",
                                        label=words["deadline"]))
    return handles


def _item_label(key: Any, title: str) -> str:
    return f"{_key_text(key)}  {_shorten(title, 50)}" if title else _key_text(key)


# --- RACI --------------------------------------------------------------------------------------


def raci_heatmap(source: Any, *, max_items: int = 100, lang: str = "vi", ax: Axes | None = None) -> Axes:
    """Who does what: units down the side, items across, each cell the unit's roles on the item.

    A cell shows the roles' letters (Vietnamese: CT chủ trì, PH phối hợp, TD theo dõi, BC nhận báo
    cáo, PD phê duyệt; English: R, C, I, RT, A) and the colour of its first role in the order
    lead, support, monitor, report_to, approver (:data:`ROLE_COLOURS`). Units are ordered by the
    number of items they lead, most first; items keep the plan's order.

    Parameters
    ----------
    source : Snapshot, Plan, Portfolio, or a RACI table
        A snapshot's :meth:`~kehoach.Snapshot.raci`, a plan's or portfolio's roles, or a table (a
        :class:`kehoach.Table` or DataFrame) with ``item``, ``unit``, ``role`` and optionally
        ``plan`` columns. In a portfolio each plan's units are its own.
    max_items : int
        At most this many items (columns), the first in order; the title says how many were left out.
    lang : {"vi", "en"}
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        The cell at column ``j``, row ``i`` is the ``j``-th item and the ``i``-th unit of the tick labels.

    Examples
    --------
    >>> plan = kehoach.read_plan("tests/data/tracking/ia-mo-2023.txt")
    >>> ax = kehoach.plot.raci_heatmap(plan)
    """
    words = _words(lang)
    if max_items < 1:
        raise ValueError(f"max_items must be 1 or more, not {max_items}")
    frame = _raci_frame(source)
    if not len(frame):
        return _nothing(ax, words["raci"], lang)
    several = "plan" in frame and frame["plan"].nunique() > 1
    item_key = list(zip(frame["plan"], frame["item"])) if several else list(frame["item"])
    unit_key = list(zip(frame["plan"], frame["unit"])) if several else list(frame["unit"])
    all_items = list(dict.fromkeys(item_key))
    items = all_items[:max_items]
    item_column = {key: j for j, key in enumerate(items)}
    leads: dict[Any, int] = {}
    for unit, role in zip(unit_key, frame["role"]):
        leads[unit] = leads.get(unit, 0) + (role == "lead")
    units = sorted(leads, key=lambda unit: -leads[unit])  # stable: ties keep their first appearance
    unit_row = {key: i for i, key in enumerate(units)}

    role_names = list(_core.role_names)
    cells: dict[tuple[int, int], list[str]] = {}
    for item, unit, role in zip(item_key, unit_key, frame["role"]):
        if item in item_column:
            cells.setdefault((unit_row[unit], item_column[item]), []).append(role)
    colour_of = np.full((len(units), len(items)), np.nan)
    ax = _axes(ax, (5 + 0.32 * len(items), 2 + 0.35 * len(units)))
    letters, names = _ROLE_LETTERS[lang], role_labels(lang)
    for (i, j), roles in cells.items():
        roles.sort(key=role_names.index)
        colour_of[i, j] = role_names.index(roles[0])
        dark = roles[0] in ("lead", "approver")
        ax.text(j, i, "/".join(letters[role] for role in roles), ha="center", va="center", fontsize="x-small",
                color="white" if dark else "black")
    mpl = _matplotlib()
    cmap = mpl.colors.ListedColormap([ROLE_COLOURS[name] for name in role_names])
    cmap.set_bad("white")
    ax.imshow(np.ma.masked_invalid(colour_of), cmap=cmap, vmin=-0.5, vmax=len(role_names) - 0.5, aspect="auto",
              interpolation="nearest")
    ax.set_xticks(range(len(items)), [_key_text(key) for key in items], rotation=90, fontsize="x-small")
    ax.set_yticks(range(len(units)), [_key_text(key) for key in units], fontsize="small")
    ax.set_xticks(np.arange(len(items) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(units) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="#e0e0e0", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    used = {role for roles in cells.values() for role in roles}
    ax.legend(handles=[mpl.patches.Patch(color=ROLE_COLOURS[name], label=f"{letters[name]}: {names[name]}")
                       for name in role_names if name in used],
              loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    title = words["raci"]
    if len(all_items) > len(items):
        title += "\n" + words["shown"].format(shown=len(items), total=len(all_items), cap=max_items)
    ax.set_title(title)
    ax.set_xlabel(words["item"])
    ax.set_ylabel(words["unit"])
    return ax


def _raci_frame(source: Any) -> Any:
    pd = _optional.pandas("kehoach.plot.raci_heatmap()")
    if hasattr(source, "snapshot") and not hasattr(source, "raci"):
        # A plan's roles do not depend on any status: an empty log gives them without one.
        from .track import StatusLog

        source = source.snapshot(StatusLog())
    if hasattr(source, "raci"):
        source = source.raci()
    if hasattr(source, "to_pandas"):
        source = source.to_pandas()
    frame = pd.DataFrame(source)
    missing = [name for name in ("item", "unit", "role") if name not in frame]
    if missing:
        raise ValueError(f"a RACI table needs item, unit and role columns: {', '.join(missing)} missing")
    return frame


# --- Workload and status per unit --------------------------------------------------------------


def workload(snapshot: Any, role: str | None = "lead", *, occurrences: bool = True, lang: str = "vi",
             ax: Axes | None = None) -> Axes:
    """Tasks due per unit and month, as a heatmap with the counts written in.

    Parameters
    ----------
    snapshot : Snapshot
        Its :meth:`~kehoach.Snapshot.workload` table is drawn.
    role : {"lead", "support", "monitor"} or None
        Count the tasks a unit has this role on; None counts every role.
    occurrences : bool
        Count each occurrence of recurring work (a monthly report is due every month) beside the tasks.
    lang : {"vi", "en"}
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Units down the side, most loaded first; every month from the first to the last with work
        due across, empty cells left blank.

    Examples
    --------
    >>> now = plan.snapshot("examples/plans/chu-rang-2023.status.csv", as_of="2023-06-30")
    >>> ax = kehoach.plot.workload(now, role="lead")
    """
    words = _words(lang)
    frame = snapshot.workload().to_pandas()
    frame = _of_role(frame, role)
    frame = frame.assign(count=frame["tasks"] + (frame["occurrences"] if occurrences else 0))
    frame = frame[frame["count"] > 0]
    title = words["workload"] + _role_suffix(role, lang)
    if not len(frame):
        return _nothing(ax, title, lang)
    frame = frame.assign(unit=_unit_labels(frame))
    months = _month_range(frame["month"])
    table = frame.pivot_table(index="unit", columns="month", values="count", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=months, fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    values = table.to_numpy()
    ax = _axes(ax, (4 + 0.6 * len(months), 2 + 0.35 * len(table)))
    shown = np.where(values > 0, values, np.nan)
    # The scale runs past the largest count so that its cell stays light enough to read.
    ax.imshow(np.ma.masked_invalid(shown), cmap="YlOrRd", vmin=0, vmax=max(int(values.max(initial=0)), 1) * 1.25,
              aspect="auto", interpolation="nearest")
    for (i, j), count in np.ndenumerate(values):
        if count:
            ax.text(j, i, str(count), ha="center", va="center", fontsize="small")
    ax.set_xticks(range(len(months)), [_month_text(_month_start(month), lang) for month in months],
                  rotation=90 if len(months) > 12 else 0, fontsize="small")
    ax.set_yticks(range(len(table)), list(table.index), fontsize="small")
    ax.set_xlabel(words["month"])
    ax.set_title(title)
    return ax


def status_by_unit(snapshot: Any, role: str | None = "lead", *, lang: str = "vi", ax: Axes | None = None) -> Axes:
    """Tasks per status category for each unit, as stacked bars in :data:`STATUS_COLOURS`.

    Parameters
    ----------
    snapshot : Snapshot
        Its :meth:`~kehoach.Snapshot.scorecard` is drawn.
    role : {"lead", "support", "monitor"} or None
        The tasks a unit has this role on; None adds the roles up (a task counts once per role).
    lang : {"vi", "en"}
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        One bar container per category drawn (``ax.containers``), labelled with the category's
        name in ``lang``; units down the side, most tasks first.

    Examples
    --------
    >>> now = plan.snapshot("examples/plans/chu-rang-2023.status.csv", as_of="2023-06-30")
    >>> ax = kehoach.plot.status_by_unit(now)
    """
    words = _words(lang)
    categories = list(_core.Snapshot.category_names)
    frame = _of_role(snapshot.scorecard().to_pandas(), role)
    title = (words["status"] + _role_suffix(role, lang) + " — "
             + words["as_of"].format(day=_day_text(snapshot.as_of, lang)))
    if not len(frame):
        return _nothing(ax, title, lang)
    frame = frame.assign(unit=_unit_labels(frame)).groupby("unit", sort=False)[categories].sum()
    frame = frame.loc[frame.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    ax = _axes(ax, (10, 1.5 + 0.4 * len(frame)))
    labels = category_labels(lang)
    left = np.zeros(len(frame))
    for name in categories:
        counts = frame[name].to_numpy()
        if counts.any():
            ax.barh(range(len(frame)), counts, left=left, color=STATUS_COLOURS[name], label=labels[name], height=0.7)
            left += counts
    ax.set_yticks(range(len(frame)), list(frame.index), fontsize="small")
    ax.set_ylim(len(frame) - 0.5, -0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel(words["tasks"])
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    return ax


def _of_role(frame: Any, role: str | None) -> Any:
    if role is None:
        return frame
    if role not in _core.role_names:
        raise ValueError(f"unknown role {role!r} (expected one of: {', '.join(_core.role_names)}, or None)")
    return frame[frame["role"] == role]


def _unit_labels(frame: Any) -> list[str]:
    """Unit names, with their plan's number when the table spans several plans (a portfolio's
    units are each plan's own)."""
    if frame["plan"].nunique() > 1:
        return [f"{unit} ({plan})" for unit, plan in zip(frame["unit"], frame["plan"])]
    return list(frame["unit"])


def _role_suffix(role: str | None, lang: str) -> str:
    return "" if role is None else f" ({role_labels(lang)[role].lower()})"


# --- Burn-down ---------------------------------------------------------------------------------


def burndown(snapshot: Any, plan: Any = None, year: int | None = None, *, lang: str = "vi",
             ax: Axes | None = None) -> Axes:
    """Tasks due and tasks done, each counted up over the year, with the snapshot's date.

    The tasks counted are those with a due day (the deadline after the rest-day roll) by the end of
    the year and not cancelled; those due before the year count from its first day. The gap
    between the two lines up to the snapshot's date is work due and not done. Ongoing work, tasks
    without a deadline and tasks waiting for an event have no due day and are left out.

    Parameters
    ----------
    snapshot : Snapshot
    plan : Plan, optional
        Count only this plan's tasks (of a portfolio's snapshot); its number goes in the title.
        A snapshot of one plan uses that plan.
    year : int, optional
        By default the plan's issue year, else the snapshot's.
    lang : {"vi", "en"}
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Two step lines, ``due`` and ``done`` (their gids); the done line stops at the snapshot's date.

    Examples
    --------
    >>> now = plan.snapshot("examples/plans/chu-rang-2023.status.csv", as_of="2023-06-30")
    >>> ax = kehoach.plot.burndown(now, plan)
    """
    words = _words(lang)
    mdates = _matplotlib().dates
    frame = snapshot.to_pandas()
    plans = snapshot._plans
    if plan is None and len(plans) == 1:
        plan = plans[0]
    if plan is not None:
        frame = frame.iloc[_rows_of(plan, plans)]
    if year is None:
        year = plan.date.year if plan is not None and plan.date else snapshot.as_of.year
    first, last = np.datetime64(f"{year}-01-01", "D"), np.datetime64(f"{year}-12-31", "D")
    due = frame["due"].to_numpy().astype("datetime64[D]")
    counted = (frame["kind"].to_numpy() == "task") & (frame["category"].to_numpy() != "cancelled") & ~np.isnat(due)
    counted &= due <= last
    due = np.sort(due[counted])
    done = frame["done_on"].to_numpy().astype("datetime64[D]")[counted]
    done = np.sort(done[~np.isnat(done)])

    as_of = np.datetime64(snapshot.as_of, "D")
    days = np.arange(first, last + 1)
    until = days[days <= as_of]
    ax = _axes(ax, (10, 5))
    due_line = np.searchsorted(due, days, side="right")
    done_line = np.searchsorted(done, until, side="right")
    x_days, x_until = mdates.date2num(days), mdates.date2num(until)
    ax.step(x_days, due_line, where="post", color=STATUS_COLOURS["overdue"], label=words["due"], gid="due")
    ax.step(x_until, done_line, where="post", color=STATUS_COLOURS["done_on_time"], label=words["done"], gid="done")
    ax.fill_between(x_until, done_line, due_line[: len(until)], step="post", where=due_line[: len(until)] > done_line,
                    color=STATUS_COLOURS["overdue"], alpha=0.12, label=words["backlog"])
    if first <= as_of <= last:
        _as_of_line(ax, snapshot.as_of, lang)
    ax.set_xlim(x_days[0], x_days[-1] + 1)
    ax.set_ylim(0, max(len(due), 1) * 1.08)
    ax.yaxis.get_major_locator().set_params(integer=True)
    _date_axis(ax.xaxis, x_days[0], x_days[-1], lang)
    ax.set_ylabel(words["tasks"])
    ax.set_title(words["burndown"].format(year=year) + (f" — {plan.number}" if plan is not None and plan.number else ""))
    ax.grid(color="#e0e0e0", linewidth=0.6)
    ax.legend(loc="upper left", fontsize="small")
    return ax


def _rows_of(plan: Any, plans: Sequence[Any]) -> slice:
    """A snapshot's rows are its plans' items, plan after plan."""
    offset = 0
    for candidate in plans:
        if candidate is plan:
            return slice(offset, offset + len(candidate.items))
        offset += len(candidate.items)
    raise ValueError(f"{plan!r} is not a plan of this snapshot")


# --- Coverage ----------------------------------------------------------------------------------


def coverage_map(portfolio: Any, *, max_items: int = 100, max_plans: int = 50, lang: str = "vi",
                 ax: Axes | None = None) -> Axes:
    """Which child plans carry out which parent items: parent items down the side, child plans
    across.

    A cell is green with the number of the child plan's items that implement the parent item, red
    with 0 where the child plan implements the parent plan yet carries out nothing of that item
    (:meth:`kehoach.Portfolio.coverage`), and blank where the child plan does not implement that
    parent plan.

    Parameters
    ----------
    portfolio : Portfolio
    max_items, max_plans : int
        At most this many parent items (rows) and child plans (columns), the first in the
        portfolio's order; the title says how many were left out.
    lang : {"vi", "en"}
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> portfolio = kehoach.Portfolio.from_folder("plans/")
    >>> ax = kehoach.plot.coverage_map(portfolio)
    """
    words = _words(lang)
    if max_items < 1 or max_plans < 1:
        raise ValueError(f"max_items and max_plans must be 1 or more, not {max_items} and {max_plans}")
    plans = portfolio.plans
    position = {id(plan): k for k, plan in enumerate(plans)}
    counts: dict[tuple[int, str, int], int] = {}
    for link in portfolio.links():
        key = (position[id(link.parent_plan)], link.parent_item, position[id(link.child_plan)])
        counts[key] = counts.get(key, 0) + 1
    for gap in portfolio.coverage():
        for child in gap.missing:
            counts[(position[id(gap.parent_plan)], gap.parent_item, position[id(child)])] = 0
    if not counts:
        return _nothing(ax, words["coverage"], lang)
    order = {(k, item.id): n for k, plan in enumerate(plans) for n, item in enumerate(plan.items)}
    all_rows = sorted({(p, item) for p, item, _ in counts}, key=lambda key: (key[0], order[key]))
    all_columns = sorted({c for _, _, c in counts})
    rows, columns = all_rows[:max_items], all_columns[:max_plans]
    row_of = {key: i for i, key in enumerate(rows)}
    column_of = {c: j for j, c in enumerate(columns)}

    mpl = _matplotlib()
    # Room beside the cells for the items' titles and the legend.
    ax = _axes(ax, (7 + 0.45 * len(columns), 3 + 0.35 * len(rows)))
    colour = np.full((len(rows), len(columns)), np.nan)
    for (p, item, c), count in counts.items():
        i, j = row_of.get((p, item)), column_of.get(c)
        if i is None or j is None:
            continue
        colour[i, j] = 1 if count else 0
        ax.text(j, i, str(count), ha="center", va="center", fontsize="small", color="black")
    cmap = mpl.colors.ListedColormap([_GAP, _COVERED])
    cmap.set_bad("white")
    ax.imshow(np.ma.masked_invalid(colour), cmap=cmap, vmin=-0.5, vmax=1.5, aspect="auto", interpolation="nearest")
    several = len({p for p, _ in rows}) > 1
    ax.set_yticks(range(len(rows)), [_item_label((plans[p].number, item) if several else item,
                                                 plans[p].item(item).title) for p, item in rows], fontsize="small")
    ax.set_xticks(range(len(columns)), [_plan_label(plans[c]) for c in columns], rotation=90, fontsize="small")
    ax.set_xticks(np.arange(len(columns) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(rows) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="#e0e0e0", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    ax.set_xlabel(words["child_plan"])
    ax.set_ylabel(words["parent_item"])
    title = words["coverage"]
    if len(all_rows) > len(rows):
        title += "\n" + words["shown"].format(shown=len(rows), total=len(all_rows), cap=max_items)
    if len(all_columns) > len(columns):
        title += "\n" + words["shown_plans"].format(shown=len(columns), total=len(all_columns), cap=max_plans)
    ax.set_title(title)
    ax.legend(handles=[mpl.patches.Patch(color=_COVERED, label=words["covered"]),
                       mpl.patches.Patch(color=_GAP, label=words["gap"])],
              loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small", frameon=False)
    return ax


def _plan_label(plan: Any) -> str:
    """Child plans often share a number (every commune's 24/KH-UBND): name the issuer too, as
    documents abbreviate it."""
    issuer = plan.place or plan.issuer.replace("Ủy ban nhân dân", "UBND")
    return f"{_shorten(issuer, 32)} {plan.number}".strip()


# --- Shared ------------------------------------------------------------------------------------


def _matplotlib() -> Any:
    """matplotlib with the modules the plots use, imported on first use."""
    try:
        import matplotlib
        import matplotlib.colors
        import matplotlib.dates
        import matplotlib.lines
        import matplotlib.patches
        import matplotlib.pyplot
        import matplotlib.ticker
    except ImportError as error:  # the message is the point; tested by hiding the module
        raise ImportError(
            "kehoach.plot needs matplotlib: install it (Debian: apt-get install python3-matplotlib; "
            "pip: pip install 'kehoach[plot]')"
        ) from error
    return matplotlib


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, ax = _matplotlib().pyplot.subplots(figsize=size, layout="constrained")
    return ax


def _nothing(ax: Axes | None, title: str, lang: str) -> Axes:
    """Says there is nothing to draw, rather than leaving empty axes that look broken."""
    ax = _axes(ax, (6, 2))
    ax.text(0.5, 0.5, _words(lang)["nothing"], ha="center", va="center", transform=ax.transAxes, gid="nothing")
    ax.set_axis_off()
    ax.set_title(title)
    return ax


def _words(lang: str) -> dict[str, str]:
    if lang not in _LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (expected one of: {', '.join(_LANGUAGES)})")
    return {key: pair[_LANGUAGES.index(lang)] for key, pair in _WORDS.items()}


def _as_of(as_of: DateLike | None, snapshot: Any) -> datetime.date | None:
    if as_of is None:
        return snapshot.as_of if snapshot is not None else None
    return as_of if isinstance(as_of, datetime.date) else datetime.date.fromisoformat(as_of)


def _as_of_line(ax: Axes, day: datetime.date, lang: str) -> None:
    x = _matplotlib().dates.date2num(day)
    ax.axvline(x, color="black", linestyle="--", linewidth=1, gid="as-of")
    ax.annotate(_words(lang)["as_of"].format(day=_day_text(day, lang)), xy=(x, 1),
                xycoords=("data", "axes fraction"), xytext=(3, -3), textcoords="offset points", va="top",
                fontsize="small")


def _day_text(day: datetime.date, lang: str) -> str:
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def _month_text(day: datetime.date, lang: str) -> str:
    return f"{day.month}/{day.year}" if lang == "vi" else f"{_ENGLISH_MONTHS[day.month - 1]} {day.year}"


def _month_start(month: str) -> datetime.date:
    return datetime.date.fromisoformat(month + "-01")


def _month_range(months: Any) -> list[str]:
    """Every month from the first to the last named, as "YYYY-MM"."""
    first, last = _month_start(min(months)), _month_start(max(months))
    count = (last.year - first.year) * 12 + last.month - first.month + 1
    return [f"{first.year + (first.month - 1 + k) // 12:04}-{(first.month - 1 + k) % 12 + 1:02}" for k in range(count)]


def _date_axis(axis: Any, left: float, right: float, lang: str) -> None:
    """Ticks on the first of the month, a dozen at most, written the reader's way; on Mondays
    when the chart spans less than three months."""
    mpl = _matplotlib()
    months = (right - left) / 30.44
    if months < 3:
        axis.set_major_locator(mpl.dates.WeekdayLocator(mpl.dates.MO))
        text = _day_text
    else:
        axis.set_major_locator(mpl.dates.MonthLocator(interval=math.ceil(months / 12)))
        text = _month_text
    axis.set_major_formatter(mpl.ticker.FuncFormatter(lambda x, _: text(mpl.dates.num2date(x).date(), lang)))


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _key_text(key: Any) -> str:
    return " ".join(str(part) for part in key) if isinstance(key, tuple) else str(key)
