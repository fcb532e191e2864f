"""HTML for notebooks: what Jupyter shows for a plan, an item, a schedule, a snapshot, a result
table, lint findings and a portfolio (their ``_repr_html_``).

Pure functions from kehoach's objects to HTML text, as iminuit's ``_repr_html.py`` does it: no
pandas, no matplotlib, no stylesheet or script from outside. Styles are inline, because a notebook
shares one page between every cell's output and a ``<style>`` of ours would reach into the others.
Every string is escaped by :func:`_tag`, the one function that writes markup, and attributes come
out sorted: the same object always gives the same text, which the golden files of
``tests/python/test_display.py`` hold.

Tables show their first :data:`ROWS` rows, then how many more there are. An object of more than
:data:`HUGE` rows — a national portfolio's — shows its header alone: reading even its first rows
costs Python work per item, and a sample in document order says nothing about the whole.
Labels are Vietnamese, as the reports are.
"""

from __future__ import annotations

import datetime
import html
import itertools
import math
from collections.abc import Iterable, Sequence
from types import MappingProxyType
from typing import Any

import numpy as np

from . import _core

__all__ = ["HUGE", "ROWS", "SEVERITY_COLOURS", "STATUS_COLOURS"]

ROWS = 25
HUGE = 50_000
TITLE_WIDTH = 80  # characters of a title in a cell; the whole title is the cell's tooltip

#: The colour of each status category, in the snapshot's order: greens for done (pale when late),
#: blue for work under way, red for overdue, greys for what is not yet or no longer tracked,
#: purple for waiting and teal for ongoing work. The package's one palette: the bars of
#: kehoach.plot and the cells of these tables, whose text is black or white as reads best (_ink).
STATUS_COLOURS = MappingProxyType({
    "done_on_time": "#2e7d32",
    "done_late": "#9ccc65",
    "in_progress": "#1e88e5",
    "overdue": "#d32f2f",
    "not_due": "#bdbdbd",
    "waiting": "#8e24aa",
    "ongoing": "#00897b",
    "cancelled": "#616161",
})
SEVERITY_COLOURS = {"error": "#f4a7a3", "warning": "#f9d99a", "info": "#a9c8ec"}

