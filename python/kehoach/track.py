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
    """A result table: iterate its rows as named tuples, or take it whole with :meth:`to_pandas`."""

    __slots__ = ("_columns", "_name")

    def __init__(self, name: str, columns: Mapping[str, Any]) -> None:
        self._name = name
        self._columns = dict(columns)

    @property
    def columns(self) -> list[str]:
        return list(self._columns)

    def __len__(self) -> int:
        return len(next(iter(self._columns.values()), ()))

    def __iter__(self) -> Iterator[Any]:
        row = NamedTuple(self._name, [(name, Any) for name in self._columns])  # type: ignore[misc]
        for values in zip(*self._columns.values()):
            yield row(*(v.item() if isinstance(v, np.generic) else v for v in values))

    def __repr__(self) -> str:
        return f"<{self._name}: {len(self)} rows; columns {', '.join(self._columns)}>"

    def _repr_html_(self) -> str:
        return _display.table_html(self)

    def to_pandas(self) -> Any:
        """The table as a DataFrame."""
        pd = _optional.pandas(f"{self._name}.to_pandas()")
        return pd.DataFrame(self._columns)


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
    def read(cls, source: PathOrText) -> StatusLog:
        """Read status@1 CSV or JSON: a path (``"-"`` for standard input), or the text itself (a
        string with a line break).

        Raises
        ------
        ParseError
            At the first malformed field, with file, line and column: an unknown state, a date
            that does not exist, a percent that is not a whole number, a missing column.
        """
        if isinstance(source, str) and "\n" in source:
            return cls(_core.StatusLog.parse(source))
        return cls(_core.StatusLog.read(source))

    def append(self, item: str, date: DateLike, state: str, percent: int | None = None, note: str = "",
               plan: str = "") -> None:
        """Add an update in memory; :meth:`append_to` adds updates to a file."""
        self._impl.append(item, date, state, percent, note, plan)

    def append_to(self, path: PathOrText) -> None:
        """Add this log's updates to the end of a log file, safely: the file is rewritten through
        a temporary file and a rename, so a crash leaves the old log or the new one."""
        _core._append_status(os.fspath(path), self._impl)

    def validate(self, plan_or_portfolio: Any) -> list[Diagnostic]:
        """Every problem against the plan (or portfolio), with its line: ``unknown_item``,
        ``before_plan``, ``percent_out_of_range`` (errors; those rows are left out of snapshots),
        ``regression`` (a warning: work reported under way after it was done)."""
        return self._impl.validate(plan_or_portfolio._impl)

    def to_csv(self) -> str:
        return self._impl.to_csv()

    def to_json(self) -> str:
        return self._impl.to_json()

    def to_pandas(self) -> Any:
        """One row per update: ``item``, ``plan``, ``date``, ``state``, ``percent`` (nullable),
        ``note``, ``line`` (where it was read; 0 when appended in memory)."""
        pd = _optional.pandas("StatusLog.to_pandas()")
        columns = self._impl._columns()
        columns["percent"] = pd.array(columns["percent"], dtype="Int16")
        return pd.DataFrame(columns)

    def __len__(self) -> int:
        return len(self._impl)

    def __repr__(self) -> str:
        return f"<StatusLog of {len(self)} updates>"


