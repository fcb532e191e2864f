"""The example notebooks run end to end in a Jupyter kernel, and show what they say they show."""

from __future__ import annotations

import ast
import asyncio
import base64
import json
import re
import sys
from pathlib import Path

import pytest

import kehoach
from conftest import ROOT

nbformat = pytest.importorskip("nbformat", reason="Debian: python3-nbformat")
nbclient = pytest.importorskip("nbclient", reason="Debian: python3-nbclient")
pytest.importorskip("ipykernel", reason="Debian: python3-ipykernel")
icalendar = pytest.importorskip("icalendar", reason="Debian: python3-icalendar")

NOTEBOOKS = ROOT / "examples" / "notebooks"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Runs a notebook from its own folder, as Jupyter would, in a kernel of this interpreter that
    imports this build of kehoach; returns its stream text and its outputs' data. A cell that
    raises fails the test with the cell and its traceback."""
    # The machine's "python3" kernel may be another interpreter (or none): declare our own, found
    # through JUPYTER_PATH, that starts the interpreter running the tests.
    spec = tmp_path / "jupyter" / "kernels" / "kehoach-tests"
    spec.mkdir(parents=True)
    spec.joinpath("kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "kehoach tests", "language": "python"}), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    # The kernel inherits the environment: the folder this kehoach was imported from comes first,
    # so the notebook sees the same build whatever the working directory.
    monkeypatch.setenv("PYTHONPATH", str(Path(kehoach.__file__).parent.parent))
    monkeypatch.setenv("KEHOACH_NOTEBOOK_OUT", str(tmp_path))
    # An inherited MPLBACKEND=Agg would keep figures out of the outputs; inline draws with Agg, headless.
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    # ipykernel's debugger warns about frozen modules on every start; nothing a test reads.
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")

    def execute(name: str) -> tuple[str, list[dict]]:
        notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
        client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="kehoach-tests",
                                         resources={"metadata": {"path": str(NOTEBOOKS)}})
        # asyncio.run closes its event loop; the synchronous execute() leaves one open at exit.
        asyncio.run(client.async_execute())
        outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
        text = "".join(output.text for output in outputs if output.output_type == "stream")
        return text, [output.data for output in outputs if "data" in output]

    return execute


def pngs(data: list[dict]) -> list[bytes]:
    return [base64.b64decode(d["image/png"]) for d in data if "image/png" in d]


def test_the_founding_plan_notebook(run, tmp_path):
    text, data = run("chu-rang.ipynb")
    assert "lỗi (errors): 0\n" in text
    # The snapshot it shows is the library's own on the log it extended: six rows appended to the example's.
    log = tmp_path / "chu-rang-2023.status.csv"
    example = ROOT / "examples" / "plans" / "chu-rang-2023.status.csv"
    assert len(kehoach.StatusLog.read(log)) == len(kehoach.StatusLog.read(example)) + 6
    plan = kehoach.Plan.from_json(ROOT / "examples" / "plans" / "chu-rang-2023.plan.json")
    shown = ast.literal_eval(re.search(r"^counts: (\{.*\})$", text, re.M).group(1))
    assert shown == plan.snapshot(log, as_of="2023-09-05").counts()
    assert sum(shown.values()) == 50 and shown["overdue"] > 0
    # gantt, status_by_unit, burndown, workload, raci_heatmap: five figures, each a real PNG.
    figures = pngs(data)
    assert len(figures) == 5
    assert all(png.startswith(PNG) and len(png) > 10_000 for png in figures)
    assert any("Báo cáo" in d.get("text/markdown", "") for d in data)
    calendar = icalendar.Calendar.from_ical((tmp_path / "chu-rang-2023.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == int(re.search(r"chu-rang-2023\.ics: (\d+) sự kiện", text).group(1)) > 0
    assert any("RRULE" in event for event in events)


def test_the_national_portfolio_notebook(run):
    text, data = run("national-portfolio.ipynb")
    assert int(re.search(r"^items: (\d+),", text, re.M).group(1)) >= 100_000
    table = text[text.index("timings for "):]
    steps = dict(re.findall(r"^(\S[^\n]*?)\s+(\d+\.\d\d)$", table, re.M))
    assert {"synthesize", "schedule", "snapshot", "rollup", "cascade", "scorecard"} <= steps.keys()
    assert float(re.search(r"^total: (\d+\.\d\d) s$", table, re.M).group(1)) > 0
    assert "unresolved links: 0" in text
    counts = ast.literal_eval(re.search(r"^counts: (\{.*\})$", text, re.M).group(1))
    assert sum(counts.values()) > 0 and counts["overdue"] > 0
    figures = pngs(data)
    assert len(figures) == 2 and all(png.startswith(PNG) and len(png) > 5_000 for png in figures)
