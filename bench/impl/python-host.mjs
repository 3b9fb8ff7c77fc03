// The CPython engine end to end, for bench/lib/python.mjs: a Python program's run from spawning CPython
// to its exit, either plain (`python PROGRAM N`) or under the probe with every event through the Node host
// into a session store (no view drawing), as the dashboard would receive them. Runs from source (tsx),
// before the clock starts.
//
//   node --conditions=source --import tsx bench/impl/python-host.mjs plain|probe PYTHON PROGRAM N
//
// Prints `<impl> gather0 <N> <seconds> <peak RSS MB of CPython> <peak RSS MB of this Node process> <its CPU s>`
// (the CPU includes loading this file's modules, about 0.5 s).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PythonCore } from "../../src/cli/python/python-core.ts";
import { Session } from "../../src/session/session.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const [mode, python, program, nText] = process.argv.slice(2);
const n = Number(nText);

/** The program's last stdout line is `rss <MB>`. */
const rssOf = (line) => Number(/^rss ([\d.]+)$/.exec(line ?? "")?.[1] ?? Number.NaN);

async function plain() {
  const t0 = performance.now();
  const child = spawn(python, [program, String(n)], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (d) => {
    out += d;
  });
  const status = await new Promise((resolve) => child.on("close", (code) => resolve(code)));
  const seconds = (performance.now() - t0) / 1000;
  const lines = out.trim().split("\n");
  if (status !== 0 || lines[0] !== "results in order") throw new Error(`plain run failed: ${status} ${out}`);
  return { seconds, rss: rssOf(lines.at(-1)) };
}

async function probe() {
  const prints = [];
  let events = 0;
  const session = new Session(
    { name: "gather0", title: "", summary: "", explain: "", params: {} },
    { params: {}, speed: Number.POSITIVE_INFINITY, store: true },
    (sink) =>
      new PythonCore(
        {
          launch: {
            executable: python,
            probe: join(ROOT, "python", "probe.py"),
            program,
            args: [String(n)],
            env: process.env,
            stdin: "empty",
            stdout: "drop",
            stderr: "inherit",
          },
          replays: true,
        },
        { params: {}, speed: Number.POSITIVE_INFINITY },
        sink,
        true,
      ),
  );
  session.onEvent((event) => {
    events++;
    if (event.type === "print") prints.push(event.text);
  });
  const t0 = performance.now();
  const result = await session.start();
  const seconds = (performance.now() - t0) / 1000;
  if (result.status !== 0 || prints[0] !== "results in order") {
    throw new Error(`probe run failed: status ${result.status}, prints ${prints.slice(0, 3).join(" | ")}`);
  }
  // Every task made and ended, seen by the store: the events really went through.
  const tasks = session.store?.latest.tasks.size ?? 0;
  if (tasks < n) throw new Error(`the store saw ${tasks} tasks, expected at least ${n}`);
  return { seconds, rss: rssOf(prints.at(-1)), events };
}

const run = mode === "plain" ? plain : probe;
const { seconds, rss } = await run();
const nodeRss = process.resourceUsage().maxRSS / 1024;
const cpu = process.cpuUsage();
console.log(
  `cpython-${mode} gather0 ${n} ${seconds.toFixed(4)} ${rss.toFixed(1)} ${nodeRss.toFixed(1)} ${((cpu.user + cpu.system) / 1e6).toFixed(2)}`,
);
