"""Deadlines: the kind, window and flags a deadline phrase stands for, with the phrase kept."""

from __future__ import annotations

import datetime
import warnings
from typing import NamedTuple

from . import _core
from ._core import Deadline, RecurrenceRule

__all__ = ["Deadline", "DeadlineWarning", "Occurrence", "RecurrenceRule", "parse_deadline"]


class DeadlineWarning(UserWarning):
    """A deadline phrase that could not be read; ``code`` says why (``invalid_date``,
    ``unrecognized_deadline``, ``missing_year``, ``ambiguous_deadline``, ``invalid_text``)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


class Occurrence(NamedTuple):
    """One occurrence of a recurring obligation: the period it covers and its due day."""

    period_start: datetime.date
    period_end: datetime.date
    due: datetime.date


def parse_deadline(text: str, issued: datetime.date | str | None = None, *, strict: bool = False) -> Deadline:
    """Read a Vietnamese deadline phrase.

    Parameters
    ----------
    text : str
        The phrase: ``"Trong quý I/2023"``, ``"Thường xuyên"``, ``"trước ngày 12 hàng tháng"``,
        ``"Sau khi Chính phủ ban hành Nghị định"`` ... NFC or NFD, any dash, spacing or case.
    issued : datetime.date or str, optional
        The plan's issue date; a date or period that omits its year takes this year.
    strict : bool
        Raise :class:`ParseError` instead of returning kind ``"unknown"``.

    Returns
    -------
    Deadline
        Kind ``"unknown"`` (with a :class:`DeadlineWarning` saying why) when the phrase cannot be
        read or names a date that does not exist: the reader never guesses.

    Examples
    --------
    >>> parse_deadline("Trong quý I/2023 và duy trì thường xuyên", issued="2023-04-07")
    Deadline('within_period', 2023-01-01..2023-03-31, also_ongoing, text='Trong quý I/2023 và duy trì thường xuyên')
    """
    deadline, diagnostics = _core._parse_deadline(text, issued, strict)
    for diagnostic in diagnostics:
        message = f"{text!r}, character {diagnostic.column}: {diagnostic.message}"
        warnings.warn(DeadlineWarning(message, diagnostic.code), stacklevel=2)
    return deadline


def _occurrences(self: RecurrenceRule, start: datetime.date | str, end: datetime.date | str) -> list[Occurrence]:
    """The occurrences whose due day lies in [start, end], in order (due days before any rest-day roll)."""
    return [Occurrence(*row) for row in self._occurrences(start, end)]


def _deadline_repr(self: Deadline) -> str:
    parts = [repr(self.kind)]
    if self.start or self.end:
        start = self.start.isoformat() if self.start else ""
        end = self.end.isoformat() if self.end else ""
        parts.append(f"{start}..{end}")
    parts += [flag for flag in ("soft", "also_ongoing") if getattr(self, flag)]
    parts += [repr(rule) for rule in self.recurrence]
    if self.event:
        parts.append(f"event={self.event!r}")
    parts.append(f"text={self.text!r}")
    return f"Deadline({', '.join(parts)})"


def _rule_repr(self: RecurrenceRule) -> str:
    fields = ("day", "weekday", "before", "month", "next_period", "time")
    given = [f"{name}={getattr(self, name)!r}" for name in fields if getattr(self, name) not in (None, False)]
    return f"RecurrenceRule({self.freq!r}{''.join(', ' + g for g in given)})"


# Display belongs to the Python layer; the compiled classes only carry the data.
Deadline.__repr__ = _deadline_repr  # type: ignore[method-assign]
RecurrenceRule.__repr__ = _rule_repr  # type: ignore[method-assign]
RecurrenceRule.occurrences = _occurrences  # type: ignore[attr-defined]
