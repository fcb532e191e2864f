"""The Vietnamese lunar calendar (âm lịch), computed at UTC+7."""

from __future__ import annotations

import datetime

from . import _core
from ._core import LunarDate

__all__ = ["LunarDate", "from_lunar", "leap_month", "to_lunar"]


def to_lunar(day: datetime.date | str) -> LunarDate:
    """The lunar date of a solar date (1900-01-31 .. 2100-12-31).

    Examples
    --------
    >>> to_lunar("2024-02-10")
    LunarDate(2024, 1, 1)
    """
    return _core.to_lunar(day)


def from_lunar(year: int, month: int, day: int, leap: bool = False) -> datetime.date:
    """The solar date of a lunar date; ``leap`` for a leap month (tháng nhuận).

    Raises
    ------
    KehoachError
        When no such lunar date exists (a leap month the year does not have, day 30 of a
        29-day month).

    Examples
    --------
    >>> from_lunar(2025, 3, 10)  # Giỗ Tổ Hùng Vương
    datetime.date(2025, 4, 7)
    """
    return _core.from_lunar(LunarDate(year, month, day, leap))


def leap_month(year: int) -> int:
    """The leap month of a lunar year, or 0.

    Examples
    --------
    >>> leap_month(2023)  # nhuận tháng 2
    2
    """
    return _core.leap_month(year)


def _lunar_repr(self: LunarDate) -> str:
    leap = ", leap=True" if self.leap else ""
    return f"LunarDate({self.year}, {self.month}, {self.day}{leap})"


LunarDate.__repr__ = _lunar_repr  # type: ignore[method-assign]
