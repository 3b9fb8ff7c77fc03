/**
 * CPython's own asyncio tests, ported: every `GROUP/NAME.py` here is a program
 * written from test methods of CPython 3.13's Lib/test/test_asyncio (each
 * marked `# file::Class::method`) that prints what they assert, and
 * `GROUP/NAME.ts` is the same program on this runtime. CPython runs the Python
 * one on a virtual clock (test/support/python.ts); both must print the same
 * lines and exit alike. Each ported test is a section of its program's output
 * (`== name`), and one vitest test here.
 *
 * Where JavaScript forces a difference, `GROUP/NAME.differs` says so: the
 * Python output with those lines replaced is what the TypeScript must print
 * (see differences.ts). What is left out, and why, is LEFT-OUT.md; coverage.test.ts
 * checks that every test method of the eight files is either here or there.
 * `issue16/` and `edges/` hold programs of our own (issue 16's divergences, edge
 * cases found while hunting for more), compared with CPython the same way.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { KeyboardInterrupt } from "../../src/index.js";
import { type Captured, capture } from "../support/capture.js";
import { findPython, type PythonResult, runPython } from "../support/python.js";
import { expectedTsOutput } from "./differences.js";

const here = import.meta.dirname;
const programs = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(here, d.name))
      .filter((f) => f.endsWith(".py"))
      .map((f) => `${d.name}/${f.slice(0, -3)}`),
  )
  .sort();

/** The tests a program runs, in order: the arguments of its `run_tests(…)` call. */
function sectionsOf(program: string): string[] {
  const source = readFileSync(join(here, `${program}.py`), "utf8");
  const call = /^run_tests\(([^)]*)\)/m.exec(source);
  if (call === null) throw new Error(`${program}.py has no run_tests(…) call`);
  return (call[1] as string)
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Output lines by section: `== name` starts one; lines before the first go under "". */
function split(output: string): Map<string, string[]> {
  const sections = new Map<string, string[]>([["", []]]);
  let current = sections.get("") as string[];
  for (const line of output.split("\n")) {
    if (line.startsWith("== ")) {
      current = [];
      sections.set(line.slice(3), current);
    } else current.push(line);
  }
  return sections;
}

const python = findPython();
const usable = python !== null && python.version === "3.13";

/** Python programs run at once: the suite must stay quick on 2 shared cores. */
const PARALLEL = 4;
const pythonRuns = new Map<string, Promise<PythonResult>>();
if (usable) {
  const queue = [...programs];
  const waiting = new Map<string, (r: PythonResult) => void>();
  for (const name of programs) {
    pythonRuns.set(name, new Promise((resolve) => waiting.set(name, resolve)));
  }
  const worker = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const result = await runPython(python, join(here, `${name}.py`));
      waiting.get(name)?.(result);
    }
  };
  for (let i = 0; i < PARALLEL; i++) void worker();
}

function statusOf(error: unknown): number {
  if (error === undefined) return 0;
  return error instanceof KeyboardInterrupt ? 130 : 1;
}

describe("CPython 3.13's test_asyncio, ported: TypeScript prints what CPython prints", () => {
  for (const program of programs) {
    describe(program, () => {
      let py: PythonResult;
      let ts: Captured;
      let expected: Map<string, string[]>;
      let actual: Map<string, string[]>;

      beforeAll(async () => {
        if (!usable) return;
        py = await (pythonRuns.get(program) as Promise<PythonResult>);
        const mod = (await import(join(here, `${program}.ts`))) as { default: () => Promise<unknown> };
        ts = await capture(mod.default);
        expected = split(expectedTsOutput(join(here, program), py.stdout.trimEnd()));
        actual = split(ts.stdout.join("\n").trimEnd());
      }, 60_000);

      it("runs to the end on both sides, with the same tests", (ctx) => {
        if (python === null) return ctx.skip("no python3 found: set ASYNC_DEMO_PYTHON to compare against CPython 3.13");
        if (!usable) return ctx.skip(`the ports follow CPython 3.13's tests, found ${python.version}`);
        expect(py.status, `python exit status; stderr:\n${py.stderr}`).toBe(0);
        expect(statusOf(ts.error), `exit status of ${program}.ts (${String(ts.error)})`).toBe(0);
        expect([...actual.keys()], "the tests the TypeScript program ran").toEqual([...expected.keys()]);
        expect([...expected.keys()].slice(1), "the tests the Python program ran").toEqual(sectionsOf(program));
      });

      for (const section of sectionsOf(program)) {
        it(section, (ctx) => {
          if (!usable) return ctx.skip("needs CPython 3.13");
          expect(actual.get(section)?.join("\n"), `${program}.ts, ${section}`).toBe(expected.get(section)?.join("\n"));
        });
      }
    });
  }
});
