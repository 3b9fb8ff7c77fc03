// Property, against the reference: for random asyncio programs (the differential fuzzer's generator,
// test/fuzz/gen.ts), in both directions —
// - every question the quiz makes from our runtime's run of a program holds in CPython's run of its Python
//   twin, and none of its wrong choices does;
// - every question `run prog.py --quiz` makes (from CPython's run, recorded the way the quiz looks ahead on a
//   Python program: PythonHost + recordRun, src/cli/foresee.ts) holds in our runtime's independent run of the
//   program, and none of its wrong choices does — and both engines ask the same questions.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { transformSync } from "esbuild";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recordRun } from "../../src/cli/foresee.js";
import { PythonHost } from "../../src/cli/python-host.js";
import * as api from "../../src/index.js";
import { evaluate } from "../../src/learn/claims.js";
import { generateQuestions } from "../../src/learn/generate.js";
import type { Question } from "../../src/learn/question.js";
import type { RunRecord } from "../../src/learn/record.js";
import { defineScenario } from "../../src/runtime/scenario.js";
import { type Program, program } from "../fuzz/gen.js";
import { PY_PRELUDE, pythonDefs, TS_API, TS_PRELUDE, typescriptDefs } from "../fuzz/render.js";
import { findPython } from "../support/python.js";
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

/**
 * CPython's run of the twin, as `async-demo run prog_N.py --quiz` looks ahead: the program under the probe in
 * a CPython child process (the interpreter found as the CLI finds it), instantly, to its end.
 */
async function cpythonRun(p: Program, dir: string, i: number): Promise<RunRecord> {
  const script = join(dir, `prog_${i}.py`);
  writeFileSync(script, `${PY_PRELUDE}\n\n${pythonDefs(p).join("\n")}\n\n\nasyncio.run(main())\n`);
  const host = PythonHost.load(
    { kind: "file", path: script, args: [] },
    { stdin: "empty", stdout: "drop", stderr: "capture", replays: false, color: false },
  );
  try {
    const run = await recordRun(host, { params: {}, script: { cancels: [], interruptAt: undefined } });
    expect(run.notReplayable).toBeUndefined();
    return run;
  } finally {
    await host.terminate();
  }
}

/** What is wrong with `questions` (made from one engine's run) on `run` (the other engine's). */
function problems(questions: readonly Question[], run: RunRecord, where: string): string[] {
  const bad: string[] = [];
  for (const q of questions) {
    q.choices.forEach((c, k) => {
      const holds = evaluate(c.claim, run).holds;
      if (k === q.correct && !holds)
        bad.push(`${where}, q at ${q.at} (${q.rule}): the other engine disagrees: ${c.text}`);
      if (k !== q.correct && holds) bad.push(`${where}, q at ${q.at} (${q.rule}): wrong choice holds there: ${c.text}`);
    });
  }
  return bad;
}

/**
 * A question as the learner meets it: its situation (what and when, in loop time), its choices and the right
 * one. Not its position: the two engines' event streams differ where README's known differences say (a "Future
 * exception was never retrieved" warning comes when CPython's garbage collector frees the future; asyncio.run's
 * own shutdown steps), which shifts the numbers, not the questions; the choices' order is shuffled from it.
 */
const asked = (q: Question) => ({
  situation: q.situation,
  choices: q.choices.map((c) => c.text).sort(),
  right: q.choices[q.correct]?.text,
});

describe("questions generated from random programs, against CPython", () => {
  it(`are the same from either engine's run and hold in the other's, no wrong choice does (${RUNS} programs, seed ${SEED})`, async (ctx) => {
    if (python === null) return ctx.skip("no python3 found: set ASYNC_DEMO_PYTHON to compare against CPython");
    if (python.version !== "3.13") return ctx.skip(`needs CPython 3.13, found ${python.version}`);
    // The CLI's own interpreter search, pointed at the one checked above.
    process.env.ASYNC_DEMO_PYTHON = python.executable;
    const dir = mkdtempSync(join(tmpdir(), "async-demo-quiz-cpython-"));
    const programs = fc.sample(program, { seed: SEED, numRuns: RUNS });
    const bad: string[] = [];
    let checked = 0;
    let fromCpython = 0;
    for (const [i, p] of programs.entries()) {
      const ours = await record(scenarioOf(p));
      const cpython = await cpythonRun(p, dir, i);
      expect(cpython.status, `program ${i}`).toBe(ours.status);
      const mine = generateQuestions(ours);
      const theirs = generateQuestions(cpython);
      bad.push(...mine.inconsistent.map((x) => `program ${i}: inconsistent ${x}`));
      bad.push(...theirs.inconsistent.map((x) => `program ${i} (CPython's run): inconsistent ${x}`));
      checked += mine.questions.length;
      fromCpython += theirs.questions.length;
      bad.push(...problems(mine.questions, cpython, `program ${i}, ours on CPython`));
      bad.push(...problems(theirs.questions, ours, `program ${i}, CPython's on ours`));
      if (JSON.stringify(theirs.questions.map(asked)) !== JSON.stringify(mine.questions.map(asked)))
        bad.push(
          `program ${i}: CPython's run makes other questions than ours: ${JSON.stringify(theirs.questions.map(asked))} vs ${JSON.stringify(mine.questions.map(asked))}`,
        );
    }
    rmSync(dir, { recursive: true, force: true });
    expect(bad, `${bad.length} problems; the first program: ${pythonDefs(programs[0] as Program).join("\n")}`).toEqual(
      [],
    );
    expect(checked).toBeGreaterThan(RUNS);
    expect(fromCpython).toBe(checked);
  }, 300_000);
});
