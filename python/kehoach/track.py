"""Tracking: the status log, where every item stands on a date, and who answers for it.

A :class:`StatusLog` holds status@1 updates (``item, date, state, percent, note``) as units report
them; :meth:`kehoach.Plan.snapshot` puts every item in one category as of a date —
``done_on_time``, ``done_late``, ``in_progress``, ``overdue``, ``not_due``, ``waiting``,
``ongoing`` or ``cancelled`` — and the :class:`Snapshot` gives the tables an office reports:
scorecards per unit and role, RACI, workload, escalation of overdue items, compliance of recurring
obligations. See ``docs/tracking.md`` for the rules.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple, Union

import numpy as np

from . import _core, _display, _optional
from ._core import Diagnostic
from .calendar import Calendar

__all__ = ["Escalation", "Snapshot", "StatusLog", "Table"]

DateLike = Union[datetime.date, str]
PathOrText = Union[str, "os.PathLike[str]"]
_NONE = np.iinfo(np.int32).min


class Table:
    """A result table: iterate its rows as named tuples, or take it whole with :meth:`to_pandas`.

    A column named in ``categories`` holds codes into its list of names (a unit, a role, an item
    repeated row after row): rows and the notebook display show the names, and
    :meth:`to_pandas` makes the column a ``Categorical`` from the codes, without one Python string
    per row. Names that repeat (two plans' units of one name) become one category.

    Examples
    --------
    >>> scores = plan.snapshot(log, as_of="2023-06-30").scorecard()
    >>> next(iter(scores)).role
    'lead'
    """

    __slots__ = ("_columns", "_name", "_categories")

    def __init__(self, name: str, columns: Mapping[str, Any], categories: Mapping[str, Sequence[str]] | None = None) -> None:
        self._name = name
        self._columns = dict(columns)
        self._categories: dict[str, list[str]] = {}
        for column, names in (categories or {}).items():
            number: dict[str, int] = {}
            renumber = np.array([number.setdefault(n, len(number)) for n in names], dtype=np.int32)
            self._columns[column] = renumber[np.asarray(self._columns[column], dtype=np.intp)]
            self._categories[column] = list(number)

    @property
    def columns(self) -> list[str]:
        """The columns' names, in order.

        Examples
        --------
        >>> plan.snapshot(log).raci().columns
        ['item', 'unit', 'plan', 'role']
        """
        return list(self._columns)

    def __len__(self) -> int:
        return len(next(iter(self._columns.values()), ()))

    def _values(self) -> dict[str, Any]:
        """The columns with names in place of codes."""
        return {name: np.asarray(self._categories[name], dtype=object)[values] if name in self._categories else values
                for name, values in self._columns.items()}

    def __iter__(self) -> Iterator[Any]:
        row = NamedTuple(self._name, [(name, Any) for name in self._columns])  # type: ignore[misc]
        # Dates are whole days: in days, .item() gives a datetime.date (in nanoseconds, an int).
        columns = [values.astype("datetime64[D]") if getattr(values, "dtype", None) == "datetime64[ns]" else values
                   for values in self._values().values()]
        for values in zip(*columns):
            yield row(*(v.item() if isinstance(v, np.generic) else v for v in values))

    def __repr__(self) -> str:
        return f"<{self._name}: {len(self)} rows; columns {', '.join(self._columns)}>"

    def _repr_html_(self) -> str:
        return _display.table_html(self)

    def to_pandas(self) -> Any:
        """The table as a DataFrame.

        Returns
        -------
        pandas.DataFrame
            The columns as :attr:`columns` names them; units, plans, items, roles and statuses
            as ``Categorical`` built from codes, counts as ``int64``, rates as ``float64``,
            dates as ``datetime64[ns]``.

        Examples
        --------
        >>> plan.snapshot(log).raci().to_pandas().dtypes["unit"]
        CategoricalDtype(...)
        """
        pd = _optional.pandas(f"{self._name}.to_pandas()")
        columns = {name: pd.Categorical.from_codes(values, categories=self._categories[name])
                   if name in self._categories else values for name, values in self._columns.items()}
        return pd.DataFrame(columns, copy=False)


class Escalation(NamedTuple):
    """An overdue item and who answers for it, in the order to escalate: its lead unit(s), its
    own monitor, the plan's standing monitor, the signer — each as ``(step, name)``."""

    item: str
    plan: str
    days_late: int
    chain: list[tuple[str, str]]


class StatusLog:
    """An append-only log of status updates (status@1), in the order they were written.

    Examples
    --------
    >>> log = StatusLog.read("tests/data/tracking/ia-mo-2023.status.csv")
    >>> len(log), log.to_pandas().state.iloc[0]
    (6, 'done')
    """

    __slots__ = ("_impl",)

    def __init__(self, impl: _core.StatusLog | None = None) -> None:
        self._impl = impl if impl is not None else _core.StatusLog()

    @classmethod
    def read(cls, source: PathOrText, **limits: int) -> StatusLog:
        """Read status@1 CSV or JSON: a path (``"-"`` for standard input), or the text itself (a
        string with a line break).

        ``limits`` are the keyword arguments of :func:`kehoach.read_plan`: ``max_input_bytes``,
        ``max_line_length``, ``max_items`` (rows), ``max_depth`` (``docs/hardening.md#limits``).

        Raises
        ------
        ParseError
            At the first malformed field, with file, line and column: an unknown state, a date
            that does not exist, a percent that is not a whole number, a missing column, text
            that is not UTF-8, input over a limit.

        Examples
        --------
        >>> log = StatusLog.read("examples/plans/chu-rang-2023.status.csv")
        """
        bounds = _core.ReadLimits(**limits)
        if isinstance(source, str) and "\n" in source:
            return cls(_core.StatusLog.parse(source, limits=bounds))
        return cls(_core.StatusLog.read(source, limits=bounds))

    def append(self, item: str, date: DateLike, state: str, percent: int | None = None, note: str = "",
               plan: str = "") -> None:
        """Add an update in memory; :meth:`append_to` adds updates to a file.

        Examples
        --------
        >>> log = StatusLog()
        >>> log.append("II.1.1", "2023-03-15", "progress", percent=40)
        >>> len(log)
        1
        """
        self._impl.append(item, date, state, percent, note, plan)

    def append_to(self, path: PathOrText) -> None:
        """Add this log's updates to the end of a log file, safely: the file is rewritten through
        a temporary file and a rename, so a crash leaves the old log or the new one.

        Examples
        --------
        >>> log.append_to("status.csv")  # doctest: +SKIP
        """
        _core._append_status(os.fspath(path), self._impl)

    def validate(self, plan_or_portfolio: Any) -> list[Diagnostic]:
        """Every problem against the plan (or portfolio), with its line: ``unknown_item``,
        ``before_plan``, ``percent_out_of_range`` (errors; those rows are left out of snapshots),
        ``regression`` (a warning: work reported under way after it was done).

        Examples
        --------
        >>> StatusLog.read("examples/plans/chu-rang-2023.status.csv").validate(plan)
        []
        """
        return self._impl.validate(plan_or_portfolio._impl)

    def to_csv(self) -> str:
        """The log as status@1 CSV, the form units fill in.

        Examples
        --------
        >>> StatusLog.read("examples/plans/chu-rang-2023.status.csv").to_csv().splitlines()[0]  # doctest: +SKIP
        """
        return self._impl.to_csv()

    def to_json(self) -> str:
        """The log as status@1 JSON.

        Examples
        --------
        >>> import json
        >>> rows = json.loads(StatusLog.read("examples/plans/chu-rang-2023.status.csv").to_json())  # doctest: +SKIP
        """
        return self._impl.to_json()

    def to_pandas(self) -> Any:
        """One row per update: ``item``, ``plan``, ``date``, ``state``, ``percent`` (nullable),
        ``note``, ``line`` (where it was read; 0 when appended in memory).

        Examples
        --------
        >>> log.to_pandas()[["item", "date", "state"]]  # doctest: +SKIP
        """
        pd = _optional.pandas("StatusLog.to_pandas()")
        columns = self._impl._columns()
        columns["percent"] = pd.array(columns["percent"], dtype="Int16")
        return pd.DataFrame(columns)

    def __len__(self) -> int:
        return len(self._impl)

    def __repr__(self) -> str:
        return f"<StatusLog of {len(self)} updates>"


class Snapshot:
    """Where every item stands on a date; see :meth:`kehoach.Plan.snapshot`.

    Examples
    --------
    >>> now = plan.snapshot("examples/plans/chu-rang-2023.status.csv", as_of="2023-06-30")
    >>> now.to_pandas().category.value_counts()  # doctest: +SKIP
    """

    __slots__ = ("_impl", "_owner", "_plans", "_columns", "_assignments")

    def __init__(self, impl: _core.Snapshot, owner: Any, plans: Sequence[Any]) -> None:
        from .graph import _plan_columns

        self._impl = impl
        self._owner = owner
        self._plans = list(plans)
        self._columns = _plan_columns(self._plans)
        self._assignments: Any = None

    @property
    def as_of(self) -> datetime.date:
        """The day the snapshot describes.

        Examples
        --------
        >>> plan.snapshot(StatusLog(), as_of="2023-06-30").as_of
        datetime.date(2023, 6, 30)
        """
        return self._impl.as_of

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """What the log said that the snapshot left out (rows naming nothing, impossible
        percents, dates before the plan) and regressions, with their lines.

        Examples
        --------
        >>> [(d.line, d.code) for d in now.diagnostics]  # doctest: +SKIP
        """
        return self._impl.diagnostics

    def __len__(self) -> int:
        return len(self._impl)

    def __repr__(self) -> str:
        counts = {name: n for name, n in self.counts().items() if n}
        return f"<Snapshot as of {self.as_of}: {counts}>"

    def _repr_html_(self) -> str:
        return _display.snapshot_html(self)

    def counts(self) -> dict[str, int]:
        """Tasks per category (groups are left out: they stand for their tasks).

        Examples
        --------
        >>> now.counts()["overdue"]  # doctest: +SKIP
        """
        return self._impl.counts()

    def _ids(self) -> list[str]:
        return [item.id for plan in self._plans for item in plan.items]

    def to_pandas(self) -> Any:
        """One row per item: ``id``, ``plan``, ``number``, ``kind``, ``title``, ``lead``,
        ``deadline`` (as written), ``category``, ``days_late`` and ``days_left`` (working days,
        nullable ``Int32``), ``stale``, ``percent`` (nullable), ``last_update``, ``done_on`` and
        ``due`` (the deadline after the rest-day roll), and ``soft``. Numeric columns are views
        of the snapshot's own memory, read-only.

        Examples
        --------
        >>> frame = now.to_pandas()
        >>> frame[frame.category == "overdue"][["id", "lead", "days_late"]]  # doctest: +SKIP
        """
        pd = _optional.pandas("Snapshot.to_pandas()")
        impl = self._impl
        columns: dict[str, Any] = {"id": self._ids()}
        columns.update(self._columns)
        columns["category"] = pd.Categorical.from_codes(impl._category(), categories=_core.Snapshot.category_names)
        for name in ("days_late", "days_left"):
            values = getattr(impl, "_" + name)()
            columns[name] = pd.arrays.IntegerArray(values, values == _NONE, copy=False)
        columns["stale"] = impl._stale()
        percent = impl._percent()
        columns["percent"] = pd.arrays.IntegerArray(percent, percent < 0, copy=False)
        columns["last_update"] = impl._last_update()
        columns["done_on"] = impl._done_on()
        columns["due"] = impl._due()
        columns["soft"] = impl._soft()
        return pd.DataFrame(columns, copy=False)

    def occurrences(self) -> Table:
        """Each occurrence of recurring work begun by the snapshot's date: ``item``, ``plan``,
        ``period_start``, ``period_end``, ``due`` (rolled past rest days), ``done_on``, ``status``
        (``on_time``, ``late``, ``missing``, ``pending``).

        Examples
        --------
        >>> plan.snapshot(log, as_of="2023-06-30").occurrences().to_pandas().status.value_counts()["on_time"]
        2
        """
        raw = self._impl._occurrences()
        columns = {"item": raw["item"], "plan": raw["item"]}
        columns.update({key: raw[key] for key in ("period_start", "period_end", "due", "done_on", "status")})
        return Table("Occurrences", columns, {"item": self._ids(), "plan": self._columns["plan"],
                                              "status": _core.Snapshot.occurrence_status_names})

    def _units(self) -> Any:
        if self._assignments is None:
            self._assignments = _core.Assignments.of(self._owner._impl)
        return self._assignments

    def scorecard(self) -> Table:
        """Per unit and role (``lead``, ``support``, ``monitor``): tasks per category, ``due``
        (done or overdue: what the rates count over), ``stale``, and ``on_time_rate`` and
        ``completion_rate`` as the government reports them (NaN when nothing is due yet).

        Examples
        --------
        >>> card = plan.snapshot(log, as_of="2023-06-30").scorecard().to_pandas()
        >>> card[card.role == "lead"].set_index("unit").on_time_rate.round(2).head(2)  # doctest: +SKIP
        """
        return unit_table("Scorecard", self._units(), self._plans, _core._scorecard(self._impl, self._units()))

    def raci(self) -> Table:
        """Every unit's role on every item, in long form: ``item``, ``unit``, ``plan``, ``role``
        (the same as :meth:`kehoach.Plan.unit_roles`). With pandas,
        ``raci().to_pandas().pivot_table(index="unit", columns="item", values="role",
        aggfunc=", ".join)`` is the matrix.

        Examples
        --------
        >>> plan.snapshot(log).raci().to_pandas().role.value_counts()["lead"] > 0
        True
        """
        return unit_table("RACI", self._units(), self._plans, _core._raci(self._units()), item=self._ids())

    def workload(self) -> Table:
        """Tasks (and occurrences of recurring work) due per unit, role and month (``YYYY-MM``).

        Examples
        --------
        >>> plan.snapshot(log).workload().to_pandas().groupby("month").tasks.sum().head(3)  # doctest: +SKIP
        """
        return unit_table("Workload", self._units(), self._plans, _core._workload(self._impl, self._units()))

    def compliance(self) -> Table:
        """How recurring obligations were met, per lead unit and month of the due day: counts of
        ``on_time``, ``late``, ``missing``, ``pending`` and the ``rate`` (on time over due).

        Examples
        --------
        >>> plan.snapshot(log, as_of="2023-12-31").compliance().to_pandas().rate.between(0, 1).all()
        True
        """
        return unit_table("Compliance", self._units(), self._plans, _core._compliance(self._impl, self._units()))

    def escalation(self) -> list[Escalation]:
        """Every overdue task, most days late first, with who answers for it.

        Examples
        --------
        >>> [(e.item, e.days_late, e.chain[0]) for e in now.escalation()]  # doctest: +SKIP
        """
        ids = self._ids()
        return [Escalation(ids[item], self._columns["plan"][item], days, [tuple(step) for step in chain])
                for item, days, chain in _core._escalation(self._owner._impl, self._impl)]


def unit_table(name: str, units: Any, plans: Sequence[Any], raw: Mapping[str, Any], **categories: Sequence[str]) -> Table:
    """A table with rows per unit of ``plans`` (``units``: their ``_core.Assignments``): its
    ``unit`` codes name the unit and, in a ``plan`` column after it, the unit's plan; ``role``
    codes name the role; ``categories`` names the other coded columns."""
    columns: dict[str, Any] = {}
    for key, values in raw.items():
        columns[key] = values
        if key == "unit":
            columns["plan"] = units.unit_plans[np.asarray(values)]
    categories.update(unit=units.unit_names, plan=[plan.number for plan in plans])
    if "role" in raw:
        categories["role"] = _core.role_names
    return Table(name, columns, categories)


def take_snapshot(owner: Any, plans: Sequence[Any], log: StatusLog | PathOrText, as_of: DateLike | None,
                  stale_after_days: int, calendar: Calendar | None) -> Snapshot:
    """What Plan.snapshot and Portfolio.snapshot share."""
    if not isinstance(log, StatusLog):
        log = StatusLog.read(log)
    day = as_of if as_of is not None else _core._today()
    cal = (calendar or Calendar.vietnam())._impl
    return Snapshot(_core._snapshot(owner._impl, log._impl, day, stale_after_days, cal), owner, plans)
