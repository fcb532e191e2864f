"""Tracking at national scale: kehoach's snapshot and scorecard against the same roll-up in pandas.

For each size, in processes of their own (so that peak memory is each one's own): bench_status
synthesizes the portfolio, times kehoach's snapshot as of 30/6 and its per-unit scorecard, and
writes the inputs and its results as raw columns; then this script, in a second process, loads the
inputs into DataFrames as an analyst would have them (dates as datetime64, the obligations' due days
already rolled past rest days, a table of working days), times the same roll-up written with pandas,
and counts where it disagrees with kehoach. Prints a table of times, ratios and peak memory, and the
figures as JSON. Run through scripts/bench_status.sh.

    python3 bench/bench_status.py BENCH_STATUS_BINARY [ITEMS ...]
    python3 bench/bench_status.py --pandas DIR AS_OF     (one pandas run; prints JSON)
"""

from __future__ import annotations

import json
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np

# status_category, in the library's order: the codes both sides write.
CATEGORIES = ["done_on_time", "done_late", "in_progress", "overdue", "not_due", "waiting", "ongoing", "cancelled"]
DONE_ON_TIME, DONE_LATE, IN_PROGRESS, OVERDUE, NOT_DUE, WAITING, ONGOING, CANCELLED = range(8)
KINDS = ["by_date", "within_period", "ongoing", "recurring", "after_event", "from_date", "unknown"]
STATES = ["started", "progress", "done", "cancelled"]
ROLES = ["lead", "support", "monitor", "report_to", "approver"]
NONE = np.iinfo(np.int32).min
STALE_AFTER_DAYS = 30


def load(directory: pathlib.Path) -> dict[str, np.ndarray]:
    return {path.stem: np.fromfile(path, dtype=path.suffix[1:]) for path in directory.iterdir()}


def dates(days: np.ndarray) -> np.ndarray:
    out = days.astype("datetime64[D]")
    out[days == NONE] = np.datetime64("NaT")
    return out.astype("datetime64[ns]")


def frames(c: dict[str, np.ndarray]):
    """The analyst's tables: obligations by item, status rows, who does what, working days."""
    import pandas as pd

    worked = pd.Series(c["worked_through"], index=dates(c["calendar_day"]))
    due = dates(c["due"])
    items = pd.DataFrame({
        "kind": pd.Categorical.from_codes(c["kind"], categories=KINDS),
        "start": dates(c["start"]), "due": due, "since": dates(c["since"]), "event": dates(c["event"]),
        "group": c["group"], "is_group": c["is_group"].astype(bool), "waits": c["waits"].astype(bool),
        # Working days up to the due day, from the holiday table, as one joins a calendar.
        "due_worked": worked.reindex(due).to_numpy(dtype="float64"),
    })
    percent = c["row_percent"].astype("float64")
    percent[percent < 0] = np.nan
    rows = pd.DataFrame({
        "item": c["row_item"].astype(np.int64), "date": dates(c["row_day"]),
        "state": pd.Categorical.from_codes(c["row_state"], categories=STATES), "percent": percent,
    })
    raci = pd.DataFrame({"item": c["raci_item"].astype(np.int64), "unit": c["raci_unit"].astype(np.int64),
                         "role": pd.Categorical.from_codes(c["raci_role"], categories=ROLES)})
    return items, rows, raci, worked


