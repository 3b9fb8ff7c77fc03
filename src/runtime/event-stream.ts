/**
 * The run's numbered event stream (the types are in runtime-events.ts): every
 * event gets the next `seq` and the loop time, and goes to the one listener.
 *
 * Nobody listens in most runs (`--quiet`, a benchmark, a library user), and
 * building an event there would be most of a step's cost: a 100,000-task
 * gather makes half a million of them. So each event whose payload costs
 * something (a repr, an Awaiting, a list) has its own method here, taking the
 * raw objects: it counts the event, and builds it only if someone listens.
 * Counting and emitting are one statement apart in one method, so the count
 * cannot drift from the events (a test compares them over random programs):
 * `seq` and `eventCount` are positions that a session replays to, with or
 * without a listener. The one warning that depends on wall time (a blocked
 * step) is heard without a number.
 */
import type { Clock } from "./clock.js";
import { CancelledError } from "./errors.js";
import { repr, str } from "./format.js";
import type { Future } from "./future.js";
import type {
  Awaiting,
  CancelCause,
  CreatedBy,
  EventInput,
  EventListener,
  Outcome,
  RuntimeEvent,
  WarningKind,
} from "./runtime-events.js";
import type { Task } from "./task.js";

/** What a task parked by `sleep(0)` awaits, shared by every such event (events are read-only). */
const YIELD_AWAITING: Awaiting = Object.freeze({ text: "sleep 0 (yield)", kind: "yield" });

export class EventStream {
  /** Events emitted so far, listened to or not: the last one's `seq`. */
  count = 0;
  listener: EventListener | undefined = undefined;

  constructor(private readonly clock: Clock) {}

  /** Number, stamp and deliver an event that is cheap to build (callers pass a new literal). */
  emit(event: EventInput): void {
    this.count++;
    if (this.listener !== undefined) this.deliver(event);
  }

  private deliver(event: EventInput): void {
    // Stamped in place, not spread into a copy: copying was most of the cost of listening.
    const stamped = event as RuntimeEvent;
    stamped.seq = this.count;
    stamped.time = this.clock.now();
    (this.listener as EventListener)(stamped);
  }

  // ------------------------------------------------ events built only when listened to

  taskCreated(task: Task<unknown>, parent: Task<unknown> | null, by: CreatedBy): void {
    this.count++;
    if (this.listener === undefined) return;
    this.deliver({
      type: "task-created",
      task: task._id,
      name: task._name,
      coro: task._coro._name,
      parent: parent?._id ?? null,
      by,
    });
  }

  taskRenamed(task: Task<unknown>): void {
    this.count++;
    if (this.listener !== undefined) this.deliver({ type: "task-renamed", task: task._id, name: task._name });
  }

  step(task: Task<unknown>): void {
    this.count++;
    if (this.listener !== undefined) this.deliver({ type: "step", task: task._id });
  }

  /** The task parked on `fut`, or (null) gave up control for one iteration with `sleep(0)`. */
  suspend(task: Task<unknown>, fut: Future<unknown> | null): void {
    this.count++;
    if (this.listener === undefined) return;
    this.deliver({ type: "suspend", task: task._id, awaiting: fut === null ? YIELD_AWAITING : fut._describe() });
  }

  cancelRequested(task: Task<unknown>, cause: CancelCause, by: number | null, msg: unknown): void {
    this.count++;
    if (this.listener === undefined) return;
    this.deliver({
      type: "cancel-requested",
      task: task._id,
      cause,
      by,
      msg: msg == null ? null : str(msg),
      cancelling: task._numCancelsRequested,
    });
  }

  cancelDelivered(task: Task<unknown>, error: unknown): void {
    this.count++;
    if (this.listener !== undefined) this.deliver({ type: "cancel-delivered", task: task._id, error: repr(error) });
  }

  uncancel(task: Task<unknown>): void {
    this.count++;
    if (this.listener !== undefined) {
      this.deliver({ type: "uncancel", task: task._id, cancelling: task._numCancelsRequested });
    }
  }

  /** `value`: the result, the exception, or (cancelled) the CancelledError or its message. */
  taskDone(task: Task<unknown>, outcome: Outcome, value: unknown): void {
    this.count++;
    if (this.listener === undefined) return;
    this.deliver({
      type: "task-done",
      task: task._id,
      outcome,
      value:
        outcome === "cancelled" && !(value instanceof CancelledError)
          ? repr(new CancelledError(value as string))
          : repr(value),
      // Cancellation requested and still outstanding, yet the task did not end cancelled.
      swallowed: outcome === "result" && task._numCancelsRequested > 0,
    });
  }

  print(task: Task<unknown> | null, text: string): void {
    this.count++;
    if (this.listener !== undefined) this.deliver({ type: "print", task: task?._id ?? null, text });
  }

  warning(kind: Exclude<WarningKind, "blocked-step">, text: string, task: Task<unknown> | null): void {
    this.count++;
    if (this.listener !== undefined) this.deliver({ type: "warning", kind, task: task?._id ?? null, text });
  }

  shutdown(tasks: readonly Task<unknown>[]): void {
    this.count++;
    if (this.listener !== undefined) this.deliver({ type: "shutdown", tasks: tasks.map((t) => t._id) });
  }

  /**
   * A step held the loop too long (wall time): heard, but not numbered nor
   * counted, so every other event keeps the position it has in any run of the
   * program (see BlockedStepWarning).
   */
  blockedStep(task: Task<unknown>, text: string): void {
    const listener = this.listener;
    if (listener !== undefined) {
      listener({ type: "warning", kind: "blocked-step", task: task._id, text, time: this.clock.now() });
    }
  }

  runEnd(outcome: Outcome, value: unknown): void {
    this.count++;
    if (this.listener !== undefined) this.deliver({ type: "run-end", outcome, value: repr(value) });
  }
}
