"""Portfolios: many plans, and the items of child plans that carry out items of their parents."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable
from typing import Any, Literal, NamedTuple

from . import _core, _display
from ._core import KehoachError
from .calendar import Calendar
from .lint import Findings
from .plan import PathOrText, Plan, _calendar

__all__ = ["CoverageGap", "Link", "LinkSuggestion", "Portfolio", "UnresolvedLink"]


class Link(NamedTuple):
    """``child_item`` of ``child_plan`` carries out ``parent_item`` of ``parent_plan``."""

    child_plan: Plan
    child_item: str
    parent_plan: Plan
    parent_item: str


class UnresolvedLink(NamedTuple):
    """An ``implements`` reference that names no plan or item of the portfolio, and why."""

    child_plan: Plan
    child_item: str
    plan: str
    item: str
    reason: str


class CoverageGap(NamedTuple):
    """A task of ``parent_plan`` that the ``missing`` plans, which implement that plan, carry out
    nothing of."""

    parent_plan: Plan
    parent_item: str
    missing: list[Plan]


class LinkSuggestion(NamedTuple):
    """A link that looks likely, for review: ``score`` 0..1 from shared title words and the same
    number, ``reason`` in words. Apply the ones you accept with :meth:`Portfolio.link`."""

    child_plan: Plan
    child_item: str
    parent_plan: Plan
    parent_item: str
    score: float
    reason: str


class Portfolio:
    """Plans that cascade (province → district → commune), linked item to item.

    A plan is known by its number and issuer: an item's ``implements`` reference names a parent
    plan by number, and the child plan's own ``parents`` entry says which issuer is meant.

    Examples
    --------
    >>> portfolio = Portfolio([district_plan, commune_plan])
    >>> [(link.child_item, link.parent_item) for link in portfolio.links()]
    [('II.4', 'II.2')]
    """

    __slots__ = ("_impl", "_plans")

    def __init__(self, plans: Iterable[Plan | PathOrText] = ()) -> None:
        self._impl = _core.Portfolio()
        self._plans: list[Plan] = []
        for plan in plans:
            self.add(plan)

    @classmethod
    def from_folder(cls, folder: str | os.PathLike[str]) -> Portfolio:
        """Every plan of a folder: plan@1 files (``.json``) and plan documents (``.txt``, ``.md``),
        in name order; other files are left alone.

        Raises
        ------
        ParseError
            Naming the file, line and column of a plan that cannot be read.
        KehoachError
            For a folder with no plans.

        Examples
        --------
        >>> country = Portfolio.from_folder("tests/data/portfolio")  # doctest: +SKIP
        """
        return cls(Plan(impl) for impl in _core._load_portfolio(os.fspath(folder)))

    def add(self, plan: Plan | PathOrText) -> Plan:
        """Add a plan (or read one from a plan@1 path or text); returns the plan.

        Examples
        --------
        >>> portfolio = Portfolio()
        >>> portfolio.add("examples/plans/chu-rang-2023.plan.json").number
        '24/KH-UBND'
        """
        if not isinstance(plan, Plan):
            plan = Plan.from_json(plan)
        self._impl.add(plan._impl)
        self._plans.append(plan)
        return plan

    def link(self, child_plan: Plan, child_item: str, parent_plan: Plan, parent_item: str) -> None:
        """State that ``child_item`` carries out ``parent_item``, beside the links the plans state.

        Items are given by id or by a number only one item of the plan has.

        Examples
        --------
        >>> portfolio.link(commune_plan, "II.1", district_plan, "2.3")  # doctest: +SKIP
        """
        self._impl.link(self._index(child_plan), child_item, self._index(parent_plan), parent_item)

    @property
    def plans(self) -> list[Plan]:
        """The plans, in the order they were added.

        Examples
        --------
        >>> [plan.number for plan in Portfolio([plan]).plans]
        ['24/KH-UBND']
        """
        return list(self._plans)

    def find_plan(self, number: str, issuer: str = "") -> Plan | None:
        """The plan with this number (and issuer), if exactly one.

        Examples
        --------
        >>> portfolio.find_plan("24/KH-UBND").title  # doctest: +SKIP
        """
        index = self._impl.find_plan(number, issuer)
        return None if index is None else self._plans[index]

    def links(self) -> list[Link]:
        """Every link, sorted, without repeats: those stated by items and those given to :meth:`link`.

        Examples
        --------
        >>> [(link.child_item, link.parent_item) for link in portfolio.links()]  # doctest: +SKIP
        """
        return [Link(self._plans[c], ci, self._plans[p], pi) for c, ci, p, pi in self._impl._links()]

    def unresolved(self) -> list[UnresolvedLink]:
        """The ``implements`` references that name nothing in the portfolio.

        Examples
        --------
        >>> [(ref.plan.number, ref.item) for ref in portfolio.unresolved()]  # doctest: +SKIP
        """
        return [UnresolvedLink(self._plans[c], ci, plan, item, why) for c, ci, plan, item, why in self._impl._unresolved()]

    def snapshot(self, log: Any, as_of: datetime.date | str | None = None, *, stale_after_days: int = 30,
                 calendar: Any = None) -> Any:
        """Where every item of every plan stands on ``as_of``, from one log whose rows name their
        plan (a ``plan`` column with the plan's number). See :meth:`kehoach.Plan.snapshot`.

        Examples
        --------
        >>> now = portfolio.snapshot("status.csv", as_of="2023-06-30")  # doctest: +SKIP
        >>> now.counts()["overdue"]  # doctest: +SKIP
        """
        from .track import take_snapshot

        return take_snapshot(self, self._plans, log, as_of, stale_after_days, calendar)

    def rollup(self, snapshot: Any) -> Any:
        """Tasks per category for each plan, with its level (sum by level with pandas'
        ``groupby("level")``).

        Examples
        --------
        >>> portfolio.rollup(now).to_pandas().groupby("level").overdue.sum()  # doctest: +SKIP
        """
        from .track import Table

        rows = _core._rollup_by_plan(self._impl, snapshot._impl)
        columns: dict[str, list[Any]] = {"plan": [self._plans[k].number for k, _, _ in rows],
                                         "level": [level for _, level, _ in rows]}
        for name in _core.Snapshot.category_names:
            columns[name] = [counts[name] for _, _, counts in rows]
        return Table("PlanRollup", columns)

    def cascade(self, snapshot: Any) -> Any:
        """For each parent plan's task that others implement, its status derived from the tasks
        implementing it (``derived``), beside its own (``own``).

        Examples
        --------
        >>> portfolio.cascade(now).to_pandas().query("own != derived")  # doctest: +SKIP
        """
        from .track import Table

        ids = [(plan.number, item.id) for plan in self._plans for item in plan.items]
        own = snapshot.to_pandas()["category"]
        rows = _core._cascade(self._impl, snapshot._impl)
        return Table("Cascade", {"plan": [ids[i][0] for i, _, _ in rows], "item": [ids[i][1] for i, _, _ in rows],
                                 "own": [own.iloc[i] for i, _, _ in rows], "derived": [d for _, d, _ in rows],
                                 "parts": [sum(c.values()) for _, _, c in rows]})

    def schedule(self, start: datetime.date | str | None = None, calendar: Any = None) -> Any:
        """The critical-path method over every plan: each plan's items start no earlier than its
        issue date, and a parent item finishes when the items implementing it finish. Ids in the
        schedule are ``(plan number, item id)`` pairs. Returns a :class:`kehoach.Schedule`.

        Examples
        --------
        >>> portfolio.schedule().to_pandas().groupby("plan").early_finish.max()  # doctest: +SKIP
        """
        from .graph import PlanGraph

        return PlanGraph.from_portfolio(self).schedule(start, calendar)

    def lint(self, calendar: Calendar | None = None, lang: str = "vi") -> Findings:
        """Every plan's findings (see :meth:`Plan.lint`), plan after plan, each with its ``plan``;
        and ``child_after_parent``: a child plan's item due after the parent item it implements.
        Returns :class:`kehoach.Findings`.

        Examples
        --------
        >>> portfolio.lint().to_pandas().groupby("plan").size()  # doctest: +SKIP
        """
        per_plan = _core._lint_portfolio(self._impl, _calendar(calendar), lang)
        return Findings((row for plan, found in zip(self._plans, per_plan) for row in Findings._of(found, plan)), by_plan=True)

    def coverage(self) -> list[CoverageGap]:
        """For each task of a plan that others implement, the implementing plans that carry out
        nothing of it (by the links the plans state and those given to :meth:`link`).

        Examples
        --------
        >>> [(gap.child_plan.number, gap.parent_item) for gap in portfolio.coverage()]  # doctest: +SKIP
        """
        plans = self._plans
        return [CoverageGap(plans[p], item, [plans[c] for c in missing]) for p, item, missing in self._impl._coverage()]

    def suggest_links(self, min_score: float = 0.5) -> list[LinkSuggestion]:
        """For each task of a child plan linked to nothing of its parent plan, the parent's task it
        most likely implements, best first. Nothing is applied: review them, then :meth:`link`.

        Examples
        --------
        >>> for s in portfolio.suggest_links(min_score=0.8):  # doctest: +SKIP
        ...     portfolio.link(s.child_plan, s.child_item, s.parent_plan, s.parent_item)
        """
        plans = self._plans
        return [LinkSuggestion(plans[c], ci, plans[p], pi, score, reason)
                for c, ci, p, pi, score, reason in self._impl._suggest_links(min_score)]

    def add_links(self, table: Any) -> int:
        """Links from a table (a DataFrame, or rows of mappings) with ``child_plan``,
        ``child_item``, ``parent_plan``, ``parent_item`` — plans by number — and optionally
        ``child_issuer`` and ``parent_issuer`` where numbers repeat. Returns how many were added.

        Raises
        ------
        KeyError
            Naming the row whose plan or item is not in the portfolio.

        Examples
        --------
        >>> portfolio.add_links(pd.read_csv("links.csv"))  # doctest: +SKIP
        """
        rows = table.to_dict("records") if hasattr(table, "to_dict") else list(table)
        for number, row in enumerate(rows):
            child = self.find_plan(row["child_plan"], row.get("child_issuer") or "")
            parent = self.find_plan(row["parent_plan"], row.get("parent_issuer") or "")
            for side, plan, key in (("child", child, "child_plan"), ("parent", parent, "parent_plan")):
                if plan is None:
                    raise KeyError(f"link table row {number}: no single {side} plan numbered {row[key]!r} in the portfolio")
            try:
                self.link(child, row["child_item"], parent, row["parent_item"])
            except KehoachError as error:
                raise KeyError(f"link table row {number}: {error}") from None
        return len(rows)

    def to_dot(self, schedule: Any = None, *, lang: Literal["vi", "en"] = "vi", redact: bool = False) -> str:
        """The portfolio as a Graphviz graph: a cluster per plan around its sections, and an edge
        from each child plan's item to the parent plan's item it implements. With the portfolio's
        :class:`Schedule` (:meth:`schedule`), critical items and edges are red. With ``redact=True``,
        every plan is drawn as :meth:`Plan.redacted` draws it.

        Examples
        --------
        >>> text = portfolio.to_dot(portfolio.schedule())
        """
        from . import export

        return export.to_dot(self, schedule, lang, redact)

    def _index(self, plan: Plan) -> int:
        for index, candidate in enumerate(self._plans):
            if candidate is plan:
                return index
        raise ValueError(f"{plan!r} is not in this portfolio")

    def __len__(self) -> int:
        return len(self._plans)

    def _repr_html_(self) -> str:
        return _display.portfolio_html(self)

    def __repr__(self) -> str:
        return f"Portfolio(plans={len(self)}, items={sum(len(p) for p in self._plans)})"
