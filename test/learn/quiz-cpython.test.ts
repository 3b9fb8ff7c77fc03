// Property, against the reference: for random asyncio programs (the differential fuzzer's generator,
// test/fuzz/gen.ts), every question the quiz makes from our runtime's run of a program holds in CPython's
// run of its Python twin (the probe's events), and none of its wrong choices does.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { transformSync } from "esbuild";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import { evaluate } from "../../src/learn/claims.js";
import { generateQuestions } from "../../src/learn/generate.js";
import { numbered, type RunRecord } from "../../src/learn/record.js";
import type { RuntimeEvent } from "../../src/runtime/runtime-events.js";
import { defineScenario } from "../../src/runtime/scenario.js";
import { type Program, program } from "../fuzz/gen.js";
import { PY_PRELUDE, pythonDefs, TS_API, TS_PRELUDE, typescriptDefs } from "../fuzz/render.js";
import { comparable } from "../support/event-twins.js";
import { findPython, runProbe } from "../support/python.js";
import { record } from "./support.js";

const SEED = Number(process.env.QUIZ_SEED ?? 7_130);
const RUNS = Number(process.env.QUIZ_RUNS ?? 60);
const python = findPython();

/** The program's `main` as a session's main: compiled once, its module state (R, NOTES) fresh for each run. */
function scenarioOf(p: Program) {
  const destructure = `const { ${TS_API.join(", ")} } = api;`;
  const source = `(api) => {\n${destructure}\n${TS_PRELUDE}\n${typescriptDefs(p).join("\n")}\nreturn main;\n}`;
  const { code } = transformSync(`var __make = ${source};`, { loader: "ts", target: "es2022" });
  const make = new Function(`${code}\nreturn __make;`)() as (a: typeof api) => () => unknown;
  return defineScenario({
    name: "program",
    title: "a random program",
    summary: "",
    explain: "",
    params: {},
    // Named main, as in the twin: the events name the main task's coroutine.
    main: api.coroutine(async function main() {
      return await (make(api)() as Promise<unknown>);
    }),
  });
}

/** CPython's run of the twin: the events of its asyncio.run, numbered from 1; the status the CLI would give. */
async function cpythonRun(p: Program, dir: string, i: number): Promise<RunRecord> {
  const script = join(dir, `prog_${i}.py`);
  writeFileSync(script, `${PY_PRELUDE}\n\n${pythonDefs(p).join("\n")}\n\n\nasyncio.run(main())\n`);
  const run = await runProbe(python as NonNullable<typeof python>, script);
  const events = (comparable(run.events)[0] ?? []) as unknown as RuntimeEvent[];
  const end = events.findLast((e) => e.type === "run-end");
  const status =
    end?.type !== "run-end" || end.outcome === "result" ? 0 : end.value.startsWith("KeyboardInterrupt") ? 130 : 1;
  return { events: numbered(events), status };
}

describe("questions generated from random programs, against CPython", () => {
  it(`hold in CPython's run of each program's twin, and no wrong choice does (${RUNS} programs, seed ${SEED})`, async (ctx) => {
    if (python === null) return ctx.skip("no python3 found: set ASYNC_DEMO_PYTHON to compare against CPython");
    if (python.version !== "3.13") return ctx.skip(`needs CPython 3.13, found ${python.version}`);
    const dir = mkdtempSync(join(tmpdir(), "async-demo-quiz-cpython-"));
    const programs = fc.sample(program, { seed: SEED, numRuns: RUNS });
    const bad: string[] = [];
    let checked = 0;
    for (const [i, p] of programs.entries()) {
      const ours = await record(scenarioOf(p));
      const cpython = await cpythonRun(p, dir, i);
      const { questions, inconsistent } = generateQuestions(ours);
      bad.push(...inconsistent.map((x) => `program ${i}: inconsistent ${x}`));
      for (const q of questions) {
        checked++;
        q.choices.forEach((c, k) => {
          const holds = evaluate(c.claim, cpython).holds;
          if (k === q.correct && !holds)
            bad.push(`program ${i}, q at ${q.at} (${q.rule}): CPython disagrees: ${c.text}`);
          if (k !== q.correct && holds)
            bad.push(`program ${i}, q at ${q.at} (${q.rule}): wrong choice holds on CPython: ${c.text}`);
        });
      }
    }
    expect(bad, `${bad.length} problems; the first program: ${pythonDefs(programs[0] as Program).join("\n")}`).toEqual(
      [],
    );
    expect(checked).toBeGreaterThan(RUNS);
  }, 300_000);
});
