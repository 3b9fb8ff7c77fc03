/**
 * `npm run fuzz -- --runs N --seed S`: long differential fuzzing runs.
 *
 * Generates N programs from seed S (the same ones fast-check's run i would
 * give), runs them in batches on both sides, and for each diverging program
 * lets fast-check shrink it (replaying run i with `path`, one Python process
 * per attempt), prints the smallest form in both languages, and saves it as
 * test/twins/cases/fuzz_<seed>_<i>.py/.ts, a permanent twin test.
 *
 * Options: --runs N (1000), --seed S (random), --batch B (500 programs per
 * Python process), --shrink K (shrink at most K divergences, 5), --no-save,
 * --primitives (primitive-heavy programs: locks, events, queues… everywhere).
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { findPython, type Python } from "../support/python.js";
import { type Program, primitiveProgram, program } from "./gen.js";
import { pythonDefs, pythonScript, typescriptDefs, typescriptModule } from "./render.js";
import { compareBatch, type Divergence, firstDifference, runOne } from "./runner.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CASES = join(ROOT, "test/twins/cases");

interface Options {
  runs: number;
  seed: number;
  batch: number;
  shrink: number;
  save: boolean;
  primitives: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    runs: 1000,
    seed: Date.now() % 2 ** 31,
    batch: 500,
    shrink: 5,
    save: true,
    primitives: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const number = (): number => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`${arg} needs a whole number, got ${argv[i]}`);
      return value;
    };
    if (arg === "--runs") options.runs = number();
    else if (arg === "--seed") options.seed = number();
    else if (arg === "--batch") options.batch = Math.max(1, number());
    else if (arg === "--shrink") options.shrink = number();
    else if (arg === "--no-save") options.save = false;
    else if (arg === "--primitives") options.primitives = true;
    else throw new Error(`unknown option ${arg} (use --runs N --seed S --batch B --shrink K --no-save --primitives)`);
  }
  return options;
}

const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Do both sides print the same? (A program Python could not finish does not count as a divergence.) */
async function agrees(python: Python, p: Program): Promise<boolean> {
  const r = await runOne(python, p);
  return r.python === null || r.python === r.typescript;
}

/** Shrink run `index` of `seed` with fast-check; the smallest program that still diverges. */
async function shrink(
  python: Python,
  arb: fc.Arbitrary<Program>,
  seed: number,
  index: number,
): Promise<{ program: Program; steps: number }> {
  const started = Date.now();
  const result = await fc.check(
    fc.asyncProperty(arb, (p) => agrees(python, p)),
    { seed, path: String(index), interruptAfterTimeLimit: 10 * 60_000, markInterruptAsFailure: true },
  );
  if (!result.failed || result.counterexample === null)
    throw new Error(`run ${index} of seed ${seed} did not diverge again`);
  process.stdout.write(`  shrunk in ${result.numShrinks} steps, ${seconds(started)}\n`);
  return { program: result.counterexample[0], steps: result.numShrinks };
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}

async function report(python: Python, options: Options, d: Divergence, saved: Set<string>): Promise<void> {
  const { seed } = options;
  process.stdout.write(`\nprogram ${d.index} diverges at line ${d.line}: shrinking…\n`);
  const { program: small } = await shrink(python, arbitrary(options), seed, d.index);
  const how = options.primitives ? "npm run fuzz -- --primitives" : "npm run fuzz";
  const header = `Fuzz case: seed ${seed}, program ${d.index}, shrunk (${how}); CPython 3.13's output is the reference.`;
  const py = pythonScript(small, header);
  const ts = typescriptModule(small, header, "../../../src/index.js");
  const out = await runOne(python, small);
  const diff = firstDifference(d.index, out.python ?? "", out.typescript ?? "");
  // The programs without the shared helpers (out, rep, state…: see the saved files).
  const pyDefs = pythonDefs(small).join("\n");
  const tsDefs = typescriptDefs(small).join("\n");
  process.stdout.write(`\n  Python:\n${indent(pyDefs)}\n\n  TypeScript:\n${indent(tsDefs)}\n\n`);
  process.stdout.write(`\n  CPython printed:\n${indent(out.python ?? "(nothing)")}\n`);
  process.stdout.write(`  async-demo printed:\n${indent(out.typescript ?? "(nothing)")}\n`);
  if (diff !== null)
    process.stdout.write(
      `  first difference, line ${diff.line}:\n    py: ${diff.python}\n    ts: ${diff.typescript}\n`,
    );
  const key = py.split("\n").slice(1).join("\n");
  if (saved.has(key)) {
    process.stdout.write("  (same as a case saved above)\n");
    return;
  }
  saved.add(key);
  if (!options.save) return;
  const base = join(CASES, `fuzz_${options.primitives ? "prims_" : ""}${seed}_${d.index}`);
  if (existsSync(`${base}.py`)) process.stdout.write(`  overwriting ${base}.py\n`);
  writeFileSync(`${base}.py`, py);
  writeFileSync(`${base}.ts`, ts);
  spawnSync("npx", ["biome", "check", "--write", `${base}.ts`], { cwd: ROOT, stdio: "ignore" });
  process.stdout.write(`  saved ${base}.py and .ts (a twin test now)\n`);
}

const arbitrary = (options: Options): fc.Arbitrary<Program> => (options.primitives ? primitiveProgram : program);

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const python = findPython();
  if (python === null) {
    process.stderr.write("fuzz: no python3 found: set ASYNC_DEMO_PYTHON to CPython 3.13\n");
    return 2;
  }
  if (python.version !== "3.13") process.stderr.write(`fuzz: warning: CPython ${python.version}, not 3.13\n`);
  const { runs, seed, batch } = options;
  const kind = options.primitives ? "primitive-heavy programs" : "programs";
  process.stdout.write(`fuzz: ${runs} ${kind}, seed ${seed}, ${python.executable} ${python.version}\n`);
  const started = Date.now();
  const programs = fc.sample(arbitrary(options), { seed, numRuns: runs });
  const divergences: Divergence[] = [];
  let missing = 0;
  for (let from = 0; from < runs; from += batch) {
    const slice = programs.slice(from, from + batch);
    const result = await compareBatch(python, slice);
    for (const d of result.divergences) divergences.push({ ...d, index: d.index + from });
    missing += result.missing.length;
    if (result.problem) process.stdout.write(`  ${result.problem}\n`);
    process.stdout.write(
      `${Math.min(from + batch, runs)}/${runs} programs, ${divergences.length} divergences` +
        `${missing ? `, ${missing} not run by Python` : ""}, ${seconds(started)}\n`,
    );
  }
  for (const d of divergences) {
    process.stdout.write(`  program ${d.index}, line ${d.line}:\n    py: ${d.python}\n    ts: ${d.typescript}\n`);
  }
  const saved = new Set<string>();
  for (const d of divergences.slice(0, options.shrink)) await report(python, options, d, saved);
  process.stdout.write(
    `\nfuzz: ${runs} programs (seed ${seed}) in ${seconds(started)}: ${divergences.length} divergences` +
      `${missing ? `, ${missing} not run by Python` : ""}\n`,
  );
  return divergences.length > 0 || missing > 0 ? 1 : 0;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
