// The printed report: one table of medians (seconds and peak RSS per
// implementation, async-demo's ratio to each peer), the event cost, the UI
// measurements, and the targets of issue 5 marked met / NOT met.
import { median } from "./ui.mjs";

export const OURS = "async-demo";

/** Recorded in ../shared/notes/js-peers.md §4 (cancel, N = 100,000: Effect 4.1.0, median of 6 runs). */
export const EFFECT_CANCEL_100K_S = 0.751;
/** raw Node's cancel 100k in the same table: scales Effect's number to today's machine load. */
export const NODE_RAW_CANCEL_100K_RECORDED_S = 2.02;
/** When issue 5 set its targets: raw Node's gather of 100k zero sleeps (js-peers.md §4), and CPython 3.13's (the issue). */
const NODE_RAW_GATHER_100K_RECORDED_S = 0.241;
const CPYTHON_313_GATHER_100K_RECORDED_S = 0.85;

export const fmtS = (s) =>
  s === null || s === undefined ? "–" : s >= 10 ? s.toFixed(1) : s >= 1 ? s.toFixed(2) : s.toFixed(3);
const fmtMs = (ms) => (ms === null || ms === undefined ? "–" : `${Math.round(ms)} ms`);
const fmtPct = (p) => (p === null || p === undefined ? "–" : `${p >= 0 ? "+" : ""}${p.toFixed(1)}%`);
const fmtX = (x) => (x === null || x === undefined || !Number.isFinite(x) ? "–" : `${x.toFixed(2)}×`);
const fmtN = (n) => Number(n).toLocaleString("en-US");

/** Summarise the runs of one cell. */
export function summarize(cell) {
  const ok = cell.runs.filter((r) => r.status === "ok");
  cell.median_seconds = median(ok.map((r) => r.seconds));
  cell.median_rss_mb = median(ok.map((r) => r.rss_mb));
  cell.min_seconds = ok.length ? Math.min(...ok.map((r) => r.seconds)) : null;
  cell.max_seconds = ok.length ? Math.max(...ok.map((r) => r.seconds)) : null;
  cell.spread =
    ok.length >= 2 && cell.median_seconds > 0 ? (cell.max_seconds - cell.min_seconds) / cell.median_seconds : 0;
  cell.failed = cell.runs.filter((r) => r.status === "fail").length;
  cell.na = cell.runs.length > 0 && cell.runs.every((r) => r.status === "na");
  return cell;
}

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

export function cellOf(results, workload, n, impl) {
  return results.cells.find((c) => c.workload === workload && c.n === n && c.impl === impl);
}

const medianS = (results, w, n, impl) => cellOf(results, w, n, impl)?.median_seconds ?? null;
const medianMb = (results, w, n, impl) => cellOf(results, w, n, impl)?.median_rss_mb ?? null;
const ratio = (a, b) => (a === null || b === null || b === 0 ? null : a / b);

function cellText(cell) {
  if (!cell) return "–";
  if (cell.na) return "n/a";
  if (cell.median_seconds === null) return "FAIL";
  const note = cell.failed ? ` (${cell.failed} failed)` : "";
  return `${fmtS(cell.median_seconds)} s ${Math.round(cell.median_rss_mb)} MB${note}`;
}

export function eventCost(results) {
  const out = [];
  for (const n of [...new Set(results.cells.filter((c) => c.workload === "gather0-events").map((c) => c.n))]) {
    const base = medianS(results, "gather0", n, OURS);
    const events = medianS(results, "gather0-events", n, OURS);
    const r = ratio(events, base);
    out.push({ n, gather0_s: base, events_s: events, percent: r === null ? null : (r - 1) * 100 });
  }
  return out;
}

