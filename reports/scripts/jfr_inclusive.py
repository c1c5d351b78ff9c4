#!/usr/bin/env python3
"""Inclusive sample counts per method from a JFR recording's execution samples.

Usage:
  jfr print --stack-depth 64 --events jdk.ExecutionSample REC.jfr > REC.stacks
  reports/scripts/jfr_inclusive.py REC.stacks [TOP]

A method counts once per sample whose stack contains it (inclusive time). Record with
-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints, or JIT-compiled frames are attributed to
the nearest safepoint (loop back-edges, calls) rather than to the line that was running.
"""
import collections
import re
import sys


def main(path, top):
    counts = collections.Counter()
    total = 0
    frames = None
    with open(path) as f:
        for line in f:
            if 'stackTrace = [' in line:
                frames = set()
                total += 1
                continue
            if frames is None:
                continue
            stripped = line.strip()
            if stripped.startswith(']') or stripped == '...':
                counts.update(frames)
                frames = None
                continue
            m = re.match(r'\s+([\w.$<>]+)\(', line)
            if m:
                frames.add(m.group(1))
    print(f'samples: {total}')
    for method, n in counts.most_common(top):
        print(f'{n:6d} {100 * n / total:5.1f}% {method}')


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 45)