def snapshot(items, rows, worked, as_of):
    """Every item's category as of `as_of`, with working days late and left, staleness, the last
    report and percent: the rules of kehoach's take_snapshot (docs/tracking.md), in pandas."""
    import pandas as pd

    n = len(items)
    seen = rows[rows.date <= as_of]
    # Logs may be back-filled: by item, then date, keeping the log's order within a day.
    seen = seen.sort_values(["item", "date"], kind="stable", ignore_index=True)
    done = seen.state == "done"
    # The percent a row leaves standing: 100 once done, else the one it gives, if any.
    seen["effective"] = seen.percent.mask(done, 100.0)
    # Done since the first `done` of the last run of them.
    same_item = seen.item.eq(seen.item.shift())
    seen["run_start"] = seen.date.where(done & ~(done.shift(fill_value=False) & same_item))
    # The state's codes: pandas takes the last of a categorical group by group, in Python.
    seen["code"] = seen.state.cat.codes
    seen["begun"] = seen.state != "cancelled"
    by_item = seen.groupby("item", sort=False)
    per = pd.DataFrame({
        "last_state": by_item.code.last(), "last_day": by_item.date.last(), "percent": by_item.effective.last(),
        "begun": by_item.begun.any(), "done_on": by_item.run_start.last(),
    }).reindex(pd.RangeIndex(n))
    s = items.join(per)
    reported = s.last_day.notna()
    is_done = (s.last_state == STATES.index("done")).to_numpy()
    s["done_on"] = s.done_on.where(is_done)
    late_done = is_done & (s.due.notna() & (s.done_on > s.due)).to_numpy()
    category = np.select(
        [(s.last_state == STATES.index("cancelled")).to_numpy(), s.kind.isin(["ongoing", "recurring"]).to_numpy(), late_done, is_done,
         (s.waits & (s.event.isna() | (s.event > as_of))).to_numpy(), (s.due.notna() & (s.due < as_of)).to_numpy(),
         (s.start.notna() & (as_of < s.start) & ~s.begun.fillna(False).astype(bool)).to_numpy()],
        [CANCELLED, ONGOING, DONE_LATE, DONE_ON_TIME, WAITING, OVERDUE, NOT_DUE], IN_PROGRESS)
    as_of_worked = worked[as_of]
    done_worked = worked.reindex(s.done_on).to_numpy(dtype="float64")
    due_worked = s.due_worked.to_numpy()
    days_late = np.select([category == DONE_LATE, category == OVERDUE], [done_worked - due_worked, as_of_worked - due_worked], np.nan)
    days_left = np.where((category == IN_PROGRESS) | (category == NOT_DUE), due_worked - as_of_worked, np.nan)
    # Silent since the last report, or since the obligation began (its window, if later).
    began = s.start.where(s.start.notna() & (s.since.isna() | (s.start > s.since)), s.since)
    silent_since = s.last_day.where(reported, began)
    active = (category == IN_PROGRESS) | (category == OVERDUE) | (category == ONGOING)
    stale = active & ((as_of - silent_since).dt.days > STALE_AFTER_DAYS).to_numpy()
    out = pd.DataFrame({"category": category, "days_late": days_late, "days_left": days_left, "stale": stale,
                        "last_update": s.last_day, "done_on": s.done_on, "percent": s.percent, "group": s.group,
                        "is_group": s.is_group, "due": s.due})

    # Sections stand for their tasks (one level of them, as the portfolio has): overdue if any
    # task is, done when every task that can finish is, and so on (combined_category); stale if
    # any task is.
    tasks = out[out.group >= 0]
    parts = tasks.groupby(["group", "category"]).size().unstack(fill_value=0).reindex(columns=range(8), fill_value=0)
    p = {k: parts[k].to_numpy() for k in range(8)}
    finished = p[DONE_ON_TIME] + p[DONE_LATE]
    open_ = p[IN_PROGRESS] + p[OVERDUE] + p[NOT_DUE] + p[WAITING]
    combined = np.select(
        [p[OVERDUE] > 0, (open_ == 0) & (finished > 0) & (p[DONE_LATE] > 0), (open_ == 0) & (finished > 0),
         (p[IN_PROGRESS] > 0) | ((finished > 0) & (open_ > 0)), p[NOT_DUE] > 0, p[WAITING] > 0, p[ONGOING] > 0],
        [OVERDUE, DONE_LATE, DONE_ON_TIME, IN_PROGRESS, NOT_DUE, WAITING, ONGOING], CANCELLED)
    latest = tasks[tasks.category == OVERDUE].groupby("group").days_late.max().reindex(parts.index).to_numpy()
    out.loc[parts.index, "category"] = combined
    out.loc[parts.index, "days_left"] = np.nan
    out.loc[parts.index, "days_late"] = np.where(combined == OVERDUE, latest, np.nan)
    out.loc[parts.index, "stale"] = tasks.groupby("group").stale.any().reindex(parts.index).to_numpy()
    return out


def scorecard(snap, raci):
    """Per unit and role: tasks by category and the stale ones (kehoach's scorecard)."""
    tasks = snap.loc[~snap.is_group, ["category", "stale"]]
    held = raci[raci.role.isin(["lead", "support", "monitor"])].join(tasks, on="item", how="inner")
    counts = held.groupby(["unit", "role", "category"], observed=True).size().unstack(fill_value=0)
    counts = counts.reindex(columns=range(8), fill_value=0)
    counts["stale"] = held.groupby(["unit", "role"], observed=True).stale.sum()
    return counts


