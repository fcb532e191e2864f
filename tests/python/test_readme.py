"""The README's examples are the files under examples/, and they run."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def block(language: str) -> str:
    [code] = re.findall(rf"```{language}\n(.*?)```", README, flags=re.S)
    return code


def test_readme_examples_are_the_example_files():
    assert block("cpp") == (ROOT / "examples" / "cpp" / "readme.cpp").read_text(encoding="utf-8")
    assert block("python") == (ROOT / "examples" / "python" / "readme.py").read_text(encoding="utf-8")


def test_the_python_example_runs():
    result = subprocess.run(
        [sys.executable, "examples/python/readme.py"], cwd=ROOT, capture_output=True, text=True,
        encoding="utf-8", env=os.environ, check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Plan('24/KH-UBND', items=61, tasks=50, units=14)"
    assert lines[1] == "II.3.3 ['Công an xã'] chờ: Chính phủ ban hành Nghị định"
    assert len(lines) == 17 + 13 + 8 + 1
    assert lines[5] == (
        "Báo cáo hằng tháng kết quả thực hiện Đề án 06 ['Công an huyện'] "
        "[RecurrenceRule('monthly', day=12, before=True)]"
    )
    assert lines[6] == "[('Các ban, ngành xã', 21), ('Công an xã', 14), ('Các ban, ngành liên quan', 8)]"
    # The critical items: the nine due before the plan was issued, five working days late.
    assert lines[7].split() == ["id", "early_finish", "late_finish", "total_slack"]
    assert [line.split()[1:] for line in lines[8:17]] == [["II.1.1", "2023-04-07", "2023-03-31", "-5"]] + [
        [item, "2023-04-07", "2023-03-31", "-5"] for item in
        ["II.1.3", "II.1.4", "II.1.5", "II.4.6", "II.4.8", "II.5.3", "II.6.2", "II.8.2"]]
    # Where the Ia Mơ plan stands on 15/6/2023 (worked by hand in tests/cpp/test_track.cpp).
    assert lines[17].split() == ["id", "category", "days_late", "days_left", "stale"]
    assert lines[20].split() == ["2", "II.1.1", "overdue", "51", "<NA>", "True"]
    assert lines[23].split() == ["5", "II.1.4", "not_due", "<NA>", "75", "False"]
    assert lines[31].split() == ["0", "Công", "an", "xã", "lead", "1", "0.0"]
    assert lines[-1] == "[('lead', 'Công an xã'), ('plan_monitor', 'Công an xã'), ('signer', 'Chủ tịch Lê Văn Bình')]"


def test_the_readme_sessions_give_what_they_show():
    import doctest

    import kehoach

    [session] = re.findall(r"```pycon\n(.*?)```", README, flags=re.S)
    test = doctest.DocTestParser().get_doctest(session, {"kehoach": kehoach}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert len(test.examples) == 4
