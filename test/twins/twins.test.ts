/**
 * Differential tests: each `cases/NAME.ts` has a Python twin `cases/NAME.py`.
 * Both run (the Python one under CPython 3.13 on the probe's virtual clock,
 * python/probe.py; the TypeScript one on this runtime's virtual clock) and must print
 * the same lines and exit with the same status. A case whose first line is
 * `# requires: 3.13` is skipped, with a message, on an older CPython.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { KeyboardInterrupt } from "../../src/index.js";
import { capture } from "../support/capture.js";
import { findPython, type PythonResult, runPython } from "../support/python.js";

const dir = join(import.meta.dirname, "cases");
const names = readdirSync(dir)
  .filter((f) => f.endsWith(".py"))
  .map((f) => f.slice(0, -3))
  .sort();

const python = findPython();
const results = new Map<string, PythonResult>();

beforeAll(async () => {
  if (python === null) return;
  await Promise.all(names.map(async (name) => results.set(name, await runPython(python, join(dir, `${name}.py`)))));
}, 120_000);

function statusOf(error: unknown): number {
  if (error === undefined) return 0;
  return error instanceof KeyboardInterrupt ? 130 : 1;
}

describe("twins: TypeScript and CPython print the same", () => {
  it("has at least 25 pairs", () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });
  for (const name of names) {
    it(name, async (ctx) => {
      if (python === null) return ctx.skip("no python3 found: set ASYNC_DEMO_PYTHON to compare against CPython");
      const needs313 = readFileSync(join(dir, `${name}.py`), "utf8").startsWith("# requires: 3.13");
      if (needs313 && python.version !== "3.13") return ctx.skip(`needs CPython 3.13, found ${python.version}`);
      const py = results.get(name) as PythonResult;
      const mod = (await import(join(dir, `${name}.ts`))) as { default: () => Promise<unknown> };
      const ts = await capture(mod.default);
      expect(ts.stdout.join("\n").trimEnd(), `stdout of ${name}`).toBe(py.stdout.trimEnd());
      expect(statusOf(ts.error), `exit status of ${name} (python stderr: ${py.stderr.trim().split("\n").at(-1)})`).toBe(
        py.status,
      );
    });
  }
});
