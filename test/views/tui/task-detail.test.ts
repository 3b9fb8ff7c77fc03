// taskDetail(): the last column of a task row — what it awaits (countdown for sleeps) or how it ended and why.
import { describe, expect, it } from "vitest";
import type { RunState } from "../../../src/session/state.js";
import { taskDetail } from "../../../src/views/tui/task-detail.js";
import { finishedRun, fold } from "./fixtures.js";

const base = { name: "Task-1", coro: "worker", parent: null, by: "run" } as const;
const created = { type: "task-created", task: 1, ...base, time: 0 } as const;
const sleeping = [
  created,
  { type: "step", task: 1, time: 0 },
  { type: "suspend", task: 1, awaiting: { text: "sleep 1.0s", kind: "sleep", until: 1 }, time: 0 },
] as const;

const detail = (state: RunState, id: number, now = state.time) => taskDetail(state.tasks.get(id)!, state, now);
const byCoro = (state: RunState, coro: string) => [...state.tasks.values()].find((t) => t.coro === coro)!;

describe("taskDetail while the run goes on", () => {
  it("pending: queued, with a flag once a cancel was requested", () => {
    expect(detail(fold([created]), 1)).toBe("queued");
    const asked = fold([
      created,
      { type: "cancel-requested", task: 1, cause: "user", by: null, msg: null, cancelling: 1, time: 0 },
    ]);
    expect(detail(asked, 1)).toBe("queued ⚑ cancel requested");
  });

  it("running: its step", () => {
    expect(detail(fold([created, { type: "step", task: 1, time: 0 }]), 1)).toBe("running its step");
  });

  it("waiting on a sleep: a progress bar and a countdown", () => {
    const state = fold([...sleeping]);
    expect(detail(state, 1, 0)).toBe("sleep 1.0s ░░░░░ 1.00s left");
    expect(detail(state, 1, 0.4)).toBe("sleep 1.0s ██░░░ 0.60s left");
    expect(detail(state, 1, 1)).toBe("sleep 1.0s █████ 0.00s left");
  });

  it("waiting on a task: what it awaits; a pending cancel is flagged", () => {
    const state = fold([
      created,
      { type: "step", task: 1, time: 0 },
      { type: "suspend", task: 1, awaiting: { text: "Task-2", kind: "task", tasks: [2] }, time: 0 },
    ]);
    expect(detail(state, 1)).toBe("awaits Task-2");
    const asked = fold([
      created,
      { type: "step", task: 1, time: 0 },
      { type: "suspend", task: 1, awaiting: { text: "Task-2", kind: "task", tasks: [2] }, time: 0 },
      { type: "cancel-requested", task: 1, cause: "user", by: null, msg: null, cancelling: 1, time: 0 },
    ]);
    expect(detail(asked, 1)).toBe("awaits Task-2 ⚑ cancel requested");
  });

  it("a cancel taken back (uncancel: cancelling() is 0 again) is no longer flagged", () => {
    const state = fold([
      created,
      { type: "step", task: 1, time: 0 },
      { type: "suspend", task: 1, awaiting: { text: "Task-2", kind: "task", tasks: [2] }, time: 0 },
      { type: "cancel-requested", task: 1, cause: "timeout", by: null, msg: null, cancelling: 1, time: 1 },
      { type: "step", task: 1, time: 1 },
      { type: "uncancel", task: 1, cancelling: 0, time: 1 },
      { type: "suspend", task: 1, awaiting: { text: "Task-3", kind: "task", tasks: [3] }, time: 1 },
    ]);
    expect(detail(state, 1)).toBe("awaits Task-3");
  });

  it("cancelling: the cleanup it awaits, with its countdown", () => {
    const state = fold([
      ...sleeping,
      { type: "cancel-requested", task: 1, cause: "user", by: null, msg: null, cancelling: 1, time: 0.5 },
      { type: "cancel-delivered", task: 1, error: "CancelledError()", time: 0.5 },
      { type: "suspend", task: 1, awaiting: { text: "sleep 2.0s", kind: "sleep", until: 2.5 }, time: 0.5 },
    ]);
    expect(state.tasks.get(1)!.state).toBe("cancelling");
    expect(detail(state, 1, 0.9)).toBe("cleanup: sleep 2.0s █░░░░ 1.60s left");
  });
});

describe("taskDetail after the end (real runs)", () => {
  it("done: the result", async () => {
    const { snapshot } = await finishedRun("gather");
    expect(detail(snapshot.state, byCoro(snapshot.state, "fetch_data").id)).toBe("→ 'Data fetched'");
  });

  it("failed: the exception", async () => {
    const { snapshot } = await finishedRun("exceptions");
    expect(detail(snapshot.state, byCoro(snapshot.state, "task_that_fails").id)).toBe("raised Exception('Task error')");
  });

  it("cancelled: who cancelled it (task.cancel() from main)", async () => {
    const { snapshot } = await finishedRun("cancel-reraise");
    expect(detail(snapshot.state, byCoro(snapshot.state, "long_running_task").id)).toBe(
      "main (Task-1) called cancel()",
    );
  });

  it("cancelled by Ctrl-C: forwarded from main", async () => {
    const { snapshot } = await finishedRun("shutdown", { interruptAt: 0.5 });
    expect(detail(snapshot.state, byCoro(snapshot.state, "fetch_data").id)).toBe(
      "forwarded from main (Task-1), which awaits it",
    );
    expect(detail(snapshot.state, byCoro(snapshot.state, "main").id)).toBe(
      "swallowed the cancel (Ctrl-C: run() cancels the main task) → None",
    );
  });

  it("swallowed: the tutorial's long_running_task catches the cancel and returns None", async () => {
    const { snapshot } = await finishedRun("cancel");
    expect(detail(snapshot.state, byCoro(snapshot.state, "long_running_task").id)).toBe(
      "swallowed the cancel (main (Task-1) called cancel()) → None",
    );
    const byUser = await finishedRun("cancel", { cancels: [{ target: "long_running_task", at: 0.5 }] });
    expect(detail(byUser.snapshot.state, byCoro(byUser.snapshot.state, "long_running_task").id)).toBe(
      "swallowed the cancel (you asked for it) → None",
    );
  });

  it("a cancelled task with no cancel request: the CancelledError escaped it", () => {
    const state = fold([
      ...sleeping,
      { type: "step", task: 1, time: 1 },
      { type: "task-done", task: 1, outcome: "cancelled", value: "CancelledError()", swallowed: false, time: 1 },
    ]);
    expect(detail(state, 1)).toBe("CancelledError escaped it");
  });

  // CPython: a task swallowed a cancellation only if it was cancel()ed and its request is still outstanding
  // (task.cancelling() > 0) when it returns normally.
  it("cancel-reraise: main was never cancelled — catching the CancelledError of `await task` is not swallowing", async () => {
    const { snapshot } = await finishedRun("cancel-reraise");
    const main = byCoro(snapshot.state, "main");
    expect(main.cancelRequests).toEqual([]);
    expect(detail(snapshot.state, main.id)).toBe("→ None");
  });

  it("timeout: the timeout block took its own cancel back (uncancel) — main did not swallow it", async () => {
    const { snapshot } = await finishedRun("timeout");
    const main = byCoro(snapshot.state, "main");
    expect(main.cancelling).toBe(0);
    expect(detail(snapshot.state, main.id)).toBe("→ None");
  });
});
