"""Plans in the tools people already use: calendars (iCalendar), Graphviz, networkx, spreadsheets.

The methods :meth:`Plan.to_ics`, :meth:`Plan.to_dot`, :meth:`Plan.to_networkx`,
:meth:`Plan.to_frame` and :meth:`Portfolio.to_dot` call these; ``docs/exports.md`` says what each
format holds and leaves out.
"""

from __future__ import annotations

import os
import warnings
from typing import TYPE_CHECKING, Any, Literal, Union

import numpy as np

from . import _core, _optional
from .calendar import Calendar

if TYPE_CHECKING:
    from .graph import Schedule
    from .plan import Plan
    from .portfolio import Portfolio

__all__ = ["ExportWarning"]

PathLike = Union[str, "os.PathLike[str]"]


class ExportWarning(UserWarning):
    """Part of a plan could not go into an export: items with no day to put on a calendar."""


def to_ics(plan: Plan, path: PathLike | None, redact: bool, lang: Literal["vi", "en"],
           calendar: Calendar | None) -> str | None:
    text, _, left_out = _core._to_ics(plan._impl, redact, lang, None if calendar is None else calendar._impl)
    if left_out:
        items = plan.items
        ids = ", ".join(items[i].id for i in left_out)
        warnings.warn(ExportWarning(
            f"{len(left_out)} items left out of the calendar, with no day to put on it "
            f"(ongoing, after an event not yet dated, or no deadline that can be read): {ids}"), stacklevel=3)
    if path is None:
        return text
    _core._write_file_atomically(os.fspath(path), text)
    return None


def to_dot(owner: Plan | Portfolio, schedule: Schedule | None, lang: Literal["vi", "en"], redact: bool) -> str:
    return _core._to_dot(owner._impl, None if schedule is None else schedule._impl, lang, redact)


def to_frame(plan: Plan, calendar: Calendar | None) -> Any:
    pd = _optional.pandas("Plan.to_frame()")
    columns = _core._item_columns(plan._impl, None if calendar is None else calendar._impl)
    for name, categories in _core._item_categories.items():
        columns[name] = pd.Categorical.from_codes(columns[name], categories=categories)
    return pd.DataFrame(columns, copy=False)


def to_networkx(plan: Plan, calendar: Calendar | None) -> Any:
    nx = _optional.networkx("Plan.to_networkx()")
    columns = _core._item_columns(plan._impl, None if calendar is None else calendar._impl)
    graph = nx.DiGraph(number=plan.number, title=plan.title)
    for k, item in enumerate(plan.items):
        due = columns["due"][k].astype("datetime64[D]")  # the deadline rolled past rest days; .item() is a date in days
        graph.add_node(item.id, number=item.number, title=item.title, kind=item.kind, lead=item.roles["lead"],
                       support=item.roles["support"],
                       deadline=item.deadline.text if item.deadline else None,
                       due=None if np.isnat(due) else due.item())
    for event in plan.events:
        graph.add_node(event.id, kind="event", title=event.text, due=event.date)
    for item in plan.items:
        for dependency in item.dependencies:
            source = dependency.get("item", dependency.get("event"))
            graph.add_edge(source, item.id, type=dependency["type"], lag=dependency["lag"])
    return graph

