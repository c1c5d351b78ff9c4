#!/usr/bin/env python3
"""Independent reference model for the ccusage cross-check (not part of polpo-check).

Reads a Claude Code corpus with the standard library only and prices every call three ways,
with exact decimals:
  anthropic(share)  Anthropic's rules: request-wide long context, unsplit writes divided by the
                    assumed 1-hour share (what polpo-check computes);
  ccusage20         ccusage 20's formula (anthropic-and-peers.md section 5.4): long context split
                    per token bucket at 200k, unsplit writes priced at the 5-minute rate,
                    1-hour split writes at 2 x input;
  ccusage18         ccusage 18's behaviour as measured: the first line of each (message id,
                    request id) kept, sidechain replays under a new request id counted again,
                    and the formula given by --cc18-formula.
Prints JSON: per day and per session, the three costs and the decomposition terms.
"""
import json, os, sys
from decimal import Decimal as D
from collections import defaultdict

M = D(1_000_000)
# USD per million tokens (Anthropic list = LiteLLM for these three models)
RATES = {
    "claude-sonnet-4-5-20250929": dict(i=D(3), o=D(15), w5=D("3.75"), r=D("0.3"),
                                       lc=dict(i=D(6), o=D("22.5"), w5=D("7.5"), r=D("0.6"))),
    "claude-haiku-4-5-20251001": dict(i=D(1), o=D(5), w5=D("1.25"), r=D("0.1"), lc=None),
    "claude-opus-4-1-20250805": dict(i=D(15), o=D(75), w5=D("18.75"), r=D("1.5"), lc=None),
}
TH = 200_000


def lines(root):
    for dp, _, fs in sorted(os.walk(root)):
        for f in sorted(fs):
            if f.endswith(".jsonl"):
                with open(os.path.join(dp, f), encoding="utf-8") as fh:
                    for ln in fh:
                        if '"usage"' not in ln:
                            continue
                        o = json.loads(ln)
                        m = o.get("message") or {}
                        u = m.get("usage")
                        if not u or m.get("model") == "<synthetic>":
                            continue
                        cc = u.get("cache_creation")
                        yield dict(mid=m.get("id"), rid=o.get("requestId"), side=bool(o.get("isSidechain")),
                                   model=m.get("model"), day=o["timestamp"][:10], ts=o["timestamp"], session=o.get("sessionId"),
                                   i=u["input_tokens"], o=u["output_tokens"],
                                   w=u.get("cache_creation_input_tokens", 0), r=u.get("cache_read_input_tokens", 0),
                                   w5=cc.get("ephemeral_5m_input_tokens") if cc else None,
                                   w1=cc.get("ephemeral_1h_input_tokens") if cc else None)


def total(c):
    return c["i"] + c["o"] + c["w"] + c["r"]


def dedup_billing(rows):
    """(mid, rid) key, sidechain matches on mid alone, the most complete line wins."""
    by_key, by_id, out = {}, {}, []
    for c in rows:
        k = (c["mid"], c["rid"])
        at = by_key.get(k)
        if at is None and c["mid"] in by_id and (c["side"] or out[by_id[c["mid"]]]["side"]):
            at = by_id[c["mid"]]
        if at is not None:
            old = out[at]
            if (old["side"] and not c["side"]) or (old["side"] == c["side"] and total(c) > total(old)):
                out[at] = c
            continue
        by_key[k] = len(out)
        by_id.setdefault(c["mid"], len(out))
        out.append(c)
    return out


def dedup_first(rows):
    seen, out = set(), []
    for c in rows:
        k = (c["mid"], c["rid"])
        if k in seen:
            continue
        seen.add(k)
        out.append(c)
    return out


def anthropic(c, share_bp):
    p = RATES[c["model"]]
    prompt = c["i"] + c["w"] + c["r"]
    R = p["lc"] if p["lc"] and prompt > TH else p
    if c["w5"] is not None:
        w5, w1 = c["w5"], c["w1"]
    else:
        w1 = (c["w"] * share_bp + 5000) // 10000
        w5 = c["w"] - w1
    return (c["i"] * R["i"] + c["o"] * R["o"] + w5 * R["w5"] + w1 * 2 * R["i"] + c["r"] * R["r"]) / M


def marginal(n, base, above):
    if above is None or n <= TH:
        return n * base
    return TH * base + (n - TH) * above


def ccusage20(c, split=True):
    p = RATES[c["model"]]
    lc = p["lc"] or {}
    if split and c["w5"] is not None:
        w5, w1 = c["w5"], c["w1"]
    else:
        w5, w1 = c["w"], 0
    return (marginal(c["i"], p["i"], lc.get("i")) + marginal(c["o"], p["o"], lc.get("o"))
            + marginal(w5, p["w5"], lc.get("w5")) + marginal(w1, 2 * p["i"], 2 * lc["i"] if lc else None)
            + marginal(c["r"], p["r"], lc.get("r"))) / M


def main():
    root, share_bp = sys.argv[1], int(sys.argv[2])
    rows = list(lines(root))
    billed = dedup_billing(rows)
    first = dedup_first(rows)
    out = {"lines": len(rows), "billed": len(billed), "cc18_kept": len(first)}
    for name, key in (("daily", "day"), ("session", "session")):
        g = defaultdict(lambda: defaultdict(D))
        for c in billed:
            t = g[c[key]]
            a_share, a0, cc = anthropic(c, share_bp), anthropic(c, 0), ccusage20(c)
            t["anthropic"] += a_share
            t["anthropic_share0"] += a0
            t["ccusage20"] += cc
            t["d_1h_unsplit"] += a_share - a0
            t["d_long_context"] += a0 - cc
            t["long_context_requests"] += 1 if (RATES[c["model"]]["lc"] and c["i"] + c["w"] + c["r"] > TH) else 0
            t["unsplit_write_tokens"] += c["w"] if c["w5"] is None else 0
        for c in first:
            t = g[c[key]]
            t["ccusage18_first_line_split"] += ccusage20(c, True)
            t["ccusage18_first_line_nosplit"] += ccusage20(c, False)
            t["ccusage18_output_tokens"] += c["o"]
        for c in billed:
            g[c[key]]["billed_output_tokens"] += c["o"]
        out[name] = {k: {kk: str(vv) for kk, vv in v.items()} for k, v in sorted(g.items())}
    json.dump(out, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
