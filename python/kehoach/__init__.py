"""kehoach: implementation plans as graphs — schedules and accountability.

Read a plan, look at its items, units and deadlines::

    >>> import kehoach
    >>> plan = kehoach.Plan.from_json("examples/plans/chu-rang-2023.plan.json")
    >>> plan.item("4.13").roles["lead"]
    ['Các ban, ngành xã']
"""

from __future__ import annotations

try:
    from . import _core
except ImportError as error:  # pragma: no cover - only when the extension was not built
    raise ImportError(
        "kehoach's compiled module kehoach._core is missing or does not load "
        f"({error}). Build it with `pip install .` or `scripts/test.sh` from the source tree."
    ) from error

from ._core import CycleError, KehoachError, ParseError, ValidationError
from .calendar import Calendar
from .deadline import Deadline, DeadlineWarning, Occurrence, RecurrenceRule, parse_deadline
from .export import ExportWarning
from .graph import Infeasibility, PlanGraph, Schedule
from .lint import Finding, Findings
from .lunar import LunarDate, from_lunar, leap_month, to_lunar
from .plan import Diagnostic, Event, Item, Plan, Unit, read_plan, read_table, unit_key
from .redact import redact_names
from .portfolio import CoverageGap, Link, LinkSuggestion, Portfolio, UnresolvedLink
from .report import monthly_report
from .synthetic import SyntheticPortfolio, synthesize
from .track import Escalation, Snapshot, StatusLog, Table
from . import plot  # loads matplotlib when a plot is drawn, not here

__version__: str = _core.__version__

__all__ = [
    "Calendar",
    "CoverageGap",
    "CycleError",
    "Deadline",
    "DeadlineWarning",
    "Diagnostic",
    "Escalation",
    "Event",
    "ExportWarning",
    "Finding",
    "Findings",
    "Infeasibility",
    "Item",
    "KehoachError",
    "Link",
    "LinkSuggestion",
    "LunarDate",
    "Occurrence",
    "ParseError",
    "Plan",
    "PlanGraph",
    "Portfolio",
    "RecurrenceRule",
    "Schedule",
    "Snapshot",
    "StatusLog",
    "SyntheticPortfolio",
    "Table",
    "Unit",
    "UnresolvedLink",
    "ValidationError",
    "__version__",
    "from_lunar",
    "leap_month",
    "monthly_report",
    "parse_deadline",
    "plot",
    "read_plan",
    "read_table",
    "redact_names",
    "synthesize",
    "to_lunar",
    "unit_key",
]
