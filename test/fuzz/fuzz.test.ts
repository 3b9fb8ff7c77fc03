/**
 * Differential fuzzing against CPython (issue 6): a few hundred random asyncio
 * programs from a fixed seed, each run under CPython 3.13 (virtual clock, one
 * process for the lot) and on async-demo, must print the same lines. A second
 * batch is primitive-heavy: tasks sharing a Lock, Semaphore, Event, Condition,
 * Queue and Barrier, under timeouts and cancellation.
 * `npm run fuzz -- --runs N --seed S [--primitives]` runs longer, shrinks what
 * diverges and saves it as a twin test; a failure here says how to reproduce it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPython } from "../support/python.js";
import { type Program, primitiveProgram, program } from "./gen.js";
import { pythonDefs } from "./render.js";
import { compareBatch, type Divergence } from "./runner.js";

interface Batch {
  what: string;
  arbitrary: fc.Arbitrary<Program>;
  seed: number;
  runs: number;
  /** The `npm run fuzz` option that generates the same programs. */
  option: string;
}

const BATCHES: Batch[] = [
  { what: "random programs", arbitrary: program, seed: 20_260_601, runs: 500, option: "" },
  {
    what: "primitive-heavy programs (locks, events, conditions, queues, barriers)",
    arbitrary: primitiveProgram,
    seed: 20_261_203,
    runs: 1000,
    option: " --primitives",
  },
];

const python = findPython();

function explain(b: Batch, d: Divergence, p: Program): string {
  return [
    `program ${d.index} of seed ${b.seed} diverges at line ${d.line}`,
    `  CPython:    ${d.python}`,
    `  async-demo: ${d.typescript}`,
    `shrink and save it: npm run fuzz -- --seed ${b.seed} --runs ${b.runs}${b.option}`,
    "the program (Python):",
    ...pythonDefs(p).map((l) => `  ${l}`),
  ].join("\n");
}

describe("differential fuzzing against CPython", () => {
  for (const b of BATCHES) {
    it(`${b.runs} ${b.what} print the same on both sides (seed ${b.seed})`, async (ctx) => {
      if (python === null) return ctx.skip("no python3 found: set ASYNC_DEMO_PYTHON to compare against CPython");
      if (python.version !== "3.13") return ctx.skip(`needs CPython 3.13, found ${python.version}`);
      const programs = fc.sample(b.arbitrary, { seed: b.seed, numRuns: b.runs });
      const result = await compareBatch(python, programs);
      expect(result.missing, `programs CPython did not finish: ${result.problem ?? ""}`).toEqual([]);
      const found = result.divergences.map((d) => explain(b, d, programs[d.index] as Program));
      expect(found.length, found.join("\n\n")).toBe(0);
    }, 120_000);
  }
});
