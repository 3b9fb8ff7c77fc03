/**
 * Differential fuzzing against CPython (issue 6): a few hundred random asyncio
 * programs from a fixed seed, each run under CPython 3.13 (virtual clock, one
 * process for the lot) and on async-demo, must print the same lines.
 * `npm run fuzz -- --runs N --seed S` runs longer, shrinks what diverges and
 * saves it as a twin test; a failure here says how to reproduce it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPython } from "../support/python.js";
import { type Program, program } from "./gen.js";
import { pythonDefs } from "./render.js";
import { compareBatch, type Divergence } from "./runner.js";

const SEED = 20_260_601;
const RUNS = 500;

const python = findPython();

function explain(d: Divergence, p: Program): string {
  return [
    `program ${d.index} of seed ${SEED} diverges at line ${d.line}`,
    `  CPython:    ${d.python}`,
    `  async-demo: ${d.typescript}`,
    `shrink and save it: npm run fuzz -- --seed ${SEED} --runs ${RUNS}`,
    "the program (Python):",
    ...pythonDefs(p).map((l) => `  ${l}`),
  ].join("\n");
}

describe("differential fuzzing against CPython", () => {
  it(`${RUNS} random programs print the same on both sides (seed ${SEED})`, async (ctx) => {
    if (python === null) return ctx.skip("no python3 found: set ASYNC_DEMO_PYTHON to compare against CPython");
    if (python.version !== "3.13") return ctx.skip(`needs CPython 3.13, found ${python.version}`);
    const programs = fc.sample(program, { seed: SEED, numRuns: RUNS });
    const result = await compareBatch(python, programs);
    expect(result.missing, `programs CPython did not finish: ${result.problem ?? ""}`).toEqual([]);
    const found = result.divergences.map((d) => explain(d, programs[d.index] as Program));
    expect(found.length, found.join("\n\n")).toBe(0);
  }, 120_000);
});
