"""Schedules at national scale: kehoach against networkx and a plain Boost.Graph program.

Runs, for each size, in a process of its own (so that peak memory is its own): kehoach's C++
build and schedule and the plain Boost CSR + topological_sort program (bench_schedule), and the
same critical-path method written with networkx as an analyst would write it. Prints a table of
times, ratios and peak memory, and the figures as JSON. Run through scripts/bench_schedule.sh.

    python3 bench/bench_schedule.py BENCH_SCHEDULE_BINARY [ITEMS ...]
    python3 bench/bench_schedule.py --networkx ITEMS       (one networkx run; prints JSON)
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

import numpy as np

START = "2024-01-02"


def networkx_run(items: int) -> dict:
    import networkx as nx

    import kehoach

    country = kehoach.synthesize(items=items, seed=2024, status=False)
    table, links = country.items, country.edges
    # Dates to working-day numbers through a table of kehoach's calendar (make-up Saturdays and
    # all), with numpy: outside the timing, as for kehoach, whose calendar does the same inside
    # the schedule and is counted there.
    calendar = kehoach.Calendar.vietnam()
    days = np.arange(np.datetime64("2020-01-01"), np.datetime64("2031-01-01"))
    worked = np.array([calendar.is_working_day(day.item()) for day in days])
    before = np.concatenate([[0], np.cumsum(worked)[:-1]])  # working days before each day
    def number(column):
        dates = column.to_numpy("datetime64[D]")
        known = ~np.isnat(dates)
        out = np.full(len(dates), -1, dtype=np.int64)
        out[known] = before[(dates[known] - days[0]).astype(np.int64)]
        return out, known
    first = int(before[(np.datetime64(START) - days[0]).astype(np.int64)])
    earliest, has_earliest = number(table.window_start)
    deadline, has_deadline = number(table.window_end)

    started = time.perf_counter()
    graph = nx.DiGraph()
    for i, (duration, continuous, waiting) in enumerate(zip(table.duration, table.continuous, table.waiting)):
        graph.add_node(i, duration=int(duration), continuous=bool(continuous), waiting=bool(waiting),
                       earliest=max(first, int(earliest[i])) if has_earliest[i] else first,
                       deadline=int(deadline[i]) + 1 if has_deadline[i] else None)
    for source, target, kind, lag in zip(links.source, links.target, links.type, links.lag):
        graph.add_edge(int(source), int(target), type=kind, lag=int(lag))
    build = time.perf_counter() - started

    started = time.perf_counter()
    order = list(nx.topological_sort(graph))
    nodes = graph.nodes
    es, lf, waiting = {}, {}, {}
    for v in order:
        node = nodes[v]
        waiting[v] = node["waiting"] or any(waiting[u] for u in graph.predecessors(v))
        start = node["earliest"]
        for u, _, edge in graph.in_edges(v, data=True):
            before = nodes[u]
            if before["continuous"] and edge["type"] != "start_to_start":
                continue
            if node["continuous"] and edge["type"] == "finish_to_finish":
                continue
            if edge["type"] == "finish_to_start":
                start = max(start, es[u] + before["duration"] + edge["lag"])
            elif edge["type"] == "start_to_start":
                start = max(start, es[u] + edge["lag"])
            else:
                start = max(start, es[u] + before["duration"] + edge["lag"] - node["duration"])
        es[v] = start
    horizon = max([es[v] + nodes[v]["duration"] for v in order if not nodes[v]["continuous"] and not waiting[v]] +
                  [nodes[v]["deadline"] for v in order if nodes[v]["deadline"] is not None] + [first])
    slack = {}
    for v in reversed(order):
        node = nodes[v]
        if node["continuous"]:
            lf[v] = None
            continue
        finish = node["deadline"]
        for _, s, edge in graph.out_edges(v, data=True):
            after = nodes[s]
            if lf[s] is None or (after["continuous"] and edge["type"] == "finish_to_finish"):
                continue
            if edge["type"] == "finish_to_start":
                bound = lf[s] - after["duration"] - edge["lag"]
            elif edge["type"] == "start_to_start":
                bound = lf[s] - after["duration"] - edge["lag"] + node["duration"]
            else:
                bound = lf[s] - edge["lag"]
            finish = bound if finish is None else min(finish, bound)
        if finish is None and not waiting[v]:
            finish = horizon
        lf[v] = finish
        if not waiting[v]:
            slack[v] = finish - (es[v] + node["duration"])
    schedule = time.perf_counter() - started

    # The same answer as kehoach, or the comparison means nothing.
    ours = kehoach.PlanGraph.from_frames(table, links).schedule(start=START).to_pandas()
    scheduled = ours.index[ours.state == "scheduled"]
    disagreements = int(sum(1 for v in scheduled if slack[v] != ours.total_slack[v]))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"items": len(table), "networkx_build_s": build, "networkx_schedule_s": schedule,
            "networkx_disagreements": disagreements, "networkx_peak_rss_mib": peak}


def main() -> None:
    if sys.argv[1] == "--networkx":
        print(json.dumps(networkx_run(int(sys.argv[2]))))
        return
    binary = sys.argv[1]
    sizes = [int(size) for size in sys.argv[2:]] or [10_000, 100_000, 1_000_000]
    bandwidth = json.loads(subprocess.check_output([binary, "--bandwidth"]))["bandwidth_gb_s"]
    rows = []
    for size in sizes:
        ours = json.loads(subprocess.check_output([binary, str(size), str(bandwidth)]))
        theirs = json.loads(subprocess.check_output([sys.executable, __file__, "--networkx", str(size)]))
        rows.append({**ours, **theirs})
    print(f"memory bandwidth (copy): {bandwidth:.1f} GB/s\n")
    header = (f"{'items':>9} {'kehoach build':>14} {'schedule':>9} {'Boost build':>12} {'schedule':>9} "
              f"{'networkx build':>15} {'schedule':>9} {'× Boost':>8} {'× networkx':>11} {'passes/bound':>13} {'peak MiB':>9}")
    print(header)
    for r in rows:
        ours = r["build_s"] + r["schedule_s"]
        boost = r["plain_boost_build_s"] + r["plain_boost_schedule_s"]
        networkx = r["networkx_build_s"] + r["networkx_schedule_s"]
        print(f"{r['items']:>9} {r['build_s'] * 1e3:>12.1f}ms {r['schedule_s'] * 1e3:>7.1f}ms {r['plain_boost_build_s'] * 1e3:>10.1f}ms "
              f"{r['plain_boost_schedule_s'] * 1e3:>7.1f}ms {r['networkx_build_s']:>14.2f}s {r['networkx_schedule_s']:>8.2f}s "
              f"{boost / ours:>8.2f} {networkx / ours:>11.0f} {r['passes_over_bound']:>13.1f} {r['peak_rss_mib']:>9.0f}")
        r["ratio_plain_boost_total"] = boost / ours
        r["ratio_plain_boost_schedule"] = r["plain_boost_schedule_s"] / r["schedule_s"]
        r["ratio_networkx_total"] = networkx / ours
    print("\n× = how many times faster kehoach is, build and schedule together; passes/bound = the forward and")
    print("backward passes against the time to stream every array they touch once at the measured bandwidth.")
    print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
