"""Measures the statistics the sample-workload generator is calibrated to.

Reads every mini-swe-agent trajectory under the given folder (gzipped *.traj.json) and prints
session length in calls, first prompt size, prompt growth per turn, output tokens per call,
cache-hit share and the gap between consecutive calls of a session, as quantiles.

Usage: python3 reports/scripts/calibrate_mini_swe_agent.py ../shared/data/traces/mini-swe-agent
       python3 reports/scripts/calibrate_mini_swe_agent.py --native SAMPLE.jsonl.gz AGENT
The second form measures one agent of a native trace file (the shipped sample) the same way.
"""
import gzip, json, math, pathlib, statistics, sys

def q(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))]

def row(name, xs):
    m = statistics.mean(xs)
    lm = statistics.mean(math.log(max(x, 1e-9)) for x in xs)
    ls = statistics.pstdev(math.log(max(x, 1e-9)) for x in xs)
    print(f"| {name} | {len(xs)} | {m:.1f} | {q(xs,.05):.1f} | {q(xs,.5):.1f} | {q(xs,.95):.1f} | {lm:.3f} | {ls:.3f} |")

lengths, first, growth, out, gaps, hit = [], [], [], [], [], []

def sessions_native(path, agent):
    """Yields each session of one agent as a list of (start seconds, OpenAI-style usage)."""
    by = {}
    with gzip.open(path, "rt") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("agent") != agent:
                continue
            u = d["usage"]
            prompt = u["input"] + u.get("cacheRead", 0) + u.get("cacheWrite5m", 0) + u.get("cacheWrite1h", 0)
            import datetime
            t = datetime.datetime.fromisoformat(d["timestamp"].replace("Z", "+00:00")).timestamp()
            by.setdefault(d["session"], []).append((t, {"prompt_tokens": prompt,
                "completion_tokens": u["output"], "prompt_cache_hit_tokens": u.get("cacheRead", 0)}))
    for k in sorted(by):
        yield sorted(by[k], key=lambda x: x[0])

def sessions_mini(folder):
    for f in sorted(pathlib.Path(folder).rglob("*.traj.json*")):
        op = gzip.open if f.suffix == ".gz" else open
        with op(f, "rt") as fh:
            d = json.load(fh)
        calls = []
        for m in d.get("messages", []):
            e = m.get("extra") or {}
            r = e.get("response") or {}
            u = r.get("usage")
            if m.get("role") == "assistant" and u:
                calls.append((float(e.get("timestamp", 0)), u))
        yield calls

source = sessions_native(sys.argv[2], sys.argv[3]) if sys.argv[1] == "--native" else sessions_mini(sys.argv[1])
for calls in source:
    if not calls:
        continue
    lengths.append(len(calls))
    first.append(calls[0][1]["prompt_tokens"])
    for (t0, u0), (t1, u1) in zip(calls, calls[1:]):
        growth.append(u1["prompt_tokens"] - u0["prompt_tokens"])
        if t1 > t0:
            gaps.append(t1 - t0)
    for _, u in calls:
        out.append(u["completion_tokens"])
        p = u["prompt_tokens"]
        if p:
            hit.append(u.get("prompt_cache_hit_tokens", 0) / p)

print("| statistic | n | mean | P5 | P50 | P95 | mean log | sd log |")
print("|---|---|---|---|---|---|---|---|")
row("calls per session", lengths)
row("first prompt tokens", first)
row("prompt growth per turn (tokens)", [g for g in growth if g > 0])
row("output tokens per call", out)
row("gap between calls (s)", gaps)
row("cache-hit share of prompt", hit)
print(f"\nnegative or zero growth turns: {sum(1 for g in growth if g <= 0)} of {len(growth)}")
