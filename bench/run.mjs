// `npm run bench`: async-demo's runtime against raw Node and CPython asyncio,
// side by side, plus UI and process measurements (issue 5).
//
//   node bench/run.mjs                 # everything: 3 interleaved reps, sizes 10k, 100k (1M for gather0, timers-virtual)
//   node bench/run.mjs --quick         # smoke: N=1000, 1 rep, all workloads, no UI; non-zero exit if a self-check fails
//   node bench/run.mjs --workloads gather0,cancel --sizes 100k --impls async-demo,node-raw --reps 5 --no-ui
//
// Each run is a fresh process (bench/impl/*) printing `<impl> <workload> <N> <seconds> <peak_rss_mb>`;
// reps are interleaved (rep-major order) so load changes hit every implementation alike. Prints one
// table of medians and writes bench/results.json (--quick: bench/results.local.json, git-ignored).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { WORKLOADS } from "./impl/common.mjs";
import { measurePython, renderPython } from "./lib/python.mjs";
import { render, summarize, targets } from "./lib/report.mjs";
import { measureUi } from "./lib/ui.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const log = (msg) => process.stderr.write(`${msg}\n`);

const USAGE = `usage: node bench/run.mjs [options]
  --quick              smoke test: N=1000, 1 rep, every workload, no UI (< ~20 s); exit 1 if any self-check fails
  --reps <n>           interleaved repetitions per cell (default 3)
  --sizes <list>       e.g. 10k,100k,1M (default: 10k,100k, plus 1M for gather0 and timers-virtual)
  --workloads <list>   subset of: ${WORKLOADS.join(", ")}
  --impls <list>       subset of: async-demo, node-raw, asyncio
  --effect <dir>       also run Effect: a copy of ../shared/bench-peers with \`npm ci\` done in it
                       (its sleep0, sleep_rand and cancel are our gather0, timers and cancel)
  --no-ui              skip the UI and process measurements (--ui: run them even with --quick)
  --no-python          skip the CPython engine's measurements (bench/lib/python.mjs; --python: even with --quick)
  --timeout <s>        per run (default 300)
  --noise <fraction>   re-run cells (N <= 100k) whose time spread (max-min)/median exceeds it (default 0.3; 0: off)
  --extra <n>          extra interleaved reps for a noisy cell (default 2)
  --wait-load <x>      before starting, wait (up to --wait-max minutes, default 15) until the 1-min load < x
  --out <file>         results file (default bench/results.json; --quick: bench/results.local.json)
  --show <file>        print the tables of a saved results file and exit (e.g. an older commit's)
Environment: PYTHON=<interpreter> overrides the CPython lookup (3.13 from pyenv, else python3);
BENCH_COMMIT=<hash> names the commit measured (for a run in an exported copy of the tree).`;

const { values: opt } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    reps: { type: "string" },
    sizes: { type: "string" },
    workloads: { type: "string" },
    impls: { type: "string" },
    effect: { type: "string" },
    "no-ui": { type: "boolean", default: false },
    ui: { type: "boolean", default: false },
    "no-python": { type: "boolean", default: false },
    python: { type: "boolean", default: false },
    timeout: { type: "string", default: "300" },
    noise: { type: "string" },
    extra: { type: "string", default: "2" },
    "wait-load": { type: "string" },
    "wait-max": { type: "string", default: "15" },
    out: { type: "string" },
    show: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (opt.help) {
  console.log(USAGE);
  process.exit(0);
}
if (opt.show) {
  const saved = JSON.parse(readFileSync(opt.show, "utf8"));
  saved.targets = targets(saved);
  console.log(render(saved));
  process.exit(0);
}

function fail(msg) {
  log(`bench: ${msg}\n${USAGE}`);
  process.exit(2);
}

const list = (s) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(s);
  if (!m) fail(`bad size ${s}`);
  const n = Number(m[1]) * ({ k: 1e3, m: 1e6 }[m[2].toLowerCase()] ?? 1);
  if (!Number.isInteger(n) || n <= 0) fail(`bad size ${s}`);
  return n;
}

// ---- what to run ---------------------------------------------------------------------------------

/** Workloads that also run at 1M by default (they fit: <= 1.8 GB, ~2.5 min a rep for all three). */
const BIG = new Set(["gather0", "timers-virtual"]);
const quick = opt.quick;
const reps = opt.reps ? Number(opt.reps) : quick ? 1 : 3;
if (!Number.isInteger(reps) || reps < 1) fail("--reps must be a positive integer");
const workloads = opt.workloads ? list(opt.workloads) : [...WORKLOADS];
for (const w of workloads) if (!WORKLOADS.includes(w)) fail(`unknown workload ${w}`);
const explicitSizes = opt.sizes ? list(opt.sizes).map(parseSize) : null;
const sizesFor = (w) =>
  explicitSizes ?? (quick ? [1000] : BIG.has(w) ? [10_000, 100_000, 1_000_000] : [10_000, 100_000]);