def _on(background: str) -> str:
    """A cell's style on `background`: black text on light colours, white on dark (WCAG relative
    luminance, with the threshold where both contrasts are equal)."""
    channels = [int(background[k:k + 2], 16) / 255 for k in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return f"background-color:{background};color:{'black' if luminance > 0.179 else 'white'}"


def category_labels(lang: str = "vi") -> dict[str, str]:
    """Each status category as reports name it (the library's label()), by category name."""
    return dict(zip(_core.Snapshot.category_names, _core.Snapshot.category_labels(lang)))


def role_labels(lang: str = "vi") -> dict[str, str]:
    """Each role as plans and reports name it (the library's label()), by role name."""
    return dict(zip(_core.role_names, _core.role_labels(lang)))


# What `kehoach lint` and the reports call them.
_LABELS = category_labels()
_SEVERITIES = {"error": "lỗi", "warning": "cảnh báo", "info": "lưu ý"}
_ROLES = role_labels()
_LEVELS = {"national": "Trung ương", "province": "Tỉnh", "district": "Huyện", "commune": "Xã", None: "Không rõ cấp"}
_KINDS = {"task": "nhiệm vụ", "group": "nhóm"}
_SCHEDULE_STATES = {"continuous": "thường xuyên", "waiting": "chờ sự kiện"}
# Result tables and their columns in the monthly report's words; a category column takes the
# category's label, and a name missing here is shown as it is.
_TABLES = {"Scorecard": "Kết quả theo đơn vị", "RACI": "Phân công (RACI)", "Workload": "Khối lượng theo tháng",
           "Compliance": "Báo cáo định kỳ", "Occurrences": "Các kỳ báo cáo", "PlanRollup": "Tình hình theo kế hoạch",
           "Cascade": "Tình hình theo cấp"}
_COLUMNS = {"unit": "Đơn vị", "plan": "Kế hoạch", "role": "Vai trò", "item": "Mục", "level": "Cấp", "due": "Đến hạn",
            "stale": "Chậm cập nhật", "on_time_rate": "Tỷ lệ đúng hạn", "completion_rate": "Tỷ lệ hoàn thành"}

# Notebooks style tables themselves (borders, padding, striped rows) and right-align every cell:
# the only styles set here align text left, numbers right, and colour the categories.
_CELL = "text-align:left"
_NUMBER = "text-align:right"
_MARK = "text-align:center"
_NOTE = "color:#666;margin:2px 0"


class _Html(str):
    """Markup built by :func:`_tag`: written as it is, where any other string is escaped."""


def _tag(name: str, *children: Any, lines: bool = False, **attributes: Any) -> _Html:
    """``<name attributes>children</name>``: None leaves a child or an attribute out; ``lines`` puts
    each child on a line of its own, so that a golden file's diff shows the row that changed."""
    attrs = "".join(f' {key}="{html.escape(str(value))}"'
                    for key, value in sorted(attributes.items()) if value is not None)
    gap = "\n" if lines else ""
    body = gap.join(child if isinstance(child, _Html) else html.escape(str(child)) for child in children if child is not None)
    return _Html(f"<{name}{attrs}>{gap}{body}{gap}</{name}>")


def _cell(value: Any, style: str = _CELL, title: str | None = None) -> _Html:
    return _tag("td", value, style=style, title=title)


def _title_cell(text: str, style: str = _CELL) -> _Html:
    if len(text) <= TITLE_WIDTH:
        return _cell(text, style)
    return _cell(text[: TITLE_WIDTH - 1].rstrip() + "…", style, title=text)


def _status_cell(category: str) -> _Html:
    return _cell(_LABELS[category], f"{_CELL};{_on(STATUS_COLOURS[category])}")


def _table(header: Sequence[Any], rows: Iterable[Sequence[Any]], total: int) -> _Html:
    """The first ROWS rows of ``total``; a row's cells are values or ready ``<td>``s."""
    head = _tag("tr", *(cell if isinstance(cell, _Html) else _tag("th", cell, style=_CELL) for cell in header))
    body = [_tag("tr", *(cell if isinstance(cell, _Html) else _cell(cell) for cell in row))
            for row in itertools.islice(rows, ROWS)]
    table = _tag("table", _tag("thead", head), _tag("tbody", *body, lines=True), lines=True)
    more = _tag("p", f"… và {total - ROWS} dòng khác", style=_NOTE) if total > ROWS else None
    return _tag("div", table, more, lines=True)


def _block(header: _Html, *parts: _Html | None) -> str:
    """What ``_repr_html_`` returns: the header, then the parts, one to a line."""
    return str(_tag("div", header, *parts, lines=True)) + "\n"


def _header(name: str, *facts: str | None) -> _Html:
    """The object's name in bold, then what sums it up, separated by middle dots."""
    shown = [fact for fact in facts if fact]
    return _tag("p", _tag("b", name), *(" · " + fact for fact in shown), style="margin:2px 0")


def _too_big(total: int, what: str) -> _Html:
    return _tag("p", f"Quá nhiều để hiện thành bảng ({total} dòng): xem bằng {what}", style=_NOTE)


def _day(value: Any) -> str:
    """A date, a numpy datetime64 (NaT for none) or None as ``YYYY-MM-DD`` or a dash."""
    if value is None or (isinstance(value, np.datetime64) and np.isnat(value)):
        return "—"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value.astype("datetime64[D]"))


def _rate(value: float) -> str:
    """As the reports write a rate: ``83,3%``, a dash when nothing is due."""
    return "—" if math.isnan(value) else f"{value * 100:.1f}%".replace(".", ",")


def _leads(item: Any) -> str:
    return "; ".join(item.roles["lead"])


def _deadline_text(item: Any) -> str:
    return item.deadline.text if item.deadline else "—"


def _plan_name(plan: Any) -> str:
    return f"Kế hoạch {plan.number}" if plan.number else "Kế hoạch không số"


