/**
 * The twins are real Python programs: run each as a user would, `python3
 * scenarios/NAME.py`, on CPython's own event loop and real clock (no virtual
 * clock, no parameters), and it must print what `async-demo NAME --quiet`
 * prints. Times they print are measured from the start of main, so they agree
 * whatever the machine's monotonic clock reads; a busy machine may make real
 * sleeps late, so printed seconds may differ by up to 0.2 — every other
 * character must match. All run at once: they mostly sleep (10 s at most).
 * `swarm` is left out: its output hangs on millisecond timing (thousands of
 * random sleeps and cancels a few milliseconds apart).
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { scenarios } from "../../scenarios/index.js";
import { findPython } from "../support/python.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = fileURLToPath(new URL("../../bin/async-demo", import.meta.url));
const TOLERANCE_S = 0.2;
const realClock = scenarios.filter((s) => s.name !== "swarm");

interface Output {
  stdout: string;
  stderr: string;
  status: number;
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Output> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: root, encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1", ...env } },
      (error, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        resolve({ stdout, stderr, status: error === null ? 0 : typeof code === "number" ? code : 1 });
      },
    );
  });
}

/**
 * Why two lines differ beyond the tolerance, or null if they agree: the text
 * around numbers must be equal, and each pair of decimal numbers within
 * TOLERANCE_S (integers must be equal).
 */
function difference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  const split = (s: string) => s.split(/(\d+\.\d+)/);
  const a = split(expected);
  const b = split(actual);
  if (a.length !== b.length) return `'${actual}' is not '${expected}'`;
  for (let i = 0; i < a.length; i++) {
    if (i % 2 === 0 && a[i] !== b[i]) return `'${actual}' is not '${expected}'`;
    if (i % 2 === 1 && Math.abs(Number(a[i]) - Number(b[i])) > TOLERANCE_S + 1e-9) {
      return `${b[i]} is more than ${TOLERANCE_S} s from ${a[i]} in '${actual}'`;
    }
  }
  return null;
}

const python = findPython();
const ours = new Map<string, Output>();
const theirs = new Map<string, Output>();

beforeAll(async () => {
  if (python === null) return;
  await Promise.all(
    realClock.map(async ({ name }) => {
      const [ts, py] = await Promise.all([
        run(process.execPath, [bin, name, "--quiet", "--instant"]),
        run(python.executable, [join(root, "scenarios", `${name}.py`)], { PYTHONDONTWRITEBYTECODE: "1" }),
      ]);
      ours.set(name, ts);
      theirs.set(name, py);
    }),
  );
}, 120_000);

describe("the tolerance", () => {
  it("lets printed seconds differ by up to 0.2, nothing else", () => {
    expect(difference("took 1.0 s, not 2.0 s", "took 1.1 s, not 2.0 s")).toBeNull();
    expect(difference("at t=3.5", "at t=3.7")).toBeNull();
    expect(difference("at t=3.5", "at t=3.8")).toMatch(/more than 0.2 s/);
    expect(difference("3 done", "4 done")).not.toBeNull();
    expect(difference("took 1.0 s", "took 1.0 s!")).not.toBeNull();
  });
});

describe(`twins on CPython's real clock (${python ? `Python ${python.version}` : "no Python"}) print what --quiet prints`, () => {
  for (const { name } of realClock) {
    it(name, (ctx) => {
      if (python === null) return ctx.skip("no python3 found: set ASYNC_DEMO_PYTHON to compare against CPython");
      const ts = ours.get(name) as Output;
      const py = theirs.get(name) as Output;
      const expected = ts.stdout.trimEnd().split("\n");
      const actual = py.stdout.trimEnd().split("\n");
      expect(actual.length, `lines of ${name}.py (python stderr: ${py.stderr.trim()})\n${py.stdout}`).toBe(
        expected.length,
      );
      const problems = expected.map((line, i) => difference(line, actual[i] ?? "")).filter((p) => p !== null);
      expect(problems, `${name}.py on the real clock:\n${py.stdout}`).toEqual([]);
      expect(py.status, `exit status of ${name}.py`).toBe(ts.status);
    });
  }
});
