/**
 * Claims: statements about a run that its events make true or false. Every
 * answer the quiz offers carries one, so "right" and "wrong" are computed from
 * the run, never written by hand: the right answer's claim holds, every
 * distractor's claim does not. The same check runs against an independent run
 * in the tests (and against CPython's run of a program's twin).
 *
 * A claim also names its witness: the event that settles it (the one the
 * dashboard pauses at and highlights when it answers a question).
 */
import type { CancelCause, NumberedEvent, Outcome } from "../runtime/runtime-events.js";
import { eventTask, type RunRecord, TaskIndex, type TaskRef } from "./record.js";

/** What happens to a task: the first of these about it after a point of the run. */
export type Fate =
  /** It is asked to cancel (by one of `causes`, if given). */
  | { kind: "requested"; causes?: readonly CancelCause[]; time?: number }
  /** CancelledError is raised inside it, at the await it is parked on. */
  | { kind: "delivered"; time?: number }
  /** An error is thrown into it at its await (the `x` key). */
  | { kind: "injected"; time?: number }
  /** It runs again (what it awaited completed). */
  | { kind: "resumes"; time?: number }
  /** It ends; `outcome` etc. narrow how. */
  | { kind: "ends"; outcome?: Outcome; swallowed?: boolean; value?: string; time?: number };

/** A point of the run: an event's seq, or the first event of a kind about a task. */
export type Anchor =
  | number
  | { event: "created" | "suspend" | "requested" | "delivered" | "done"; task: TaskRef }
  | { event: "interrupt" };

export type Claim =
  /** The first thing that happens to `task` after `after` (cancel request, delivery, injection, step, end). */
  | { kind: "next"; task: TaskRef; after: Anchor; fate: Fate }
  /** How `task` ends. */
  | { kind: "ends"; task: TaskRef; outcome: Outcome; swallowed?: boolean; value?: string; time?: number }
  /** The program prints this line (or a line starting with it). */
  | { kind: "printed"; text: string; prefix?: boolean }
  /** The program exits with this status. */
  | { kind: "exit"; status: number }
  /** After `after`, `task` runs again before `other` ends (or `other` never ends). */
  | { kind: "resumes-before"; task: TaskRef; after: Anchor; other: TaskRef }
  | { kind: "all"; claims: readonly Claim[] }
  | { kind: "not"; claim: Claim };

export interface Verdict {
  holds: boolean;
  /** The event that settles the claim (for a claim about something absent: none). */
  witness: number | undefined;
}

/** Events whose timing the quiz compares: a virtual clock gives exact times, but sums of floats may differ in the last bit. */
const sameTime = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** Whether `claim` holds in `record`, and the event that shows it. */
export function evaluate(claim: Claim, record: RunRecord): Verdict {
  return new Checker(record).check(claim);
}

/** Shorthand: does `claim` hold in `record`? */
export function holds(claim: Claim, record: RunRecord): boolean {
  return evaluate(claim, record).holds;
}

class Checker {
  private readonly tasks: TaskIndex;
  private readonly events: readonly NumberedEvent[];

  constructor(private readonly record: RunRecord) {
    this.events = record.events;
    this.tasks = new TaskIndex(record.events);
  }

