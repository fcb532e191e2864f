"""Notebook display: one-line reprs, and the HTML of ``_repr_html_`` compared with golden files.

The golden files are ``tests/python/data/<name>.html``. A change to the display fails these tests
until the goldens are rewritten on purpose::

    KEHOACH_UPDATE_GOLDEN=1 python3 -m pytest tests/python/test_display.py

which writes every golden file anew and skips the comparison; look at the new files (``git diff``,
or open them in a browser) before committing them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

import kehoach
from kehoach import _core, _display

from conftest import IA_MO_LOG, IA_MO_PLAN, ROOT

GOLDEN = Path(__file__).resolve().parent / "data"
DEFECTS = ROOT / "tests" / "data" / "lint" / "defects.txt"
# What the builders write, and nothing else: a tag outside it is markup that leaked from the data.
TAGS = {"div", "p", "b", "span", "table", "thead", "tbody", "tr", "th", "td"}


@pytest.fixture(scope="module")
def mid_june(ia_mo):
    return ia_mo.snapshot(IA_MO_LOG, as_of="2023-06-15")


@pytest.fixture(scope="module")
def displayed(ia_mo, mid_june):
    """The objects that have golden files, by the golden file's name."""
    return {
        "plan": ia_mo,
        "item": ia_mo.item("II.1.3"),
        "schedule": ia_mo.schedule(),
        "snapshot": mid_june,
        "scorecard": mid_june.scorecard(),
        "lint": kehoach.read_plan(DEFECTS).lint(),
        # Four levels, deterministic by seed on every machine.
        "portfolio": kehoach.synthesize(items=300, seed=1, status=False).to_portfolio(),
    }


def label(category: str) -> str:
    return _core.Snapshot.category_labels()[_core.Snapshot.category_names.index(category)]


