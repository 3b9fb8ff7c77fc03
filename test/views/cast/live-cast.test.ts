/**
 * `--cast FILE` while the dashboard runs in a (pseudo-)terminal: the recording
 * holds exactly what the program wrote, with rising timings, the terminal's
 * size, and the keys pressed as markers; asciinema plays it back to the same
 * bytes; the same for a Python program run by CPython. Without asciinema the
 * playback check is skipped on a user's machine and fails in CI (.ci/run
 * installs it).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { examples, pythonEnv, SKIP_WHY, usablePython } from "../../cpython/cpython.js";
import { inCI } from "../../support/browser.js";
import { spawnTerminal } from "../../support/pty.js";

const dir = mkdtempSync(join(tmpdir(), "async-demo-cast-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type CastEvent = [number, "o" | "m" | "r", string];

function readCast(file: string) {
  const [head, ...lines] = readFileSync(file, "utf8").trimEnd().split("\n");
  return { header: JSON.parse(head as string), events: lines.map((l) => JSON.parse(l) as CastEvent) };
}

const hasAsciinema = spawnSync("asciinema", ["--version"], { encoding: "utf8" }).status === 0;

describe("--cast with the dashboard", () => {
  it("records what the dashboard wrote, when, at what size, and the keys pressed", { timeout: 60_000 }, async (ctx) => {
    const file = join(dir, "cancel.cast");
    const t = spawnTerminal(["cancel", "--speed", "4", "--cast", file], { columns: 100, rows: 30 });
    await t.waitFor((screen) => screen.includes("exit status 0"), 20_000);
    t.write("j");
    await t.waitFor((screen) => /›2|>2/.test(screen) || screen.includes("long_running_task"));
    t.write("c");
    await t.waitFor((screen) => screen.includes("already done"));
    t.write("q");
    expect((await t.exited).status).toBe(0);

    const { header, events } = readCast(file);
    expect(header).toMatchObject({ version: 2, width: 100, height: 30, command: "async-demo cancel --speed 4" });
    expect(header.title).toContain("async-demo · cancel");
    const times = events.map(([time]) => time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(events.filter(([, code]) => code === "m").map(([, , key]) => key)).toEqual(["j", "c", "q"]);
    const output = events
      .filter(([, code]) => code === "o")
      .map(([, , data]) => data)
      .join("");
    // The terminal got the same bytes (the pty turns \n into \r\n), and then only the cursor given back.
    const raw = t.raw().replace(/\r\n/g, "\n");
    expect(raw.startsWith(output.replace(/\r\n/g, "\n"))).toBe(true);
    expect(output).toContain("exit status 0");

    if (!hasAsciinema) {
      if (inCI) throw new Error("asciinema is missing: CI must play the cast (.ci/run installs it)");
      return ctx.skip("asciinema not installed: the cast was not played back (apt-get install asciinema)");
    }
    const played = spawnSync("asciinema", ["play", "-s", "1000", file], { encoding: "utf8", timeout: 30_000 });
    expect(played.status).toBe(0);
    expect(played.stdout.replace(/\r\n/g, "\n")).toBe(output.replace(/\r\n/g, "\n"));
  });

  it("records a Python program's dashboard run by CPython, with the keys pressed", { timeout: 60_000 }, async (ctx) => {
    const python = usablePython();
    if (python === null) return ctx.skip(SKIP_WHY);
    const file = join(dir, "python.cast");
    const program = examples("producer_consumer.py");
    const t = spawnTerminal(["run", program, "--speed", "8", "--cast", file], {
      columns: 100,
      rows: 30,
      env: pythonEnv(python),
    });
    await t.waitFor((screen) => screen.includes("exit status 0"), 30_000);
    t.write("q");
    expect((await t.exited).status).toBe(0);

    const { header, events } = readCast(file);
    expect(header).toMatchObject({ version: 2, width: 100, height: 30 });
    expect(header.title).toContain("producer_consumer.py");
    expect(events.filter(([, code]) => code === "m").map(([, , key]) => key)).toEqual(["q"]);
    const output = events
      .filter(([, code]) => code === "o")
      .map(([, , data]) => data)
      .join("");
    expect(t.raw().replace(/\r\n/g, "\n").startsWith(output.replace(/\r\n/g, "\n"))).toBe(true);
    // CPython's tasks as the dashboard drew them.
    expect(output).toContain("worker");
    expect(output).toContain("exit status 0");
  });
});
