// `node bench/ab.mjs --base COMMIT`: A/B of async-demo's runtime between COMMIT and this tree, on the
// bench's own workloads (bench/impl/async-demo.mjs), as paired ratios.
//
//   node bench/ab.mjs --base main --reps 10                    # every workload at 100k
//   node bench/ab.mjs --base f0b8690 --workloads gather0,chain --sizes 10k,100k --reps 12
//   node bench/ab.mjs --base 55475e1 --head 16f40eb            # two commits, neither this tree
//
// On a shared machine a cell's time moves by ±15% from one minute to the next, so medians of
// separate runs cannot show a 3% change. Here each rep runs the base and this tree back to back
// (alternating which goes first) and keeps the ratio this/base of that pair: the load both saw is
// nearly the same, and the median of the ratios over many reps is the measure. The spread printed
// beside it (the middle half of the ratios, and min–max) says how far to trust it.
//
// COMMIT is exported with `git archive` into a temp directory, node_modules linked, and built there
// (kept for the next run); this tree is built if dist/ is older than src/. Time is the workload's own
// wall time; CPU is the whole process's user + system time (GC threads included), less moved by
// other processes competing for the cores.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, symlinkSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { WORKLOADS } from "./impl/common.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const log = (msg) => process.stderr.write(`${msg}\n`);

const { values: opt } = parseArgs({
  options: {
    base: { type: "string" },
    head: { type: "string" },
    reps: { type: "string", default: "10" },
    sizes: { type: "string", default: "100k" },
    workloads: { type: "string", default: WORKLOADS.join(",") },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (opt.help || opt.base === undefined) {
  console.log(
    "usage: node bench/ab.mjs --base COMMIT [--head COMMIT (this tree)] [--reps N (10)] [--sizes 10k,100k (100k)] [--workloads a,b (all)]",
  );
  process.exit(opt.help ? 0 : 2);
}

const git = (args, cwd = ROOT) => {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr.trim()}`);
  return r.stdout.trim();
};

const sizes = opt.sizes.split(",").map((s) => Number(s.replace(/k$/i, "000").replace(/M$/i, "000000")));
const workloads = opt.workloads.split(",");
const reps = Number(opt.reps);
for (const w of workloads) if (!WORKLOADS.includes(w)) throw new Error(`unknown workload ${w}`);

function build(dir) {
  const r = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: dir, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`build failed in ${dir}`);
}

/** A commit's tree, exported and built once per commit. */
function exportedTree(commit) {
  const hash = git(["rev-parse", "--short", commit]);
  const dir = join(os.tmpdir(), `async-demo-ab-${hash}`);
  if (!existsSync(join(dir, "dist/src/index.js"))) {
    log(`exporting ${hash} into ${dir} and building it`);
    mkdirSync(dir, { recursive: true });
    const archive = spawnSync("sh", ["-c", `git archive ${hash} | tar -x -C '${dir}'`], {
      cwd: ROOT,
      stdio: "inherit",
    });
    if (archive.status !== 0) throw new Error("git archive failed");
    if (!existsSync(join(dir, "node_modules"))) symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
    build(dir);
  }
  return { name: hash, dir };
}

function thisTree() {
  const built = join(ROOT, "dist/src/index.js");
  if (!existsSync(built) || statSync(built).mtimeMs < newest(join(ROOT, "src"))) build(ROOT);
  return { name: "this", dir: ROOT };
}

function newest(dir) {
  const r = spawnSync("find", [dir, "-type", "f", "-printf", "%T@\\n"], { encoding: "utf8" });
  return Math.max(
    0,
    ...r.stdout
      .split("\n")
      .filter(Boolean)
      .map((t) => Number(t) * 1000),
  );
}

/**
 * One fresh process of bench/impl/async-demo.mjs in `tree` (the same stack room as bench/run.mjs gives):
 * its own wall time and peak RSS, and the CPU time (user + system) bash's `times` reports for it.
 */
function runOnce(tree, workload, n) {
  const script = join(tree.dir, "bench/impl/async-demo.mjs");
  const shell = 'ulimit -s 1048576 2>/dev/null; "$@" || exit $?; times';
  return new Promise((resolve, reject) => {
    const child = spawn(
      "/bin/bash",
      ["-c", shell, "bash", process.execPath, "--stack-size=60000", script, workload, String(n)],
      { cwd: tree.dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("close", (code) => {
      const lines = out.trim().split("\n");
      const fields = (lines[0] ?? "").split(/\s+/);
      const cpu = (lines[2] ?? "").match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/);
      if (code !== 0 || fields.length < 5 || cpu === null) {
        reject(new Error(`${tree.name} ${workload} ${n}: status ${code}\n${out}\n${err}`));
        return;
      }
      const [, um, us, sm, ss] = cpu.map(Number);
      resolve({ seconds: Number(fields[3]), rss: Number(fields[4]), cpu: um * 60 + us + sm * 60 + ss });
    });
  });
}

const quantile = (sorted, q) => {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
};
const pct = (r) => `${r >= 1 ? "+" : ""}${((r - 1) * 100).toFixed(1)}%`;

const base = exportedTree(opt.base);
const cand = opt.head === undefined ? thisTree() : exportedTree(opt.head);
const candName = opt.head === undefined ? `this tree (${git(["rev-parse", "--short", "HEAD"])}+)` : cand.name;
log(`A/B: ${candName} against ${base.name}, ${reps} paired reps`);
const cells = [];
for (const n of sizes) for (const w of workloads) cells.push({ w, n, time: [], cpu: [], rss: [], baseTimes: [] });
for (let rep = 0; rep < reps; rep++) {
  for (const cell of cells) {
    // Alternate which goes first: a pair's second run sees a warmer page cache and a later moment.
    const order = rep % 2 === 0 ? [base, cand] : [cand, base];
    const results = new Map();
    for (const tree of order) results.set(tree, await runOnce(tree, cell.w, cell.n));
    const a = results.get(base);
    const b = results.get(cand);
    cell.time.push(b.seconds / a.seconds);
    cell.cpu.push(b.cpu / a.cpu);
    cell.rss.push(b.rss / a.rss);
    cell.baseTimes.push(a.seconds);
  }
  log(`rep ${rep + 1}/${reps} done (load ${os.loadavg()[0].toFixed(2)})`);
}

const rows = [
  "| workload | N | base median | time ratio: median | middle half | min–max | CPU ratio: median | middle half | RSS ratio |",
  "|---|---|---|---|---|---|---|---|---|",
];
for (const c of cells) {
  const t = [...c.time].sort((x, y) => x - y);
  const r = [...c.rss].sort((x, y) => x - y);
  const u = [...c.cpu].sort((x, y) => x - y);
  const bt = [...c.baseTimes].sort((x, y) => x - y);
  rows.push(
    `| ${c.w} | ${c.n} | ${quantile(bt, 0.5).toFixed(3)} s | ${pct(quantile(t, 0.5))} | ${pct(quantile(t, 0.25))} … ${pct(quantile(t, 0.75))} | ${pct(t[0])} … ${pct(t[t.length - 1])} | ${pct(quantile(u, 0.5))} | ${pct(quantile(u, 0.25))} … ${pct(quantile(u, 0.75))} | ${pct(quantile(r, 0.5))} |`,
  );
}
console.log(rows.join("\n"));
console.log(
  `(${reps} paired reps, load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")})`,
);
