"""A synthetic national portfolio, deterministic by seed, as pandas DataFrames.

The national plan cascades to provinces, districts and communes (645,000 items is the country:
63 provinces, about 700 districts and 10,000 communes of about 60 items each; other sizes scale the
levels). Use it to try kehoach at scale, to benchmark, or to build a demonstration without real
data::

    >>> country = kehoach.synthesize(items=10_000, seed=1)
    >>> schedule = kehoach.PlanGraph.from_frames(country.items, country.edges).schedule()
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import _core, _optional
from .graph import PlanGraph
from .plan import Plan
from .portfolio import Portfolio

__all__ = ["SyntheticPortfolio", "synthesize"]

_LEVELS = ["national", "province", "district", "commune"]
_DEADLINES = ["by_date", "within_period", "ongoing", "recurring", "after_event", "from_date", "unknown"]
_TYPES = ["finish_to_start", "start_to_start", "finish_to_finish"]
_STATES = ["started", "progress", "done", "cancelled"]


class SyntheticPortfolio:
    """Plans, items, dependencies and a year of status updates, as DataFrames.

    ``items`` is what :meth:`PlanGraph.from_frames` takes: ``id`` (0, 1, ...), ``duration``,
    ``window_start`` and ``window_end`` (the earliest start and the deadline the schedule uses: a
    plan's items start no earlier than its issue date, event-bound items the day after their
    event), ``continuous``, ``waiting``; and ``plan``, ``level``, ``item`` (the id inside its plan),
    ``kind``, ``title``, ``lead``, ``deadline`` (the kind of the deadline phrase), ``implements``
    (the id of the parent plan's item, or -1). ``edges``: ``source``, ``target``, ``type``, ``lag``:
    the dependencies, then the roll-ups of tasks into their sections and into the items they
    implement. ``status``: ``item``, ``date``, ``state``, ``percent`` (status@1 rows, by date).

    Examples
    --------
    >>> country = kehoach.synthesize(items=10_000, seed=1)
    >>> country.items.groupby("level", observed=True).size()  # doctest: +SKIP
    """

    __slots__ = ("_impl", "_frames")

    def __init__(self, impl: _core.SyntheticPortfolio) -> None:
        self._impl = impl
        self._frames: dict[str, Any] = {}

    def __len__(self) -> int:
        return len(self._impl)

    def __repr__(self) -> str:
        return f"<SyntheticPortfolio of {len(self)} items in {len(self.plans)} plans>"

    def _frame(self, name: str, make: Any) -> Any:
        if name not in self._frames:
            self._frames[name] = make(_optional.pandas(f"SyntheticPortfolio.{name}"))
        return self._frames[name]

    @property
    def plans(self) -> Any:
        """One row per plan: ``plan``, ``level``, ``number``, ``issuer``, ``issued``, ``parent``
        (-1 for the national plan), ``event`` (when its guidance came out; NaT if not yet).

        Examples
        --------
        >>> country.plans.level.value_counts()  # doctest: +SKIP
        """
        def make(pd: Any) -> Any:
            c = self._impl._plans()
            return pd.DataFrame({
                "plan": np.arange(len(c["number"])),
                "level": pd.Categorical.from_codes(c["level"], categories=_LEVELS),
                "number": c["number"], "issuer": c["issuer"], "issued": c["issued"],
                "parent": c["parent"], "event": c["event"],
            }, copy=False)
        return self._frame("plans", make)

    @property
    def items(self) -> Any:
        """One row per item: ``id``, ``plan``, ``level``, ``item`` (its number in the plan),
        ``kind``, ``title``, ``lead``, ``deadline`` (categorical), ``implements`` (the parent
        plan's item, -1 for none), ``duration`` (working days), ``window_start`` and
        ``window_end`` (``datetime64[ns]``), ``continuous``, ``waiting``.

        Examples
        --------
        >>> country.items[["id", "plan", "lead", "window_end"]].head()  # doctest: +SKIP
        """
        def make(pd: Any) -> Any:
            c = self._impl._items()
            names = _core._synthetic_names
            plan_levels = self._impl._plans()["level"]
            level = plan_levels[c["plan"]].astype(np.int64)
            group = c["group"] < 0
            titles = np.where(group, c["title"], c["title"] + len(names["sections"]))
            return pd.DataFrame({
                "id": np.arange(len(c["plan"])),
                "plan": c["plan"],
                "level": pd.Categorical.from_codes(level, categories=_LEVELS),
                "item": c["item"],
                "kind": pd.Categorical.from_codes(np.where(group, 1, 0), categories=["task", "group"]),
                "title": pd.Categorical.from_codes(titles, categories=names["sections"] + names["tasks"]),
                "lead": pd.Categorical.from_codes(np.where(group, -1, level * 10 + c["lead"]), categories=names["units"]),
                "deadline": pd.Categorical.from_codes(np.where(group, -1, c["deadline"]), categories=_DEADLINES),
                "implements": c["implements"],
                "duration": c["duration"],
                "window_start": c["window_start"],
                "window_end": c["window_end"],
                "continuous": c["continuous"],
                "waiting": c["waiting"],
            }, copy=False)
        return self._frame("items", make)

    @property
    def edges(self) -> Any:
        """One row per dependency: ``source`` and ``target`` (``items.id``), ``type``
        (categorical: ``finish_to_start``, ``start_to_start``, ``finish_to_finish``), ``lag``.

        Examples
        --------
        >>> country.edges.type.value_counts()  # doctest: +SKIP
        """
        def make(pd: Any) -> Any:
            c = self._impl._edges()
            return pd.DataFrame({
                "source": c["source"], "target": c["target"],
                "type": pd.Categorical.from_codes(c["type"], categories=_TYPES), "lag": c["lag"],
            }, copy=False)
        return self._frame("edges", make)

    @property
    def status(self) -> Any:
        """One row per status report: ``item``, ``date``, ``state`` (categorical),
        ``percent`` (nullable ``Int8``).

        Examples
        --------
        >>> country.status.state.value_counts()  # doctest: +SKIP
        """
        def make(pd: Any) -> Any:
            c = self._impl._status()
            percent = pd.arrays.IntegerArray(c["percent"], c["percent"] < 0)
            return pd.DataFrame({
                "item": c["item"], "date": c["date"],
                "state": pd.Categorical.from_codes(c["state"], categories=_STATES), "percent": percent,
            }, copy=False)
        return self._frame("status", make)

    def graph(self) -> PlanGraph:
        """The graph, built from the columns in C++; ids are the ``items.id``.

        Examples
        --------
        >>> schedule = country.graph().schedule(start="2024-01-02")
        """
        columns = {"plan": self._impl._items()["plan"]}
        return PlanGraph(self._impl.graph(), np.arange(len(self)), columns, named=True)

    def to_portfolio(self) -> Portfolio:
        """The plans as :class:`Plan` objects, with units, roles, deadline phrases and events (a
        plan object costs far more than its columns: for thousands of items, not millions).

        Examples
        --------
        >>> portfolio = kehoach.synthesize(items=2_000).to_portfolio()
        """
        return Portfolio([Plan(p) for p in self._impl._plan_objects()])


def synthesize(items: int = 645_000, seed: int = 1, year: int = 2024, status: bool = True) -> SyntheticPortfolio:
    """A synthetic national portfolio of about ``items`` items; the same ``seed`` gives the same
    portfolio on every machine.

    Examples
    --------
    >>> country = synthesize(items=10_000, seed=1)
    >>> len(country) >= 10_000  # doctest: +SKIP
    True
    """
    if items < 1:
        raise ValueError(f"items must be 1 or more, not {items}")
    return SyntheticPortfolio(_core.synthesize(items, seed, year, status))
