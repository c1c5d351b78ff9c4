// Summarises alloc.sh's JFR recording: bytes allocated per call, GC pauses per 10,000 calls,
// and the top allocation sites. Usage: node alloc-summary.mjs ALLOC.json CALLS
import { readFileSync } from "node:fs";

const [file, callsArg] = process.argv.slice(2);
const calls = Number(callsArg);
const events = JSON.parse(readFileSync(file, "utf8")).recording.events;
// ISO-8601 durations as jfr prints them (PT0.001234S) or plain nanoseconds
const ms = (d) => (typeof d === "number" ? d / 1e6 : Number(/PT([0-9.]+)S/.exec(d)?.[1] ?? 0) * 1000);

const byThread = new Map(); // thread -> [first, last] allocated
const gcs = [];
const sites = new Map();
let sampled = 0;
for (const e of events) {
  const v = e.values;
  if (e.type === "jdk.ThreadAllocationStatistics") {
    const t = v.thread?.javaName ?? v.thread?.osName ?? "?";
    const seen = byThread.get(t);
    if (seen) seen[1] = v.allocated; else byThread.set(t, [null, v.allocated, v.startTime]);
  } else if (e.type === "jdk.GarbageCollection") {
    gcs.push({ name: v.name, pause: ms(v.sumOfPauses), longest: ms(v.longestPause) });
  } else if (e.type === "jdk.ObjectAllocationSample") {
    const frames = v.stackTrace?.frames ?? [];
    const top = frames.slice(0, 3).map((f) => `${f.method.type.name.replace(/.*\./, "")}.${f.method.name}`).join(" < ");
    const key = `${v.objectClass?.name ?? "?"} @ ${top}`;
    sites.set(key, (sites.get(key) ?? 0) + v.weight);
    sampled += v.weight;
  }
}
// A thread seen twice has a start and an end value; one seen only at the end started in the window.
const first = new Map();
for (const e of events) {
  if (e.type !== "jdk.ThreadAllocationStatistics") continue;
  const t = e.values.thread?.javaName ?? e.values.thread?.osName ?? "?";
  if (!first.has(t)) first.set(t, e.values.allocated);
}
let total = 0;
const rows = [];
for (const [t, [, last]] of byThread) {
  const f = first.get(t);
  const d = last === f && byThread.get(t)[1] === f ? 0 : last - f;
  total += d;
  if (d > 0) rows.push([t.replace(/-[0-9]+$/, "-N"), d]);
}
const perThread = new Map();
for (const [t, d] of rows) perThread.set(t, (perThread.get(t) ?? 0) + d);
const pauses = gcs.reduce((a, g) => a + g.pause, 0);
const longest = gcs.reduce((a, g) => Math.max(a, g.longest), 0);
console.log(`== calls in the window: ${calls}`);
console.log(`== allocated: ${(total / 1e6).toFixed(1)} MB, ${Math.round(total / calls)} bytes per call`);
for (const [t, d] of [...perThread].sort((a, b) => b[1] - a[1]).slice(0, 6)) {
  console.log(`   ${t}: ${Math.round(d / calls)} bytes per call`);
}
console.log(`== GC: ${gcs.length} collections (${[...new Set(gcs.map((g) => g.name))].join(", ")}),` +
  ` ${(gcs.length * 10000 / calls).toFixed(2)} per 10,000 calls, pauses ${(pauses * 10000 / calls).toFixed(2)} ms` +
  ` per 10,000 calls, longest ${longest.toFixed(2)} ms`);
console.log(`== top allocation sites (sampled, share of ${(sampled / 1e6).toFixed(1)} MB):`);
for (const [k, w] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`   ${(100 * w / sampled).toFixed(1).padStart(5)} %  ${k}`);
}