class WellFormed(HTMLParser):
    """Checks that every tag is one the builders write and that each closes in order."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in TAGS, f"unexpected <{tag}>"
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else ''}>"
        self.open.pop()


def well_formed(text: str) -> None:
    parser = WellFormed()
    parser.feed(text)
    parser.close()
    assert parser.open == []


@pytest.mark.parametrize("name", ["plan", "item", "schedule", "snapshot", "scorecard", "lint", "portfolio"])
def test_html_matches_the_golden_file(displayed, name):
    text = displayed[name]._repr_html_()
    well_formed(text)
    golden = GOLDEN / f"{name}.html"
    if os.environ.get("KEHOACH_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
        pytest.skip(f"rewrote {golden.name}")
    assert text == golden.read_text(encoding="utf-8")


def test_the_snapshot_colours_each_category_with_its_label(mid_june):
    text = mid_june._repr_html_()
    for name, count in mid_june.counts().items():
        chip = _display._on(_display.STATUS_COLOURS[name])
        assert (f"{label(name)}: {count}" in text) == (count > 0)
        assert (chip in text) == (count > 0)


def test_labels_are_the_reports_and_the_palette_covers_every_category():
    assert label("overdue") == "Quá hạn, chưa hoàn thành"
    assert list(_display.STATUS_COLOURS) == _core.Snapshot.category_names
    assert len(set(_display.STATUS_COLOURS.values())) == len(_display.STATUS_COLOURS)


def hostile_plan() -> kehoach.Plan:
    """Markup and ampersands wherever a plan holds text, and a title over several lines."""
    script = '<script>alert("x")</script> & <b>'
    plan = {
        "schema": "kehoach/plan@1",
        "plan": {"number": "7/KH-UBND&<i>", "issuer": f"UBND {script}", "date": "2024-03-01",
                 "title": f"Kế hoạch {script}\nnăm 2024 " + "rất dài " * 20, "level": "commune"},
        "units": [{"id": "u1", "name": f"Công an {script}"}],
        "items": [{"id": f"1{script}", "number": "1", "kind": "task", "title": f"Tuyên truyền {script}",
                   "roles": {"lead": [f"Công an {script}"]},
                   "deadline": {"text": f"Trước ngày 30/4/2024 {script}", "kind": "by_date", "end": "2024-04-30"}},
                  {"id": "2", "number": "2", "kind": "task", "title": f"Báo cáo {script}"}],
    }
    return kehoach.Plan.from_json(json.dumps(plan))


def hostile_objects() -> dict[str, object]:
    plan = hostile_plan()
    snapshot = plan.snapshot(kehoach.StatusLog(), as_of="2024-05-15")
    return {"plan": plan, "item": plan.items[0], "schedule": plan.schedule(), "snapshot": snapshot,
            "scorecard": snapshot.scorecard(), "lint": plan.lint(), "portfolio": kehoach.Portfolio([plan])}


def test_every_string_is_escaped():
    shown = {name: value._repr_html_() for name, value in hostile_objects().items()}
    for name, text in shown.items():
        well_formed(text)  # a <script>, <b> or <i> from the data would be a tag here
        assert "&lt;" in text and "&amp;" in text and " & " not in text, name
    assert '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;' in shown["plan"]


def test_reprs_are_one_short_line(displayed):
    for name, value in [*displayed.items(), *hostile_objects().items()]:
        text = repr(value)
        assert "\n" not in text and len(text) <= 300, (name, text)
        assert " at 0x" not in text, name  # no memory address: the same object always reads the same


def test_an_item_s_long_title_is_clipped_in_its_repr(founding):
    item = max(founding, key=lambda item: len(item.title))
    assert len(item.title) > 40 and item.title not in repr(item)
    assert repr(item).startswith(f"Item({item.id!r}, {item.kind}, {item.title[:39] + '…'!r}")


def test_tables_are_capped(founding):
    text = founding._repr_html_()
    assert text.count("<tr>") == _display.ROWS + 1  # the header, then ROWS rows
    assert f"… và {len(founding) - _display.ROWS} dòng khác" in text
    assert founding.items[_display.ROWS - 1].title[:30] in text
    assert founding.items[_display.ROWS].title[:30] not in text


def test_a_long_title_is_clipped_with_the_whole_title_as_tooltip(ia_mo):
    text = ia_mo._repr_html_()
    long = ia_mo.item("III.2").title
    assert len(long) > _display.TITLE_WIDTH
    assert f'title="{long}"' in text
    assert long[: _display.TITLE_WIDTH - 1].rstrip() + "…<" in text


def test_a_national_schedule_shows_a_summary_small_and_fast():
    schedule = kehoach.synthesize(items=100_000, seed=1, status=False).graph().schedule()
    assert len(schedule) >= 100_000
    began = time.perf_counter()
    text = schedule._repr_html_()
    elapsed = time.perf_counter() - began
    assert len(text.encode()) < 50_000 and elapsed < 1.0
    assert "<table" not in text and f"({len(schedule)} dòng)" in text
    well_formed(text)


def test_each_kind_falls_back_to_its_header_above_the_cap(displayed, monkeypatch):
    # A real 100k-item snapshot takes seconds to make; the cap is what decides, so lower it.
    monkeypatch.setattr(_display, "HUGE", 3)
    for name in ("plan", "schedule", "snapshot", "scorecard"):
        text = displayed[name]._repr_html_()
        assert "<table" not in text and "Quá nhiều để hiện thành bảng" in text, name
    # The snapshot keeps its counts by category.
    assert label("overdue") + ": 1" in displayed["snapshot"]._repr_html_()


def test_findings_without_any_say_so(ia_mo):
    assert "không có vấn đề nào" in ia_mo.lint()[:0]._repr_html_()


def test_display_needs_neither_pandas_nor_matplotlib():
    # None in sys.modules makes an import of them fail, as it would where they are not installed.
    code = ("import sys; sys.modules['pandas'] = sys.modules['matplotlib'] = None\n"
            "import kehoach\n"
            "plan = kehoach.read_plan(sys.argv[1]); now = plan.snapshot(sys.argv[2], as_of='2023-06-15')\n"
            "for shown in (plan, plan.items[0], plan.schedule(), now, now.scorecard(), plan.lint(), kehoach.Portfolio([plan])):\n"
            "    assert shown._repr_html_().startswith('<div>')\n")
    run = subprocess.run([sys.executable, "-c", code, str(IA_MO_PLAN), str(IA_MO_LOG)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
