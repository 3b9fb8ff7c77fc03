// `node bench/replay.mjs`: what a big `--html` replay costs (issue 14's closing note). For `swarm` at each
// size: the file's size (and gzipped), the time `--html` adds to the run (interleaved runs with and without
// it, medians), and in the system's Chromium (playwright-core, as test/browser/) the time until the page is
// ready, the time of one move of the scrubber (forward across the run, backward across it, and stepping
// back one event — a step back folds the run again from its start), and a real mouse drag across the
// scrubber each way: animation-frame intervals and long tasks (> 50 ms) while it moves.
//
//   node bench/replay.mjs                      # swarm at 1000 and 10000 tasks, 3 reps
//   node bench/replay.mjs --tasks 10000 --reps 5
//
// Timing depends on the machine and its load: run it under `flock /work/.locks/bench` and say how loaded
// the machine was (the 1-minute load is printed).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: { tasks: { type: "string", default: "1000,10000" }, reps: { type: "string", default: "3" } },
});
const sizes = values.tasks.split(",").map(Number);
const reps = Number(values.reps);
const executablePath = process.env.ASYNC_DEMO_CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(executablePath)) {
  console.error(
    `bench/replay.mjs: no Chromium at ${executablePath} (apt-get install chromium, or set ASYNC_DEMO_CHROMIUM)`,
  );
  process.exit(2);
}
const dir = mkdtempSync(join(os.tmpdir(), "async-demo-bench-replay-"));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Seconds one CLI run takes (wall clock, the whole process). */
function timeRun(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(ROOT, "bin", "async-demo"), ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`async-demo ${args.join(" ")}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Runs in the page: move the scrubber to each position, timing the page's work up to its next layout. */
function seekTimes(positions) {
  const input = document.querySelector('input[type="range"]');
  const times = [];
  for (const p of positions) {
    const start = performance.now();
    input.value = String(p);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    void document.body.offsetHeight;
    times.push(performance.now() - start);
  }
  return times;
}

async function measurePage(context, file) {
  const page = await context.newPage();
  const start = Date.now();
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector("body[data-ready=true]", { timeout: 300_000 });
  const ready = Date.now() - start;
  const head = Number(await page.getAttribute('input[type="range"]', "max"));
  const across = Array.from({ length: 60 }, (_, i) => Math.round(((i + 1) / 60) * head));
  await page.evaluate(seekTimes, [0]);
  const forward = await page.evaluate(seekTimes, across);
  const backward = await page.evaluate(seekTimes, [...across].reverse().slice(1));
  await page.evaluate(seekTimes, [head]);
  const stepBack = await page.evaluate(
    seekTimes,
    Array.from({ length: 20 }, (_, i) => head - 1 - i),
  );
  // A real drag: the pointer crosses the scrubber in 60 moves while animation frames are counted.
  await page.evaluate(() => {
    window.__bench = { frames: [], long: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__bench.long.push(entry.duration);
    }).observe({ type: "longtask" });
    let last = performance.now();
    const frame = (t) => {
      window.__bench.frames.push(t - last);
      last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const box = await page.locator('input[type="range"]').boundingBox();
  const y = box.y + box.height / 2;
  const drags = {};
  for (const [name, from, to] of [
    ["right", box.x + 2, box.x + box.width - 2],
    ["left", box.x + box.width - 2, box.x + 2],
  ]) {
    await page.evaluate(() => {
      window.__bench.frames.length = 0;
      window.__bench.long.length = 0;
    });
    await page.mouse.move(from, y);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) await page.mouse.move(from + ((to - from) * i) / 60, y);
    await page.mouse.up();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    drags[name] = await page.evaluate(() => ({ ...window.__bench }));
  }
  await page.close();
  return { ready, head, forward, backward, stepBack, drags };
}

const ms = (x) => `${x.toFixed(0)} ms`;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${ms(median(s))}, p90 ${ms(s[Math.floor(s.length * 0.9)])}, max ${ms(s.at(-1))}`;
};

const context = await chromium.launchPersistentContext(join(dir, "profile"), {
  executablePath,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
try {
  console.log(`load average (1 min) at the start: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  for (const tasks of sizes) {
    const file = join(dir, `swarm-${tasks}.html`);
    const run = ["swarm", "--set", `tasks=${tasks}`, "--quiet"];
    const plain = [];
    const html = [];
    for (let i = 0; i < reps; i++) {
      plain.push(timeRun(run));
      html.push(timeRun([...run, "--html", file]));
    }
    const bytes = readFileSync(file);
    const page = await measurePage(context, file);
    const frames = (d) => d.frames.slice(1);
    console.log(`\nswarm --set tasks=${tasks}: ${page.head} events`);
    console.log(
      `  file ${(bytes.length / 1024).toFixed(0)} KB (gzip ${(gzipSync(bytes).length / 1024).toFixed(0)} KB)`,
    );
    console.log(
      `  run ${median(plain).toFixed(2)} s, with --html ${median(html).toFixed(2)} s: writing the replay adds ${(median(html) - median(plain)).toFixed(2)} s (medians of ${reps})`,
    );
    console.log(`  page ready in ${ms(page.ready)}`);
    console.log(`  one scrubber move, forward across the run: ${stats(page.forward)}`);
    console.log(`  one scrubber move, backward across the run: ${stats(page.backward)}`);
    console.log(`  one step back (b): ${stats(page.stepBack)}`);
    for (const [name, drag] of Object.entries(page.drags)) {
      console.log(
        `  drag ${name}: frame interval ${stats(frames(drag))}; ${drag.long.length} long tasks${drag.long.length ? ` (max ${ms(Math.max(...drag.long))})` : ""}`,
      );
    }
  }
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