def plan_html(plan: Any) -> str:
    total = len(plan)
    items = plan.items if total <= HUGE else []
    tasks = sum(1 for item in items if item.kind == "task")
    split = f" ({tasks} nhiệm vụ, {total - tasks} nhóm)" if items else ""
    header = _header(_plan_name(plan), plan.issuer, f"ban hành {_day(plan.date)}" if plan.date else None,
                     f"{total} mục{split}", f"{len(plan.units)} đơn vị", f"{len(plan.events)} sự kiện")
    title = _tag("p", plan.title, style="margin:2px 0") if plan.title else None
    if total > HUGE:
        return _block(header, title, _too_big(total, "plan.items"))
    rows = ([_cell(item.id, _group_style(item)), _title_cell(item.title, _group_style(item)), _leads(item), _deadline_text(item)]
            for item in items)
    return _block(header, title, _table(["Số", "Nội dung", "Chủ trì", "Thời hạn"], rows, total))


def _group_style(item: Any) -> str:
    """Groups in bold: they head the tasks below them."""
    return f"{_CELL};font-weight:bold" if item.kind == "group" else _CELL


def item_html(item: Any) -> str:
    rows = [["Nội dung", item.title]]
    rows += [[_ROLES[role], "; ".join(units)] for role, units in item.roles.items() if units]
    if item.deadline:
        rows.append(["Thời hạn", _deadline_days(item.deadline)])
    if item.depends_on:
        rows.append(["Sau", ", ".join(item.depends_on)])
    body = [_tag("tr", _tag("th", name, style=_CELL), _cell(value)) for name, value in rows]
    return _block(_header(f"Mục {item.id}", _KINDS[item.kind]), _tag("table", _tag("tbody", *body, lines=True)))


def _deadline_days(deadline: Any) -> str:
    """The phrase as written, then the days it was read as."""
    if deadline.start and deadline.end and deadline.start != deadline.end:
        return f"{deadline.text} ({_day(deadline.start)} – {_day(deadline.end)})"
    if deadline.end:
        return f"{deadline.text} ({_day(deadline.end)})"
    return deadline.text


def schedule_html(schedule: Any) -> str:
    impl = schedule._impl
    total = len(schedule)
    critical = impl.critical()
    header = _header("Lịch thực hiện", f"{total} mục", f"từ {_day(schedule.start)} đến {_day(schedule.horizon)}",
                     f"{int(critical.sum())} mục găng", f"{impl.infeasible_count()} mục không kịp thời hạn")
    if total > HUGE:
        return _block(header, _too_big(total, "schedule.to_pandas()"))
    columns = schedule._columns
    names = [name for name in ("title", "lead") if name in columns]
    dates = schedule._dates
    starts, finishes, lates = dates["early_start"][:ROWS], dates["early_finish"][:ROWS], dates["late_finish"][:ROWS]
    slack, state = impl.total_slack()[:ROWS], impl.state()[:ROWS]
    state_names = _core.Schedule.state_names

    def rows() -> Iterable[list[Any]]:
        for i, ident in enumerate(itertools.islice(schedule._ids, ROWS)):
            cells = [_ident(ident)]
            cells += [_title_cell(columns[name][i]) if name == "title" else columns[name][i] for name in names]
            cells += [_day(starts[i]), _day(finishes[i]), _day(lates[i])]
            if state[i] == 0:
                cells.append(_cell(int(slack[i]), f"{_NUMBER};color:#b00000" if slack[i] < 0 else _NUMBER))
            else:
                cells.append(_cell(_SCHEDULE_STATES[state_names[state[i]]], _NUMBER))
            cells.append(_cell("●" if critical[i] else "", _MARK, title="găng" if critical[i] else None))
            yield cells

    headers = {"title": "Nội dung", "lead": "Chủ trì"}
    return _block(header, _table(["Mục", *(headers[name] for name in names), "Bắt đầu sớm", "Kết thúc sớm",
                                  "Kết thúc muộn", "Dự trữ (ngày làm việc)", "Găng"], rows(), total))


def _ident(ident: Any) -> str:
    """A portfolio's ids are (plan number, item id) pairs."""
    return " ".join(str(part) for part in ident) if isinstance(ident, tuple) else str(ident)


