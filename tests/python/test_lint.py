"""Lint from Python: findings of a plan and of a portfolio, as rows and as a DataFrame."""

from __future__ import annotations

import json
import sys
from collections import Counter

import pytest

import kehoach

from conftest import ROOT, SEEDS

DEFECTS = ROOT / "tests" / "data" / "lint" / "defects.txt"

# Read by hand from the founding plan (issued 7/4/2023): the five tasks "Trong tháng 3/2023" and the
# four "Trong quý I/2023" are overdue when issued; these tasks have "Các ban, ngành liên quan" or
# "Các ban, ngành xã" as their only lead.
BORN_OVERDUE = ["II.1.1", "II.1.3", "II.1.4", "II.1.5", "II.4.6", "II.4.8", "II.5.3", "II.6.2", "II.8.2"]
COLLECTIVE_LEADS = ["II.1.3", "II.1.5", "II.3.2", "II.3.4-2", "II.4.1", "II.4.2", "II.4.3", "II.4.4", "II.4.6",
                    "II.4.9", "II.4.11", "II.4.13", "II.5.3", "II.7.2", "II.7.6", "II.8.2", "II.8.3", "II.9.1",
                    "II.9.2"]
FOUNDING_COUNTS = {"deadline_before_issue": 9, "group_as_lead": 19, "many_leads": 14, "deadline_on_rest_day": 2,
                   "no_deadline": 1}


def codes(findings: kehoach.Findings, code: str) -> list[str]:
    return [f.item for f in findings if f.code == code]


def test_the_founding_plan_text_lints_to_what_was_read_by_hand():
    seed = SEEDS / "000_8e3b6dd8ccf1e18f.txt"
    if not seed.exists():
        pytest.fail(f"the founding plan's text is not at {seed}: this test needs ../shared/seeds (CI has it)")
    findings = kehoach.read_plan(seed).lint()
    assert codes(findings, "deadline_before_issue") == BORN_OVERDUE
    assert codes(findings, "group_as_lead") == COLLECTIVE_LEADS
    assert Counter(f.code for f in findings) == FOUNDING_COUNTS
    assert repr(findings) == "Findings(errors=0, warnings=43, info=2)"
    assert len(findings.errors) == 0


def test_findings_are_rows_with_the_plans_lines(founding):
    findings = founding.lint()
    first = findings[0]
    assert (first.code, first.severity, first.item, first.line, first.column) == ("deadline_before_issue", "warning", "II.1.1", 65, 0)
    assert first.message == ("mục 1.1: thời hạn \"Trong tháng 3/2023\" kết thúc ngày 31/03/2023, trước ngày ban hành "
                             "kế hoạch 07/04/2023: quá hạn ngay khi ban hành")
    assert first.plan is founding
    assert isinstance(findings[1:3], kehoach.Findings) and len(findings[1:3]) == 2
    english = founding.lint(lang="en")
    assert english[0].message.startswith('item 1.1: the deadline "Trong tháng 3/2023" ends on 2023-03-31')
    with pytest.raises(ValueError, match="unknown value 'fr'"):
        founding.lint(lang="fr")


def test_a_calendar_that_works_saturdays_moves_no_deadline(founding):
    assert codes(founding.lint(), "deadline_on_rest_day") == ["II.4.2", "II.4.15"]
    six_days = kehoach.Calendar(working_days=(1, 2, 3, 4, 5, 6))
    assert codes(founding.lint(calendar=six_days), "deadline_on_rest_day") == []


def test_the_readers_defects_pass_through_as_errors():
    findings = kehoach.read_plan(DEFECTS).lint()
    assert [(f.code, f.item, f.line) for f in findings.errors] == [
        ("duplicate_number", "II.1.2#2", 21),
        ("invalid_date", "II.2.2", 30),
        ("unknown_dependency", "II.2.2", 28),
    ]


def test_to_pandas(founding):
    pd = pytest.importorskip("pandas")
    df = founding.lint().to_pandas()
    assert list(df.columns) == ["severity", "code", "item", "line", "column", "message"]
    assert list(df.severity.cat.categories) == ["error", "warning", "info"]
    assert df.groupby("code", observed=True).size().to_dict() == FOUNDING_COUNTS
    assert df.line.iloc[0] == 65
    assert isinstance(df, pd.DataFrame)


def test_to_pandas_without_pandas_says_how_to_get_it(founding, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"Findings.to_pandas\(\) needs pandas: install it"):
        founding.lint().to_pandas()


def plan_json(number: str, items: list[dict], parents: list[dict] | None = None) -> str:
    return json.dumps({
        "schema": "kehoach/plan@1",
        "plan": {"number": number, "issuer": f"Ủy ban nhân dân {number}", "date": "2024-05-15", "parents": parents or []},
        "units": [{"id": "ca", "name": "Công an xã"}],
        "items": items,
    }, ensure_ascii=False)


def task(item_id: str, end: str, **fields) -> dict:
    return {"id": item_id, "number": item_id, "kind": "task", "title": f"Việc {item_id}", "roles": {"lead": ["Công an xã"]},
            "deadline": {"text": f"Trước ngày {end}", "kind": "by_date", "end": end}, **fields}


def test_a_portfolio_names_the_child_items_due_after_their_parents():
    district = kehoach.Plan.from_json(plan_json("60/KH-UBND", [task("2", "2024-06-28")]))
    ward = kehoach.Plan.from_json(plan_json(
        "17/KH-UBND",
        [task("1", "2024-07-05", implements=[{"plan": "60/KH-UBND", "item": "2"}]),
         task("3", "2024-06-21", implements=[{"plan": "60/KH-UBND", "item": "2"}])],
        parents=[{"number": "60/KH-UBND", "issuer": "Ủy ban nhân dân 60/KH-UBND"}]))
    findings = kehoach.Portfolio([district, ward]).lint(lang="en")
    assert [(f.plan, f.code, f.item) for f in findings] == [(ward, "child_after_parent", "1")]
    assert findings[0].message == ('item 1: the deadline "Trước ngày 2024-07-05" ends on 2024-07-05, after the deadline '
                                   '2024-06-28 of item 2 of 60/KH-UBND (Ủy ban nhân dân 60/KH-UBND), which it implements')
    pytest.importorskip("pandas")
    assert findings.to_pandas().plan.tolist() == ["17/KH-UBND"]
