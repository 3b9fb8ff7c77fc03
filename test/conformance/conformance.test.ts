/**
 * CPython's own asyncio tests, ported: every `GROUP/NAME.py` here is a program
 * written from test methods of CPython 3.13's Lib/test/test_asyncio (each
 * marked `# file::Class::method`) that prints what they assert, and
 * `GROUP/NAME.ts` is the same program on this runtime. CPython runs the Python
 * one on a virtual clock (test/support/python.ts); both must print the same
 * lines and exit alike.
 *
 * Where JavaScript forces a difference, `GROUP/NAME.differs` says so: the
 * Python output with those lines replaced is what the TypeScript must print
 * (see differences.ts). What is left out, and why, is LEFT-OUT.md; coverage.test.ts
 * checks that every test method of the eight files is either here or there.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { KeyboardInterrupt } from "../../src/index.js";
import { capture } from "../support/capture.js";
import { findPython, type PythonResult, runPython } from "../support/python.js";
import { expectedTsOutput } from "./differences.js";

const here = import.meta.dirname;
const cases = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(here, d.name))
      .filter((f) => f.endsWith(".py"))
      .map((f) => `${d.name}/${f.slice(0, -3)}`),
  )
  .sort();

const python = findPython();
const results = new Map<string, PythonResult>();
/** Python programs run at once: the suite must stay quick on 2 shared cores. */
const PARALLEL = 4;

beforeAll(async () => {
  if (python === null || python.version !== "3.13") return;
  const queue = [...cases];
  const runOne = async (): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      results.set(name, await runPython(python, join(here, `${name}.py`)));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, runOne));
}, 180_000);

function statusOf(error: unknown): number {
  if (error === undefined) return 0;
  return error instanceof KeyboardInterrupt ? 130 : 1;
}

describe("CPython 3.13's test_asyncio, ported: TypeScript prints what CPython prints", () => {
  for (const name of cases) {
    it(name, async (ctx) => {
      if (python === null) return ctx.skip("no python3 found: set ASYNC_DEMO_PYTHON to compare against CPython 3.13");
      if (python.version !== "3.13") return ctx.skip(`the ports follow CPython 3.13's tests, found ${python.version}`);
      const py = results.get(name) as PythonResult;
      expect(py.status, `python exit status of ${name}; stderr:\n${py.stderr}`).toBe(0);
      const expected = expectedTsOutput(join(here, name), py.stdout.trimEnd());
      const mod = (await import(join(here, `${name}.ts`))) as { default: () => Promise<unknown> };
      const ts = await capture(mod.default);
      expect(ts.stdout.join("\n").trimEnd(), `stdout of ${name}.ts`).toBe(expected);
      expect(statusOf(ts.error), `exit status of ${name}.ts`).toBe(py.status);
    });
  }
});
