// The probe's own cost (issue 11 item 6, probe side): gather of N sleep(0) under plain CPython,
// under the probe with no events (its loop, handles and Task subclass only), and under the probe
// with every event encoded and written to a pipe this process drains — interleaved, a fresh
// process per run, medians. The end-to-end cell (events through the Node host into the session
// store) is pyhost's, in bench/run.mjs.
//
//   node bench/probe.mjs [--sizes 10k,100k] [--reps 3]        (run it under `flock /work/.locks/bench`)
//
// `seconds` is asyncio.run's own time (bench/impl/asyncio_bench.py gather0), `wall` the whole
// process (interpreter start, the probe's self-check, exit), `rss` its peak.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BENCH = `${ROOT}bench/impl/asyncio_bench.py`;
const PROBE = `${ROOT}python/probe.py`;

const { values: opt } = parseArgs({
  options: { sizes: { type: "string", default: "10k,100k" }, reps: { type: "string", default: "3" } },
});
const sizes = opt.sizes.split(",").map((s) => Number(s.replace(/k$/i, "000").replace(/M$/i, "000000")));
const reps = Number(opt.reps);

function findPython() {
  for (const [cmd, env] of [
    [process.env.PYTHON, {}],
    ["python3.13", {}],
    ["python3", { PYENV_VERSION: "3.13.0" }],
  ]) {
    if (!cmd) continue;
    const r = spawnSync(cmd, ["-c", "import sys; print(sys.executable)"], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
    if (r.status === 0) return r.stdout.trim();
  }
  throw new Error("no CPython 3.13 (set PYTHON)");
}

const python = findPython();
const VARIANTS = {
  asyncio: (n) => [[BENCH, "gather0", String(n)], false],
  probe: (n) => [[PROBE, "--", BENCH, "gather0", String(n)], false],
  "probe+events": (n) => [[PROBE, "--events-fd", "3", "--", BENCH, "gather0", String(n)], true],
};

function once(args, events) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(python, args, { stdio: ["ignore", "pipe", "inherit", events ? "pipe" : "ignore"] });
    let out = "";
    let bytes = 0;
    child.stdout.on("data", (b) => {
      out += b;
    });
    if (events) child.stdio[3].on("data", (b) => (bytes += b.length));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${args.join(" ")}: status ${code}`));
      const [, , , seconds, rss] = out.trim().split(/\s+/);
      resolve({ seconds: Number(seconds), rss: Number(rss), wall: (performance.now() - start) / 1000, bytes });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const n of sizes) {
  const samples = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, []]));
  for (let rep = 0; rep < reps; rep++) {
    for (const [name, make] of Object.entries(VARIANTS)) samples[name].push(await once(...make(n)));
  }
  for (const [name, runs] of Object.entries(samples)) {
    rows.push({
      n,
      name,
      seconds: median(runs.map((r) => r.seconds)),
      wall: median(runs.map((r) => r.wall)),
      rss: median(runs.map((r) => r.rss)),
      mb: median(runs.map((r) => r.bytes)) / 1e6,
    });
  }
}

const load = (await import("node:os")).loadavg()[0].toFixed(1);
console.log(`probe bench: ${python}, ${reps} interleaved reps, medians; 1-min load ${load}`);
console.log("N        variant        asyncio.run   ÷ plain   process wall  ÷ plain   peak RSS   events");
for (const row of rows) {
  const plain = rows.find((r) => r.n === row.n && r.name === "asyncio");
  console.log(
    [
      String(row.n).padEnd(8),
      row.name.padEnd(14),
      `${row.seconds.toFixed(3)} s`.padStart(11),
      `${(row.seconds / plain.seconds).toFixed(2)}×`.padStart(8),
      `${row.wall.toFixed(3)} s`.padStart(13),
      `${(row.wall / plain.wall).toFixed(2)}×`.padStart(8),
      `${row.rss.toFixed(0)} MB`.padStart(10),
      row.mb > 0 ? `${row.mb.toFixed(1)} MB` : "",
    ].join(" "),
  );
}
