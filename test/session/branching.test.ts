// Replay and branching on both of our cores (in this thread, and the CLI's worker thread): a command given
// while an earlier event is shown branches the run from that state — checked against a fresh run that
// reaches the same event by stepping and gets the same command there. Issue 12's bugs 1, 4 and 5 included.
import { afterEach, describe, expect, it } from "vitest";
import type { RuntimeEvent } from "../../src/runtime/runtime-events.js";
import { LocalCore } from "../../src/session/core.js";
import { resolveParams } from "../../src/session/params.js";
import { Session } from "../../src/session/session.js";
import { ENGINES, nextEnd, type Opened, open, scenario, stepTo, storeEvents, until } from "./engines.js";

const INSTANT = Number.POSITIVE_INFINITY;
/** Slow enough that a run waits at its first sleep (1 s of loop time = 20 s) while a test steps it. */
const CRAWL = 0.05;

let opened: Opened[] = [];
afterEach(async () => {
  for (const o of opened) await o.close();
  opened = [];
});

async function session(...args: Parameters<typeof open>): Promise<Session> {
  const o = await open(...args);
  opened.push(o);
  return o.session;
}

/** Start a crawling run and pause it once the events at t=0 are in (everyone sleeps). */
async function pausedAtFirstSleep(s: Session, eventsAtZero: number): Promise<void> {
  void s.start();
  await until(() => (s.store?.head ?? 0) >= eventsAtZero, "the events at t=0");
  s.pause();
}

/** The events of a fresh crawling run stepped to `position`, given `act` there, then played to its end. */
async function reference(
  engine: (typeof ENGINES)[number],
  name: string,
  eventsAtZero: number,
  position: number,
  act: (s: Session) => void,
): Promise<{ events: RuntimeEvent[]; status: number }> {
  const s = await session(engine, name, { speed: CRAWL });
  await pausedAtFirstSleep(s, eventsAtZero);
  await stepTo(s, position);
  const ended = nextEnd(s);
  act(s);
  s.setSpeed(INSTANT);
  s.resume();
  const status = await ended;
  return { events: storeEvents(s), status };
}

const taskId = (s: Session, coro: string) =>
  [...(s.store?.shown.tasks.values() ?? [])].find((t) => t.coro === coro)?.id as number;

describe.each(ENGINES)("%s core", (engine) => {
  it("after the end: step back 14, cancel a task shown waiting → the run branches there and matches a fresh run given that cancel there", async () => {
    const s = await session(engine, "gather", { speed: INSTANT });
    const original = await s.start();
    expect(original.status).toBe(0);
    const before = storeEvents(s);
    const store = s.store!;
    for (let i = 0; i < 14; i++) s.stepBack();
    const k = store.position; // 11: fetch_data has woken at t=1, process_data still waits
    expect(k).toBe(before.length - 14);
    const processData = taskId(s, "process_data");
    expect(store.shown.tasks.get(processData)?.state).toBe("waiting");
    const ended = nextEnd(s);
    expect(s.cancel(processData)).toBe(true);
    expect(s.done).toBe(false);
    await until(() => store.getSnapshot().branchedAt === k, "the branch");
    // Step forward a little through the branch, then let it play out.
    s.step();
    s.step();
    s.resume();
    const status = await ended;
    const branched = storeEvents(s);
    expect(branched.slice(0, k)).toEqual(before.slice(0, k));
    expect(branched.find((e) => e.type === "cancel-requested")).toMatchObject({ task: processData, cause: "user" });
    expect(store.position).toBe(store.head);
    store.publish();
    expect(store.getSnapshot()).toMatchObject({ phase: "done", branchedAt: k, status });

    const fresh = await reference(engine, "gather", 10, k, (r) => r.cancel(taskId(r, "process_data")));
    expect(status).toBe(fresh.status);
    expect(branched).toEqual(fresh.events);
  });

  it("during a paused run: step 4, back 2, cancel → branched from the event shown, not from the live one", async () => {
    const s = await session(engine, "gather", { speed: CRAWL });
    await pausedAtFirstSleep(s, 10);
    const store = s.store!;
    await stepTo(s, 14);
    s.stepBack();
    s.stepBack();
    const k = store.position;
    expect(k).toBe(12);
    const ended = nextEnd(s);
    expect(s.cancel(taskId(s, "process_data"))).toBe(true);
    await until(() => store.getSnapshot().branchedAt === k, "the branch");
    s.setSpeed(INSTANT);
    s.resume();
    const status = await ended;
    const fresh = await reference(engine, "gather", 10, k, (r) => r.cancel(taskId(r, "process_data")));
    expect(status).toBe(fresh.status);
    expect(storeEvents(s)).toEqual(fresh.events);
    // The cancel acted at the time shown (t=1), not at t=0 (issue 12, bug 4).
    expect(storeEvents(s).find((e) => e.type === "cancel-requested")?.time).toBe(1);
  });

  it("bug 1: resuming after a step plays on to the end and the view follows it (no frozen cursor)", async () => {
    const s = await session(engine, "gather", { speed: CRAWL });
    await pausedAtFirstSleep(s, 10);
    const store = s.store!;
    await stepTo(s, 11); // the step's handle emitted more than one event: the cursor is inside it
    const ended = nextEnd(s);
    s.setSpeed(INSTANT);
    s.resume();
    expect(await ended).toBe(0);
    expect(store.position).toBe(store.head);
    store.publish();
    expect(store.getSnapshot()).toMatchObject({ phase: "done", status: 0, branchedAt: null });
    expect(store.latest.prints).toEqual([
      "['Data fetched', 'Data processed']",
      "took 1.0 s, not 2.0 s: the sleeps overlapped",
    ]);
  });

  it("bug 5: Ctrl-C while history is shown branches from there; the view is live and the cleanup runs to the end", async () => {
    const s = await session(engine, "shutdown", { speed: CRAWL });
    const atZero = 13;
    await pausedAtFirstSleep(s, atZero);
    const store = s.store!;
    s.stepBack();
    s.stepBack();
    const k = store.position;
    const ended = nextEnd(s);
    s.interrupt("SIGINT");
    await until(() => !store.inHistory && store.latest.interrupts === 1, "the interrupt, live");
    s.setSpeed(INSTANT);
    const status = await ended;
    expect(status).toBe(0); // shutdown swallows the cancel: exit 0, as CPython
    expect(store.position).toBe(store.head);
    expect(store.latest.prints).toContain("Cleaned up");
    expect(storeEvents(s).slice(0, k)).toEqual(
      (await reference(engine, "shutdown", atZero, atZero, () => {})).events.slice(0, k),
    );
  });

  it("stepping forward through events already received shows 'paused', not the run's 'done', until the last one", async () => {
    const s = await session(engine, "gather", { speed: INSTANT });
    await s.start();
    const store = s.store!;
    s.seek(11);
    s.step();
    store.publish();
    expect(store.getSnapshot()).toMatchObject({ cursor: 12, phase: "paused", status: 0 });
    s.seek(store.head - 1);
    s.step();
    store.publish();
    expect(store.getSnapshot()).toMatchObject({ phase: "done", status: 0 });
    expect(s.done).toBe(true);
  });

  it("a scripted cancel that finds no task is a warning while the run goes, and again in the result", async () => {
    const s = await session(engine, "gather", {
      speed: 2,
      script: { cancels: [{ target: "nobody", at: 0.1 }], interruptAt: undefined },
    });
    const running = s.start();
    const store = s.store!;
    await until(() => store.getSnapshot().warnings.length > 0, "the warning");
    expect(s.done).toBe(false);
    expect(store.getSnapshot().warnings).toEqual(["--cancel nobody@0.1: no task named 'nobody' was running at t=0.1"]);
    expect((await running).warnings).toEqual(store.getSnapshot().warnings);
  });
});

