/** --version, --help, bare async-demo without a terminal, list and show. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scenarios } from "../../scenarios/index.js";
import { scenarioSources } from "../../src/session/sources.js";
import { root, runCli } from "./run-cli.js";

const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version as string;
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

describe("--version and --help", () => {
  it.each([["--version"], ["-V"]])("%s prints the package.json version", (flag) => {
    const result = runCli([flag]);
    expect(result).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("--help: status 0, every scenario, and Examples", () => {
    const result = runCli(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    for (const { name } of scenarios) expect(result.stdout).toMatch(new RegExp(`^\\s+${name} `, "m"));
    expect(result.stdout).toContain("Examples:");
    expect(result.stdout).toMatch(/async-demo gather/);
  });
});

describe("list", () => {
  const check = (stdout: string) => {
    for (const s of scenarios) {
      expect(stdout).toMatch(new RegExp(`^  ${s.name} +${s.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
      expect(stdout).toContain(s.summary);
    }
  };

  it("bare async-demo without a terminal: the list, a hint, status 0", () => {
    const result = runCli([]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    check(result.stdout);
    expect(result.stdout).toMatch(/async-demo <scenario>/);
    expect(result.stdout).toContain("--help");
  });

  it("async-demo list shows every scenario of scenarios/index.ts, in order", () => {
    const result = runCli(["list"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    check(result.stdout);
    const listed = [...result.stdout.matchAll(/^ {2}([a-z][a-z-]*) {2,}/gm)].map((m) => m[1]);
    expect(listed).toEqual(scenarios.map((s) => s.name));
  });
});

describe("show", () => {
  it("show cancel: the explanation, the TypeScript and the Python twin", () => {
    const cancel = scenarios.find((s) => s.name === "cancel")!;
    const result = runCli(["show", "cancel"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(squash(result.stdout)).toContain(squash(cancel.explain));
    const sources = scenarioSources("cancel");
    expect(result.stdout).toContain(sources.typescript);
    expect(result.stdout).toContain(sources.python);
    expect(result.stdout.indexOf("cancel.ts")).toBeLessThan(result.stdout.indexOf("cancel.py"));
  });

  it("show swarm lists its parameters", () => {
    const result = runCli(["show", "swarm"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ {2}tasks=1000 /m);
    expect(result.stdout).toMatch(/^ {2}seed=1 /m);
  });
});