  check(claim: Claim): Verdict {
    switch (claim.kind) {
      case "next":
        return this.next(claim.task, claim.after, claim.fate);
      case "ends": {
        const id = this.tasks.find(claim.task)?.id;
        const done = this.events.find((e) => e.type === "task-done" && e.task === id);
        if (done === undefined || done.type !== "task-done") return no();
        return verdict(matchesEnd(done, claim), done.seq);
      }
      case "printed": {
        const line = this.events.find(
          (e) => e.type === "print" && (claim.prefix ? e.text.startsWith(claim.text) : e.text === claim.text),
        );
        return verdict(line !== undefined, line?.seq);
      }
      case "exit": {
        const end = this.events.findLast((e) => e.type === "run-end");
        return verdict(this.record.status === claim.status, end?.seq);
      }
      case "resumes-before": {
        const from = this.anchor(claim.after);
        const id = this.tasks.find(claim.task)?.id;
        const other = this.tasks.find(claim.other)?.id;
        if (from === undefined || id === undefined || other === undefined) return no();
        const step = this.events.find((e) => e.seq > from && e.type === "step" && e.task === id);
        if (step === undefined) return no();
        const otherDone = this.events.find((e) => e.type === "task-done" && e.task === other);
        return verdict(otherDone === undefined || step.seq < otherDone.seq, step.seq);
      }
      case "all": {
        let witness: number | undefined;
        for (const part of claim.claims) {
          const v = this.check(part);
          if (!v.holds) return no();
          if (v.witness !== undefined) witness = Math.max(witness ?? 0, v.witness);
        }
        return verdict(true, witness);
      }
      case "not":
        return verdict(!this.check(claim.claim).holds, undefined);
    }
  }

  private anchor(anchor: Anchor): number | undefined {
    return anchorOf(this.events, anchor, this.tasks);
  }

  private next(ref: TaskRef, after: Anchor, fate: Fate): Verdict {
    const from = this.anchor(after);
    const id = this.tasks.find(ref)?.id;
    if (from === undefined || id === undefined) return no();
    const first = this.events.find((e) => e.seq > from && eventTask(e) === id && FATE_TYPES.has(e.type));
    if (first === undefined) return no();
    return verdict(matchesFate(first, fate), first.seq);
  }
}

/** The seq an anchor stands for in `events`, or undefined if they have no such event (yet). */
export function anchorOf(
  events: readonly NumberedEvent[],
  anchor: Anchor,
  tasks: TaskIndex = new TaskIndex(events),
): number | undefined {
  if (typeof anchor === "number") return anchor;
  if (anchor.event === "interrupt") return events.find((e) => e.type === "interrupt")?.seq;
  const id = tasks.find(anchor.task)?.id;
  if (id === undefined) return undefined;
  const type = ANCHOR_TYPES[anchor.event];
  return events.find((e) => e.type === type && eventTask(e) === id)?.seq;
}

const ANCHOR_TYPES = {
  created: "task-created",
  suspend: "suspend",
  requested: "cancel-requested",
  delivered: "cancel-delivered",
  done: "task-done",
} as const;

/** The events that count as something happening to a task. */
const FATE_TYPES = new Set<NumberedEvent["type"]>([
  "cancel-requested",
  "cancel-delivered",
  "exception-injected",
  "step",
  "task-done",
]);

function matchesFate(event: NumberedEvent, fate: Fate): boolean {
  if (fate.time !== undefined && !sameTime(event.time, fate.time)) return false;
  switch (fate.kind) {
    case "requested":
      return event.type === "cancel-requested" && (fate.causes === undefined || fate.causes.includes(event.cause));
    case "delivered":
      return event.type === "cancel-delivered";
    case "injected":
      return event.type === "exception-injected";
    case "resumes":
      return event.type === "step";
    case "ends":
      return event.type === "task-done" && matchesEnd(event, fate);
  }
}

function matchesEnd(
  done: Extract<NumberedEvent, { type: "task-done" }>,
  want: { outcome?: Outcome; swallowed?: boolean; value?: string; time?: number },
): boolean {
  if (want.outcome !== undefined && done.outcome !== want.outcome) return false;
  if (want.swallowed !== undefined && done.swallowed !== want.swallowed) return false;
  if (want.value !== undefined && done.value !== want.value) return false;
  if (want.time !== undefined && !sameTime(done.time, want.time)) return false;
  return true;
}

const verdict = (holds: boolean, witness: number | undefined): Verdict => ({ holds, witness });
const no = (): Verdict => ({ holds: false, witness: undefined });
