/** --json (one event per line) and --trace FILE (Chrome trace-event JSON for Perfetto), for every scenario. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scenarios } from "../../scenarios/index.js";
import { type CliResult, runCli } from "./run-cli.js";

const names = scenarios.map((s) => s.name);

interface JsonEvent {
  type: string;
  seq?: number;
  time?: number;
  task?: number | null;
  text?: string;
  [key: string]: unknown;
}

const isBlockedStep = (event: JsonEvent) =>
  event.type === "warning" && event.kind === "blocked-step" && event.seq === undefined;

const jsonRuns = new Map<string, { result: CliResult; lines: string[]; events: JsonEvent[] }>();
const quietRuns = new Map<string, CliResult>();

/** `NAME --instant --json`, run once per scenario. */
function jsonRun(name: string) {
  let run = jsonRuns.get(name);
  if (run === undefined) {
    const result = runCli([name, "--instant", "--json"]);
    const lines = result.stdout.replace(/\n$/, "").split("\n");
    run = { result, lines, events: lines.map((line) => JSON.parse(line) as JsonEvent) };
    jsonRuns.set(name, run);
  }
  return run;
}

/** `NAME --instant --quiet`, run once per scenario. */
function quietRun(name: string): CliResult {
  if (!quietRuns.has(name)) quietRuns.set(name, runCli([name, "--instant", "--quiet"]));
  return quietRuns.get(name)!;
}

describe("--json", () => {
  it.each(names)("%s: every line is JSON, numbered, timed, closed by the exit event", (name) => {
    const { result, lines, events } = jsonRun(name);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(events.at(-1)).toEqual({ type: "exit", status: 0 });
    // A step that held the loop for 100 ms of wall time (a loaded machine) is warned about without a seq
    // (README's schema): every other event is numbered 1, 2, 3… without gaps.
    const body = events.slice(0, -1).filter((event) => !isBlockedStep(event));
    expect(body.length).toBeGreaterThan(0);
    body.forEach((event, i) => {
      expect(event.seq, JSON.stringify(event)).toBe(i + 1);
      expect(typeof event.time, JSON.stringify(event)).toBe("number");
      if (i > 0) expect(event.time).toBeGreaterThanOrEqual(body[i - 1]!.time!);
    });
  });

  it.each(names)("%s: every created task has step and task-done events", (name) => {
    const { events } = jsonRun(name);
    const created = events.filter((e) => e.type === "task-created").map((e) => e.task);
    expect(created.length).toBeGreaterThan(0);
    const of = (type: string) => new Set(events.filter((e) => e.type === type).map((e) => e.task));
    const stepped = of("step");
    const done = of("task-done");
    for (const task of created) {
      expect(stepped.has(task), `step of task ${task}`).toBe(true);
      expect(done.has(task), `task-done of task ${task}`).toBe(true);
    }
  });

  it.each(names)("%s: print events carry exactly the scenario's printed lines", (name) => {
    const { events } = jsonRun(name);
    const quiet = quietRun(name);
    const printed = events.filter((e) => e.type === "print").map((e) => e.text);
    expect(printed.join("\n")).toBe(quiet.stdout.replace(/\n$/, ""));
  });

  it.each([
    [130, ["shutdown-reraise", "--interrupt-at", "0.5"]],
    [1, ["shutdown-reraise", "--cancel", "long_running_task@0.5"]],
  ])("the exit event carries the process status %i", (status, args) => {
    const result = runCli([...args, "--instant", "--json"]);
    expect(result.status).toBe(status);
    const lines = result.stdout.replace(/\n$/, "").split("\n");
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(JSON.parse(lines.at(-1)!)).toEqual({ type: "exit", status });
  });
});

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  args?: Record<string, unknown>;
}

describe("--trace FILE --instant --quiet", () => {
  const dir = mkdtempSync(join(tmpdir(), "async-demo-cli-trace-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function traceRun(name: string) {
    const file = join(dir, `${name}.json`);
    const result = runCli([name, "--trace", file, "--instant", "--quiet"]);
    const trace = JSON.parse(readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] };
    return { result, trace };
  }

  it.each(names)("%s: valid trace events, µs timestamps, one lane per task, well-nested slices", (name) => {
    const { result, trace } = traceRun(name);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(quietRun(name).stdout);
    expect(Array.isArray(trace.traceEvents)).toBe(true);
    for (const e of trace.traceEvents) {
      expect(["X", "i", "M"], JSON.stringify(e)).toContain(e.ph);
      expect(typeof e.pid).toBe("number");
      expect(Number.isInteger(e.tid), JSON.stringify(e)).toBe(true);
      if (e.ph !== "M") {
        expect(Number.isInteger(e.ts), JSON.stringify(e)).toBe(true);
        expect(e.ts).toBeGreaterThanOrEqual(0);
      }
      if (e.ph === "X") {
        expect(Number.isInteger(e.dur), JSON.stringify(e)).toBe(true);
        expect(e.dur).toBeGreaterThanOrEqual(0);
      }
    }

    // One thread_name per task of the run (as --json reports them), each with its own tid.
    const tasks = jsonRun(name)
      .events.filter((e) => e.type === "task-created")
      .map((e) => e.task);
    const lanes = trace.traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name" && e.tid !== 0);
    const tids = lanes.map((e) => e.tid);
    expect(new Set(tids).size).toBe(tids.length);
    expect([...tids].sort((a, b) => a - b)).toEqual([...tasks].sort((a, b) => a! - b!));

    // X slices of one lane nest: each starts and ends inside the enclosing one, or after it ended.
    const byTid = new Map<number, TraceEvent[]>();
    for (const e of trace.traceEvents.filter((e) => e.ph === "X")) byTid.set(e.tid, [...(byTid.get(e.tid) ?? []), e]);
    for (const [tid, slices] of byTid) {
      slices.sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!);
      const open: TraceEvent[] = [];
      for (const e of slices) {
        while (open.length > 0) {
          const top = open.at(-1)!;
          if (e.ts! + e.dur! <= top.ts! + top.dur!) break;
          expect(e.ts, `tid ${tid}: ${JSON.stringify(e)} overlaps ${JSON.stringify(top)}`).toBeGreaterThanOrEqual(
            top.ts! + top.dur!,
          );
          open.pop();
        }
        open.push(e);
      }
    }
  });

  it("gather: the 1 s sleeps are 1_000_000 µs slices, inside each task's life", () => {
    const { trace } = traceRun("gather");
    const lane = (coro: string) =>
      trace.traceEvents.find((e) => e.ph === "M" && e.name === "thread_name" && String(e.args?.name).endsWith(coro))!
        .tid;
    for (const coro of ["fetch_data", "process_data"]) {
      const tid = lane(coro);
      const slices = trace.traceEvents.filter((e) => e.ph === "X" && e.tid === tid);
      expect(slices.find((e) => e.name === coro)).toMatchObject({ ts: 0, dur: 1_000_000 });
      expect(slices.find((e) => e.name.includes("sleep"))).toMatchObject({ ts: 0, dur: 1_000_000 });
    }
    const prints = trace.traceEvents.filter((e) => e.ph === "i" && e.name.startsWith("print: "));
    expect(prints.map((e) => e.ts)).toEqual([1_000_000, 1_000_000]);
  });
});