const timeoutS = Number(opt.timeout);
const noise = opt.noise !== undefined ? Number(opt.noise) : quick ? 0 : 0.3;
const extra = Number(opt.extra);
const withUi = quick ? opt.ui : !opt["no-ui"];
const outFile = opt.out ?? join(ROOT, "bench", quick ? "results.local.json" : "results.json");

/** The CPython to compare with: $PYTHON, else pyenv's newest 3.13, else python3; its real path, resolved once. */
function resolvePython() {
  const candidates = [];
  if (process.env.PYTHON) candidates.push(process.env.PYTHON);
  const pyenvRoot = process.env.PYENV_ROOT ?? join(os.homedir(), ".pyenv");
  const versions = join(pyenvRoot, "versions");
  if (existsSync(versions)) {
    const v313 = readdirSync(versions)
      .filter((v) => /^3\.13\.\d+$/.test(v))
      .sort((a, b) => Number(b.split(".")[2]) - Number(a.split(".")[2]));
    for (const v of v313) candidates.push(join(versions, v, "bin", "python3"));
  }
  candidates.push("/root/.pyenv/versions/3.13.0/bin/python3", "python3");
  for (const c of candidates) {
    const r = spawnSync(c, ["-c", "import sys, platform; print(sys.executable); print(platform.python_version())"], {
      encoding: "utf8",
    });
    if (r.status === 0) {
      const [path, version] = r.stdout.trim().split("\n");
      return { path, version };
    }
  }
  return null;
}

// gather() takes its awaitables as arguments (like asyncio.gather(*aws)); V8 refuses a call with more
// than ~120k arguments on the default stack, so the Node implementations get a bigger one (the same for
// both; it changes nothing else). `ulimit -s` makes the room, --stack-size lets V8 use it.
const nodeCommand = (script) => (w, n) => [
  "/bin/sh",
  [
    "-c",
    'ulimit -s 1048576 2>/dev/null; exec "$@"',
    "sh",
    process.execPath,
    "--stack-size=60000",
    script,
    w,
    String(n),
  ],
];

const ALL_IMPLS = ["async-demo", "node-raw", "asyncio"];
const implNames = opt.impls ? list(opt.impls) : ALL_IMPLS;
for (const i of implNames) if (!ALL_IMPLS.includes(i)) fail(`unknown implementation ${i}`);
const python = implNames.includes("asyncio") ? resolvePython() : null;
if (implNames.includes("asyncio") && !python) fail("no python3 found for the asyncio implementation");
const impls = implNames.map((name) => {
  if (name === "asyncio") {
    const script = join(ROOT, "bench/impl/asyncio_bench.py");
    return { name, command: (w, n) => [python.path, [script, w, String(n)]], describe: `${python.path} ${script}` };
  }
  const script = join(ROOT, `bench/impl/${name}.mjs`);
  return { name, command: nodeCommand(script), describe: `node --stack-size=60000 ${script} (ulimit -s 1048576)` };
});
if (opt.effect) impls.push(effectImpl(opt.effect));

/** Effect from a bench-peers folder: the same programs under its workload names; the others are n/a. */
function effectImpl(dir) {
  const script = join(dir, "impl/effect.mjs");
  if (!existsSync(script) || !existsSync(join(dir, "node_modules/effect"))) {
    fail(`--effect ${dir}: expected impl/effect.mjs and node_modules/effect (run npm ci there)`);
  }
  const names = { gather0: "sleep0", timers: "sleep_rand", cancel: "cancel" };
  return {
    name: "effect",
    as: (workload) => names[workload],
    maxN: 100_000, // its 1M gather needs several GB
    command: (w, n) => [process.execPath, [script, names[w], String(n)]],
    describe: `node ${script}`,
  };
}

// ---- preparation ---------------------------------------------------------------------------------

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** dist/ must match src/ (as test/global-setup.ts does): build (esbuild, ~1 s) when anything is newer. */
function ensureBuilt() {
  const built = join(ROOT, "dist/src/cli.js");
  const sources = Math.max(newest(join(ROOT, "src")), newest(join(ROOT, "scenarios")));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  log("dist/ is older than src/: building (node scripts/build.mjs)");
  const r = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) fail("build failed");
}

function git(args) {
  const r = spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "";
}

async function waitForLoad(limit, maxMinutes) {
  const deadline = Date.now() + maxMinutes * 60_000;
  while (os.loadavg()[0] >= limit && Date.now() < deadline) {
    log(`load ${os.loadavg()[0].toFixed(2)} >= ${limit}: waiting...`);
    await new Promise((r) => setTimeout(r, 15_000));
  }
}

// ---- running -------------------------------------------------------------------------------------