def disagreements(snap, cards, c) -> dict:
    def days(values):
        return values.fillna(NONE).astype(np.int64).to_numpy()

    def stamp(column):
        known = column.notna().to_numpy()
        out = np.full(len(column), NONE, dtype=np.int64)
        out[known] = column.to_numpy()[known].astype("datetime64[D]").astype(np.int64)
        return out

    wrong = ((snap.category.to_numpy() != c["out_category"]) | (days(snap.days_late) != c["out_days_late"]) |
             (days(snap.days_left) != c["out_days_left"]) | (snap.stale.to_numpy() != c["out_stale"].astype(bool)) |
             (stamp(snap.last_update) != c["out_last_update"]) | (stamp(snap.done_on) != c["out_done_on"]) |
             (snap.percent.fillna(-1).to_numpy() != c["out_percent"]))
    ours = {(int(u), ROLES[r]): tuple(c["card_counts"][8 * k:8 * k + 8]) + (int(c["card_stale"][k]),)
            for k, (u, r) in enumerate(zip(c["card_unit"], c["card_role"]))}
    theirs = {key: tuple(int(x) for x in row) for key, row in zip(cards.index, cards.to_numpy())}
    return {"snapshot_disagreements": int(wrong.sum()),
            "scorecard_disagreements": len(set(ours) ^ set(theirs)) + sum(ours[k] != theirs[k] for k in set(ours) & set(theirs))}


def pandas_run(directory: pathlib.Path, as_of: str) -> dict:
    import pandas as pd

    columns = load(directory)
    items, rows, raci, worked = frames(columns)
    day = pd.Timestamp(as_of)
    snap_times, card_times = [], []
    snap = cards = None
    for _ in range(3):
        # Freeing the last run's results is not the work, as in bench_status.
        snap = cards = None
        started = time.process_time()
        snap = snapshot(items, rows, worked, day)
        snap_times.append(time.process_time() - started)
        started = time.process_time()
        cards = scorecard(snap, raci)
        card_times.append(time.process_time() - started)
    together = sorted(a + b for a, b in zip(snap_times, card_times))[1]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"pandas_snapshot_s": sorted(snap_times)[1], "pandas_scorecard_s": sorted(card_times)[1],
            "pandas_together_s": together, "pandas_peak_rss_mib": peak, "pandas_version": pd.__version__,
            **disagreements(snap, cards, columns)}


def main() -> None:
    if sys.argv[1] == "--pandas":
        print(json.dumps(pandas_run(pathlib.Path(sys.argv[2]), sys.argv[3])))
        return
    binary = sys.argv[1]
    # About 1M status rows, the country's 2.4M, and 10M (a portfolio four times the country's).
    sizes = [int(size) for size in sys.argv[2:]] or [265_000, 645_000, 2_650_000]
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="bench_status.") as directory:
            ours = json.loads(subprocess.check_output([binary, str(size), directory]))
            theirs = json.loads(subprocess.check_output([sys.executable, __file__, "--pandas", directory, ours["as_of"]]))
        rows.append({**ours, **theirs})
    print(f"as of {rows[0]['as_of']}; median times; pandas {rows[0]['pandas_version']}\n")
    print(f"{'items':>9} {'rows':>10} {'units':>7} {'snapshot':>9} {'scorecard':>10} {'pandas snap':>12} {'scorecard':>10} "
          f"{'× snap':>7} {'× card':>7} {'× both':>7} {'differ':>7} {'peak MiB':>9} {'pandas MiB':>11}")
    for r in rows:
        r["ratio_snapshot"] = r["pandas_snapshot_s"] / r["snapshot_s"]
        r["ratio_scorecard"] = r["pandas_scorecard_s"] / r["scorecard_s"]
        r["ratio_together"] = r["pandas_together_s"] / r["together_s"]
        differ = r["snapshot_disagreements"] + r["scorecard_disagreements"]
        print(f"{r['items']:>9} {r['rows']:>10} {r['units']:>7} {r['snapshot_s'] * 1e3:>7.1f}ms {r['scorecard_s'] * 1e3:>8.1f}ms "
              f"{r['pandas_snapshot_s']:>11.2f}s {r['pandas_scorecard_s']:>9.2f}s {r['ratio_snapshot']:>7.0f} "
              f"{r['ratio_scorecard']:>7.0f} {r['ratio_together']:>7.0f} {differ:>7} {r['peak_rss_mib']:>9.0f} "
              f"{r['pandas_peak_rss_mib']:>11.0f}")
    print("\n× = how many times faster kehoach is than pandas; differ = items and scorecard rows on which they disagree.")
    print(json.dumps(rows, indent=1))
    if any(r["snapshot_disagreements"] or r["scorecard_disagreements"] for r in rows):
        sys.exit("kehoach and pandas disagree: the comparison means nothing")


if __name__ == "__main__":
    main()
