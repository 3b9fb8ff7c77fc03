// LocalCore, the engine contract's first implementation: events in order to its sink, commands recorded at
// their handle position, replays that reproduce a run, branching after the end, and silence when it should.
import { describe, expect, it } from "vitest";
import { coroutine, defineScenario, sleep } from "../../src/index.js";
import type { RuntimeEvent } from "../../src/runtime/runtime-events.js";
import { type ClockReading, type CoreSink, FOREIGN_AWAIT_BLOCKS_BRANCH, LocalCore } from "../../src/session/core.js";
import { resolveParams } from "../../src/session/params.js";
import { scenario, until } from "./engines.js";

interface Heard {
  events: RuntimeEvent[];
  resets: number;
  warnings: string[];
  clocks: ClockReading[];
  sink: CoreSink;
}

function listener(): Heard {
  const heard: Heard = { events: [], resets: 0, warnings: [], clocks: [], sink: undefined as unknown as CoreSink };
  heard.sink = {
    reset: () => {
      heard.resets++;
      heard.events = [];
    },
    event: (e) => heard.events.push(e),
    output: () => {},
    errorOutput: () => {},
    warning: (text) => heard.warnings.push(text),
    clock: (reading) => heard.clocks.push(reading),
  };
  return heard;
}

function core(
  name: string,
  heard: Heard,
  speed = Number.POSITIVE_INFINITY,
  script?: ConstructorParameters<typeof LocalCore>[1]["script"],
) {
  const s = scenario(name);
  return new LocalCore(s, { params: resolveParams(s, []), speed, ...(script ? { script } : {}) }, heard.sink);
}

describe("LocalCore", () => {
  it("reports a reset, then every event in seq order, and resolves with the status", async () => {
    const heard = listener();
    const result = await core("gather", heard).start();
    expect(result).toEqual({ status: 0, warnings: [] });
    expect(heard.resets).toBe(1);
    // A step descheduled for 100 ms on a loaded machine is warned about without a seq: not numbered.
    const numbered = heard.events.filter((e) => e.seq !== undefined);
    expect(
      heard.events.filter((e) => e.seq === undefined).every((e) => e.type === "warning" && e.kind === "blocked-step"),
    ).toBe(true);
    expect(numbered.map((e) => e.seq)).toEqual(numbered.map((_, i) => i + 1));
    expect(numbered.at(-1)?.type).toBe("run-end");
  });

  it("replay(k) of a paused run: a new run reports the same first k events and pauses at a handle boundary", async () => {
    const heard = listener();
    const c = core("shutdown", heard, 0.05);
    void c.start();
    await until(() => heard.events.length >= 13, "the events at t=0");
    c.send({ kind: "pause" });
    const original = [...heard.events];
    await c.replay(7);
    expect(heard.resets).toBe(2);
    expect(heard.events.length).toBeGreaterThanOrEqual(7);
    expect(heard.events).toEqual(original.slice(0, heard.events.length));
    c.send({ kind: "abort" });
  });

  it("a command recorded at its position is replayed there: the replayed run is the run", async () => {
    const heard = listener();
    const c = core("shutdown", heard, 0.05);
    void c.start();
    await until(() => heard.events.length >= 13, "the events at t=0");
    c.send({ kind: "pause" });
    c.send({ kind: "cancel", task: "long_running_task" });
    c.send({ kind: "step" });
    await until(() => heard.events.some((e) => e.type === "cancel-delivered"), "the cancel delivered");
    const live = [...heard.events];
    await c.replay(live.length);
    expect(heard.events.slice(0, live.length)).toEqual(live);
    c.send({ kind: "abort" });
  });

  it("after the end, start({at}) branches: the previous run's commands up to there, paused, then the new end", async () => {
    const heard = listener();
    const c = core("gather", heard);
    await c.start();
    const first = [...heard.events];
    let paused = false;
    const ending = c.start({
      at: 10,
      paused: () => {
        paused = true;
      },
    });
    await until(() => paused, "the branch paused");
    expect(heard.events.slice(0, 10)).toEqual(first.slice(0, 10));
    expect(heard.events.length).toBeLessThan(first.length);
    c.send({ kind: "cancel", task: "process_data" });
    c.send({ kind: "resume" });
    const result = await ending;
    expect(result.status).toBe(1); // gather's child cancelled: main gets CancelledError
    expect(heard.events.find((e) => e.type === "cancel-requested")).toMatchObject({ cause: "user" });
  });

  it("pause reports where the clock stood (between two events during a paced sleep)", async () => {
    const heard = listener();
    const c = core("cancel", heard, 2);
    void c.start();
    await until(() => c.displayTime() > 0.2, "the clock past 0.2");
    c.send({ kind: "pause" });
    const reading = heard.clocks.at(-1);
    expect(reading?.advancing).toBe(false);
    expect(reading?.display).toBeGreaterThan(0.2);
    expect(reading?.display).toBeGreaterThan(heard.events.at(-1)?.time ?? 1);
    c.send({ kind: "abort" });
  });

  it("a scripted cancel that finds no task: a warning at once, and in the result", async () => {
    const heard = listener();
    const result = await core("gather", heard, Number.POSITIVE_INFINITY, {
      cancels: [{ target: "nobody", at: 0.5 }],
      interruptAt: undefined,
    }).start();
    expect(heard.warnings).toEqual(["--cancel nobody@0.5: no task named 'nobody' was running at t=0.5"]);
    expect(result.warnings).toEqual(heard.warnings);
  });

  it("abort: the closing loop reports nothing (no warning about run()'s own coroutines)", async () => {
    const heard = listener();
    const c = core("shutdown", heard, 0.05);
    void c.start();
    await until(() => heard.events.length >= 13, "the events at t=0");
    const before = heard.events.length;
    c.send({ kind: "abort" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard.events.length).toBe(before);
  });

  it("cannotBranch: undefined for a deterministic run; the reason once the run awaited a plain promise", async () => {
    const heard = listener();
    const foreign = defineScenario({
      name: "foreign",
      title: "t",
      summary: "s",
      explain: "e",
      params: {},
      main: coroutine(async function main() {
        await new Promise((resolve) => setTimeout(resolve, 1));
        await sleep(0);
      }),
    });
    const c = new LocalCore(foreign, { params: {}, speed: Number.POSITIVE_INFINITY }, heard.sink);
    expect(c.cannotBranch()).toBeUndefined();
    await c.start();
    expect(c.cannotBranch()).toBe(FOREIGN_AWAIT_BLOCKS_BRANCH);
    const plain = core("gather", listener());
    await plain.start();
    expect(plain.cannotBranch()).toBeUndefined();
  });
});
