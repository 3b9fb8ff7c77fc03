// Which CPython runs a Python program: the order, skipping what does not start or is older than 3.12.
// Fake interpreters on a PATH of their own make the answers the same on every machine.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { candidates, findInterpreter } from "../../src/cli/python/find-python.js";
import { UsageError } from "../../src/session/usage-error.js";

const bin = mkdtempSync(join(tmpdir(), "async-demo-fake-pythons-"));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

/**
 * A fake `name`: answers the discovery question as CPython `version` would (or as `implementation`), or,
 * with version null, fails as a pyenv shim does when the version is not selected. `byPyenv` maps
 * PYENV_VERSION values to versions, as pyenv's python3 shim does.
 */
function fake(name: string, version: string | null, byPyenv: Record<string, string> = {}, implementation = "cpython") {
  const cases = Object.entries(byPyenv)
    .map(([pv, v]) => `  ${pv}) echo /versions/${v}/bin/python3; echo ${v}; echo ${implementation}; exit 0;;`)
    .join("\n");
  const fallback =
    version === null
      ? `echo "pyenv: ${name}: command not found" >&2; exit 127`
      : `echo /versions/${version}/bin/${name}; echo ${version}; echo ${implementation}`;
  writeFileSync(join(bin, name), `#!/bin/sh\ncase "$PYENV_VERSION" in\n${cases}\n  *) ;;\nesac\n${fallback}\n`);
  chmodSync(join(bin, name), 0o755);
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: `${bin}:/usr/bin:/bin`, ...extra };
}

describe("interpreter discovery", () => {
  it("tries the candidates in the issue's order", () => {
    expect(candidates({ ASYNC_DEMO_PYTHON: "/opt/py/bin/python" }).map((c) => c.label)).toEqual([
      "ASYNC_DEMO_PYTHON=/opt/py/bin/python",
      "python3.13",
      "PYENV_VERSION=3.13.0 python3",
      "python3.12",
      "PYENV_VERSION=3.12.1 python3",
      "python3",
    ]);
    expect(candidates({})[0]?.label).toBe("python3.13");
  });

  it("skips a shim that does not start and a python3 that is too old; pyenv's 3.13.0 wins, by its real path", () => {
    fake("python3.13", null);
    fake("python3.12", null);
    fake("python3", "3.11.7", { "3.13.0": "3.13.0", "3.12.1": "3.12.1" });
    const { interpreter, skippedChoice } = findInterpreter(env());
    expect(interpreter).toEqual({
      executable: "/versions/3.13.0/bin/python3",
      version: "3.13.0",
      label: "PYENV_VERSION=3.13.0 python3",
    });
    expect(skippedChoice).toBeUndefined();
  });

  it("falls to 3.12 when there is no 3.13", () => {
    fake("python3.13", null);
    fake("python3.12", "3.12.4");
    fake("python3", "3.11.7");
    expect(findInterpreter(env()).interpreter.version).toBe("3.12.4");
  });

  it("ASYNC_DEMO_PYTHON comes first", () => {
    fake("python3.13", "3.13.1");
    fake("mypython", "3.12.9");
    const { interpreter } = findInterpreter(env({ ASYNC_DEMO_PYTHON: "mypython" }));
    expect(interpreter.label).toBe("ASYNC_DEMO_PYTHON=mypython");
    expect(interpreter.version).toBe("3.12.9");
  });

  it("an ASYNC_DEMO_PYTHON that is too old is skipped, and that is said", () => {
    fake("python3.13", "3.13.1");
    fake("oldpython", "3.11.2");
    const { interpreter, skippedChoice } = findInterpreter(env({ ASYNC_DEMO_PYTHON: "oldpython" }));
    expect(interpreter.label).toBe("python3.13");
    expect(skippedChoice).toBe("ASYNC_DEMO_PYTHON=oldpython is 3.11.2");
  });

  it("skips a Python that is not CPython", () => {
    fake("python3.13", "3.13.0", {}, "pypy");
    fake("python3.12", "3.12.1");
    expect(findInterpreter(env()).interpreter.label).toBe("python3.12");
  });

  it("no usable Python: a UsageError (status 2) naming ASYNC_DEMO_PYTHON and the version needed", () => {
    fake("python3.13", null);
    fake("python3.12", null);
    fake("python3", "3.11.7");
    let error: unknown;
    try {
      findInterpreter(env({ ASYNC_DEMO_PYTHON: "/nowhere/python" }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    expect(message).toMatch(/^no CPython 3\.12 or newer found \(/);
    expect(message).toContain("ASYNC_DEMO_PYTHON=/nowhere/python not found");
    expect(message).toContain("python3.13 does not start");
    expect(message).toContain("python3 is 3.11.7");
    expect(message).toMatch(/set ASYNC_DEMO_PYTHON to a python3\.12 or newer$/);
  });
});
