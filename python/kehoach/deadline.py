"""Deadlines: the kind, window and flags a deadline phrase stands for, with the phrase kept."""

from __future__ import annotations

from ._core import Deadline, RecurrenceRule

__all__ = ["Deadline", "RecurrenceRule"]


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
