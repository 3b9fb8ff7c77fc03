/**
 * The last column of a task's row: what it awaits (with a countdown for
 * sleeps), or how it ended and why — the cause of a cancellation included.
 */
import { describeCause } from "../../session/narrate.js";
import type { RunState, TaskView } from "../../session/state.js";
import { seconds } from "./text.js";

function bar(fraction: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return "█".repeat(filled) + "░".repeat(width - filled);
}

function causeOf(task: TaskView, state: RunState): string {
  const request = task.cancelRequests[0];
  if (request === undefined) return "";
  const by = request.by === null ? null : state.tasks.get(request.by);
  return describeCause(request.cause, by ? `${by.coro} (${by.name})` : null);
}

export function taskDetail(task: TaskView, state: RunState, now: number): string {
  // A request still outstanding (Task.cancelling() > 0): one a timeout or TaskGroup took back is not.
  const pendingCancel =
    task.cancelling > 0 && (task.state === "pending" || task.state === "waiting") ? " ⚑ cancel requested" : "";
  switch (task.state) {
    case "pending":
      return `queued${pendingCancel}`;
    case "running":
      return "running its step";
    case "waiting":
    case "cancelling": {
      const awaiting = task.awaiting;
      const lead = task.state === "cancelling" ? "cleanup: " : "";
      if (awaiting === null) return `${lead}…${pendingCancel}`;
      if (awaiting.until !== undefined) {
        const since = task.segments[task.segments.length - 1]?.from ?? now;
        const span = awaiting.until - since;
        const left = Math.max(0, awaiting.until - now);
        const progress = span > 0 ? (now - since) / span : 1;
        return `${lead}${awaiting.text} ${bar(progress, 5)} ${seconds(left)} left${pendingCancel}`;
      }
      return `${lead}awaits ${awaiting.text}${pendingCancel}`;
    }
    case "done": {
      const outcome = task.outcome;
      if (outcome === null) return "done";
      return outcome.swallowed
        ? `swallowed the cancel (${causeOf(task, state)}) → ${outcome.value}`
        : `→ ${outcome.value}`;
    }
    case "failed":
      return `raised ${task.outcome?.value ?? "?"}`;
    case "cancelled":
      return task.cancelRequests.length > 0 ? causeOf(task, state) : "CancelledError escaped it";
  }
}