class Snapshot:
    """Where every item stands on a date; see :meth:`kehoach.Plan.snapshot`."""

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
        return self._impl.as_of

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """What the log said that the snapshot left out (rows naming nothing, impossible
        percents, dates before the plan) and regressions, with their lines."""
        return self._impl.diagnostics

    def __len__(self) -> int:
        return len(self._impl)

    def __repr__(self) -> str:
        counts = {name: n for name, n in self.counts().items() if n}
        return f"<Snapshot as of {self.as_of}: {counts}>"

    def _repr_html_(self) -> str:
        return _display.snapshot_html(self)

    def counts(self) -> dict[str, int]:
        """Tasks per category (groups are left out: they stand for their tasks)."""
        return self._impl.counts()

    def _ids(self) -> list[str]:
        return [item.id for plan in self._plans for item in plan.items]

    def to_pandas(self) -> Any:
        """One row per item: ``id``, ``plan``, ``number``, ``kind``, ``title``, ``lead``,
        ``deadline`` (as written), ``category``, ``days_late`` and ``days_left`` (working days,
        nullable ``Int32``), ``stale``, ``percent`` (nullable), ``last_update``, ``done_on`` and
        ``due`` (the deadline after the rest-day roll), and ``soft``. Numeric columns are views
        of the snapshot's own memory, read-only."""
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
        """Each occurrence of recurring work begun by the snapshot's date: ``item``,
        ``period_start``, ``period_end``, ``due`` (rolled past rest days), ``done_on``, ``status``
        (``on_time``, ``late``, ``missing``, ``pending``)."""
        raw = self._impl._occurrences()
        ids = self._ids()
        names = _core.Snapshot.occurrence_status_names
        columns = {"item": [ids[i] for i in raw["item"]], "plan": [self._columns["plan"][i] for i in raw["item"]]}
        columns.update({key: raw[key] for key in ("period_start", "period_end", "due", "done_on")})
        columns["status"] = [names[s] for s in raw["status"]]
        return Table("Occurrences", columns)

    def _units(self) -> Any:
        if self._assignments is None:
            self._assignments = _core.Assignments.of(self._owner._impl)
        return self._assignments

    def _unit_columns(self, units: Sequence[int]) -> dict[str, list[Any]]:
        a = self._units()
        names, plans = a.unit_names, a.unit_plans
        return {"unit": [names[u] for u in units], "plan": [self._plans[plans[u]].number for u in units]}

    def scorecard(self) -> Table:
        """Per unit and role (``lead``, ``support``, ``monitor``): tasks per category, ``due``
        (done or overdue: what the rates count over), ``stale``, and ``on_time_rate`` and
        ``completion_rate`` as the government reports them (NaN when nothing is due yet)."""
        raw = _core._scorecard(self._impl, self._units())
        columns = self._unit_columns(raw.pop("unit"))
        columns["role"] = [_core.role_names[r] for r in raw.pop("role")]
        columns.update(raw)
        return Table("Scorecard", columns)

    def raci(self) -> Table:
        """Every unit's role on every item: ``item``, ``unit``, ``plan``, ``role``. With pandas,
        ``raci().to_pandas().pivot_table(index="unit", columns="item", values="role",
        aggfunc=", ".join)`` is the matrix."""
        raw = _core._raci(self._units())
        ids = self._ids()
        columns: dict[str, Any] = {"item": [ids[i] for i in raw["item"]]}
        columns.update(self._unit_columns(raw["unit"]))
        columns["role"] = [_core.role_names[r] for r in raw["role"]]
        return Table("RACI", columns)

    def workload(self) -> Table:
        """Tasks (and occurrences of recurring work) due per unit, role and month."""
        raw = _core._workload(self._impl, self._units())
        columns = self._unit_columns(raw.pop("unit"))
        columns.update(raw)
        return Table("Workload", columns)

    def compliance(self) -> Table:
        """How recurring obligations were met, per lead unit and month of the due day: counts of
        ``on_time``, ``late``, ``missing``, ``pending`` and the ``rate`` (on time over due)."""
        raw = _core._compliance(self._impl, self._units())
        columns = self._unit_columns(raw.pop("unit"))
        columns.update(raw)
        return Table("Compliance", columns)

    def escalation(self) -> list[Escalation]:
        """Every overdue task, most days late first, with who answers for it."""
        ids = self._ids()
        return [Escalation(ids[item], self._columns["plan"][item], days, [tuple(step) for step in chain])
                for item, days, chain in _core._escalation(self._owner._impl, self._impl)]


def take_snapshot(owner: Any, plans: Sequence[Any], log: StatusLog | PathOrText, as_of: DateLike | None,
                  stale_after_days: int, calendar: Calendar | None) -> Snapshot:
    """What Plan.snapshot and Portfolio.snapshot share."""
    if not isinstance(log, StatusLog):
        log = StatusLog.read(log)
    day = as_of if as_of is not None else _core._today()
    cal = (calendar or Calendar.vietnam())._impl
    return Snapshot(_core._snapshot(owner._impl, log._impl, day, stale_after_days, cal), owner, plans)
