"""Dependency graphs and schedules: the critical-path method on working days.

A :class:`PlanGraph` holds activities (the items of a plan, a portfolio, or the rows of a table)
and the precedences between them; :meth:`PlanGraph.schedule` computes, per activity, the early and
late dates, the total and free slack in working days and the critical flag. See
``docs/scheduling.md`` for the rules.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple, Union

import numpy as np

from . import _core, _display, _optional
from ._core import CycleError, Diagnostic
from .calendar import Calendar

__all__ = ["CycleError", "Infeasibility", "PlanGraph", "Schedule"]

DateLike = Union[datetime.date, str]

# Dependency types as _core numbers them; the short forms are what spreadsheets use.
_TYPES = {
    "finish_to_start": 0, "FS": 0,
    "start_to_start": 1, "SS": 1,
    "finish_to_finish": 2, "FF": 2,
}
_NAT = np.iinfo(np.int64).min
_DATE_COLUMNS = ("early_start", "early_finish", "late_start", "late_finish")


class Infeasibility(NamedTuple):
    """An item that cannot meet a deadline: ``slack`` working days too late (negative).

    ``chain`` lists the items whose finishes push it late, first to last, ending with the item;
    ``deadline_item`` is the item whose own deadline binds (the item itself, or one waiting for it),
    ``deadline`` that deadline after the rest-day roll, ``path`` the chain in the plan's words.
    """

    item: Any
    slack: int
    chain: list[Any]
    deadline_item: Any
    deadline: datetime.date
    path: str


class Schedule:
    """When each item can and must happen.

    :meth:`to_pandas` gives one row per item: ``early_start``, ``early_finish``, ``late_start``,
    ``late_finish`` (dates), ``total_slack`` and ``free_slack`` (working days; missing for ongoing
    work and for items waiting for an event), ``critical`` and ``state``.

    Examples
    --------
    >>> schedule = plan.schedule()
    >>> schedule.to_pandas().query("critical")[["id", "early_finish"]]  # doctest: +SKIP
    """

    __slots__ = ("_impl", "_ids", "_columns", "_named", "_dates", "_unscheduled")

    def __init__(self, impl: _core.Schedule, ids: Sequence[Any], columns: Mapping[str, Any], named: bool) -> None:
        self._impl = impl
        self._ids = ids
        self._columns = columns
        self._named = named
        # The schedule holds working-day numbers; their dates are made once, here, so that
        # to_pandas() only wraps arrays (docs/python.md, "Speed").
        self._dates = {name: getattr(impl, name)() for name in _DATE_COLUMNS}
        self._unscheduled = impl.state() != 0  # no slack: ongoing work, items waiting for an event

    def __len__(self) -> int:
        return len(self._impl)

    def __repr__(self) -> str:
        late = self._impl.infeasible_count()
        return f"<Schedule of {len(self)} items from {self.start} to {self.horizon}, {late} cannot meet their deadline>"

    def _repr_html_(self) -> str:
        return _display.schedule_html(self)

    @property
    def start(self) -> datetime.date:
        """The first day work may start.

        Examples
        --------
        >>> plan.schedule(start="2023-03-01").start
        datetime.date(2023, 3, 1)
        """
        return self._impl.start

    @property
    def horizon(self) -> datetime.date:
        """The last early finish or deadline: what an item without either must meet.

        Examples
        --------
        >>> schedule = plan.schedule()
        >>> schedule.horizon >= schedule.start
        True
        """
        return self._impl.horizon

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """What the schedule noticed, e.g. a finish-to-start on ongoing work (left out).

        Examples
        --------
        >>> [d.code for d in plan.schedule().diagnostics]
        []
        """
        return self._impl.diagnostics

    def to_pandas(self) -> Any:
        """One row per item, in the graph's order.

        Returns
        -------
        pandas.DataFrame
            ``id`` and the graph's own columns (a plan's: ``plan``, ``number``, ``kind``, ``title``,
            ``lead``, ``deadline``), then ``early_start``, ``early_finish``, ``late_start``,
            ``late_finish`` (``datetime64[ns]``, NaT where there is none), ``total_slack`` and
            ``free_slack`` (nullable ``Int32`` over the schedule's own memory, without a copy and
            read-only: copy the frame before editing them), ``critical`` (bool, the schedule's
            memory too) and ``state`` (categorical: ``scheduled``, ``continuous`` for ongoing or
            recurring work, with an early start only, ``waiting`` after an event with no date).

        Examples
        --------
        >>> frame = plan.schedule().to_pandas()
        >>> frame.dtypes[["early_start", "total_slack", "state"]].astype(str).tolist()
        ['datetime64[ns]', 'Int32', 'category']
        """
        pd = _optional.pandas("Schedule.to_pandas()")
        impl = self._impl
        columns: dict[str, Any] = {"id": self._ids}
        columns.update(self._columns)
        columns.update(self._dates)
        columns["total_slack"] = pd.arrays.IntegerArray(impl.total_slack(), self._unscheduled, copy=False)
        columns["free_slack"] = pd.arrays.IntegerArray(impl.free_slack(), self._unscheduled, copy=False)
        columns["critical"] = impl.critical()
        columns["state"] = pd.Categorical.from_codes(impl.state(), categories=_core.Schedule.state_names)
        return pd.DataFrame(columns, copy=False)

    def infeasible(self) -> list[Infeasibility]:
        """Every item with negative slack, most negative first, with the chain that makes it late.

        Examples
        --------
        >>> [(late.item, late.slack) for late in plan.schedule().infeasible()][:2]
        [('II.1.1', -5), ('II.1.3', -5)]
        """
        ids = self._ids
        return [
            Infeasibility(ids[item], slack, [ids[v] for v in chain], ids[deadline_of], deadline,
                          path if self._named else " → ".join(str(ids[v]) for v in chain))
            for item, slack, chain, deadline_of, deadline, path in self._impl.infeasible()
        ]

    def critical_paths(self, limit: int = 100) -> list[list[Any]]:
        """Chains of critical items, each driving the next (at most ``limit``).

        Examples
        --------
        >>> path = plan.schedule().critical_paths(limit=1)[0]
        """
        return [[self._ids[v] for v in path] for path in self._impl.critical_paths(limit)]


class PlanGraph:
    """Activities and the precedences between them, ready to schedule.

    Make one from a plan (:meth:`from_plan`), a portfolio (:meth:`from_portfolio`), or tables
    (:meth:`from_frames`).

    Examples
    --------
    >>> import pandas as pd
    >>> items = pd.DataFrame({"id": ["a", "b"], "duration": [3, 2]})
    >>> edges = pd.DataFrame({"source": ["a"], "target": ["b"]})
    >>> graph = PlanGraph.from_frames(items, edges)
    >>> graph.schedule(start="2024-03-04").to_pandas()[["id", "early_start", "early_finish"]]
      id early_start early_finish
    0  a  2024-03-04   2024-03-06
    1  b  2024-03-07   2024-03-08
    """

    __slots__ = ("_impl", "_ids", "_columns", "_named")

    def __init__(self, impl: _core.PlanGraph, ids: Sequence[Any], columns: Mapping[str, Any] | None = None,
                 named: bool = False) -> None:
        self._impl = impl
        self._ids = ids
        self._columns = dict(columns or {})
        self._named = named

    def __len__(self) -> int:
        return len(self._impl)

    def __repr__(self) -> str:
        return f"<PlanGraph of {len(self)} items>"

    @property
    def ids(self) -> Sequence[Any]:
        """The items' ids, in the graph's order.

        Examples
        --------
        >>> PlanGraph.from_plan(plan).ids[:2]  # doctest: +SKIP
        """
        return self._ids

    @classmethod
    def from_plan(cls, plan: Any) -> PlanGraph:
        """A plan's items: groups roll up, events give a start or leave items waiting.

        Examples
        --------
        >>> len(PlanGraph.from_plan(plan)) == len(plan)
        True
        """
        return cls(_core.PlanGraph.of_plan(plan._impl), [item.id for item in plan.items], _plan_columns([plan]), named=True)

    @classmethod
    def from_portfolio(cls, portfolio: Any) -> PlanGraph:
        """Every plan's items, with ``implements`` links rolled up: a parent item finishes when the
        items implementing it finish. Ids are ``(plan number, item id)`` pairs.

        Examples
        --------
        >>> graph = PlanGraph.from_portfolio(kehoach.Portfolio([plan]))
        """
        plans = portfolio.plans
        ids = [(plan.number, item.id) for plan in plans for item in plan.items]
        return cls(_core.PlanGraph.of_portfolio(portfolio._impl), ids, _plan_columns(plans), named=True)

    @classmethod
    def from_frames(cls, items: Any, edges: Any = None) -> PlanGraph:
        """A graph from tables: pandas DataFrames, or mappings of column name to array.

        ``items`` has ``id`` (int or str, unique) and ``duration`` (working days, default 1), and
        optionally ``window_start`` and ``window_end`` (dates: the earliest start and the deadline),
        ``continuous`` (bool: ongoing work), ``waiting`` (bool: after an event with no date yet),
        ``plan`` and ``lead`` (carried into the schedule's table). ``edges`` has ``source`` and ``target`` (item ids: the target waits for the source),
        optionally ``type`` (``finish_to_start`` — the default —, ``start_to_start``,
        ``finish_to_finish``, or ``FS``/``SS``/``FF``) and ``lag`` (working days, default 0).

        Raises
        ------
        ValueError
            For a missing ``id`` column, duplicate ids, an edge naming no item, a duration that is
            not a non-negative whole number, an unknown dependency type.

        Examples
        --------
        >>> graph = PlanGraph.from_frames({"id": ["a", "b"], "duration": [3, 2]},
        ...                              {"source": ["a"], "target": ["b"]})
        >>> graph.schedule(start="2024-03-04").to_pandas().early_finish.dt.date.tolist()
        [datetime.date(2024, 3, 6), datetime.date(2024, 3, 8)]
        """
        ids = _required(items, "id", "items")
        n = len(ids)
        _check_unique(ids)
        duration = _whole_numbers(_optional_column(items, "duration"), n, 1, "items.duration", minimum=0)
        earliest = _days(_optional_column(items, "window_start"), n, "items.window_start")
        deadline = _days(_optional_column(items, "window_end"), n, "items.window_end")
        continuous = _flags(_optional_column(items, "continuous"), n)
        waiting = _flags(_optional_column(items, "waiting"), n)
        if edges is None:
            source = target = np.empty(0, dtype=np.uint32)
            types = np.empty(0, dtype=np.uint8)
            lag = np.empty(0, dtype=np.int32)
        else:
            position = _positions(ids)
            source = position(_required(edges, "source", "edges"), "edges.source")
            target = position(_required(edges, "target", "edges"), "edges.target")
            types = _types(_optional_column(edges, "type"), len(source))
            lag = _whole_numbers(_optional_column(edges, "lag"), len(source), 0, "edges.lag")
        impl = _core.PlanGraph.from_arrays(duration, earliest, deadline, continuous, waiting, source, target, types, lag)
        columns = {name: np.asarray(items[name]) for name in ("plan", "lead") if _optional_column(items, name) is not None}
        return cls(impl, ids, columns)

    def cycles(self, limit: int = 1000) -> list[list[Any]]:
        """Every elementary cycle (up to ``limit``), as item ids, each starting from its first item.

        Examples
        --------
        >>> PlanGraph.from_plan(plan).cycles()
        []
        """
        return [[self._ids[v] for v in cycle] for cycle in self._impl.cycles(limit)]

    def schedule(self, start: DateLike | None = None, calendar: Calendar | None = None) -> Schedule:
        """The critical-path method on working days.

        Parameters
        ----------
        start : date or "YYYY-MM-DD", optional
            The first day work may start; by default the plan's issue date (for a portfolio, each
            plan's own), or the earliest ``window_start``.
        calendar : Calendar, optional
            Working days; Vietnam's civil-service calendar by default.

        Raises
        ------
        CycleError
            When dependencies go round in a cycle: ``.cycles`` lists each as item ids, ``.paths``
            in words (``24/KH-UBND mục 2.1 → mục 2.3 → mục 2.1``).
        KehoachError
            When no start is known, or a date lies outside the calendar (2013–2100).

        Examples
        --------
        >>> schedule = PlanGraph.from_plan(plan).schedule(start="2023-03-01")
        """
        cal = (calendar or Calendar.vietnam())._impl
        try:
            impl = self._impl.schedule(cal, start)
        except CycleError as error:
            error.cycles = [[self._ids[v] for v in cycle] for cycle in error.vertex_cycles]
            if not self._named:
                error.paths = [" → ".join(str(self._ids[v]) for v in [*cycle, cycle[0]]) for cycle in error.vertex_cycles]
                error.args = ("the dependencies go round in a cycle, so nothing can be scheduled:\n  " + "\n  ".join(error.paths),)
            raise
        return Schedule(impl, self._ids, self._columns, self._named)


def _plan_columns(plans: Sequence[Any]) -> dict[str, list[Any]]:
    """What a reader of a plan's schedule wants beside the dates."""
    columns: dict[str, list[Any]] = {"plan": [], "number": [], "kind": [], "title": [], "lead": [], "deadline": []}
    for plan in plans:
        for item in plan.items:
            columns["plan"].append(plan.number)
            columns["number"].append(item.number)
            columns["kind"].append(item.kind)
            columns["title"].append(item.title)
            columns["lead"].append("; ".join(item.roles.get("lead", [])))
            columns["deadline"].append(item.deadline.text if item.deadline else "")
    return columns


def _flags(column: Any, n: int) -> np.ndarray:
    return np.zeros(n, dtype=bool) if column is None else np.asarray(column, dtype=bool)


def _optional_column(table: Any, name: str) -> Any:
    return table[name] if name in table else None


def _required(table: Any, name: str, what: str) -> np.ndarray:
    if name not in table:
        raise ValueError(f"{what} has no '{name}' column")
    column = table[name]
    # numpy would turn ["a", 1] into ["a", "1"]: a plain list keeps its values as they are.
    return np.array(column, dtype=object) if isinstance(column, (list, tuple)) else np.asarray(column)


def _check_unique(ids: np.ndarray) -> None:
    try:
        unique, counts = np.unique(ids, return_counts=True)
    except TypeError:
        raise ValueError("items.id mixes kinds of values (numbers and text): use one kind") from None
    repeated = unique[counts > 1]
    if len(repeated):
        shown = ", ".join(repr(v) for v in repeated[:5].tolist())
        raise ValueError(f"items.id must be unique: {shown}{' ...' if len(repeated) > 5 else ''} appear more than once")


def _whole_numbers(column: Any, n: int, default: int, what: str, minimum: int | None = None) -> np.ndarray:
    if column is None:
        return np.full(n, default, dtype=np.int32)
    values = np.asarray(column)
    if values.dtype.kind == "f":
        bad = ~np.isfinite(values) | (values != np.round(values))
        if bad.any():
            row = int(np.flatnonzero(bad)[0])
            raise ValueError(f"{what}[{row}] is {values[row]!r}: a whole number of working days is needed")
    elif values.dtype.kind not in "iub":
        raise ValueError(f"{what} holds {values.dtype} values: whole numbers of working days are needed")
    if minimum is not None and len(values) and values.min() < minimum:
        row = int(np.argmin(values))
        raise ValueError(f"{what}[{row}] is {values[row]!r}: it must be {minimum} or more")
    if len(values) and (np.abs(values).max() > 100_000):
        row = int(np.argmax(np.abs(values)))
        raise ValueError(f"{what}[{row}] is {values[row]!r}: more working days than any plan spans (100000 at most)")
    return values.astype(np.int32)


def _days(column: Any, n: int, what: str) -> np.ndarray:
    """Dates as days since 1970-01-01, NaT as the smallest int64."""
    if column is None:
        return np.full(n, _NAT, dtype=np.int64)
    try:
        days = np.asarray(column, dtype="datetime64[D]")
    except (ValueError, TypeError) as error:
        raise ValueError(f"{what} must hold dates: {error}") from None
    first = np.datetime64(f"{_core.Calendar.first_year}-01-01", "D")
    last = np.datetime64(f"{_core.Calendar.last_year}-12-31", "D")
    outside = ~np.isnat(days) & ((days < first) | (days > last))
    if outside.any():
        row = int(np.flatnonzero(outside)[0])
        raise ValueError(f"{what}[{row}] is {days[row]}, outside the calendar's range {first}..{last}")
    return days.view(np.int64)


def _positions(ids: np.ndarray) -> Any:
    """Looks ids up by binary search over a sorted copy: no Python loop per row."""
    order = np.argsort(ids, kind="stable")
    ordered = ids[order]

    def position(values: np.ndarray, what: str) -> np.ndarray:
        at = np.searchsorted(ordered, values)
        at_clipped = np.minimum(at, max(len(ordered) - 1, 0))
        found = (at < len(ordered)) & (ordered[at_clipped] == values) if len(ordered) else np.zeros(len(values), dtype=bool)
        if not found.all():
            row = int(np.flatnonzero(~found)[0])
            raise ValueError(f"{what}[{row}] is {values[row]!r}, which is no item's id")
        return order[at_clipped].astype(np.uint32)

    return position


def _types(column: Any, m: int) -> np.ndarray:
    if column is None:
        return np.zeros(m, dtype=np.uint8)
    names, inverse = np.unique(np.asarray(column, dtype=object).astype(str), return_inverse=True)
    codes = []
    for name in names:
        if name not in _TYPES:
            raise ValueError(f"edges.type '{name}' is not a dependency type (finish_to_start, start_to_start, "
                             "finish_to_finish, or FS, SS, FF)")
        codes.append(_TYPES[name])
    return np.asarray(codes, dtype=np.uint8)[inverse]
