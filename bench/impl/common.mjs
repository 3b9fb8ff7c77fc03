// Shared by the JavaScript implementations of the benchmarks (after
// ../shared/bench-peers/lib/common.mjs): the PRNG every implementation uses,
// the self-checks, and the one-line report the runner parses:
//   <impl> <workload> <N> <seconds> <peak_rss_mb>
// An implementation that does not support a workload prints NA NA.

export const WORKLOADS = ["gather0", "gather0-events", "timers", "timers-virtual", "cancel", "chain", "taskgroup"];

/** Long enough that no sleeper in `cancel` finishes on its own. */
export const LONG_SLEEP_S = 3600;

/** mulberry32, ported bit for bit to asyncio_bench.py. */
export function mulberry32(seed) {
  let a = seed | 0;
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n integer delays in [0, max] (same sequence in every implementation). */
export function randomDelays(n, max, seed = 42) {
  const rand = mulberry32(seed);
  const out = new Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(rand() * (max + 1));
  return out;
}

export function parseArgs(impl) {
  const [workload, nRaw] = process.argv.slice(2);
  const n = Number(nRaw);
  if (!WORKLOADS.includes(workload) || !Number.isInteger(n) || n <= 0) {
    console.error(`usage: ${impl} <${WORKLOADS.join("|")}> <N>`);
    process.exit(2);
  }
  return { workload, n };
}

export function check(cond, msg) {
  if (!cond) {
    console.error(`self-check failed: ${msg}`);
    process.exitCode = 1;
  }
}

export function checkIndices(results, n) {
  check(results.length === n, `expected ${n} results, got ${results.length}`);
  for (let i = 0; i < n; i++) {
    if (results[i] !== i) {
      check(false, `results[${i}] = ${results[i]}`);
      return;
    }
  }
}

export async function timeIt(fn) {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

export function report(impl, workload, n, seconds) {
  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${impl} ${workload} ${n} ${seconds === null ? "NA" : seconds.toFixed(4)} ${seconds === null ? "NA" : rss.toFixed(1)}`,
  );
}
