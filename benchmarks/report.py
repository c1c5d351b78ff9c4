#!/usr/bin/env python3
"""Turns a JMH JSON result file into the Markdown table committed under reports/benchmarks/.

Usage: report.py RESULT.json [--set NAME] [--load-before "1.0 0.5 0.2"]

Rows: one per benchmark and parameter set, with the score, its 99.9 % error and the bytes
allocated per operation (from -prof gc). Ratios:
  * SelectorBench: reference time / fast time for each pool size (how many times faster);
  * any class with a method named baseline*: each other method's time / the baseline's time.
The machine section reads /proc/cpuinfo and the JMH file (JDK, VM), so the numbers always say
where they came from.
"""
import argparse
import json
import os
import platform
import re
from collections import OrderedDict


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def fmt(value):
    if not isinstance(value, (int, float)):
        return "—"
    if value != value:  # NaN
        return "—"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    if abs(value) >= 1 or value == 0:
        return f"{value:.2f}"
    return f"{value:.3g}"


def fmt_bytes(value):
    """Bytes per operation, rounded to whole bytes (JMH reports ~1e-4 for allocation-free code)."""
    if not isinstance(value, (int, float)) or value != value:
        return "—"
    return f"{round(value):,}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("result")
    parser.add_argument("--set", default="")
    parser.add_argument("--load-before", default="unknown")
    args = parser.parse_args()
    with open(args.result, encoding="utf-8") as f:
        runs = json.load(f)
    if not runs:
        print("No benchmark ran.")
        return

    rows = []
    for run in runs:
        cls, method = run["benchmark"].rsplit(".", 1)
        cls = cls.rsplit(".", 1)[-1]
        params = run.get("params", {}) or {}
        primary = run["primaryMetric"]
        alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        iterations = [v for fork in primary.get("rawData", []) for v in fork]
        rows.append(
            {
                "class": cls,
                "method": method,
                "params": params,
                "score": primary["score"],
                "error": primary.get("scoreError"),
                "unit": primary["scoreUnit"],
                "alloc": alloc,
                # the best iteration: the fastest time, or the highest throughput
                "best": (max(iterations) if run["mode"] == "thrpt" else min(iterations))
                if iterations else None,
                "mode": run["mode"],
                "settings": (run.get("forks"), run.get("warmupIterations"), run.get("warmupTime"),
                             run.get("measurementIterations"), run.get("measurementTime")),
            }
        )

    first = runs[0]
    print(f"# Benchmark results: `{args.set or os.path.basename(args.result)}`\n")
    print("Produced by `benchmarks/run` (JMH, `-prof gc`); regenerate with the same command. "
          "Lower is better for time per operation.\n")
    print("## Machine\n")
    print(f"- CPU: {cpu_model()}")
    print(f"- Cores available: {os.cpu_count()}")
    print(f"- JDK: {first.get('jdkVersion', '?')} ({first.get('vmName', '?')} {first.get('vmVersion', '')})")
    print(f"- JMH: {first.get('jmhVersion', '?')}")
    settings = OrderedDict()
    for r in rows:
        settings.setdefault(r["class"], r["settings"])
    for cls, (forks, wi, wt, mi, mt) in settings.items():
        print(f"  - {cls}: {forks} fork(s), warm-up {wi} x {wt}, measurement {mi} x {mt}")
    print(f"- Load average before the run (1/5/15 min): {args.load_before}")
    print()

    print("## Results\n")
    print("Score is the mean over the measured iterations; under load from other processes the "
          "best iteration is the closer estimate of the cost itself.\n")
    print("| Benchmark | Parameters | Score | ± (99.9 %) | Best iteration | Unit | Allocated B/op |")
    print("|---|---|---:|---:|---:|---|---:|")
    for r in rows:
        params = ", ".join(f"{k}={v}" for k, v in r["params"].items()) or "—"
        print(f"| {r['class']}.{r['method']} | {params} | {fmt(r['score'])} | "
              f"{fmt(r['error'])} | {fmt(r['best'])} | {r['unit']} | {fmt_bytes(r['alloc'])} |")
    print()

    selector = [r for r in rows if r["class"] == "SelectorBench"]
    workloads = OrderedDict()
    for r in selector:
        workload = r["params"].get("workload", "")
        size = int(r["params"].get("profiles", 0))
        workloads.setdefault(workload, OrderedDict()).setdefault(size, {})[
            r["params"].get("selector")] = r
    for workload, by_size in workloads.items():
        title = f" — {workload} workload" if workload else ""
        print(f"## Fast selector vs reference (select + record success){title}\n")
        print("| Profiles | Fast (ns/op) | Fast, best iteration | Reference (ns/op) | "
              "Reference / fast | Fast B/op | Reference B/op |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        for size in sorted(by_size):
            pair = by_size[size]
            fast, ref = pair.get("fast"), pair.get("reference")
            ratio = ref["score"] / fast["score"] if fast and ref and fast["score"] else None
            print(f"| {size} | {fmt(fast['score']) if fast else '—'} | "
                  f"{fmt(fast['best']) if fast else '—'} | "
                  f"{fmt(ref['score']) if ref else '—'} | "
                  f"{(fmt(ratio) + 'x') if ratio else '—'} | "
                  f"{fmt_bytes(fast['alloc']) if fast else '—'} | "
                  f"{fmt_bytes(ref['alloc']) if ref else '—'} |")
        sizes = sorted(s for s in by_size if "fast" in by_size[s])
        if 16 in sizes and 4096 in sizes:
            growth = by_size[4096]["fast"]["score"] / by_size[16]["fast"]["score"]
            best = by_size[4096]["fast"]["best"] / by_size[16]["fast"]["best"]
            print(f"\nFast selector growth from 16 to 4,096 profiles: {fmt(growth)}x by mean, "
                  f"{fmt(best)}x by best iteration (log2 4096 / log2 16 = 3.00x would be "
                  f"logarithmic).")
        print()

    # A subject's baseline is the class's baseline* method with the same parameters, or failing
    # that one whose parameters are a subset of the subject's (a baseline that does not depend on
    # a parameter runs once).
    baselines = [r for r in rows if r["method"].startswith("baseline")]

    def baseline_of(subject):
        same = [b for b in baselines if b["class"] == subject["class"]
                and b["params"] == subject["params"]]
        if same:
            return same[0]
        subset = [b for b in baselines if b["class"] == subject["class"]
                  and all(subject["params"].get(k) == v for k, v in b["params"].items())]
        return subset[0] if subset else None

    paired = [(r, baseline_of(r)) for r in rows if not r["method"].startswith("baseline")]
    paired = [(r, b) for r, b in paired if b is not None]
    if paired:
        print("## Against the baselines\n")
        print("Throughput rows (ops/s) are better when higher; time rows (ns/op, us/op) when "
              "lower.\n")
        print("| Benchmark | Parameters | Score | Baseline | Baseline score | Subject / baseline |")
        print("|---|---|---:|---|---:|---:|")
        for r, base in paired:
            ratio = r["score"] / base["score"] if base["score"] else None
            params = ", ".join(f"{k}={v}" for k, v in r["params"].items()) or "—"
            print(f"| {r['class']}.{r['method']} | {params} | {fmt(r['score'])} {r['unit']} | "
                  f"{base['method']} | {fmt(base['score'])} {base['unit']} | {fmt(ratio)} |")
        print()


if __name__ == "__main__":
    main()
