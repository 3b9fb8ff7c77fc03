/**
 * The start-up self-check: a Python whose asyncio internals are not what the
 * probe expects is refused with one line and status 2, never run with wrong
 * events. Simulated here with a sitecustomize.py that changes asyncio before
 * the probe starts: one replaces gather's cancel() with another function
 * (the probe would no longer see gather's cancels), one removes TaskGroup._abort.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROBE, runCPython } from "../support/python.js";
import { probePythons } from "./pythons.js";

const programs = join(import.meta.dirname, "programs");
const sleepers = join(programs, "sleepers.py");

for (const python of probePythons()) {
  describe(`probe self-check on CPython ${python.version}`, () => {
    it("--check passes, printing nothing", async () => {
      const run = await runCPython(python, PROBE, ["--check"]);
      expect(run).toEqual({ stdout: "", stderr: "", status: 0 });
    });

    for (const [mismatch, detail] of [
      ["gather", /^this Python \(3\.\d+\.\d+\) is not supported yet: gather's cancel\(\) read as \[\('task', 1\)\]\n$/],
      ["taskgroup", /^this Python \(3\.\d+\.\d+\) is not supported yet: AttributeError: .*_abort.*\n$/],
    ] as const) {
      it(`refuses a ${mismatch} that is not what it expects: one line, status 2, the program not run`, async () => {
        const env = { PYTHONPATH: join(programs, "mismatched", mismatch) };
        const refused = await runCPython(python, PROBE, ["--events-fd", "1", "--", sleepers], env);
        expect(refused.status).toBe(2);
        expect(refused.stderr).toMatch(detail);
        expect(refused.stdout).toBe("");
        const checked = await runCPython(python, PROBE, ["--check"], env);
        expect(checked.status).toBe(2);
        expect(checked.stderr).toBe(refused.stderr);
      });
    }
  });
}

/** A CPython older than 3.12 on this machine (plain `python3` is 3.11 on the team's machines), if any. */
function olderPython(): { executable: string; version: string } | undefined {
  const asked = spawnSync(
    "python3",
    ["-c", "import platform, sys; print(sys.executable); print(platform.python_version())"],
    {
      encoding: "utf8",
      env: { ...process.env, PYENV_VERSION: "" },
    },
  );
  const [executable, version] = asked.stdout?.trim().split("\n") ?? [];
  if (asked.status !== 0 || !executable || !version) return undefined;
  const [major, minor] = version.split(".").map(Number);
  return major === 3 && (minor ?? 99) < 12 ? { executable, version } : undefined;
}

const older = olderPython();
if (older !== undefined) {
  describe(`probe version check on CPython ${older.version}`, () => {
    it("refuses it with one line naming the version needed, status 2", async () => {
      const run = await runCPython({ executable: older.executable, version: older.version }, PROBE, ["--", sleepers]);
      expect(run).toEqual({
        stdout: "",
        stderr: `this Python (${older.version}) is too old: async-demo needs CPython 3.12 or newer\n`,
        status: 2,
      });
    });
  });
}
