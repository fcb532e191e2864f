"""The Python Plan API over plan@1, on the founding plan and on small plans written here."""

from __future__ import annotations

import datetime
import json

import pytest

import kehoach
from conftest import FOUNDING_PLAN


def minimal(**items) -> str:
    return json.dumps({"schema": "kehoach/plan@1", "plan": {}, "items": [], **items}, ensure_ascii=False)


def test_plan_fields_come_from_the_document(founding):
    assert founding.number == "24/KH-UBND"
    assert founding.issuer == "Ủy ban nhân dân xã Chư Răng"
    assert founding.date == datetime.date(2023, 4, 7)
    assert founding.level == "commune"
    assert founding.parents == [
        {"number": "39/KH-UBND", "date": datetime.date(2023, 3, 20), "issuer": "Ủy ban nhân dân huyện Ia Pa"}
    ]
    assert founding.signer["title"] == "Chủ tịch"
    assert founding.roles == {"monitor": ["Công an xã"], "report_compiler": ["Văn phòng – Thống kê xã"]}


def test_items_are_found_by_id_or_by_an_unambiguous_number(founding):
    item = founding.item("4.13")
    assert item is not None and item.id == "II.4.13"
    assert founding.item("II.4.13").number == "4.13"
    assert item.parent == "II.4"
    assert item.kind == "task"
    assert founding.item("II.4").kind == "group"
    with pytest.raises(KeyError, match="ambiguous: items 'II.2', 'III.2'"):
        founding.item("2")
    with pytest.raises(KeyError, match="no item has the id or number '10.1'"):
        founding.item("10.1")


def test_roles_list_units_by_canonical_name(founding):
    budget = founding.item("1.3")
    assert budget.roles == {
        "lead": ["Các ban, ngành liên quan"],
        "support": ["Công an xã"],
        "monitor": ["Công chức Kế toán xã"],
        "report_to": [],
        "approver": [],
    }
    # 3.5 names three leads, one of them as "Công chức Văn hóa - Thông tin" (an alias).
    assert founding.item("3.5").roles["lead"] == [
        "Công chức Văn hóa – Thông tin xã",
        "Công an xã",
        "Các ban, ngành liên quan",
    ]
    kinds = {unit.name: unit.kind for unit in founding.units}
    assert kinds["Các ban, ngành xã"] == "group"
    assert kinds["Công an xã"] == "agency"


def test_deadlines_keep_their_text_and_normalized_window(founding):
    march = founding.item("1.1").deadline
    assert (march.kind, march.start, march.end) == ("within_period", datetime.date(2023, 3, 1), datetime.date(2023, 3, 31))
    assert march.text == "Trong tháng 3/2023"
    assert not march.soft and not march.also_ongoing
    assert founding.item("7.1").deadline.soft
    assert founding.item("8.2").deadline.also_ongoing
    assert founding.item("4.13").deadline.kind == "ongoing"
    report = founding.item("III.2").deadline
    assert report.kind == "recurring"
    [rule] = report.recurrence
    assert (rule.freq, rule.day, rule.before, rule.month, rule.time) == ("monthly", 12, True, None, None)
    assert founding.item("III.3").deadline is None


def test_items_wait_for_external_events(founding):
    waiting = [item for item in founding if item.deadline and item.deadline.kind == "after_event"]
    assert [item.id for item in waiting] == ["II.3.3", "II.4.1", "II.7.4", "II.7.7"]
    event_ids = {event.id for event in founding.events}
    for item in waiting:
        [dependency] = item.dependencies
        assert dependency["type"] == "after_event" and dependency["event"] in event_ids
        assert item.depends_on == []  # no item dependencies: only the event
    assert all(event.date is None for event in founding.events)


def test_round_trip_is_exact(founding):
    assert founding.to_json() == FOUNDING_PLAN.read_text(encoding="utf-8")
    again = kehoach.Plan.from_json(founding.to_json())
    assert again.to_json() == founding.to_json()


def test_from_json_takes_text_bytes_and_paths():
    text = minimal(items=[{"id": "1", "number": "1", "kind": "task", "title": "Việc", "depends_on": []}])
    assert len(kehoach.Plan.from_json(text)) == 1
    assert len(kehoach.Plan.from_json(text.encode())) == 1
    assert kehoach.Plan.from_json(FOUNDING_PLAN).number == "24/KH-UBND"
    assert kehoach.Plan.from_json(str(FOUNDING_PLAN)).number == "24/KH-UBND"


def test_dependencies_with_types_and_lags():
    plan = kehoach.Plan.from_json(minimal(items=[
        {"id": "a", "number": "1", "kind": "task", "title": "A"},
        {"id": "b", "number": "2", "kind": "task", "title": "B",
         "depends_on": ["a", {"item": "a", "type": "finish_to_finish", "lag": -3}]},
    ]))
    b = plan.item("b")
    assert b.depends_on == ["a", "a"]
    assert b.dependencies == [
        {"item": "a", "type": "finish_to_start", "lag": 0},
        {"item": "a", "type": "finish_to_finish", "lag": -3},
    ]


def test_summary_counts_what_the_demo_prints(founding):
    summary = founding.summary()
    assert (summary["tasks"], summary["groups"]) == (50, 11)
    assert summary["tasks_per_lead"][0] == ("Các ban, ngành xã", 21)
    assert dict(summary["due_by_month"])["2023-09"] == ["II.4.2", "II.4.15"]
    assert summary["event_bound"] == ["II.3.3", "II.4.1", "II.7.4", "II.7.7"]
    assert summary["recurring"] == ["III.2"]


def test_reprs_are_short_and_say_what_it_is(founding):
    assert repr(founding) == "Plan('24/KH-UBND', items=61, tasks=50, units=14)"
    assert repr(founding.item("7.1").deadline) == (
        "Deadline('within_period', 2023-04-01..2023-06-30, soft, text='Phấn đấu hoàn thành trong quý II/2023')"
    )
    assert repr(founding.item("III.2").deadline.recurrence[0]) == "RecurrenceRule('monthly', day=12, before=True)"
    assert repr(founding.item("5.3")).startswith("Item('II.5.3', task, ")
