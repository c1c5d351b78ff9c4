#!/usr/bin/env python3
"""CPU seconds per thread (by name) of one command, e.g. a forecast's workers, JIT and GC threads.

Usage: reports/scripts/thread_cpu.py java -XX:+UseParallelGC -jar JAR forecast --report DIR

Polls /proc/PID/task/*/stat every 50 ms while the command runs and keeps each thread's last
user + sys time, so the final ~50 ms of the process are not counted; threads are grouped by name
with trailing digits dropped (the two "polpo-check-forecast" workers, "C2 CompilerThread0/1").
"""
import collections
import os
import subprocess
import sys
import time


def main(cmd):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tick = os.sysconf('SC_CLK_TCK')
    last = {}
    while p.poll() is None:
        try:
            tids = os.listdir(f'/proc/{p.pid}/task')
        except FileNotFoundError:
            break
        for tid in tids:
            try:
                with open(f'/proc/{p.pid}/task/{tid}/stat') as f:
                    s = f.read()
            except (FileNotFoundError, ProcessLookupError):
                continue
            name = s[s.index('(') + 1:s.rindex(')')]
            fields = s[s.rindex(')') + 2:].split()
            last[tid] = (name, (int(fields[11]) + int(fields[12])) / tick)
        time.sleep(0.05)
    by_name = collections.Counter()
    for name, cpu in last.values():
        by_name[name.rstrip('0123456789#-').strip() or name] += cpu
    for name, cpu in by_name.most_common():
        if cpu >= 0.05:
            print(f'{cpu:7.2f} {name}')
    print(f'{sum(by_name.values()):7.2f} total')
    return p.returncode


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