/** The targets of issue 5, each { target, measured, met } (met null: not measured in this run). */
export function targets(results) {
  const list = [];
  const add = (target, measured, met) => list.push({ target, measured, met: measured === null ? null : met });
  const N = 100_000;
  const g = medianS(results, "gather0", N, OURS);
  const gRaw = ratio(g, medianS(results, "gather0", N, "node-raw"));
  add("gather0 100k ≤ 2× node-raw", gRaw === null ? null : fmtX(gRaw), gRaw !== null && gRaw <= 2);
  const py = medianS(results, "gather0", N, "asyncio");
  const gPy = ratio(py, g);
  add(
    `gather0 100k ≥ 2× faster than CPython ${results.machine?.python_version ?? ""}`.trim(),
    gPy === null ? null : `${fmtX(gPy)} faster`,
    gPy !== null && gPy >= 2,
  );
  const c = medianS(results, "cancel", N, OURS);
  const effect = medianS(results, "cancel", N, "effect");
  if (effect !== null) {
    add(
      "cancel 100k < Effect (run alongside, --effect)",
      `${fmtS(c)} s vs ${fmtS(effect)} s`,
      c !== null && c < effect,
    );
  } else {
    add(
      `cancel 100k < Effect 4.1 (${EFFECT_CANCEL_100K_S} s, recorded in notes/js-peers.md §4)`,
      c === null ? null : `${fmtS(c)} s`,
      c !== null && c < EFFECT_CANCEL_100K_S,
    );
  }
  const cRaw = medianS(results, "cancel", N, "node-raw");
  add(
    "cancel 100k faster than node-raw",
    c === null || cRaw === null ? null : `${fmtS(c)} s vs ${fmtS(cRaw)} s`,
    c !== null && cRaw !== null && c < cRaw,
  );
  let worst = null;
  for (const w of results.workloads) {
    const r = ratio(medianMb(results, w, N, OURS), medianMb(results, w, N, "node-raw"));
    if (r !== null && (worst === null || r > worst.r)) worst = { w, r };
  }
  // The issue quotes gather's numbers (raw Node ~156 MB); held here to the worst workload.
  const gRss = ratio(medianMb(results, "gather0", N, OURS), medianMb(results, "gather0", N, "node-raw"));
  add(
    "peak RSS at 100k ≤ 1.25× node-raw (worst workload)",
    worst === null ? null : `${fmtX(worst.r)} (${worst.w}); gather0 ${fmtX(gRss)}`,
    worst !== null && worst.r <= 1.25,
  );
  const tv = medianS(results, "timers-virtual", N, OURS);
  add("timers-virtual 100k < 1 s", tv === null ? null : `${fmtS(tv)} s`, tv !== null && tv < 1);
  const ev = eventCost(results).find((e) => e.n === N) ?? eventCost(results).at(-1);
  add(
    `event cost < 20% (gather0-events vs gather0${ev ? `, ${fmtN(ev.n)}` : ""})`,
    ev?.percent == null ? null : fmtPct(ev.percent),
    ev?.percent != null && ev.percent < 20,
  );
  const ui = results.ui ?? {};
  add("`async-demo --version` < 150 ms", ui.version ? fmtMs(ui.version.ms) : null, ui.version?.ms < 150);
  add("first dashboard frame < 400 ms", ui.first_frame ? fmtMs(ui.first_frame.ms) : null, ui.first_frame?.ms < 400);
  const cpu = ui.cpu;
  add(
    "dashboard CPU < 5% (gather ×0.1 playing)",
    cpu?.playing
      ? `${cpu.playing.percent_schedstat.toFixed(1)}% (whole play ${cpu.playing.play_mean_percent?.toFixed(1) ?? "?"}%)`
      : null,
    cpu?.playing.percent_schedstat < 5 && cpu?.playing.play_mean_percent < 5,
  );
  add(
    "idle CPU < 1% (paused)",
    cpu ? `${cpu.paused.percent_schedstat.toFixed(1)}%` : null,
    cpu?.paused.percent_schedstat < 1,
  );
  add(
    "idle CPU < 1% (after the end)",
    cpu ? `${cpu.ended.percent_schedstat.toFixed(1)}%` : null,
    cpu?.ended.percent_schedstat < 1,
  );
  const swarm = ui.swarm;
  add(
    `a key shows on its row < 100 ms (swarm, ${fmtN(swarm?.tasks ?? 10_000)} tasks)`,
    swarm?.key_latency_ms == null ? null : fmtMs(swarm.key_latency_ms),
    swarm?.key_latency_ms < 100,
  );
  return list;
}

