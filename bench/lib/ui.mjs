// UI and process measurements: start-up time of the CLI, the first dashboard
// frame, CPU while paused and after the end, key-to-screen latency and frame
// rate of `swarm` at 10,000 tasks. Everything runs the real binary; the
// dashboard ones in a pseudo-terminal (lib/pty.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, spawnTerminal } from "./pty.mjs";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function findHyperfine() {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && existsSync(join(dir, "hyperfine"))) return join(dir, "hyperfine");
  }
  return existsSync("/usr/bin/hyperfine") ? "/usr/bin/hyperfine" : null;
}

/**
 * Start-up of `node bin/async-demo <args>` (or of `node <nodeArgs>` for a baseline), in ms: hyperfine's
 * median when present, else our own timed runs.
 */
export function startup(args, { runs = 20, warmup = 3, log = () => {}, nodeArgs = null } = {}) {
  const hyperfine = findHyperfine();
  const command = [process.execPath, ...(nodeArgs ?? [BIN, ...args])];
  if (hyperfine) {
    const dir = mkdtempSync(join(tmpdir(), "async-demo-bench-"));
    const file = join(dir, "hyperfine.json");
    try {
      const r = spawnSync(
        hyperfine,
        [
          "-N",
          "--style",
          "none",
          "--warmup",
          String(warmup),
          "--runs",
          String(runs),
          "--export-json",
          file,
          command.join(" "),
        ],
        { encoding: "utf8" },
      );
      if (r.status !== 0) throw new Error(r.stderr || `hyperfine exited ${r.status}`);
      const result = JSON.parse(readFileSync(file, "utf8")).results[0];
      const times = result.times.map((t) => t * 1000);
      return { ms: result.median * 1000, runs: times.length, tool: "hyperfine", times_ms: times };
    } catch (error) {
      log(`hyperfine failed (${String(error.message).trim()}); timing the runs directly`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const times = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(command[0], command.slice(1), { stdio: "ignore" });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
    if (i >= warmup) times.push(ms);
  }
  return { ms: median(times), runs: times.length, tool: "spawnSync", times_ms: times };
}

const hasDashboard = (lines) =>
  lines.some((l) => l.startsWith("async-demo · ")) && lines.some((l) => /^ {3}Tasks \(/.test(l));

async function quit(term) {
  term.write("q");
  const done = await Promise.race([term.exited.then(() => true), sleep(3000).then(() => false)]);
  if (!done) {
    term.kill("SIGKILL");
    await Promise.race([term.exited, sleep(2000)]);
  }
}

/** Milliseconds from spawning `async-demo <args>` in a pty to the output that first shows the dashboard. */
async function firstFrameOnce(args) {
  const term = spawnTerminal(args);
  try {
    const at = await term.when(hasDashboard, 15_000);
    return at - term.startedAt;
  } finally {
    await quit(term);
  }
}

export async function firstFrame(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await firstFrameOnce(args));
  return { ms: median(times), runs, times_ms: times };
}

let clockTicks;
function ticksPerSecond() {
  if (clockTicks === undefined) {
    const r = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
    clockTicks = Number(r.stdout) > 0 ? Number(r.stdout) : 100;
  }
  return clockTicks;
}

/** utime + stime of the whole process (all threads), in clock ticks. */
function cpuTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields[0] is field 3 (state)
  return Number(fields[11]) + Number(fields[12]);
}

/** Time on a CPU summed over the process's threads, in ns (/proc/<pid>/task/<tid>/schedstat: finer than ticks). */
function cpuNs(pid) {
  let total = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // the thread ended meanwhile
    }
  }
  return total;
}

/** CPU use of `pid` over `ms`, in percent of one core: from /proc/<pid>/stat (tick resolution) and schedstat. */
async function sampleCpu(pid, ms) {
  const t0 = performance.now();
  const ticks0 = cpuTicks(pid);
  const ns0 = cpuNs(pid);
  await sleep(ms);
  const wallS = (performance.now() - t0) / 1000;
  const ticks = cpuTicks(pid) - ticks0;
  const ns = cpuNs(pid) - ns0;
  return {
    percent: (ticks / ticksPerSecond() / wallS) * 100,
    percent_schedstat: (ns / 1e9 / wallS) * 100,
    window_s: wallS,
    resolution_percent: (1 / ticksPerSecond() / wallS) * 100,
  };
}

