/**
 * The types of the run's event stream (not asyncio's `events` module: the loop
 * itself is in loop.ts). What the runtime reports as it runs. Every state
 * change is one event with a sequence number and the loop time; replaying the
 * stream rebuilds the full state at any event (the dashboard steps backwards
 * that way). Values are carried as Python reprs, so events are plain JSON.
 *
 * Emission (event-stream.ts) is cheap when nobody listens: the loop counts
 * events but builds no objects without a listener.
 */

/** Who made a task: a task's own `createTask`, or a helper that wraps coroutines in tasks. */
export type CreatedBy =
  | "run"
  | "task"
  | "gather"
  | "taskGroup"
  | "shield"
  | "waitFor"
  | "wait"
  | "asCompleted"
  | "loop";

/** Why a task was asked to cancel. */
export type CancelCause =
  | "user" // a session command (a key press, `--cancel`)
  | "task" // code running in another task (or the task itself) called cancel()
  | "callback" // a loop callback (callLater, a done-callback) called cancel()
  | "parent" // forwarded: the task awaiting this one was cancelled
  | "gather" // gather's cancel() cancelling its children
  | "taskGroup" // a TaskGroup aborting: a sibling failed, the body raised, or the parent was cancelled
  | "timeout" // a timeout() block or waitFor expired
  | "interrupt" // Ctrl-C: the runner cancels the main task
  | "shutdown"; // run() cancelling leftover tasks at the end

/** What a suspended task is waiting for. */
export interface Awaiting {
  /** Short text for a view: `sleep 1.0s`, `Task-3`, `gather of 3`, `shield(Task-2)`. */
  text: string;
  /** `sync`: an asyncio synchronisation primitive or queue (`Lock.acquire()`, `Event.wait()`, `Queue.get()`…). */
  kind: "sleep" | "yield" | "task" | "gather" | "shield" | "future" | "taskGroup" | "wait" | "promise" | "sync";
  /** Loop time at which a sleep ends. */
  until?: number;
  /** Ids of the tasks whose completion this wait depends on. */
  tasks?: number[];
}

export type Outcome = "result" | "exception" | "cancelled";

export type WarningKind =
  | "never-retrieved"
  | "never-awaited"
  | "blocked-step"
  | "foreign-await"
  | "callback-error"
  | "shutdown-error"
  | "deadlock"
  /** CPython only (the probe): a Python warning, or an asyncio error report with no kind above. */
  | "python";

interface Base {
  /** 1, 2, 3… in emission order: the event's position in the run, the same in every run of the program. */
  seq: number;
  /** Loop time in seconds. */
  time: number;
}

/** The events of the numbered stream: deterministic, each with its `seq`. */
export type NumberedEvent =
  | (Base & { type: "run-start"; clock: "virtual" | "real" })
  | (Base & {
      type: "task-created";
      task: number;
      name: string;
      coro: string;
      parent: number | null;
      by: CreatedBy;
    })
  | (Base & { type: "task-renamed"; task: number; name: string })
  /** The task runs: its first step, or a resumption after what it awaited. */
  | (Base & { type: "step"; task: number })
  | (Base & { type: "suspend"; task: number; awaiting: Awaiting })
  | (Base & {
      type: "cancel-requested";
      task: number;
      cause: CancelCause;
      /** The task whose code asked for it, when there is one. */
      by: number | null;
      msg: string | null;
      cancelling: number;
    })
  /** CancelledError thrown into the task at the await it was parked on. */
  | (Base & { type: "cancel-delivered"; task: number; error: string })
  | (Base & { type: "uncancel"; task: number; cancelling: number })
  /** A session command threw an error into the task at the await it is parked on. */
  | (Base & { type: "exception-injected"; task: number; error: string })
  | (Base & {
      type: "task-done";
      task: number;
      outcome: Outcome;
      /** repr of the result, the exception, or the CancelledError. */
      value: string;
      /** The task was asked to cancel (cancelling() > 0) and returned a result anyway: it swallowed the CancelledError. */
      swallowed: boolean;
    })
  | (Base & { type: "print"; task: number | null; text: string })
  | (Base & { type: "warning"; kind: Exclude<WarningKind, "blocked-step">; task: number | null; text: string })
  | (Base & { type: "interrupt"; count: number })
  | (Base & { type: "shutdown"; tasks: number[] })
  | (Base & { type: "run-end"; outcome: Outcome; value: string });

/**
 * A step held the loop for more than 100 ms of wall time without awaiting.
 * Outside the numbered stream, so without `seq`: whether it happens depends on
 * the machine's speed and load, and two runs of one program (a replay) must
 * number every other event alike.
 */
export interface BlockedStepWarning {
  type: "warning";
  kind: "blocked-step";
  task: number;
  text: string;
  /** Loop time in seconds. */
  time: number;
  seq?: undefined;
}

/** Everything a listener hears: the numbered events, and the wall-time warning between them. */
export type RuntimeEvent = NumberedEvent | BlockedStepWarning;

export type RuntimeEventType = RuntimeEvent["type"];

/** A numbered event as the loop is asked to emit it: without `seq` and `time`, which the stream adds. */
export type EventInput = NumberedEvent extends infer E
  ? E extends NumberedEvent
    ? Omit<E, "seq" | "time">
    : never
  : never;

/** Receives every event of a run, synchronously, in order. */
export type EventListener = (event: RuntimeEvent) => void;
