"""kehoach.to_lunar / from_lunar against published Vietnamese dates."""

from __future__ import annotations

import datetime

import pytest

import kehoach

D = datetime.date


@pytest.mark.parametrize(
    ("solar", "year"),
    [(D(2023, 1, 22), 2023), (D(2024, 2, 10), 2024), (D(2025, 1, 29), 2025), (D(2026, 2, 17), 2026), (D(2030, 2, 2), 2030)],
)
def test_tet(solar, year):
    assert kehoach.to_lunar(solar) == kehoach.LunarDate(year, 1, 1)
    assert kehoach.from_lunar(year, 1, 1) == solar


def test_leap_months_and_giỗ_tổ():
    assert kehoach.leap_month(2023) == 2
    assert kehoach.to_lunar("2023-03-22") == kehoach.LunarDate(2023, 2, 1, leap=True)
    assert repr(kehoach.to_lunar("2023-03-22")) == "LunarDate(2023, 2, 1, leap=True)"
    assert kehoach.from_lunar(2026, 3, 10) == D(2026, 4, 26)


def test_dates_that_do_not_exist():
    with pytest.raises(kehoach.KehoachError, match="no leap month 3"):
        kehoach.from_lunar(2023, 3, 1, leap=True)