/** One fresh process: { status: ok|na|fail, seconds, rss_mb, error }. */
function runOnce(impl, workload, n) {
  const as = impl.as ? impl.as(workload) : workload;
  if (as === undefined || n > (impl.maxN ?? n)) return Promise.resolve({ status: "na" });
  const [cmd, args] = impl.command(workload, n);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
      if (err.length > 200_000) err = err.slice(-20_000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutS * 1000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split("\n").at(-1) ?? "";
      const [name, w, nn, secs, rss] = line.split(/\s+/);
      const tail = err
        .trim()
        .split("\n")
        .filter((l) => !l.includes("was never awaited"))
        .slice(-3)
        .join(" | ");
      const valid = name === impl.name && w === as && Number(nn) === n;
      if (timedOut) resolve({ status: "fail", error: `timeout after ${timeoutS} s` });
      else if (code !== 0 || !valid) {
        resolve({
          status: "fail",
          error: `exit ${code ?? signal}${valid ? "" : ` (output: ${line || "none"})`}: ${tail}`,
        });
      } else if (secs === "NA") resolve({ status: "na" });
      else resolve({ status: "ok", seconds: Number(secs), rss_mb: Number(rss) });
    });
  });
}

const cells = new Map(); // "workload n impl" -> cell
const cellFor = (workload, n, impl) => {
  const key = `${workload} ${n} ${impl}`;
  if (!cells.has(key)) cells.set(key, { workload, n, impl, runs: [] });
  return cells.get(key);
};

async function round(label, groups) {
  for (const [workload, n] of groups) {
    for (const impl of impls) {
      const cell = cellFor(workload, n, impl.name);
      if (cell.runs.length && cell.runs.every((r) => r.status === "na")) continue; // unsupported: asked once
      const r = await runOnce(impl, workload, n);
      cell.runs.push({ rep: label, load1: os.loadavg()[0], ...r });
      const what =
        r.status === "ok"
          ? `${r.seconds.toFixed(3)} s ${Math.round(r.rss_mb)} MB`
          : r.status === "na"
            ? "n/a"
            : `FAILED ${r.error}`;
      log(`[${label}] ${impl.name} ${workload} ${n}: ${what}`);
    }
  }
}

// ---- main ----------------------------------------------------------------------------------------

ensureBuilt();
if (opt["wait-load"]) await waitForLoad(Number(opt["wait-load"]), Number(opt["wait-max"]));

const cpus = os.cpus();
const results = {
  date: new Date().toISOString(),
  commit: process.env.BENCH_COMMIT || git(["rev-parse", "--short", "HEAD"]) || "unknown",
  dirty: process.env.BENCH_COMMIT
    ? []
    : git(["status", "--porcelain", "--", "src", "scenarios", "bin", "scripts", "package.json"])
        .split("\n")
        .filter(Boolean),
  machine: {
    node: process.version,
    python: python?.path ?? null,
    python_version: python?.version ?? null,
    cpus: cpus.length,
    cpu_model: cpus[0]?.model ?? "unknown",
    mem_gb: Math.round(os.totalmem() / 2 ** 30),
    kernel: os.release(),
    load_start: os.loadavg(),
  },
  options: { quick, reps, timeout_s: timeoutS, noise, extra, ui: withUi },
  impls: impls.map((i) => ({ name: i.name, command: i.describe })),
  workloads,
  cells: [],
};
log(
  `bench: ${impls.map((i) => i.name).join(", ")} × ${workloads.join(", ")}; ${reps} rep(s); load ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}; CPython ${python?.version ?? "-"}`,
);

// Size-major: a 1M run (over a GB) never comes right before a smaller cell it could slow, and gather0 and
// gather0-events of one size run back to back, so the event cost compares like with like.
const groups = workloads.flatMap((w) => sizesFor(w).map((n) => [w, n])).sort((a, b) => a[1] - b[1]);
for (let rep = 1; rep <= reps; rep++) await round(`${rep}/${reps}`, groups);

// Noisy cells: a few more interleaved reps of the whole row (every implementation), then medians of all.
results.noisy = [];
if (noise > 0 && extra > 0 && reps >= 3) {
  const noisy = groups.filter(
    ([w, n]) => n <= 100_000 && impls.some((i) => summarize(cellFor(w, n, i.name)).spread > noise),
  );
  for (let k = 1; k <= extra && noisy.length; k++) await round(`extra ${k}/${extra}`, noisy);
  results.noisy = noisy.map(([w, n]) => `${w} ${n}`);
}

results.cells = [...cells.values()].map(summarize);
results.machine.load_end = os.loadavg();
if (withUi) {
  results.ui = await measureUi({ quick, log });
  results.machine.load_after_ui = os.loadavg();
}
// The CPython engine: needs CPython 3.12+ (the probe's floor) and the probe in python/.
const withPython = quick ? opt.python : !opt["no-python"];
if (
  withPython &&
  python &&
  !/^3\.(?:[0-9]|1[01])\./.test(python.version) &&
  existsSync(join(ROOT, "python/probe.py"))
) {
  results.python = await measurePython({
    python: python.path,
    sizes: quick ? [1000] : [10_000, 100_000],
    reps: quick ? 1 : reps,
    quick,
    timeoutS,
    log,
  });
}
results.targets = targets(results);
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);

console.log(render(results));
if (results.python) console.log(renderPython(results.python));
log(`\nresults -> ${outFile}`);
const failures = results.cells.reduce((sum, c) => sum + c.failed, 0);
process.exitCode =
  failures > 0 || (results.ui?.errors.length ?? 0) > 0 || (results.python?.errors.length ?? 0) > 0 ? 1 : 0;
