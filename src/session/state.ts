/**
 * What is known about a run at some event: tasks (tree, state, what they
 * await, outcome, who cancelled them and why), prints and clock. Built only
 * by folding runtime events in order (`applyEvent`), so the state at any
 * event k is `events[0..k]` folded: that is how the dashboard steps back.
 */
import type { Awaiting, CancelCause, CreatedBy, Outcome, RuntimeEvent } from "../runtime/runtime-events.js";

/**
 * pending: created, first step not run yet · running: its step is executing ·
 * waiting: parked at an await · cancelling: a CancelledError was thrown in and
 * its handlers are running (cleanup) · done / failed / cancelled: finished.
 */
export type TaskState = "pending" | "running" | "waiting" | "cancelling" | "done" | "failed" | "cancelled";

export const TASK_STATES: readonly TaskState[] = [
  "pending",
  "running",
  "waiting",
  "cancelling",
  "done",
  "failed",
  "cancelled",
];

export interface CancelRequest {
  time: number;
  cause: CancelCause;
  by: number | null;
  msg: string | null;
}

/** A stretch of a task's life on the timeline (loop time). */
export interface Segment {
  from: number;
  to: number | null;
  kind: "pending" | "waiting" | "cancelling";
}

export interface TaskView {
  id: number;
  name: string;
  coro: string;
  parent: number | null;
  by: CreatedBy;
  children: number[];
  createdAt: number;
  state: TaskState;
  awaiting: Awaiting | null;
  /** Outstanding cancellation requests (Task.cancelling()). */
  cancelling: number;
  cancelRequests: CancelRequest[];
  steps: number;
  outcome: { kind: Outcome; value: string; swallowed: boolean; time: number } | null;
  injected: string | null;
  segments: Segment[];
}

export type Phase = "running" | "paused" | "shutting down" | "done";

export interface RunState {
  time: number;
  /** Tasks in creation order. */
  tasks: Map<number, TaskView>;
  /** Every line the scenario printed, in order. */
  prints: string[];
  counts: Record<TaskState, number>;
  interrupts: number;
  shuttingDown: boolean;
  ended: { outcome: Outcome; value: string } | null;
  /** Seq of the last event folded in. */
  seq: number;
}

export function emptyState(): RunState {
  return {
    time: 0,
    tasks: new Map(),
    prints: [],
    counts: { pending: 0, running: 0, waiting: 0, cancelling: 0, done: 0, failed: 0, cancelled: 0 },
    interrupts: 0,
    shuttingDown: false,
    ended: null,
    seq: 0,
  };
}

function setTaskState(state: RunState, task: TaskView, next: TaskState, time: number): void {
  if (task.state === next) return;
  state.counts[task.state]--;
  state.counts[next]++;
  task.state = next;
  const open = task.segments[task.segments.length - 1];
  if (open !== undefined && open.to === null) open.to = time;
  if (next === "pending" || next === "waiting" || next === "cancelling") {
    task.segments.push({ from: time, to: null, kind: next });
  }
}

/** Fold one event into the state (mutates it). */
export function applyEvent(state: RunState, event: RuntimeEvent): void {
  state.time = event.time;
  if (event.seq !== undefined) state.seq = event.seq; // a blocked-step warning has none
  const task = "task" in event && typeof event.task === "number" ? state.tasks.get(event.task) : undefined;
  switch (event.type) {
    case "task-created": {
      // run()'s own shutdown steps are housekeeping, not tasks of the scenario.
      if (event.by === "loop") break;
      const view: TaskView = {
        id: event.task,
        name: event.name,
        coro: event.coro,
        parent: event.parent,
        by: event.by,
        children: [],
        createdAt: event.time,
        state: "pending",
        awaiting: null,
        cancelling: 0,
        cancelRequests: [],
        steps: 0,
        outcome: null,
        injected: null,
        segments: [{ from: event.time, to: null, kind: "pending" }],
      };
      state.tasks.set(view.id, view);
      state.counts.pending++;
      if (event.parent !== null) state.tasks.get(event.parent)?.children.push(view.id);
      break;
    }
    case "task-renamed":
      if (task) task.name = event.name;
      break;
    case "step":
      if (task) {
        task.steps++;
        task.awaiting = null;
        setTaskState(state, task, task.state === "cancelling" ? "cancelling" : "running", event.time);
      }
      break;
    case "suspend":
      if (task) {
        task.awaiting = event.awaiting;
        // A task unwinding from a CancelledError stays "cancelling" while its cleanup awaits.
        setTaskState(state, task, task.state === "cancelling" ? "cancelling" : "waiting", event.time);
      }
      break;
    case "cancel-requested":
      if (task) {
        task.cancelling = event.cancelling;
        task.cancelRequests.push({ time: event.time, cause: event.cause, by: event.by, msg: event.msg });
      }
      break;
    case "cancel-delivered":
      if (task) setTaskState(state, task, "cancelling", event.time);
      break;
    case "uncancel":
      if (task) {
        task.cancelling = event.cancelling;
        // The canceller (a timeout block, a TaskGroup) took its request back: the task runs on normally.
        if (event.cancelling === 0 && task.state === "cancelling") setTaskState(state, task, "running", event.time);
      }
      break;
    case "exception-injected":
      if (task) task.injected = event.error;
      break;
    case "task-done":
      if (task) {
        task.awaiting = null;
        task.outcome = { kind: event.outcome, value: event.value, swallowed: event.swallowed, time: event.time };
        const end: TaskState =
          event.outcome === "result" ? "done" : event.outcome === "exception" ? "failed" : "cancelled";
        setTaskState(state, task, end, event.time);
      }
      break;
    case "print":
      state.prints.push(event.text);
      break;
    case "interrupt":
      state.interrupts = event.count;
      break;
    case "shutdown":
      state.shuttingDown = true;
      break;
    case "run-end":
      state.ended = { outcome: event.outcome, value: event.value };
      break;
    case "run-start":
    case "warning":
      break;
  }
}

/** The names used in narration: `fetch_data (Task-2)`. */
export function taskLabel(task: TaskView | undefined, fallbackId?: number | null): string {
  if (task === undefined) return fallbackId == null ? "?" : `task #${fallbackId}`;
  return `${task.coro} (${task.name})`;
}