/**
 * The targets in seconds, or against CPython, were set on this machine's speed of the day: say
 * how fast the floor (raw Node) and CPython are in this run compared with then.
 */
function targetContext(results) {
  const raw = medianS(results, "gather0", 100_000, "node-raw");
  const py = medianS(results, "gather0", 100_000, "asyncio");
  if (raw === null) return [];
  const then = NODE_RAW_GATHER_100K_RECORDED_S;
  const lines = [
    `Context: node-raw's gather0 100k took ${fmtS(raw)} s in this run (${fmtX(raw / then)} the ${then} s recorded when the targets were set).`,
  ];
  if (py !== null) {
    const thenRatio = CPYTHON_313_GATHER_100K_RECORDED_S / then;
    lines.push(
      `node-raw itself was ${fmtX(py / raw)} faster than CPython here (${fmtX(thenRatio)} then): "≥ 2× faster than CPython" asks for ≤ ${fmtX(py / raw / 2)} node-raw today.`,
    );
  }
  return lines;
}

export function render(results) {
  const out = [];
  const m = results.machine;
  out.push(
    `async-demo benchmark · ${results.date} · commit ${results.commit}${results.dirty.length ? " (+ uncommitted changes)" : ""}`,
    `node ${m.node} · CPython ${m.python_version} (${m.python}) · ${m.cpus} × ${m.cpu_model} · load ${m.load_start.map((x) => x.toFixed(2)).join(" ")} at start, ${m.load_end?.map((x) => x.toFixed(2)).join(" ") ?? "?"} at end`,
    `${results.options.reps} interleaved reps per cell, fresh process each; medians. Seconds: the workload only; RSS: the process's peak.`,
    "",
  );
  const impls = results.impls.map((i) => i.name);
  const peers = impls.includes(OURS) ? impls.filter((i) => i !== OURS) : [];
  const header = ["workload", "N", ...impls.map((i) => (i === "asyncio" ? `asyncio ${m.python_version}` : i))];
  for (const p of peers) header.push(`${OURS} ÷ ${p} (time, RSS)`);
  const rows = [];
  for (const w of results.workloads) {
    const ns = [...new Set(results.cells.filter((c) => c.workload === w).map((c) => c.n))].sort((a, b) => a - b);
    for (const n of ns) {
      const row = [w, fmtN(n), ...impls.map((i) => cellText(cellOf(results, w, n, i)))];
      for (const p of peers) {
        const t = ratio(medianS(results, w, n, OURS), medianS(results, w, n, p));
        const r = ratio(medianMb(results, w, n, OURS), medianMb(results, w, n, p));
        row.push(t === null ? "–" : `${fmtX(t)}, ${fmtX(r)}`);
      }
      rows.push(row);
    }
  }
  out.push(table(header, rows));
  if (peers.length) out.push(`Ratios: ${OURS} ÷ peer; below 1× ${OURS} is faster / smaller.`);
  const ev = eventCost(results).filter((e) => e.percent !== null);
  if (ev.length) {
    out.push(
      `Event cost (gather0-events ÷ gather0 − 1, ${OURS}): ${ev.map((e) => `${fmtN(e.n)}: ${fmtPct(e.percent)}`).join(" · ")}`,
    );
  }
  const cRaw = medianS(results, "cancel", 100_000, "node-raw");
  if (cRaw !== null && !impls.includes("effect")) {
    const scaled = (EFFECT_CANCEL_100K_S * cRaw) / NODE_RAW_CANCEL_100K_RECORDED_S;
    out.push(
      `Effect 4.1 is not run here (--effect DIR runs it): its cancel 100k was ${EFFECT_CANCEL_100K_S} s when node-raw took ${NODE_RAW_CANCEL_100K_RECORDED_S} s (js-peers.md); scaled by today's node-raw (${fmtS(cRaw)} s): ~${fmtS(scaled)} s.`,
    );
  }
  if (results.noisy?.length) {
    out.push(`Re-run (spread > ${Math.round(results.options.noise * 100)}%): ${results.noisy.join(", ")}`);
  }
  const ui = results.ui;
  if (ui) {
    out.push("", "UI and process (real binary; dashboard in a pty):");
    const uiRows = [];
    if (ui.version)
      uiRows.push([
        "node bin/async-demo --version",
        fmtMs(ui.version.ms),
        `median of ${ui.version.runs} (${ui.version.tool})`,
      ]);
    if (ui.node_baseline) {
      uiRows.push([
        "node -e 0 (baseline)",
        fmtMs(ui.node_baseline.ms),
        `median of ${ui.node_baseline.runs} (${ui.node_baseline.tool})`,
      ]);
    }
    if (ui.list)
      uiRows.push(["node bin/async-demo list", fmtMs(ui.list.ms), `median of ${ui.list.runs} (${ui.list.tool})`]);
    if (ui.first_frame)
      uiRows.push([
        "first dashboard frame (gather)",
        fmtMs(ui.first_frame.ms),
        `median of ${ui.first_frame.runs}, from spawn`,
      ]);
    if (ui.cpu) {
      const c = (s) => `${s.percent.toFixed(1)}% (schedstat ${s.percent_schedstat.toFixed(2)}%)`;
      const window = `over ${ui.cpu.paused.window_s.toFixed(1)} s, /proc/<pid>/stat ticks (±${ui.cpu.paused.resolution_percent.toFixed(1)}%)`;
      const p = ui.cpu.playing;
      uiRows.push([
        "CPU, gather --speed 0.1 playing",
        c(p),
        p.windows_percent
          ? `median of ${p.windows_percent.length} 1 s windows from 1.5 s after the first frame (${p.windows_percent.map((x) => `${x.toFixed(1)}%`).join(", ")}); the whole play from the first frame ${p.play_mean_percent.toFixed(1)}%, its first 1.5 s ${p.settle_percent.toFixed(1)}%`
          : window,
      ]);
      const windows = (s) =>
        s.windows_percent
          ? `median of ${s.windows_percent.length} such windows (${s.windows_percent.map((p) => `${p.toFixed(1)}%`).join(", ")})`
          : window;
      uiRows.push(["CPU, paused", c(ui.cpu.paused), windows(ui.cpu.paused)]);
      uiRows.push(["CPU, after the end", c(ui.cpu.ended), windows(ui.cpu.ended)]);
    }
    if (ui.swarm) {
      const s = ui.swarm;
      uiRows.push([`swarm ${fmtN(s.tasks)} tasks: first frame`, fmtMs(s.first_frame_ms), "from spawn"]);
      uiRows.push([
        "swarm: key → row shows the cancel",
        fmtMs(s.key_latency_ms),
        `median of ${s.key_latencies_ms.length} (${s.key_latencies_ms.map((x) => Math.round(x)).join(", ")} ms)`,
      ]);
      uiRows.push([
        "swarm: frames written per second",
        s.fps.toFixed(1),
        `${s.frames} in ${s.window_s.toFixed(1)} s, ${Math.round(s.bytes_per_s / 1024)} KiB/s (Ink maxFps 30)`,
      ]);
    }
    out.push(table(["measure", "value", "how"], uiRows));
    if (ui.errors.length) out.push(`UI errors: ${ui.errors.join("; ")}`);
  }
  out.push("", "Targets (issue 5):");
  out.push(
    table(
      ["target", "measured", "result"],
      results.targets.map((t) => [
        t.target,
        t.measured ?? "not measured",
        t.met === null ? "–" : t.met ? "met" : "NOT met",
      ]),
    ),
  );
  out.push(...targetContext(results));
  const failed = results.cells.filter((c) => c.failed);
  if (failed.length) {
    out.push("", "FAILED runs (self-check, crash or timeout):");
    for (const c of failed) {
      for (const r of c.runs.filter((x) => x.status === "fail"))
        out.push(`  ${c.impl} ${c.workload} ${c.n}: ${r.error}`);
    }
  }
  return out.join("\n");
}
