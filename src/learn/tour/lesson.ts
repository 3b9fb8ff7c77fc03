/**
 * One stop of the tour, made ready for a view: its question (claims checked
 * against the stop's run, so that which choice is right is the run's word, not
 * the tour's), the event that answers it, the corrected variant. Views — the
 * plain lesson and the dashboard — only present what this computes.
 */
import { evaluate } from "../claims.js";
import type { Question } from "../question.js";
import type { RunRecord } from "../record.js";
import { STOPS, type Stop } from "./stops.js";

export const INTRO = [
  "async-demo tour — the claims of a popular asyncio tutorial, one stop each:",
  "predict what happens, then watch the run; answer with the choice's number.",
];

/** `Stop 3/7 · cancelling a task — async-demo cancel` */
export function stopTitle(index: number): string {
  const stop = STOPS[index] as Stop;
  return `Stop ${index + 1}/${STOPS.length} · ${stop.topic} — async-demo ${stop.scenario}`;
}

/** `Stop 3/7 · cancelling a task`: the title of the stop's cards. */
export function stopCardTitle(index: number): string {
  return `Stop ${index + 1}/${STOPS.length} · ${STOPS[index]?.topic ?? ""}`;
}

/** The stop's prediction as a question (asked before the run: `at` 0), without its answer yet. */
export function stopQuestion(stop: Stop): Question {
  return {
    situation: `tour:${stop.scenario}`,
    rule: stop.rule,
    at: 0,
    answer: Number.POSITIVE_INFINITY,
    prompt: stop.question,
    choices: stop.choices,
    correct: stop.correct,
  };
}

export type Judged =
  | { ok: true; question: Question }
  /** The run settles none of the choices (a stop that needs Ctrl-C ran without it), or more than one. */
  | { ok: false; reason: string };

/** The stop's question with the answer this run gives: the only choice whose claim holds, and its witness. */
export function judge(stop: Stop, run: RunRecord): Judged {
  const holding = stop.choices.flatMap((c, i) => {
    const v = evaluate(c.claim, run);
    return v.holds ? [{ i, witness: v.witness }] : [];
  });
  const only = holding[0];
  if (holding.length !== 1 || only === undefined || only.witness === undefined) {
    const reason =
      stop.ctrlC !== undefined && !run.events.some((e) => e.type === "interrupt")
        ? "the run ended without Ctrl-C, so it does not answer the question"
        : `the run settles ${holding.length === 0 ? "none" : "more than one"} of the choices`;
    return { ok: false, reason };
  }
  if (only.i !== stop.correct) {
    // Only a run the learner changed (a key, a Ctrl-C) does this: the tour's tests check its own runs.
    return { ok: false, reason: `this run settles choice ${only.i + 1} instead: a key changed it` };
  }
  return { ok: true, question: { ...stopQuestion(stop), answer: only.witness } };
}

/** The stop after `index`, skipping those already done (a fix taken early from a verdict); -1 at the end. */
export function nextStop(index: number, done: ReadonlySet<number>): number {
  for (let i = index + 1; i < STOPS.length; i++) if (!done.has(i)) return i;
  return -1;
}

/** Index of the stop with the corrected variant of stop `index`, if it has one. */
export function fixOf(index: number): number | undefined {
  const fix = STOPS[index]?.fix;
  if (fix === undefined) return undefined;
  const i = STOPS.findIndex((s) => s.scenario === fix);
  return i < 0 ? undefined : i;
}
