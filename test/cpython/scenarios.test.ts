/**
 * `SCENARIO --python` through the whole CLI: for every built-in scenario, the events the dashboard and the
 * views receive from CPython (probe → Node host → session → --json) equal those of our runtime, field for
 * field except the narration (`text`, `hint`), with the same exit status. The probe's own event twins
 * (test/probe/) compare the streams at the source; this checks that the host carries them intact.
 */
import { execFile } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { scenarios } from "../../scenarios/index.js";
import type { RuntimeEvent } from "../../src/runtime/runtime-events.js";
import { cliEnv, root } from "../cli/run-cli.js";
import { comparable } from "../support/event-twins.js";
import { pythonEnv, SKIP_WHY, usablePython } from "./cpython.js";

const python = usablePython();

interface Run {
  status: number | null;
  events: RuntimeEvent[];
  exit: unknown;
  stderr: string;
}

function json(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["bin/async-demo", ...args, "--instant", "--json"],
      { cwd: root, env: cliEnv(env), encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const lines = stdout
          .trimEnd()
          .split("\n")
          .map((l) => JSON.parse(l));
        const status = error ? ((error as { code?: number }).code ?? null) : 0;
        resolve({ status, events: lines.slice(0, -1), exit: lines.at(-1), stderr });
      },
    );
  });
}

const runs = new Map<string, { ts: Run; py: Run }>();

beforeAll(async () => {
  if (python === null || !python.version.startsWith("3.13")) return;
  // Two at a time: the machine has two cores.
  const queue = [...scenarios.map((s) => s.name)];
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const [ts, py] = await Promise.all([json([name], {}), json([name, "--python"], pythonEnv(python))]);
      runs.set(name, { ts, py });
    }
  };
  await Promise.all([worker(), worker()]);
}, 300_000);

describe("SCENARIO --python --json: CPython's events through the host equal our runtime's", () => {
  for (const scenario of scenarios) {
    it(scenario.name, (ctx) => {
      if (python === null) return ctx.skip(SKIP_WHY);
      if (!python.version.startsWith("3.13")) {
        return ctx.skip(`CPython ${python.version}: the reference is 3.13 (3.12's differences: test/probe)`);
      }
      const { ts, py } = runs.get(scenario.name)!;
      expect(py.stderr, "stderr of --python").toBe(ts.stderr);
      expect(py.status).toBe(ts.status);
      expect(py.exit).toEqual(ts.exit);
      expect(comparable(py.events)).toEqual(comparable(ts.events));
      // The hints come from the scenario's TypeScript, over CPython's events.
      expect(py.events.map((e) => (e as { hint?: string }).hint)).toEqual(
        ts.events.map((e) => (e as { hint?: string }).hint),
      );
    });
  }
});
