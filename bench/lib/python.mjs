// The CPython engine (issue 11 item 6): a gather of 10,000 and 100,000 sleep(0) tasks as a Python program,
// end to end under the probe (events through the Node host into a session store, no view drawing) against
// the same program on plain CPython, interleaved in the same run; and the dashboard on a 10,000-task Python
// program (`swarm --python`): how long a cancel key takes to show on its row.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, swarm } from "./ui.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HOST = join(ROOT, "bench/impl/python-host.mjs");
const PROGRAM = join(ROOT, "bench/impl/python_gather0.py");

/** One fresh run: { seconds, rss_mb (CPython), node_rss_mb } or { error }. */
function runOnce(mode, python, n, timeoutS) {
  const args = ["--conditions=source", "--import", "tsx", HOST, mode, python, PROGRAM, String(n)];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err = (err + d).slice(-4000);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutS * 1000);
    child.on("close", (code) => {
      clearTimeout(timer);
      const [impl, , nn, secs, rss, nodeRss, nodeCpu] = (out.trim().split("\n").at(-1) ?? "").split(/\s+/);
      if (code !== 0 || impl !== `cpython-${mode}` || Number(nn) !== n) {
        resolve({ error: `exit ${code}: ${err.trim().split("\n").slice(-2).join(" | ") || out.trim()}` });
      } else {
        resolve({
          seconds: Number(secs),
          rss_mb: Number(rss),
          node_rss_mb: Number(nodeRss),
          node_cpu_s: Number(nodeCpu),
        });
      }
    });
  });
}

const summary = (runs) => {
  const ok = runs.filter((r) => r.error === undefined);
  return {
    median_seconds: median(ok.map((r) => r.seconds)),
    median_rss_mb: median(ok.map((r) => r.rss_mb)),
    median_node_rss_mb: median(ok.map((r) => r.node_rss_mb)),
    median_node_cpu_s: median(ok.map((r) => r.node_cpu_s)),
    runs,
  };
};

/** Interleaved plain/probe reps at each size; then the dashboard's key latency on swarm --python. */
export async function measurePython({
  python,
  sizes = [10_000, 100_000],
  reps = 3,
  quick = false,
  timeoutS = 300,
  log,
}) {
  const out = { python, gather0: [], errors: [] };
  for (const n of sizes) {
    const runs = { plain: [], probe: [] };
    for (let rep = 1; rep <= reps; rep++) {
      for (const mode of ["plain", "probe"]) {
        const r = await runOnce(mode, python, n, timeoutS);
        runs[mode].push(r);
        log(
          `[python ${rep}/${reps}] cpython-${mode} gather0 ${n}: ${r.error ?? `${r.seconds.toFixed(3)} s ${Math.round(r.rss_mb)} MB`}`,
        );
        if (r.error) out.errors.push(`cpython-${mode} gather0 ${n}: ${r.error}`);
      }
    }
    const plain = summary(runs.plain);
    const probe = summary(runs.probe);
    const ratio = plain.median_seconds && probe.median_seconds ? probe.median_seconds / plain.median_seconds : null;
    out.gather0.push({ n, plain, probe, ratio });
  }
  log("python: dashboard key latency on swarm --python (10,000 tasks)...");
  try {
    out.swarm = await swarm({
      windowMs: quick ? 1000 : 3000,
      log,
      extraArgs: ["--python"],
      env: { ASYNC_DEMO_PYTHON: python },
    });
    if (out.swarm.error) out.errors.push(`swarm --python: ${out.swarm.error}`);
  } catch (error) {
    out.errors.push(`swarm --python: ${String(error?.message ?? error).split("\n")[0]}`);
  }
  return out;
}

const fmt = (s) => (s === null || s === undefined ? "–" : s >= 1 ? s.toFixed(2) : s.toFixed(3));

/** The printed section. */
export function renderPython(p) {
  if (!p) return "";
  const lines = [
    "",
    `CPython engine (${p.python}): a gather of sleep(0) tasks, spawn to exit, median of interleaved runs`,
    "| N | plain CPython | under the probe, events into the session store | ratio (target ≤ 3× at 100k) |",
    "|---|---|---|---|",
  ];
  for (const g of p.gather0) {
    const met = g.n === 100_000 && g.ratio !== null ? (g.ratio <= 3 ? " met" : " NOT met") : "";
    lines.push(
      `| ${g.n.toLocaleString("en-US")} | ${fmt(g.plain.median_seconds)} s ${Math.round(g.plain.median_rss_mb ?? 0)} MB | ${fmt(g.probe.median_seconds)} s ${Math.round(g.probe.median_rss_mb ?? 0)} MB (Node ${Math.round(g.probe.median_node_rss_mb ?? 0)} MB, ${fmt(g.probe.median_node_cpu_s)} s CPU) | ${g.ratio === null ? "–" : `${g.ratio.toFixed(2)}×`}${met} |`,
    );
  }
  const s = p.swarm;
  if (s && s.key_latency_ms !== null && s.key_latency_ms !== undefined) {
    const met = s.key_latency_ms < 100 ? "met" : "NOT met";
    lines.push(
      `swarm --python, 10,000 tasks on the dashboard: a cancel key shows on its row in ${Math.round(s.key_latency_ms)} ms (median of ${s.key_latencies_ms.length}; target < 100 ms: ${met}); first frame ${Math.round(s.first_frame_ms)} ms`,
    );
  }
  for (const e of p.errors) lines.push(`error: ${e}`);
  return lines.join("\n");
}
