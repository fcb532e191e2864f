"""kehoach.parse_deadline and recurrence from Python."""

from __future__ import annotations

import datetime

import pytest

import kehoach

D = datetime.date


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("Trong tháng 3/2023", "within_period", D(2023, 3, 1), D(2023, 3, 31)),
        ("Quý III-IV/2023", "within_period", D(2023, 7, 1), D(2023, 12, 31)),
        ("6 tháng cuối năm", "within_period", D(2023, 7, 1), D(2023, 12, 31)),
        ("Chậm nhất ngày 18-6-2023", "by_date", None, D(2023, 6, 18)),
        ("(30-6)", "by_date", None, D(2023, 6, 30)),
        ("Từ ngày 01/6/2023", "from_date", D(2023, 6, 1), None),
        ("Thường xuyên, liên tục", "ongoing", None, None),
        ("Sau khi Chính phủ ban hành Nghị định", "after_event", None, None),
    ],
    ids=["month", "quarters", "half", "by", "bare-date", "from", "ongoing", "event"],
)
def test_phrase_families(text, kind, start, end):
    deadline = kehoach.parse_deadline(text, issued="2023-04-07")
    assert (deadline.kind, deadline.start, deadline.end, deadline.text) == (kind, start, end, text)


def test_issued_may_be_a_date_and_flags_are_read():
    deadline = kehoach.parse_deadline("Phấn đấu hoàn thành trong quý II/2023 và duy trì thường xuyên", D(2023, 4, 7))
    assert deadline.soft and deadline.also_ongoing
    assert kehoach.parse_deadline("Sau khi có văn bản hướng dẫn của Bộ Công an").event == "có văn bản hướng dẫn của Bộ Công an"


def test_unreadable_phrases_warn_and_say_why():
    with pytest.warns(kehoach.DeadlineWarning, match="there is no month 13") as caught:
        deadline = kehoach.parse_deadline("Tháng 13/2023")
    assert deadline.kind == "unknown" and deadline.end is None
    assert caught[0].message.code == "invalid_date"
    with pytest.warns(kehoach.DeadlineWarning) as caught:
        kehoach.parse_deadline("Trong tháng 3")  # no year, no issue date
    assert caught[0].message.code == "missing_year"


def test_strict_raises_a_parse_error_with_the_column():
    with pytest.raises(kehoach.ParseError) as caught:
        kehoach.parse_deadline("Từ 31/5/2024 đến 16/4/2024", strict=True)
    assert (caught.value.line, caught.value.column) == (1, 1)
    assert "ends before it starts" in str(caught.value)


def test_issued_must_be_a_real_date():
    with pytest.raises(ValueError, match="'2023-02-30' is not a date"):
        kehoach.parse_deadline("Trong tháng 3", issued="2023-02-30")


def test_recurring_rules_expand_into_occurrences():
    deadline = kehoach.parse_deadline("Hằng quý, trước ngày 10 tháng đầu quý sau")
    [rule] = deadline.recurrence
    assert (rule.freq, rule.day, rule.month, rule.next_period, rule.before) == ("quarterly", 10, 1, True, True)
    dues = [o.due for o in rule.occurrences("2024-01-01", "2024-12-31")]
    assert dues == [D(2024, 1, 10), D(2024, 4, 10), D(2024, 7, 10), D(2024, 10, 10)]
    first = rule.occurrences("2024-01-01", "2024-01-31")[0]
    assert (first.period_start, first.period_end) == (D(2023, 10, 1), D(2023, 12, 31))


def test_the_founding_plans_monthly_report(founding):
    [rule] = founding.item("III.2").deadline.recurrence
    dues = [o.due for o in rule.occurrences(founding.date, "2023-12-31")]
    assert dues == [D(2023, m, 12) for m in range(4, 13)]