/**
 * Idle CPU: the median of `n` windows, so that one collection V8 runs on its
 * own a few seconds after the last allocation does not stand for the whole state.
 */
async function sampleIdleCpu(pid, ms, n = 3) {
  const samples = [];
  for (let i = 0; i < n; i++) samples.push(await sampleCpu(pid, ms));
  const byPercent = [...samples].sort((a, b) => a.percent_schedstat - b.percent_schedstat);
  return { ...byPercent[n >> 1], windows_percent: samples.map((x) => x.percent_schedstat) };
}

/**
 * CPU while `gather --speed 0.1` plays (10 s of wall time for its 1 s of loop time). The first
 * second after the first frame is start-up's tail, not playing: V8's background threads compile
 * the code the first frames ran hot and collect what loading Ink and React left (about 10% of a
 * core for that second, once). So `playing` is the median of 1 s windows from SETTLE_MS after the
 * first frame until the run ends, and `play_mean` the mean over the whole play from the first
 * frame on, start-up's tail included.
 */
const SETTLE_MS = 1500;

async function playingCpu(term, header, windowMs) {
  const t0 = performance.now();
  const ns0 = cpuNs(term.pid);
  await sleep(SETTLE_MS);
  const settle = { percent_schedstat: ((cpuNs(term.pid) - ns0) / 1e6 / (performance.now() - t0)) * 100 };
  const samples = [];
  // A window must end before the run does (gather plays about 10 s at ×0.1): stop 1.5 s short.
  while (!/■ done/.test(header()) && performance.now() - t0 + windowMs < 8500) {
    const sample = await sampleCpu(term.pid, windowMs);
    if (!/■ done/.test(header())) samples.push(sample);
  }
  const wallS = (performance.now() - t0) / 1000;
  const mean = ((cpuNs(term.pid) - ns0) / 1e9 / wallS) * 100;
  if (samples.length === 0) throw new Error("the run ended before a playing window");
  const byPercent = [...samples].sort((a, b) => a.percent_schedstat - b.percent_schedstat);
  return {
    ...byPercent[samples.length >> 1],
    windows_percent: samples.map((x) => x.percent_schedstat),
    settle_percent: settle.percent_schedstat,
    play_mean_percent: mean,
    play_s: wallS,
  };
}

/**
 * `gather --speed 0.1`: CPU while it plays (above), while paused (space), and after the run has
 * ended (the summary stays on screen).
 */
export async function idleCpu({ sampleMs = 2000, log = () => {} } = {}) {
  try {
    const term = spawnTerminal(["gather", "--speed", "0.1"]);
    let playing;
    try {
      await term.when(hasDashboard, 15_000);
      playing = await playingCpu(term, () => term.screen()[1] ?? "", 1000);
    } finally {
      await quit(term);
    }
    // A fresh run to pause: the one above has played most of its 10 s.
    return { playing, ...(await pausedAndEnded(sampleMs)) };
  } catch (error) {
    log(`idle CPU: ${error.message.split("\n")[0]}`);
    throw error;
  }
}

async function pausedAndEnded(sampleMs) {
  const term = spawnTerminal(["gather", "--speed", "0.1"]);
  const header = () => term.screen()[1] ?? "";
  try {
    await term.when(hasDashboard, 15_000);
    await sleep(500);
    term.write(" ");
    await term.when(() => /paused/.test(header()), 5000);
    await sleep(300);
    const paused = await sampleIdleCpu(term.pid, sampleMs);
    term.write(" ");
    await term.when(() => !/paused/.test(header()), 5000);
    for (let i = 0; i < 8; i++) term.write("+"); // 0.1 → 25.6 loop seconds per wall second: finish the run
    await term.when(() => /■ done/.test(header()), 30_000);
    await sleep(1500); // past the first second after the end, when the worker winds down
    const ended = await sampleIdleCpu(term.pid, sampleMs);
    return { paused, ended };
  } finally {
    await quit(term);
  }
}

