/**
 * One plain sentence per runtime event, in asyncio's vocabulary, for the
 * narrated log (plain output and the dashboard's event log). Events that only
 * matter to a drawing (a step that just continues) narrate to undefined.
 */
import type { CancelCause, RuntimeEvent } from "../runtime/runtime-events.js";
import { type RunState, taskLabel } from "./state.js";

const CREATED_BY: Record<string, string> = {
  run: "run() (the main task)",
  task: "create_task",
  gather: "gather",
  taskGroup: "a TaskGroup",
  shield: "shield",
  waitFor: "wait_for",
  wait: "wait",
  asCompleted: "as_completed",
  loop: "the loop",
};

/** Why a task is being cancelled, as a reader would say it. */
export function describeCause(cause: CancelCause, by: string | null): string {
  switch (cause) {
    case "user":
      return "you asked for it";
    case "task":
      return by ? `${by} called cancel()` : "a task called cancel()";
    case "callback":
      return "a loop callback called cancel()";
    case "parent":
      return by ? `forwarded from ${by}, which awaits it` : "forwarded from the task awaiting it";
    case "gather":
      return by ? `gather cancelled its children (asked by ${by})` : "gather cancelled its children";
    case "taskGroup":
      return by ? `its TaskGroup is aborting (${by})` : "its TaskGroup is aborting";
    case "timeout":
      return "the timeout expired";
    case "interrupt":
      return "Ctrl-C: run() cancels the main task";
    case "shutdown":
      return "run() is shutting down: leftover tasks are cancelled";
  }
}

/** How the run ended, in one clause: what main did, and what run() made of it. */
export function describeEnd(state: RunState): string {
  const ended = state.ended;
  if (ended === null) return "the run was stopped before it ended";
  const main = [...state.tasks.values()].find((t) => t.by === "run");
  if (ended.outcome === "result") return `main returned ${ended.value}`;
  if (ended.value.startsWith("KeyboardInterrupt") && main?.state === "cancelled") {
    return "main ended cancelled by the interrupt, so run() raised KeyboardInterrupt";
  }
  if (ended.outcome === "cancelled") return "main ended cancelled: run() raised CancelledError";
  return `main raised ${ended.value}`;
}

/** `fetch_data (Task-2)` for a task id of `state`, or null for none. */
function labelIn(state: RunState, id: number | null | undefined): string | null {
  return id == null ? null : taskLabel(state.tasks.get(id), id);
}

/**
 * The log sentence for `event`, read against the state *before* it was applied. (No closure per call: the
 * build keeps function names, which wraps every closure made — half a million events made that show.)
 */
export function narrate(event: RuntimeEvent, state: RunState): string | undefined {
  switch (event.type) {
    case "run-start":
      return `run() starts the event loop (${event.clock === "virtual" ? "virtual clock" : "real clock"})`;
    case "task-created": {
      const who = labelIn(state, event.parent);
      const how = CREATED_BY[event.by] ?? event.by;
      return `${event.coro} (${event.name}) created${who ? ` by ${who}` : ""}${event.by === "task" || event.by === "run" ? "" : ` via ${how}`}`;
    }
    case "task-renamed":
      return `${labelIn(state, event.task)} renamed ${event.name}`;
    case "step": {
      const task = state.tasks.get(event.task);
      return task !== undefined && task.steps === 0 ? `${labelIn(state, event.task)} starts` : undefined;
    }
    case "suspend":
      return `${labelIn(state, event.task)} waits: ${event.awaiting.text}`;
    case "cancel-requested":
      return `cancel requested for ${labelIn(state, event.task)}: ${describeCause(event.cause, labelIn(state, event.by))}${event.msg !== null ? ` (msg ${JSON.stringify(event.msg)})` : ""}`;
    case "cancel-delivered":
      return `${event.error} raised in ${labelIn(state, event.task)} at its await`;
    case "uncancel":
      return `${labelIn(state, event.task)}.uncancel() → cancelling() = ${event.cancelling}`;
    case "exception-injected":
      return `${event.error} thrown into ${labelIn(state, event.task)} at its await`;
    case "task-done": {
      const who = labelIn(state, event.task);
      if (event.outcome === "cancelled") return `${who} cancelled`;
      if (event.outcome === "exception") return `${who} failed: ${event.value}`;
      if (event.swallowed)
        return `${who} caught the CancelledError and returned ${event.value}: the cancellation was swallowed`;
      return `${who} done → ${event.value}`;
    }
    case "print":
      return event.text;
    case "warning":
      return `warning: ${event.text}`;
    case "interrupt":
      return event.count === 1
        ? "Ctrl-C: run() cancels the main task"
        : `Ctrl-C again (${event.count}): KeyboardInterrupt is raised out of the loop`;
    case "shutdown":
      return `main is done; run() cancels ${event.tasks.length} leftover task${event.tasks.length === 1 ? "" : "s"} and waits for them`;
    case "run-end":
      return `run() returns: ${event.outcome === "result" ? event.value : event.outcome === "cancelled" ? "CancelledError" : event.value}`;
  }
}