def snapshot_html(snapshot: Any) -> str:
    total = len(snapshot)
    counts = snapshot.counts()
    tasks = sum(counts.values())
    chips = [_tag("span", f"{_LABELS[name]}: {n}", style=f"{_on(STATUS_COLOURS[name])};padding:0 4px")
             for name, n in counts.items() if n]
    plans = snapshot._plans
    header = _header("Tình hình thực hiện", f"đến ngày {_day(snapshot.as_of)}",
                     plans[0].number if len(plans) == 1 else f"{len(plans)} kế hoạch", f"{tasks} nhiệm vụ")
    summary = _tag("p", _Html(" ".join(chips)), style="margin:2px 0")
    if total > HUGE:
        return _block(header, summary, _too_big(total, "snapshot.to_pandas()"))
    names = _core.Snapshot.category_names
    category = snapshot._impl._category()[:ROWS]
    columns = snapshot._columns
    many = len(plans) > 1
    items = (item for plan in plans for item in plan.items)

    def rows() -> Iterable[list[Any]]:
        for i, item in enumerate(itertools.islice(items, ROWS)):
            cells = [columns["plan"][i]] if many else []
            cells += [_cell(item.id, _group_style(item)), _title_cell(item.title, _group_style(item)), _leads(item),
                      _deadline_text(item), _status_cell(names[category[i]])]
            yield cells

    return _block(header, summary, _table([*(["Kế hoạch"] if many else []), "Số", "Nội dung", "Chủ trì", "Thời hạn",
                                           "Tình trạng"], rows(), total))


def table_html(table: Any) -> str:
    total = len(table)
    header = _header(_TABLES.get(table._name, table._name), f"{total} dòng")
    if total > HUGE:
        return _block(header, _too_big(total, f"{table._name.lower()}.to_pandas()"))
    columns = table._values()
    categories = set(STATUS_COLOURS)

    def head(name: str) -> Any:
        if name in categories:
            return _tag("th", _LABELS[name], style=f"{_CELL};{_on(STATUS_COLOURS[name])}")
        return _COLUMNS.get(name, name)

    def cell(name: str, value: Any) -> Any:
        if name == "role":
            return _ROLES.get(value, value)
        if name == "level":
            return _LEVELS.get(value, value)
        if isinstance(value, (float, np.floating)):
            return _cell(_rate(float(value)), _NUMBER)
        if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
            return _cell(int(value), _NUMBER)
        if isinstance(value, np.datetime64):
            return _day(value)
        return value

    rows = ([cell(name, values[i]) for name, values in columns.items()] for i in range(min(total, ROWS)))
    return _block(header, _table([head(name) for name in columns], rows, total))


def findings_html(findings: Any) -> str:
    rows = findings._rows
    counts = {severity: 0 for severity in SEVERITY_COLOURS}
    for row in rows:
        counts[row.severity] += 1
    header = _header("Rà soát kế hoạch", ", ".join(f"{n} {_SEVERITIES[s]}" for s, n in counts.items()))
    if not rows:
        return _block(header, _tag("p", "không có vấn đề nào", style=_NOTE))
    many = findings._by_plan

    def cells(row: Any) -> list[Any]:
        severity = _cell(_SEVERITIES[row.severity], f"{_CELL};background-color:{SEVERITY_COLOURS[row.severity]};color:black")
        plan = [row.plan.number if row.plan is not None else ""] if many else []
        return [*plan, row.code, severity, row.item, _cell(row.line or "", _NUMBER), row.message]

    return _block(header, _table([*(["Kế hoạch"] if many else []), "Mã", "Mức", "Mục", "Dòng", "Nội dung"],
                                 (cells(row) for row in rows), len(rows)))


def portfolio_html(portfolio: Any) -> str:
    by_level: dict[str | None, list[Any]] = {}
    for plan in portfolio._plans:
        by_level.setdefault(plan.level, []).append(plan)
    order = [level for level in _LEVELS if level in by_level]
    items = sum(len(plan) for plan in portfolio._plans)
    header = _header("Danh mục kế hoạch", f"{len(portfolio)} kế hoạch", f"{items} mục")
    rows = ([_LEVELS[level], _cell(len(by_level[level]), _NUMBER), _cell(sum(len(p) for p in by_level[level]), _NUMBER),
             _examples(by_level[level])] for level in order)
    return _block(header, _table(["Cấp", "Kế hoạch", "Mục", "Ví dụ"], rows, len(order)))


def _examples(plans: Sequence[Any], shown: int = 3) -> str:
    names = ", ".join(plan.number or "không số" for plan in plans[:shown])
    return names + (", …" if len(plans) > shown else "")