/** Frames Ink wrote: each is wrapped in a synchronized-output block (CSI ? 2026 h … l); else count erase-line runs. */
function countFrames(text) {
  const synced = text.split("\x1b[?2026h").length - 1;
  return synced > 0 ? synced : text.split("\x1b[G").length - 1;
}

/**
 * `swarm --set tasks=10000 --speed 0.05`: for each numbered task row still
 * waiting, the time from pressing its number key (cancel task n) to the output
 * after which that row shows the cancel ("cancel requested", "cancelling" or
 * "cancelled"); then the frames written per second while it plays.
 */
export async function swarm({ tasks = 10_000, windowMs = 2000, log = () => {}, extraArgs = [], env = {} } = {}) {
  // extraArgs: e.g. ["--python"] (bench/lib/python.mjs: the same swarm as a CPython program).
  const term = spawnTerminal(["swarm", "--set", `tasks=${tasks}`, "--speed", "0.05", ...extraArgs], { env });
  const rowOf = (k) => term.screen().find((l) => new RegExp(`^[ ›]${k} `).test(l));
  try {
    const firstAt = await term.when(hasDashboard, 20_000);
    const first_frame_ms = firstAt - term.startedAt;
    // Steady state: every task exists and has started (none pending).
    await term.when((lines) => /tasks:/.test(lines[1] ?? "") && !/pending/.test(lines[1]), 20_000);
    await sleep(300);
    const latencies = [];
    let error;
    try {
      for (let k = 2; k <= 9; k++) {
        try {
          await term.when(() => rowOf(k) !== undefined, 1000);
        } catch {
          continue;
        }
        const row = rowOf(k) ?? "";
        if (!/waiting|pending/.test(row) || row.includes("cancel")) continue;
        const t0 = performance.now();
        term.write(String(k));
        const at = await term.when(() => /cancel/.test(rowOf(k) ?? ""), 5000);
        latencies.push(Math.max(0, at - t0));
        await sleep(150);
      }
    } catch (e) {
      // Keep what was measured; say why the rest is missing.
      error = `key latency: ${String(e.message).split("\n")[0]}`;
      log(`swarm ${error}\n${term.raw().slice(-2000)}`);
    }
    if (latencies.length === 0 && error === undefined) error = "no waiting task row to cancel";
    await sleep(500); // let the cancels settle
    const from = performance.now();
    await sleep(windowMs);
    const to = performance.now();
    const inWindow = term.chunks.filter((c) => c.at >= from && c.at < to);
    const frames = countFrames(inWindow.map((c) => c.data).join(""));
    const bytes = inWindow.reduce((sum, c) => sum + Buffer.byteLength(c.data), 0);
    const fps = frames / ((to - from) / 1000);
    return {
      ...(error === undefined ? {} : { error }),
      tasks,
      first_frame_ms,
      fps,
      frames,
      window_s: (to - from) / 1000,
      bytes_per_s: bytes / ((to - from) / 1000),
      key_latency_ms: median(latencies),
      key_latencies_ms: latencies,
    };
  } finally {
    await quit(term);
  }
}

/** All UI measurements; each failure is recorded, not thrown. */
export async function measureUi({ quick = false, log = () => {} } = {}) {
  const ui = { errors: [] };
  const attempt = async (name, fn) => {
    log(`ui: ${name}...`);
    try {
      ui[name] = await fn();
      if (ui[name]?.error) ui.errors.push(`${name}: ${ui[name].error}`);
    } catch (error) {
      ui.errors.push(`${name}: ${String(error?.message ?? error).split("\n")[0]}`);
      log(`ui: ${name} failed: ${error?.message ?? error}`);
    }
  };
  const runs = quick ? 3 : 20;
  await attempt("version", () => startup(["--version"], { runs, warmup: quick ? 1 : 3, log }));
  await attempt("node_baseline", () => startup([], { runs, warmup: quick ? 1 : 3, log, nodeArgs: ["-e", "0"] }));
  await attempt("list", () => startup(["list"], { runs: quick ? 3 : 10, warmup: 1, log }));
  await attempt("first_frame", () => firstFrame(["gather"], quick ? 1 : 5));
  await attempt("cpu", () => idleCpu({ sampleMs: quick ? 1000 : 2000, log }));
  await attempt("swarm", () => swarm({ windowMs: quick ? 1000 : 3000, log }));
  return ui;
}
