"""Working days in Vietnam: the working week, holidays (the lunar ones computed), official schedules."""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Union

from . import _core, _optional

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Calendar"]

DateLike = Union[datetime.date, str]


def _week(working_days: Iterable[int]) -> list[bool]:
    days = set(working_days)
    if not days <= set(range(1, 8)):
        raise ValueError(f"working days are ISO weekdays 1 (Monday) .. 7 (Sunday), got {sorted(days)}")
    return [day in days for day in range(1, 8)]


class Calendar:
    """Which days are worked, and arithmetic in working days.

    :meth:`vietnam` gives the civil-service calendar: Monday to Friday; the holidays of Labor Code
    2019 art. 112, with Tết and Giỗ Tổ from the lunar calendar; the compensatory days of art.
    111(3); and the official schedules 2023–2026 (Tết and National Day blocks, make-up Saturdays).
    Swaps decided later are added with :meth:`add_day_off`, :meth:`add_working_day` or
    :meth:`load_schedule`. Dates may be ``datetime.date`` or ``"YYYY-MM-DD"``; the range is
    2013-01-01 .. 2100-12-31.

    Examples
    --------
    >>> cal = Calendar.vietnam()
    >>> cal.add_working_days("2024-02-07", 1)  # the first working day after Tết Giáp Thìn
    datetime.date(2024, 2, 15)
    >>> cal.is_working_day("2024-05-04")       # a make-up Saturday
    True
    """

    __slots__ = ("_impl",)

    def __init__(self, impl: _core.Calendar | None = None, *, working_days: Iterable[int] = (1, 2, 3, 4, 5)) -> None:
        self._impl = impl if impl is not None else _core.Calendar(_week(working_days))

    @classmethod
    def vietnam(cls, working_days: Iterable[int] = (1, 2, 3, 4, 5)) -> Calendar:
        """Vietnam's civil-service calendar; ``working_days`` are ISO weekdays (add 6 for an office
        that works on Saturdays).

        Examples
        --------
        >>> Calendar.vietnam().is_working_day("2024-09-02")  # Quốc khánh
        False
        """
        return cls(_core.Calendar.vietnam(_week(working_days)))

    def with_working_days(self, working_days: Iterable[int]) -> Calendar:
        """The same holidays with another working week.

        Examples
        --------
        >>> Calendar.vietnam().with_working_days(range(1, 7)).working_days
        (1, 2, 3, 4, 5, 6)
        """
        return Calendar(self._impl.with_working_week(_week(working_days)))

    @property
    def working_days(self) -> tuple[int, ...]:
        """The ISO weekdays worked (1 = Monday).

        Examples
        --------
        >>> Calendar.vietnam().working_days
        (1, 2, 3, 4, 5)
        """
        return tuple(day for day, worked in enumerate(self._impl.week, start=1) if worked)

    def is_working_day(self, day: DateLike) -> bool:
        """Whether ``day`` is worked: a day of the working week that is no holiday, or a make-up day.

        Examples
        --------
        >>> Calendar.vietnam().is_working_day("2024-03-04")
        True
        """
        return self._impl.is_working_day(day)

    def next_working_day(self, day: DateLike) -> datetime.date:
        """The first working day after ``day``.

        Examples
        --------
        >>> Calendar.vietnam().next_working_day("2024-03-08")  # a Friday
        datetime.date(2024, 3, 11)
        """
        return self._impl.next_working_day(day)

    def previous_working_day(self, day: DateLike) -> datetime.date:
        """The last working day before ``day``.

        Examples
        --------
        >>> Calendar.vietnam().previous_working_day("2024-03-11")
        datetime.date(2024, 3, 8)
        """
        return self._impl.previous_working_day(day)

    def roll_forward(self, day: DateLike) -> datetime.date:
        """Civil Code art. 148: a deadline on a rest day ends on the next working day.

        Examples
        --------
        >>> Calendar.vietnam().roll_forward("2024-03-09")  # a Saturday
        datetime.date(2024, 3, 11)
        """
        return self._impl.roll_forward(day)

    def add_working_days(self, day: DateLike, n: int) -> datetime.date:
        """The ``n``-th working day after ``day`` (before it when ``n < 0``); the start day is not
        counted (Civil Code art. 147). ``n == 0`` rolls forward.

        Examples
        --------
        >>> Calendar.vietnam().add_working_days("2024-03-08", 1)
        datetime.date(2024, 3, 11)
        """
        return self._impl.add_working_days(day, n)

    def working_days_between(self, start: DateLike, end: DateLike) -> int:
        """Working days in (start, end]: the start day is not counted, the end day is.

        Examples
        --------
        >>> Calendar.vietnam().working_days_between("2024-03-08", "2024-03-11")
        1
        """
        return self._impl.working_days_between(start, end)

    def holidays(self, year: int) -> pd.DataFrame:
        """The year's days off and make-up working days.

        Returns
        -------
        pandas.DataFrame
            Columns ``date`` (``datetime64[ns]``), ``name``, ``kind`` (categorical: ``statutory``,
            ``compensatory``, ``decreed``, ``makeup_workday``).

        Examples
        --------
        >>> Calendar.vietnam().holidays(2026).query("kind == 'makeup_workday'").date.dt.date.tolist()
        [datetime.date(2026, 1, 10), datetime.date(2026, 8, 22)]
        """
        pd = _optional.pandas("Calendar.holidays")
        columns = self._impl._holidays(year)
        columns["kind"] = pd.Categorical.from_codes(columns["kind"], categories=_core.Calendar.day_off_kinds)
        return pd.DataFrame(columns, copy=False)

    def schedule_json(self, year: int) -> str:
        """The year's days as a holidays@1 schedule that replaces every occasion: edit it when a
        swap is decreed, and load it back with :meth:`load_schedule`.

        Examples
        --------
        >>> text = Calendar.vietnam().schedule_json(2026)
        >>> Calendar.vietnam().load_schedule(text).is_working_day("2026-01-10")
        True
        """
        return self._impl.schedule_json(year)

    def add_day_off(self, day: DateLike, name: str) -> Calendar:
        """A day off by decision (kind ``decreed``), e.g. a swap announced late. Returns ``self``.

        Examples
        --------
        >>> cal = Calendar.vietnam().add_day_off("2024-03-08", "Ngày nghỉ của xã")
        >>> cal.is_working_day("2024-03-08")
        False
        """
        self._impl.add_day_off(day, name)
        return self

    def add_working_day(self, day: DateLike, name: str) -> Calendar:
        """A rest day that is worked (kind ``makeup_workday``). Returns ``self``.

        Examples
        --------
        >>> cal = Calendar.vietnam().add_working_day("2024-03-09", "Làm bù")
        >>> cal.is_working_day("2024-03-09")
        True
        """
        self._impl.add_working_day(day, name)
        return self

    def load_schedule(self, source: str | os.PathLike[str]) -> Calendar:
        """Official schedules in the holidays@1 format, from a path or the JSON text; a year given
        again replaces the earlier schedule of that year. Returns ``self``.

        Examples
        --------
        >>> cal = Calendar.vietnam().load_schedule("data/holidays/vn-civil-service.json")
        """
        if isinstance(source, str) and source.lstrip().startswith("{"):
            self._impl.load_schedule(source)
        else:
            self._impl.load_schedule_file(os.fspath(source))
        return self

    def __repr__(self) -> str:
        names = "Mon Tue Wed Thu Fri Sat Sun".split()
        return f"Calendar(working_days={'/'.join(names[d - 1] for d in self.working_days)})"
