"""A schedule of about 1M items to a DataFrame: kehoach's Schedule.to_pandas() against pandas
wrapping the same columns as numpy arrays already in hand.

The claim (issue 7): converting costs no more than twice what pandas takes to wrap the arrays.
Both sides build the same frame, column for column and dtype for dtype: ids and plans, four
datetime64[ns] date columns, the slacks as nullable Int32 (values and mask), the critical flags,
the state as a Categorical made from its codes. Times are CPU seconds, the median of RUNS runs.
For comparison, the last line times pandas given the dates as datetime64[D], the unit a numpy user
usually has, which pandas 1.5 converts to nanoseconds. Exits 1 when the ratio is above 2. Run
through scripts/bench_frame.sh.

    python3 bench/bench_frame.py [ITEMS]
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time

import numpy as np
import pandas as pd

import kehoach

START = "2024-01-02"  # as bench/bench_schedule.py
RUNS = 7
LIMIT = 2.0


def cpu_median(make) -> float:
    """The median CPU time of RUNS calls of `make`, each frame dropped before the next."""
    times = []
    for _ in range(RUNS):
        gc.collect()
        started = time.process_time()
        frame = make()
        times.append(time.process_time() - started)
        del frame
    return statistics.median(times)


def main(items: int) -> int:
    country = kehoach.synthesize(items=items, seed=2024, status=False)
    graph = country.graph()
    started = time.process_time()
    schedule = graph.schedule(start=START)
    scheduled = time.process_time() - started

    # The arrays in hand: taken out of one frame as plain, owned numpy arrays.
    frame = schedule.to_pandas()
    dates = {name: frame[name].to_numpy().copy() for name in ("early_start", "early_finish", "late_start", "late_finish")}
    unscheduled = frame["total_slack"].isna().to_numpy()
    total = frame["total_slack"].fillna(0).to_numpy(dtype=np.int32)
    free = frame["free_slack"].fillna(0).to_numpy(dtype=np.int32)
    critical = frame["critical"].to_numpy().copy()
    state = frame["state"].cat.codes.to_numpy().copy()
    state_names = list(frame["state"].cat.categories)
    ids, plans = frame["id"].to_numpy().copy(), frame["plan"].to_numpy().copy()
    dtypes = frame.dtypes
    del frame

    def wrap(dates: dict[str, np.ndarray]) -> pd.DataFrame:
        return pd.DataFrame({
            "id": ids, "plan": plans, **dates,
            "total_slack": pd.arrays.IntegerArray(total, unscheduled, copy=False),
            "free_slack": pd.arrays.IntegerArray(free, unscheduled, copy=False),
            "critical": critical,
            "state": pd.Categorical.from_codes(state, categories=state_names),
        }, copy=False)

    assert wrap(dates).dtypes.equals(dtypes), "the two sides must build the same frame"
    kehoach_seconds = cpu_median(schedule.to_pandas)
    pandas_seconds = cpu_median(lambda: wrap(dates))
    in_days = {name: values.astype("datetime64[D]") for name, values in dates.items()}
    days_seconds = cpu_median(lambda: wrap(in_days))
    ratio = kehoach_seconds / pandas_seconds

    rows = len(schedule)
    print(f"{rows:,} rows, {len(dtypes)} columns; CPU time, median of {RUNS} runs")
    print(f"  schedule() (once, dates made in it)        {scheduled * 1e3:9.2f} ms")
    print(f"  Schedule.to_pandas()                       {kehoach_seconds * 1e3:9.2f} ms")
    print(f"  pd.DataFrame of the same arrays            {pandas_seconds * 1e3:9.2f} ms")
    print(f"  ratio                                      {ratio:9.2f}  (limit {LIMIT})")
    print(f"  pd.DataFrame, dates given as datetime64[D] {days_seconds * 1e3:9.2f} ms")
    print(json.dumps({"rows": rows, "runs": RUNS, "schedule_s": scheduled, "to_pandas_s": kehoach_seconds,
                      "pandas_wrap_s": pandas_seconds, "ratio": ratio, "pandas_wrap_days_s": days_seconds,
                      "pandas": pd.__version__, "numpy": np.__version__}))
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
