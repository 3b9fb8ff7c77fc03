/**
 * `--cast FILE` without a terminal: the dashboard's frames drawn after the run,
 * one per event, on the paced clock (loop time ÷ speed, events at one loop
 * time STEP apart), with the commands given to the run marked as the keys
 * that give them. The same run gives the same bytes, whatever the machine's
 * speed, and asciinema plays it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import xterm from "@xterm/headless";
import { afterAll, describe, expect, it } from "vitest";
import { STEP } from "../../../src/views/cast/headless.js";
import { runCli } from "../../cli/run-cli.js";
import { examples, pythonEnv, SKIP_WHY, usablePython } from "../../cpython/cpython.js";
import { inCI } from "../../support/browser.js";

const dir = mkdtempSync(join(tmpdir(), "async-demo-headless-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type CastEvent = [number, "o" | "m" | "r", string];
const COLOR = { NO_COLOR: undefined, FORCE_COLOR: undefined };

function cast(name: string, args: string[], env: Record<string, string | undefined> = COLOR) {
  const file = join(dir, `${name}.cast`);
  const result = runCli([...args, "--cast", file], { env });
  expect(result.stderr.replace(/^cast written to .*\n/m, "")).toBe("");
  const text = readFileSync(file, "utf8");
  const [head, ...lines] = text.trimEnd().split("\n");
  return { text, result, header: JSON.parse(head as string), events: lines.map((l) => JSON.parse(l) as CastEvent) };
}

/** The numbered events of the same run, as --json reports them. */
function runEvents(args: string[], env: Record<string, string | undefined> = {}) {
  return runCli([...args, "--instant", "--json"], { env })
    .stdout.trim()
    .split("\n")
    .map((line) => JSON.parse(line))
    .filter((e) => e.seq !== undefined);
}

