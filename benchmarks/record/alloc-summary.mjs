// Summarises alloc.sh's JFR recording: bytes allocated per call, GC pauses per 10,000 calls,
// and the top allocation sites. Usage: node alloc-summary.mjs ALLOC.json CALLS
import { readFileSync } from "node:fs";

const [file, callsArg] = process.argv.slice(2);
const calls = Number(callsArg);
const events = JSON.parse(readFileSync(file, "utf8")).recording.events;
// ISO-8601 durations as jfr prints them (PT0.001234S) or plain nanoseconds
const ms = (d) => (typeof d === "number" ? d / 1e6 : Number(/PT([0-9.]+)S/.exec(d)?.[1] ?? 0) * 1000);

const gcs = [];
const sites = new Map();
let sampled = 0;
for (const e of events) {
  const v = e.values;
  if (e.type === "jdk.GarbageCollection") {
    gcs.push({ name: v.name, pause: ms(v.sumOfPauses), longest: ms(v.longestPause) });
  } else if (e.type === "jdk.ObjectAllocationSample") {
    const frames = v.stackTrace?.frames ?? [];
    const top = frames.slice(0, 3).map((f) => `${f.method.type.name.replace(/.*\./, "")}.${f.method.name}`).join(" < ");
    const key = `${v.objectClass?.name ?? "?"} @ ${top}`;
    sites.set(key, (sites.get(key) ?? 0) + v.weight);
    sampled += v.weight;
  }
}
// Each live thread is sampled when the recording starts and when it ends: the difference is what
// it allocated in the window. A thread first sampled later started in the window (its baseline
// is 0); one that ended in the window is missed (the relay's threads live for 30 s idle).
const stats = events.filter((e) => e.type === "jdk.ThreadAllocationStatistics");
const t0 = Math.min(...stats.map((e) => Date.parse(e.values.startTime)));
const seen = new Map(); // thread -> { base, last }
for (const e of stats) {
  const t = e.values.thread?.javaName ?? e.values.thread?.osName ?? "?";
  const at = Date.parse(e.values.startTime);
  const s = seen.get(t);
  if (s) s.last = e.values.allocated;
  else seen.set(t, { base: at - t0 < 500 ? e.values.allocated : 0, last: e.values.allocated });
}
let total = 0;
const rows = [];
for (const [t, { base, last }] of seen) {
  const d = last - base;
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
