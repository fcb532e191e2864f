"""Lint: what keeps a plan's tasks from having a clear person, time and responsibility ("5 rõ"),
and what keeps the plan from being scheduled at all (see ``docs/lint.md``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from . import _display, _optional

if TYPE_CHECKING:
    from ._core import Diagnostic
    from .plan import Plan

__all__ = ["Finding", "Findings"]

SEVERITIES = ("error", "warning", "info")


class Finding(NamedTuple):
    """One finding: its ``code`` (``no_lead``, ``cycle`` ...), ``severity`` (``error``,
    ``warning``, ``info``), the ``item`` id, the 1-based ``line`` and ``column`` in the plan
    document (0 when not known), the ``message`` and, in a portfolio, the ``plan``."""

    code: str
    severity: str
    item: str
    line: int
    column: int
    message: str
    plan: Plan | None = None


class Findings(Sequence[Finding]):
    """The findings of :meth:`Plan.lint` or :meth:`Portfolio.lint`, in document order.

    Examples
    --------
    >>> findings = plan.lint()
    >>> findings
    Findings(errors=0, warnings=43, info=2)
    >>> findings[0].code, findings[0].item
    ('deadline_before_issue', 'II.1.1')
    >>> findings.to_pandas().groupby("code").size()["group_as_lead"]
    19
    """

    __slots__ = ("_rows", "_by_plan")

    def __init__(self, rows: Iterable[Finding], by_plan: bool = False) -> None:
        self._rows = list(rows)
        self._by_plan = by_plan  # a portfolio's: to_pandas() says which plan each row is of

    @classmethod
    def _of(cls, diagnostics: Iterable[Diagnostic], plan: Plan | None = None) -> Findings:
        return cls(Finding(d.code, d.severity, d.item, d.line, d.column, d.message, plan) for d in diagnostics)

    @overload
    def __getitem__(self, index: int) -> Finding: ...
    @overload
    def __getitem__(self, index: slice) -> Findings: ...
    def __getitem__(self, index: int | slice) -> Finding | Findings:
        if isinstance(index, slice):
            return Findings(self._rows[index], self._by_plan)
        return self._rows[index]

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def errors(self) -> Findings:
        """The findings that keep the plan from being scheduled or read unambiguously.

        Examples
        --------
        >>> [finding.code for finding in plan.lint().errors]
        []
        """
        return Findings((row for row in self._rows if row.severity == "error"), self._by_plan)

    def to_pandas(self) -> Any:
        """One row per finding: ``plan`` (the plan's number, for a portfolio's), ``severity`` and
        ``code`` (categorical), ``item``, ``line``, ``column``, ``message``.

        Examples
        --------
        >>> plan.lint().to_pandas().groupby("severity", observed=True).size()  # doctest: +SKIP
        """
        pd = _optional.pandas("Findings.to_pandas()")
        columns: dict[str, Any] = {}
        if self._by_plan:
            columns["plan"] = [row.plan.number if row.plan is not None else "" for row in self._rows]
        columns["severity"] = pd.Categorical([row.severity for row in self._rows], categories=SEVERITIES)
        columns["code"] = pd.Categorical([row.code for row in self._rows])
        for field in ("item", "line", "column", "message"):
            columns[field] = [getattr(row, field) for row in self._rows]
        return pd.DataFrame(columns)

    def _repr_html_(self) -> str:
        return _display.findings_html(self)

    def __repr__(self) -> str:
        counts = {severity: 0 for severity in SEVERITIES}
        for row in self._rows:
            counts[row.severity] = counts.get(row.severity, 0) + 1
        return f"Findings(errors={counts['error']}, warnings={counts['warning']}, info={counts['info']})"
