"""Heavy calls release the GIL: two schedules run in parallel, and threads get the serial results."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np

import kehoach

from conftest import FOUNDING_PLAN, IA_MO_LOG, IA_MO_PLAN


def _in_parallel(calls):
    """Runs each call on its own thread, released together; returns (result, start, end) per call."""
    barrier = threading.Barrier(len(calls))

    def timed(call):
        barrier.wait()
        start = time.perf_counter()
        result = call()
        return result, start, time.perf_counter()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(timed, calls))


def _columns(schedule):
    return [schedule.early_start(), schedule.late_finish(), schedule.total_slack(), schedule.critical()]


def test_two_schedules_run_in_parallel():
    # Each call is long enough (tens of milliseconds or more) that thread start-up is noise.
    graphs = [kehoach.synthesize(200_000, seed=seed, status=False).graph() for seed in (1, 2)]
    serial = [_columns(g.schedule()._impl) for g in graphs]
    # A call holding the GIL runs alone: another call's interval, measured in Python, either
    # misses it or holds it whole while waiting, so the overlap is at most half of the longer
    # interval. Calls without the GIL run side by side, on two cores or time-sliced on one, and
    # overlap for nearly all of it. Best of five, since a run may be disturbed on a busy machine.
    best = 0.0
    for _ in range(5):
        runs = _in_parallel([g.schedule for g in graphs])
        for (schedule, _, _), expected in zip(runs, serial):
            for got, want in zip(_columns(schedule._impl), expected):
                np.testing.assert_array_equal(got, want)
        (_, start_a, end_a), (_, start_b, end_b) = runs
        overlap = min(end_a, end_b) - max(start_a, start_b)
        best = max(best, overlap / max(end_a - start_a, end_b - start_b))
    assert best > 0.7


def test_analyses_from_threads_equal_the_serial_ones():
    plan = kehoach.read_plan(IA_MO_PLAN)
    log = kehoach.StatusLog.read(IA_MO_LOG)
    founding = kehoach.Plan.from_json(FOUNDING_PLAN)

    def analyses():
        snapshot = plan.snapshot(log, as_of="2023-06-15")
        return (
            plan.schedule().to_pandas().to_json(),
            [f.message for f in founding.lint()],
            snapshot.to_pandas().to_json(),
            snapshot.scorecard().to_pandas().to_json(),
            kehoach.monthly_report(plan, log, "2023-06", as_of="2023-06-15"),
            founding.to_json(),
            founding.to_dot(),
        )

    expected = analyses()
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: analyses(), range(16)))
    assert all(r == expected for r in results)
