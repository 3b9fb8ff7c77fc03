/**
 * Every built-in scenario against its Python twin (scenarios/NAME.py): the
 * TypeScript side runs in-process in a Session (instant virtual clock), the
 * Python side under CPython on the probe's virtual clock (python/probe.py), with the same
 * parameters and the same scripted commands (--cancel, --interrupt-at). Both
 * must print the same lines and end with the same exit status.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scenarios } from "../../scenarios/index.js";
import type { Scenario } from "../../src/index.js";
import { resolveParams } from "../../src/session/params.js";
import type { Script } from "../../src/session/scripted.js";
import { Session } from "../../src/session/session.js";
import { findPython, type PythonResult, runPython } from "../support/python.js";
import { label, type Variant, variants } from "../support/scenario-variants.js";

const dir = join(import.meta.dirname, "../../scenarios");

function scenarioNamed(name: string): Scenario {
  const found = scenarios.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no scenario '${name}'`);
  return found;
}

/** The TypeScript side: a session at infinite speed, its prints collected line by line. */
async function runTs(v: Variant): Promise<{ stdout: string; status: number }> {
  const lines: string[] = [];
  const script: Script = { cancels: v.cancels ?? [], interruptAt: v.interruptAt };
  const scenario = scenarioNamed(v.scenario);
  const session = new Session(scenario, {
    params: resolveParams(scenario, v.set ?? []),
    speed: Number.POSITIVE_INFINITY,
    script,
    output: (text) => lines.push(...text.split("\n")),
    errorOutput: () => {},
  });
  const result = await session.start();
  return { stdout: lines.join("\n"), status: result.status };
}

const python = findPython();
const results = new Map<string, PythonResult>();

beforeAll(async () => {
  if (python === null) return;
  await Promise.all(
    variants.map(async (v) => {
      const scenario = scenarioNamed(v.scenario);
      const params = JSON.stringify(resolveParams(scenario, v.set ?? []));
      const script = join(dir, `${v.scenario}.py`);
      results.set(label(v), await runPython(python, script, [params], v));
    }),
  );
}, 120_000);

describe("scenarios: each has a Python twin", () => {
  for (const scenario of scenarios) {
    it(`${scenario.name}.py exists`, () => {
      expect(existsSync(join(dir, `${scenario.name}.py`))).toBe(true);
    });
  }
  it("every scenario is exercised by the variants", () => {
    expect(new Set(variants.map((v) => v.scenario))).toEqual(new Set(scenarios.map((s) => s.name)));
  });
});

describe("scenarios: TypeScript and CPython print the same", () => {
  for (const v of variants) {
    const name = label(v);
    it(name, async (ctx) => {
      if (python === null) return ctx.skip("no python3 found: set ASYNC_DEMO_PYTHON to compare against CPython");
      const py = results.get(name) as PythonResult;
      const ts = await runTs(v);
      expect(ts.stdout.trimEnd(), `stdout of ${name}`).toBe(py.stdout.trimEnd());
      expect(ts.status, `exit status of ${name} (python stderr: ${py.stderr.trim().split("\n").at(-1)})`).toBe(
        py.status,
      );
    });
  }
});
