"""No lost data: a writer killed mid-write leaves the previous file whole, and status logs only grow."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import kehoach

from conftest import FOUNDING_PLAN, IA_MO_LOG, ROOT

OLD = b"BEGIN:VCALENDAR\r\nthe previous export\r\nEND:VCALENDAR\r\n"


@pytest.fixture(scope="module")
def large_plan(tmp_path_factory) -> Path:
    """The founding plan's items copied 1,000 times (61,000 items): its iCalendar export is tens of
    megabytes, long enough to write that a writer can be caught in the middle."""
    plan = json.loads(FOUNDING_PLAN.read_text(encoding="utf-8"))
    items = []
    for copy in range(1000):
        def own(item_id: str) -> str:
            return f"K{copy}.{item_id}"

        for item in plan["items"]:
            item = dict(item, id=own(item["id"]), number=f"{copy}.{item['number']}")
            if "parent" in item:
                item["parent"] = own(item["parent"])
            if "depends_on" in item:
                item["depends_on"] = [own(d) if isinstance(d, str) else
                                      dict(d, item=own(d["item"])) if "item" in d else d for d in item["depends_on"]]
            items.append(item)
    plan["items"] = items
    path = tmp_path_factory.mktemp("large") / "large.plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return path


def _temporaries(target: Path) -> list[Path]:
    return sorted(target.parent.glob(target.name + ".kehoach-*.tmp"))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return -1


def _kill_while_writing(command: list[str], target: Path, when: str) -> bool:
    """Starts `command`, which writes `target`, and SIGKILLs it once its temporary file `when`:
    "exists", "grows" (larger than at the last look) or "is full" (stopped growing: flushing
    before the rename). False when the writer finished first."""
    writer = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sizes: list[int] = []
    while writer.poll() is None:
        temporaries = _temporaries(target)
        size = _size(temporaries[0]) if temporaries else -1
        if size >= 0:
            sizes.append(size)
            grew = len(sizes) >= 2 and sizes[-1] > sizes[-2] > 0
            still = len(sizes) >= 2 and sizes[-1] == sizes[-2] > 0
            if when == "exists" or (when == "grows" and grew) or (when == "is full" and still):
                writer.send_signal(signal.SIGKILL)
                writer.wait()
                return True
    return False


@pytest.mark.parametrize("when", ["exists", "grows", "is full"])
def test_a_writer_killed_mid_write_leaves_the_old_file_whole(cli, large_plan, tmp_path, when):
    target = tmp_path / "ke-hoach.ics"
    command = [cli, "export", str(large_plan), "--to", "ics", "-o", str(target)]
    for _ in range(20):  # a writer may finish between two looks; then try again
        target.write_bytes(OLD)
        if _kill_while_writing(command, target, when):
            break
    else:
        pytest.fail(f"the writer always finished before its temporary file {when}")
    assert target.read_bytes() == OLD
    # What the killed writer left is named after the file it was writing, and the next write of
    # that file removes it, its writer being gone.
    left = _temporaries(target)
    assert len(left) == 1
    subprocess.run([cli, "export", str(FOUNDING_PLAN), "--to", "ics", "-o", str(target)], check=True)
    assert _temporaries(target) == []
    written = target.read_bytes()
    assert written.startswith(b"BEGIN:VCALENDAR") and written.endswith(b"END:VCALENDAR\r\n")


def test_a_write_keeps_the_temporaries_of_writers_still_running(tmp_path):
    target = tmp_path / "ke-hoach.ics"
    alive = tmp_path / f"ke-hoach.ics.kehoach-{os.getpid()}-7.tmp"
    alive.write_bytes(b"half")
    with pytest.warns(kehoach.ExportWarning):  # the plan's ongoing items have no day on a calendar
        kehoach.Plan.from_json(FOUNDING_PLAN).to_ics(target)
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert alive.read_bytes() == b"half"


def _rows(path: Path) -> int:
    return len(kehoach.StatusLog.read(path))


def _updates(count: int, day: str, note: str) -> kehoach.StatusLog:
    log = kehoach.StatusLog()
    for k in range(count):
        log.append("II.3.3", day, "progress", percent=k % 100, note=f"{note} {k}")
    return log


def test_appending_keeps_the_log_as_a_prefix(tmp_path):
    target = tmp_path / "status.csv"
    target.write_bytes(IA_MO_LOG.read_bytes())
    before = target.read_bytes()
    _updates(3, "2023-07-10", "báo cáo").append_to(target)
    after = target.read_bytes()
    assert after.startswith(before) and len(after) > len(before)
    assert _rows(target) == _rows(IA_MO_LOG) + 3


def test_appends_from_threads_lose_no_rows(tmp_path):
    target = tmp_path / "status.csv"
    target.write_bytes(IA_MO_LOG.read_bytes())

    def append(name: str) -> None:
        for k in range(25):
            _updates(1, "2023-07-10", f"{name} {k}").append_to(target)

    threads = [threading.Thread(target=append, args=(f"luồng {t}",)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert target.read_bytes().startswith(IA_MO_LOG.read_bytes())
    assert _rows(target) == _rows(IA_MO_LOG) + 100


APPENDER = """
import sys
import kehoach
path, batch = sys.argv[1], int(sys.argv[2])
log = kehoach.StatusLog()
for k in range(batch):
    log.append("II.3.3", "2023-07-10", "progress", percent=k % 100, note=f"hàng {k} " + "x" * 200)
print("ready", flush=True)
while True:
    log.append_to(path)
"""


def test_a_log_appender_killed_mid_append_leaves_whole_rows(tmp_path):
    target = tmp_path / "status.csv"
    target.write_bytes(IA_MO_LOG.read_bytes())
    original = IA_MO_LOG.read_bytes()
    base = _rows(IA_MO_LOG)
    batch = 20_000
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    for delay in (0.0, 0.3, 0.7, 1.5):
        appender = subprocess.Popen([sys.executable, "-c", APPENDER, str(target), str(batch)], stdout=subprocess.PIPE,
                                    env=env, cwd=ROOT)
        assert appender.stdout.readline() == b"ready\n"
        time.sleep(delay)
        appender.send_signal(signal.SIGKILL)
        appender.wait()
        appender.stdout.close()
        text = target.read_bytes()
        assert text.startswith(original)
        assert text.endswith(b"\n")
        rows = _rows(target)
        assert rows >= base and (rows - base) % batch == 0
