"""Portfolios from Python: which child plans cover a parent's tasks, and links to review."""

from __future__ import annotations

import pandas as pd
import pytest

import kehoach


def district_and_communes() -> kehoach.Portfolio:
    plan = '{{"schema": "kehoach/plan@1", "plan": {plan}, "items": [{items}]}}'
    def item(number, title, implements=None):
        text = f'{{"id": "{number}", "number": "{number}", "kind": "task", "title": "{title}"'
        if implements:
            text += f', "implements": [{{"plan": "39/KH-UBND", "item": "{implements}"}}]'
        return text + "}"
    parent = '"parents": [{"number": "39/KH-UBND", "issuer": "Ủy ban nhân dân huyện Ia Pa"}]'
    district = plan.format(plan='{"number": "39/KH-UBND", "issuer": "Ủy ban nhân dân huyện Ia Pa"}', items=", ".join([
        item("1", "Tuyên truyền về định danh điện tử"), item("2", "Số hóa hồ sơ hộ tịch")]))
    chu_rang = plan.format(plan='{"number": "24/KH-UBND", "issuer": "Ủy ban nhân dân xã Chư Răng", ' + parent + "}",
                           items=", ".join([item("1", "Tuyên truyền định danh điện tử", "1"),
                                            item("2", "Số hóa hồ sơ hộ tịch trên địa bàn xã")]))
    ia_mron = plan.format(plan='{"number": "24/KH-UBND", "issuer": "Ủy ban nhân dân xã Ia Mrơn", ' + parent + "}",
                          items=item("5", "Kiểm tra trường học"))
    return kehoach.Portfolio([district, chu_rang, ia_mron])


def test_coverage_suggestions_and_a_link_table():
    portfolio = district_and_communes()
    district, chu_rang, ia_mron = portfolio.plans
    gaps = [(gap.parent_item, [plan.issuer for plan in gap.missing]) for gap in portfolio.coverage()]
    assert gaps == [("1", ["Ủy ban nhân dân xã Ia Mrơn"]), ("2", ["Ủy ban nhân dân xã Chư Răng", "Ủy ban nhân dân xã Ia Mrơn"])]
    suggestions = portfolio.suggest_links()
    assert [(s.child_plan.issuer, s.child_item, s.parent_item, s.reason) for s in suggestions] == [
        ("Ủy ban nhân dân xã Chư Răng", "2", "2", "same number 2; 6 of 10 title words shared")]
    assert len(portfolio.links()) == 1  # a suggestion is not a link
    table = pd.DataFrame({"child_plan": ["24/KH-UBND"], "child_issuer": ["UBND xã Chư Răng".replace("UBND", "Ủy ban nhân dân")],
                          "child_item": ["2"], "parent_plan": ["39/KH-UBND"], "parent_item": ["2"]})
    assert portfolio.add_links(table) == 1
    assert [(gap.parent_item, len(gap.missing)) for gap in portfolio.coverage()] == [("1", 1), ("2", 1)]
    with pytest.raises(KeyError, match="link table row 0: no single child plan numbered '24/KH-UBND'"):
        portfolio.add_links([{"child_plan": "24/KH-UBND", "child_item": "1", "parent_plan": "39/KH-UBND", "parent_item": "1"}])
