#!/usr/bin/env python3
"""Scores one polpo-check jar on the real Polpo 0.3.x corpus against its code-derived expectations.

Same matching as RealCorpusTest: a finding matches an expected line of
src/test/resources/validate/real/expectations.tsv when file, JSON pointer, severity and rule id
are equal (each expected line at most once). Auth files are copied with mode 0600 in a 0700
folder and checked with --now 2026-03-21T10:00:00Z, as Polpo writes and the corpus README asks.

  python3 reports/scripts/validate_real_score.py JAR [--table]

Prints precision, recall, false errors, and every disagreement (--table: one row per file).
"""
import collections, json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "src", "test", "resources", "validate", "real")


def expectations():
    exp, files = [], []
    with open(os.path.join(CORPUS, "expectations.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            file, pointer, sev, rule, _ = line.split("\t")
            if file not in files:
                files.append(file)
            if sev != "-":
                exp.append((file, pointer, sev, rule))
    return exp, files


def run(jar, files):
    tmp = tempfile.mkdtemp()
    try:
        paths = []
        for f in files:
            dst = os.path.join(tmp, f)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copyfile(os.path.join(CORPUS, f), dst)
            if os.path.basename(f) == "auth-profiles.json":
                os.chmod(dst, 0o600)
                os.chmod(os.path.dirname(dst), 0o700)
            paths.append(dst)
        out = subprocess.run(
            ["java", "-jar", jar, "validate", "--format", "json", "--now", "2026-03-21T10:00:00Z"]
            + paths, capture_output=True, text=True).stdout
        got = []
        for d in json.loads(out)["diagnostics"]:
            got.append((os.path.relpath(d["file"], tmp), d.get("pointer", ""), d["severity"], d["rule"]))
        return got
    finally:
        shutil.rmtree(tmp)


def main():
    jar, table = sys.argv[1], "--table" in sys.argv
    exp, files = expectations()
    got = run(jar, files)
    left = collections.Counter(exp)
    false_alarms = []
    for g in got:
        if left[g] > 0:
            left[g] -= 1
        else:
            false_alarms.append(g)
    misses = list(left.elements())
    matched = len(got) - len(false_alarms)
    p = matched / len(got) if got else 1.0
    r = matched / len(exp) if exp else 1.0
    print(f"files {len(files)}, expected {len(exp)}, reported {len(got)}, matched {matched}")
    print(f"precision {100 * p:.1f} %, recall {100 * r:.1f} %, "
          f"false errors {sum(1 for g in false_alarms if g[2] == 'error')}")
    for name, rows in (("false alarms", false_alarms), ("misses", misses)):
        print(f"{name}:")
        for row in sorted(rows):
            print("  " + " ".join(x if x else "(file)" for x in row))
    if table:
        per = collections.OrderedDict((f, [0, 0, 0]) for f in files)
        for e in exp:
            per[e[0]][0] += 1
        for g in got:
            per[g[0]][1] += 1
        for fa in false_alarms:
            per[fa[0]][2] += 1
        print("| file | expected | reported | false alarms | misses |")
        print("|---|---:|---:|---:|---:|")
        for f, (e, g, fa) in per.items():
            print(f"| {f} | {e} | {g} | {fa} | {e - (g - fa)} |")


if __name__ == "__main__":
    main()