/** The frames: every output but the first (clear the screen) and the last (show the cursor). */
const frames = (events: CastEvent[]) => events.filter(([, code]) => code === "o").slice(1, -1);
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[3\\dm`);

/** What a terminal of the cast's size shows after each frame (a frame writes only the rows that changed). */
async function screens(header: { width: number; height: number }, events: CastEvent[]): Promise<string[][]> {
  const term = new xterm.Terminal({ cols: header.width, rows: header.height, allowProposedApi: true });
  const shown: string[][] = [];
  const outputs = events.filter(([, code]) => code === "o");
  await new Promise<void>((resolve) => term.write(outputs[0]?.[2] ?? "", resolve));
  for (const [, , data] of outputs.slice(1, -1)) {
    await new Promise<void>((resolve) => term.write(data, resolve));
    const buffer = term.buffer.active;
    shown.push(
      Array.from({ length: term.rows }, (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? ""),
    );
  }
  term.dispose();
  return shown;
}

describe("--cast without a terminal", () => {
  it("draws one dashboard frame per event, at its loop time on the paced clock", async () => {
    const args = ["gather", "--quiet"];
    const { header, events, result } = cast("gather", [...args, "--instant"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("['Data fetched', 'Data processed']");
    expect(header).toMatchObject({ version: 2, width: 100, height: 30, command: "async-demo gather" });
    const run = runEvents(["gather"]);
    const drawn = frames(events);
    expect(drawn).toHaveLength(run.length);
    const shown = await screens(header, events);
    for (const [k, [time]] of drawn.entries()) {
      const event = run[k];
      // Never before its loop time; events at one loop time a readable STEP apart.
      expect(time).toBeGreaterThanOrEqual(event.time - 1e-9);
      if (k > 0) expect(time - (drawn[k - 1]?.[0] ?? 0)).toBeGreaterThanOrEqual(STEP - 1e-6);
      const screen = shown[k] ?? [];
      // The dashboard keeps the last column free: nothing wraps.
      expect(Math.max(...screen.map((l) => [...l].length))).toBeLessThanOrEqual(99);
      expect(screen[1]).toContain(`t=${event.time.toFixed(2)}s`);
    }
    const last = (shown.at(-1) ?? []).join("\n");
    expect(last).toContain("exit status 0");
    expect(last).toMatch(/fetch_data\s+Task-2\s+done/);
  });

  it("gives the same bytes for the same run, instant or paced in real time", () => {
    const instant = cast("same-a", ["cancel", "--quiet", "--instant"]).text;
    const again = cast("same-b", ["cancel", "--quiet", "--instant"]).text;
    // At --speed 1 the run takes its real second: the cast's clock is the loop's, not the machine's.
    const paced = cast("same-c", ["cancel", "--quiet"]).text;
    expect(again === instant).toBe(true);
    expect(paced === instant).toBe(true);
  });

  it("marks the commands given to the run as the keys that give them", async () => {
    const cancel = cast("cancel-key", ["cancel", "--quiet", "--instant", "--cancel", "long_running_task@0.5"]);
    const markers = cancel.events.filter(([, code]) => code === "m");
    expect(markers.map(([, , key]) => key)).toEqual(["c"]);
    // The frame drawn with the key: the task's row is selected and its cancellation under way.
    const marker = cancel.events.find(([, code]) => code === "m")?.[0];
    const k = frames(cancel.events).findIndex(([time]) => time === marker);
    const screen = (await screens(cancel.header, cancel.events))[k] ?? [];
    expect(screen.find((l) => l.includes("long_running_task") && l.includes("Task-2"))).toMatch(/^›/);
    const shutdown = cast("ctrl-c", ["shutdown", "--quiet", "--instant", "--interrupt-at", "0.5"]);
    expect(shutdown.events.filter(([, code]) => code === "m").map(([, , key]) => key)).toEqual(["Ctrl-C"]);
  });

  it("takes --size, and draws without colours for --no-color", async () => {
    const small = cast("small", ["taskgroup", "--quiet", "--instant", "--size", "80x24", "--no-color"]);
    expect(small.header).toMatchObject({ width: 80, height: 24 });
    for (const [, , data] of frames(small.events)) expect(data).not.toMatch(COLOUR);
    for (const screen of await screens(small.header, small.events)) {
      expect(Math.max(...screen.map((l) => [...l].length))).toBeLessThanOrEqual(79);
    }
    expect(cast("colour", ["taskgroup", "--quiet", "--instant"]).text).toMatch(/\\u001b\[3\dm/);
  });

  it.each([
    [["--size", "10x5", "--cast", "x.cast"], "--size must be COLUMNSxROWS from 40x10 to 400x200, got '10x5'"],
    [["--size", "100"], "--size must be COLUMNSxROWS from 40x10 to 400x200, got '100'"],
    [["--size", "100x30"], "--size is the size of a --cast: add --cast FILE"],
    [["--cast", "/no/such/dir/x.cast"], "--cast /no/such/dir/x.cast: cannot write it (no such directory)"],
  ])("refuses %j: one line, status 2", (args, message) => {
    const result = runCli(["gather", "--instant", ...args], { env: COLOR });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`async-demo: ${message}\n`);
  });

  it("draws a Python program's run by CPython", async (ctx) => {
    const python = usablePython();
    if (python === null) return ctx.skip(SKIP_WHY);
    const env = { ...COLOR, ...pythonEnv(python) };
    const { header, events } = cast("python", ["run", examples("producer_consumer.py"), "--quiet", "--instant"], env);
    expect(header.title).toContain("producer_consumer.py");
    expect(frames(events)).toHaveLength(runEvents(["run", examples("producer_consumer.py")], pythonEnv(python)).length);
    expect(((await screens(header, events)).at(-1) ?? []).join("\n")).toContain("exit status 0");
  });

  it("plays in asciinema", (ctx) => {
    const { text, events } = cast("play", ["shutdown", "--quiet", "--instant", "--interrupt-at", "0.5"]);
    if (spawnSync("asciinema", ["--version"]).status !== 0) {
      if (inCI) throw new Error("asciinema is missing: CI must play the cast (.ci/run installs it)");
      return ctx.skip("asciinema not installed (apt-get install asciinema)");
    }
    const file = join(dir, "play.cast");
    expect(readFileSync(file, "utf8")).toBe(text);
    const played = spawnSync("asciinema", ["play", "-s", "1000", file], { encoding: "utf8", timeout: 30_000 });
    expect(played.status).toBe(0);
    expect(played.stdout).toBe(
      events
        .filter(([, code]) => code === "o")
        .map(([, , data]) => data)
        .join(""),
    );
  });
});