describe("an engine that cannot branch (CPython on real time, a run that awaited real I/O)", () => {
  const REASON = "this run used real time, so it cannot be replayed";

  async function unbranchable(): Promise<Session> {
    const s = scenario("gather");
    const session = new Session(s, { params: resolveParams(s, []), speed: CRAWL, store: true }, (sink) => {
      const core = new LocalCore(s, { params: resolveParams(s, []), speed: CRAWL }, sink);
      core.cannotBranch = () => REASON;
      core.replay = () => Promise.reject(new Error("replay() must not be called"));
      return core;
    });
    opened.push({ session, close: async () => (session.done ? undefined : session.abort()) });
    return session;
  }

  it("history is viewed freely; a command given in the past is refused with the engine's reason", async () => {
    const s = await unbranchable();
    await pausedAtFirstSleep(s, 10);
    const store = s.store!;
    s.stepBack();
    s.stepBack();
    expect(store.cannotBranch).toBe(REASON);
    expect(s.cancel(taskId(s, "process_data"))).toBe(false);
    expect(store.inHistory).toBe(true);
  });

  it("a command given on an event of the last step acts on the live run, which waits right after it", async () => {
    const s = await unbranchable();
    await pausedAtFirstSleep(s, 10);
    const store = s.store!;
    await stepTo(s, 11); // the step emitted 11 and 12: the cursor is inside it
    expect(store.inHistory).toBe(true);
    expect(store.cannotBranch).toBeNull();
    const ended = nextEnd(s);
    expect(s.cancel(taskId(s, "process_data"))).toBe(true);
    expect(store.inHistory).toBe(false);
    s.setSpeed(INSTANT);
    s.resume();
    expect(await ended).toBe(1);
    expect(storeEvents(s)[12]).toMatchObject({ type: "cancel-requested", cause: "user" });
    expect(store.getSnapshot().branchedAt).toBeNull();
  });

  it("after two steps, an event of the first step is the past: a command there is refused", async () => {
    const s = await unbranchable();
    await pausedAtFirstSleep(s, 10);
    const store = s.store!;
    await stepTo(s, 13); // two steps: 11–12 (fetch_data), then 13–14 (process_data)
    await until(() => store.head === 14, "the second step's events");
    s.seek(12);
    expect(store.cannotBranch).toBe(REASON);
    expect(s.cancel(taskId(s, "main"))).toBe(false);
  });

  it("Ctrl-C in the past acts on the live run: the view goes back to live", async () => {
    const s = await unbranchable();
    await pausedAtFirstSleep(s, 10);
    const store = s.store!;
    s.stepBack();
    s.stepBack();
    const ended = nextEnd(s);
    s.interrupt("SIGINT");
    expect(store.inHistory).toBe(false);
    expect(await ended).toBe(130);
    expect(store.latest.interrupts).toBe(1);
  });
});
