/** The narrated log (--plain), colours (NO_COLOR, --no-color, FORCE_COLOR), EPIPE into head, and a prompt exit. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { scenarios } from "../../scenarios/index.js";
import { cliEnv, root, runCli } from "./run-cli.js";

const ESC = "\u001b[";
const gather = scenarios.find((s) => s.name === "gather")!;

describe("--plain on gather", () => {
  const result = runCli(["gather", "--plain", "--instant"]);
  const lines = result.stdout.replace(/\n$/, "").split("\n");

  it("exits 0 with nothing on stderr", () => {
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
  });

  it("starts with the scenario's name and title", () => {
    expect(lines[0]).toBe(`gather — ${gather.title}`);
  });

  it("narrates events with their loop time", () => {
    expect(lines).toContain("   0.000  fetch_data (Task-2) created by main (Task-1) via gather");
    expect(lines).toContain("   1.000  fetch_data (Task-2) done → 'Data fetched'");
    const timed = lines.filter((l) => /^ +\d+\.\d{3} {2}\S/.test(l));
    expect(timed.length).toBeGreaterThan(5);
  });

  it("marks the prints with »", () => {
    expect(lines.filter((l) => l.includes("» "))).toEqual([
      "   1.000  » ['Data fetched', 'Data processed']",
      "   1.000  » took 1.0 s, not 2.0 s: the sleeps overlapped",
    ]);
  });

  it("puts hints on their own ↳ line", () => {
    const hints = lines.filter((l) => /^ {10}↳ /.test(l));
    expect(hints).toContain("          ↳ main waits for the gather; both children are sleeping at the same time");
    expect(hints.length).toBeGreaterThanOrEqual(3);
  });

  it("ends with the summary and the Lesson: line", () => {
    expect(lines).toContain("Run ended at t=1.000 s: main returned None; exit status 0.");
    expect(lines.at(-1)).toBe(`Lesson: ${gather.explain}`);
  });

  it("is the default without a terminal", () => {
    expect(runCli(["gather", "--instant"]).stdout).toBe(result.stdout);
  });
});

describe("colours", () => {
  const args = ["gather", "--plain", "--instant"];

  it("NO_COLOR=1: no escape codes", () => {
    const result = runCli(args, { env: { NO_COLOR: "1" } });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain(ESC);
  });

  it("--no-color: no escape codes, even with FORCE_COLOR=1", () => {
    const result = runCli([...args, "--no-color"], { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain(ESC);
  });

  it("FORCE_COLOR=1 without NO_COLOR: colour codes in --plain output", () => {
    const result = runCli(args, { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(ESC);
    expect(stripVTControlCharacters(result.stdout)).toBe(runCli(args).stdout);
  });
});

describe("output piped into head ends quietly (EPIPE)", () => {
  const dir = mkdtempSync(join(tmpdir(), "async-demo-cli-epipe-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(["--json", "--plain", "--quiet"])("swarm --set tasks=5000 --instant %s | head -1", (mode) => {
    const errFile = join(dir, `stderr${mode}`);
    const script = `set -o pipefail; '${process.execPath}' bin/async-demo swarm --set tasks=5000 --instant ${mode} 2>'${errFile}' | head -1; echo "node-status=\${PIPESTATUS[0]}"`;
    const result = spawnSync("bash", ["-c", script], { cwd: root, encoding: "utf8", env: cliEnv(), timeout: 60_000 });
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    if (mode === "--json") expect(JSON.parse(lines[0]!)).toMatchObject({ type: "run-start", seq: 1 });
    expect(lines[1]).toBe("node-status=0");
    expect(readFileSync(errFile, "utf8")).toBe("");
  });
});

describe("the process exits on its own once the run ends", () => {
  // atLeast: a paced run really waits its sleeps. atMost only separates "exited" from "kept alive by
  // something" (runCli gives up after 60 s): a margin a busy machine never reaches.
  it.each([
    ["gather --instant", ["gather", "--instant"], 0, 30_000],
    ["gather --plain at speed 1 (1 s of sleeps)", ["gather", "--plain"], 1_000, 30_000],
  ] as const)("%s", (_what, args, atLeast, atMost) => {
    const start = Date.now();
    const result = runCli([...args]);
    const took = Date.now() - start;
    expect(result.status).toBe(0);
    expect(took).toBeGreaterThanOrEqual(atLeast);
    expect(took).toBeLessThan(atMost);
  });
});
