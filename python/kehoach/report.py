"""The monthly report a unit sends upward, in Markdown or HTML (docs/reporting.md).

    >>> plan = kehoach.read_plan("tests/data/tracking/ia-mo-2023.txt")
    >>> text = kehoach.monthly_report(plan, "tests/data/tracking/ia-mo-2023.status.csv", month="2023-06")
"""

from __future__ import annotations

import datetime
from typing import Literal, Union

from . import _core
from .plan import Plan
from .track import PathOrText, StatusLog

__all__ = ["monthly_report"]

Month = Union[str, datetime.date]


def monthly_report(
    plan: Plan,
    log: StatusLog | PathOrText,
    month: Month,
    as_of: datetime.date | str | None = None,
    *,
    format: Literal["md", "markdown", "html"] = "md",
    lang: Literal["vi", "en"] = "vi",
    redact: bool = False,
    stale_after_days: int = 30,
) -> str:
    """The monthly report on a plan: where it stands, what fell due, who answers for what is late.

    Parameters
    ----------
    plan : Plan
        The plan reported on.
    log : StatusLog, path or status@1 text
        Its status log (CSV or JSON).
    month : str or datetime.date
        The month reported on, ``"YYYY-MM"`` (of a date, its month).
    as_of : datetime.date or str, optional
        The day the figures stand on. Default: the month's last day, or today (in Vietnam) while
        the month is still running.
    format : {"md", "html"}
        Markdown, or one self-contained, printable HTML page.
    lang : {"vi", "en"}
        Vietnamese (the default) or English labels and dates.
    redact : bool
        Report on :meth:`Plan.redacted` — no personal name, neither the signer's (the title stays)
        nor those in titles, units and events — and leave out the notes of the log, which can
        name people.
    stale_after_days : int
        Open work with no report for more than this many days is listed as stale.

    Returns
    -------
    str
        The whole document.

    Examples
    --------
    >>> plan = kehoach.read_plan("tests/data/tracking/ia-mo-2023.txt")
    >>> text = monthly_report(plan, "tests/data/tracking/ia-mo-2023.status.csv", month="2023-06")
    """
    if isinstance(month, datetime.date):
        month = f"{month.year:04}-{month.month:02}"
    if not isinstance(log, StatusLog):
        log = StatusLog.read(log)
    return _core._monthly_report(plan._impl, log._impl, month, as_of,
                                 "markdown" if format == "md" else format, lang,
                                 redact, stale_after_days)
