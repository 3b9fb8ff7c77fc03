// The entry points a session uses on a run: allTasks() (asyncio.all_tasks, public) and the user's commands
// from src/runtime/user-commands.ts (not exported by index.ts).
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import {
  allTasks,
  CancelledError,
  coroutine,
  createTask,
  currentTask,
  ensureFuture,
  getRunningLoop,
  Runner,
  RuntimeError,
  type RuntimeEvent,
  sleep,
  type Task,
} from "../../src/index.js";
import { cancelForUser, coroName, taskId, throwInto } from "../../src/runtime/user-commands.js";

const worker = coroutine(async function worker(seconds: number) {
  await sleep(seconds);
  return seconds;
});

async function runCollecting(main: () => Promise<unknown>): Promise<RuntimeEvent[]> {
  const events: RuntimeEvent[] = [];
  const runner = new Runner({ onEvent: (e) => events.push(e), output: () => {}, errorOutput: () => {} });
  await runner.run(coroutine(main)());
  await runner.close();
  return events;
}

describe("allTasks", () => {
  it("holds the tasks not done yet, main included, in creation order", async () => {
    let seen: string[] = [];
    let after: string[] = [];
    await runCollecting(async function main() {
      const a = createTask(worker(1), { name: "a" });
      const b = createTask(worker(2), { name: "b" });
      seen = [...allTasks()].map((t) => t.getName());
      await a;
      after = [...allTasks(getRunningLoop())].map((t) => t.getName());
      await b;
    });
    expect(seen).toEqual(["Task-1", "a", "b"]);
    expect(after).toEqual(["Task-1", "b"]);
  });

  it("needs a running loop without an argument, as asyncio.all_tasks()", () => {
    expect(() => allTasks()).toThrow(RuntimeError);
  });
});

describe("user commands", () => {
  it("cancelForUser records cause 'user' even when a task's code runs it", async () => {
    const events = await runCollecting(async function main() {
      const t = createTask(worker(1));
      await sleep(0);
      expect(cancelForUser(t, "bye")).toBe(true);
      await t.then(
        () => {},
        (e) => expect(e).toBeInstanceOf(CancelledError),
      );
    });
    const request = events.find((e) => e.type === "cancel-requested");
    expect(request).toMatchObject({ cause: "user", by: null, msg: "bye" });
  });

  it("throwInto raises at the task's await, and is refused for the running task", async () => {
    let refused: boolean | undefined;
    let caught = "";
    await runCollecting(async function main() {
      const t: Task<unknown> = createTask(
        coroutine(async function victim() {
          try {
            await sleep(1);
          } catch (error) {
            caught = String(error);
          }
        })(),
      );
      await sleep(0);
      refused = throwInto(currentTask() as Task<unknown>, new RuntimeError("no"));
      expect(throwInto(t, new RuntimeError("what if"))).toBe(true);
      await t;
    });
    expect(refused).toBe(false);
    expect(caught).toBe("RuntimeError: what if");
  });

  it("coroName and taskId name what the events name", async () => {
    let named: [string, number] | undefined;
    const events = await runCollecting(async function main() {
      const t = createTask(worker(0), { name: "w" });
      named = [coroName(t), taskId(t)];
      await t;
    });
    const created = events.find((e) => e.type === "task-created" && e.name === "w");
    expect(created).toMatchObject({ coro: named?.[0], task: named?.[1] });
  });

  it("are not part of the public API", () => {
    for (const name of ["cancelForUser", "throwInto", "coroName", "taskId", "ensureFutureBy"]) {
      expect(Object.keys(api)).not.toContain(name);
    }
  });
});

describe("ensureFuture", () => {
  it("wraps a coroutine in a task made as createTask makes it", async () => {
    const events = await runCollecting(async function main() {
      expect(await ensureFuture(worker(0))).toBe(0);
    });
    expect(events.find((e) => e.type === "task-created" && e.coro === "worker")).toMatchObject({ by: "task" });
  });
});
