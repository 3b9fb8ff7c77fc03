// The one loader of program sources (code pane, `show`): a built-in scenario's TypeScript and Python twin, or
// the user's own file, Python when it ends in .py.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../src/session/package-root.js";
import { fileSources, scenarioSources } from "../../src/session/sources.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "async-demo-sources-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sources", () => {
  it("finds the package root from the sources", () => {
    expect(packageRoot()).toBe(root.replace(/\/$/, ""));
  });

  it("a built-in scenario: its TypeScript and its twin, as shipped, without trailing blank lines", () => {
    const sources = scenarioSources("cancel");
    expect(sources).toEqual({
      typescript: readFileSync(join(root, "scenarios", "cancel.ts"), "utf8").trimEnd(),
      python: readFileSync(join(root, "scenarios", "cancel.py"), "utf8").trimEnd(),
      typescriptFile: "scenarios/cancel.ts",
      pythonFile: "scenarios/cancel.py",
    });
  });

  it("a scenario this copy does not ship: nulls, not an error", () => {
    expect(scenarioSources("no-such-scenario")).toMatchObject({ python: null, typescript: null });
  });

  it("the user's .py program is Python, a .ts or .js one TypeScript; an unreadable path gives null", () => {
    const py = join(dir, "prog.py");
    const ts = join(dir, "prog.ts");
    writeFileSync(py, "import asyncio\n\n\n");
    writeFileSync(ts, "export default async function main() {}\n");
    expect(fileSources(py)).toEqual({
      python: "import asyncio",
      typescript: null,
      pythonFile: py,
      typescriptFile: "(none)",
    });
    expect(fileSources(ts)).toMatchObject({ python: null, typescript: "export default async function main() {}" });
    expect(fileSources(join(dir, "missing.py")).python).toBeNull();
  });
});
