/**
 * What the dashboard shows for a task waiting on a synchronisation primitive
 * or a queue: its `suspend` event's awaiting is `{kind: "sync", text}` with
 * the method it waits in (NOTES.md's contract, shared with the Python probe).
 */
import { describe, expect, it } from "vitest";
import {
  BoundedSemaphore,
  Condition,
  coroutine,
  createTask,
  Event,
  Lock,
  Queue,
  Runner,
  type RuntimeEvent,
  Semaphore,
  sleep,
} from "../../src/index.js";

async function awaitingOf(main: () => Promise<void>): Promise<Map<string, string[]>> {
  const events: RuntimeEvent[] = [];
  const runner = new Runner({ onEvent: (e) => events.push(e), output: () => {}, errorOutput: () => {} });
  try {
    await runner.run(coroutine(main)());
  } finally {
    await runner.close();
  }
  const names = new Map<number, string>();
  const byTask = new Map<string, string[]>();
  for (const e of events) {
    if (e.type === "task-created") names.set(e.task, e.name);
    if (e.type === "suspend" && e.awaiting.kind === "sync") {
      const name = names.get(e.task) ?? "?";
      byTask.set(name, [...(byTask.get(name) ?? []), e.awaiting.text]);
    }
  }
  return byTask;
}

describe("a task waiting on a primitive or a queue says what it waits in", () => {
  it("names the method: Lock.acquire(), Event.wait(), Condition.wait(), Semaphore.acquire(), Queue.get/put/join()", async () => {
    const waits = await awaitingOf(async function main() {
      const lock = new Lock();
      await lock.acquire();
      const event = new Event();
      const cond = new Condition();
      const sem = new Semaphore(0);
      const bounded = new BoundedSemaphore(1);
      await bounded.acquire();
      const empty = new Queue<number>();
      const full = new Queue<number>(1);
      full.putNowait(0);
      const unfinished = new Queue<number>();
      unfinished.putNowait(1);
      const waitCond = coroutine(async function waitCond() {
        await cond.acquire();
        await cond.wait();
        cond.release();
      });
      const tasks = [
        createTask(lock.acquire(), { name: "lock" }),
        createTask(event.wait(), { name: "event" }),
        createTask(waitCond(), { name: "condition" }),
        createTask(sem.acquire(), { name: "semaphore" }),
        createTask(bounded.acquire(), { name: "bounded" }),
        createTask(empty.get(), { name: "get" }),
        createTask(full.put(1), { name: "put" }),
        createTask(unfinished.join(), { name: "join" }),
      ];
      await sleep(0.1);
      lock.release();
      event.set();
      await cond.acquire();
      cond.notifyAll();
      cond.release();
      sem.release();
      bounded.release();
      empty.putNowait(2);
      full.getNowait();
      unfinished.getNowait();
      unfinished.taskDone();
      for (const t of tasks) await t;
    });
    expect(Object.fromEntries(waits)).toEqual({
      lock: ["Lock.acquire()"],
      event: ["Event.wait()"],
      // Woken, it waits to take the lock back (the first Lock.acquire() is free).
      condition: ["Condition.wait()"],
      semaphore: ["Semaphore.acquire()"],
      bounded: ["Semaphore.acquire()"],
      get: ["Queue.get()"],
      put: ["Queue.put()"],
      join: ["Queue.join()"],
    });
  });

  it("shows the lock a woken Condition waiter takes back when another task holds it", async () => {
    const waits = await awaitingOf(async function main() {
      const cond = new Condition();
      const waiter = coroutine(async function waiter() {
        await cond.acquire();
        await cond.wait();
        cond.release();
      });
      const task = createTask(waiter(), { name: "waiter" });
      await sleep(0);
      await cond.acquire();
      cond.notify();
      await sleep(0); // the waiter wakes, finds the lock held, waits for it
      cond.release();
      await task;
    });
    expect(waits.get("waiter")).toEqual(["Condition.wait()", "Lock.acquire()"]);
  });
});
