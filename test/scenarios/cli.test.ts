/**
 * The shipped CLI (bin/async-demo running dist/, which the test setup builds)
 * against each scenario's Python twin:
 * `async-demo NAME --instant --quiet` must print exactly what
 * `python3 scenarios/NAME.py` prints (defaults on both sides: the Python
 * twin gets no parameters, so its defaults are checked too), with the same
 * exit status.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { scenarios } from "../../scenarios/index.js";
import { findPython, type PythonResult, runPython } from "../support/python.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = fileURLToPath(new URL("../../bin/async-demo", import.meta.url));

interface CliResult {
  stdout: string;
  stderr: string;
  status: number;
}

function runCli(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root, encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        resolve({ stdout, stderr, status: error === null ? 0 : typeof code === "number" ? code : 1 });
      },
    );
  });
}

const python = findPython();
const cli = new Map<string, CliResult>();
const twins = new Map<string, PythonResult>();

beforeAll(async () => {
  if (python === null) return;
  await Promise.all(
    scenarios.map(async ({ name }) => {
      const [ts, py] = await Promise.all([
        runCli([name, "--instant", "--quiet"]),
        runPython(python, join(root, "scenarios", `${name}.py`)),
      ]);
      cli.set(name, ts);
      twins.set(name, py);
    }),
  );
}, 180_000);

describe("CLI: async-demo NAME --instant --quiet prints what the Python twin prints", () => {
  for (const { name } of scenarios) {
    it(name, (ctx) => {
      if (python === null) return ctx.skip("no python3 found: set ASYNC_DEMO_PYTHON to compare against CPython");
      const ts = cli.get(name) as CliResult;
      const py = twins.get(name) as PythonResult;
      expect(ts.stdout.trimEnd(), `stdout of ${name} (cli stderr: ${ts.stderr.trim()})`).toBe(py.stdout.trimEnd());
      expect(ts.status, `exit status of ${name}`).toBe(py.status);
    });
  }
});
