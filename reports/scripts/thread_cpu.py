#!/usr/bin/env python3
"""CPU time per thread of one command, by thread name (a JVM: main, C1 compiler, fork-join, GC).

Usage: reports/scripts/thread_cpu.py [--every MS] COMMAND [ARGS...]

Runs COMMAND with its output discarded and reads /proc/PID/task/*/stat every MS ms (default 2;
the forecast measurements used 50, enough for a 30-second job and lighter on 2 cores); prints the
user + system time of each thread name (digits at the end of a name folded, so the JVM's two
"C1 CompilerThread" threads add up) as of the last reading before the process ended. Linux only;
the resolution is the kernel's clock tick (10 ms), and the time between the last reading and the
exit is not counted, so compare runs of the same command, not the total with /usr/bin/time. The
JVM's main thread is named after the launcher ("java").
"""
import collections
import os
import re
import subprocess
import sys
import time


def main(cmd, every_ms=2):
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
                    st = f.read()
            except (FileNotFoundError, ProcessLookupError):
                continue
            name = st[st.index('(') + 1:st.rindex(')')]
            fields = st[st.rindex(')') + 2:].split()
            last[tid] = (name, int(fields[11]) + int(fields[12]))  # utime + stime
        time.sleep(every_ms / 1000)
    per_name = collections.Counter()
    for name, ticks in last.values():
        per_name[re.sub(r'\d+$', '#', name)] += ticks * 1000 // tick
    for name, ms in per_name.most_common():
        if ms:
            print(f'{name:22s} {ms:6d} ms')
    print(f'{"total":22s} {sum(per_name.values()):6d} ms')


if __name__ == '__main__':
    args = sys.argv[1:]
    every = 2
    if args[:1] == ['--every'] and len(args) >= 2:
        every = float(args[1])
        args = args[2:]
    if not args:
        sys.exit(__doc__)
    main(args, every)
