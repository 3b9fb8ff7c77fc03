/**
 * Questions from a run: before each significant event — a task ending, a
 * CancelledError delivered, a cancel forwarded to an awaited task, a gather or
 * TaskGroup child failing while its siblings wait, the exit status — a
 * question about what happens next, with the choices learners confuse.
 *
 * The run is already known (the quiz reads it from a replay of the same
 * program), so the right answer is what the run did, and each distractor is
 * checked against the run with its claim: a distractor that holds is dropped,
 * and a question left with fewer than three choices, or whose right answer
 * its own claim does not confirm, is not asked. Nothing here guesses.
 */
import type { Awaiting, CancelCause, NumberedEvent } from "../runtime/runtime-events.js";
import { type Claim, evaluate, type Fate } from "./claims.js";
import type { Choice, Question } from "./question.js";
import { eventTask, type RunRecord, TaskIndex } from "./record.js";
import type { RuleId } from "./rules.js";
import { shortValue, waitText } from "./wording.js";

/** What the generator keeps about a task while it reads the events. */
interface Track {
  awaiting: Awaiting | undefined;
  suspendSeq: number;
  stepSeq: number;
  /** The last cancel request, until the task takes it back (uncancel to 0). */
  request: { seq: number; cause: CancelCause; by: number | null } | undefined;
  done: boolean;
}

/** A question before its right answer is confirmed and its choices ordered. */
interface Draft {
  situation: string;
  rule: RuleId;
  at: number;
  prompt: string;
  right: Choice;
  wrong: Choice[];
  /**
   * The right answer is one possibility among others the rule explains (a gather sibling runs on, or is
   * cancelled by the shutdown): the draft is simply not asked if the run did otherwise. Other drafts read
   * their answer from the run's own event, so their claim must hold.
   */
  alternative?: boolean;
}

export interface Generated {
  questions: Question[];
  /** Drafts whose right answer its claim did not confirm: a bug in the generator (the tests assert none). */
  inconsistent: string[];
}

const GATHER_CAUSES: readonly CancelCause[] = ["gather", "parent", "taskGroup"];

export function generateQuestions(record: RunRecord): Generated {
  const events = record.events;
  const tasks = new TaskIndex(events);
  const label = (id: number | null) => tasks.label(id);
  const tracks = new Map<number, Track>();
  const track = (id: number): Track => {
    let t = tracks.get(id);
    if (t === undefined) {
      t = { awaiting: undefined, suspendSeq: 0, stepSeq: 0, request: undefined, done: false };
      tracks.set(id, t);
    }
    return t;
  };
  const hidden = (id: number) => tasks.byId.get(id)?.by === "loop";
  const drafts: Draft[] = [];
  const interrupted = () => events.some((e) => e.type === "interrupt");

  for (const event of events) {
    const id = eventTask(event);
    if (id !== null && hidden(id)) continue;
    switch (event.type) {
      case "task-done": {
        const t = track(event.task);
        drafts.push(endDraft(event, t, handleStart(events, event.task, t, event.seq) - 1, label));
        if (event.outcome === "exception") drafts.push(...failureDrafts(event, tasks, tracks, label));
        break;
      }
      case "cancel-delivered": {
        const t = track(event.task);
        if (t.awaiting !== undefined && t.request !== undefined) {
          drafts.push(deliveryDraft(event, t.awaiting, t.request, label));
        }
        break;
      }
      case "cancel-requested": {
        const by = event.by === null ? undefined : tracks.get(event.by);
        if (event.cause === "parent" && event.by !== null && by?.request !== undefined) {
          drafts.push(forwardDraft(event, event.by, by, label));
        }
        break;
      }
      case "run-end":
        drafts.push(exitDraft(event, record.status, interrupted()));
        break;
    }
    // Then fold the event in.
    if (id === null) continue;
    const t = track(id);
    switch (event.type) {
      case "suspend":
        t.awaiting = event.awaiting;
        t.suspendSeq = event.seq;
        break;
      case "step":
        t.stepSeq = event.seq;
        break;
      case "cancel-requested":
        t.request = { seq: event.seq, cause: event.cause, by: event.by };
        break;
      case "uncancel":
        if (event.cancelling === 0) t.request = undefined;
        break;
      case "task-done":
        t.done = true;
        break;
    }
  }
  return finish(drafts, record);
}

/** Why a task was asked to cancel, in a few words (no parentheses: the task labels have them). */
function causeText(request: NonNullable<Track["request"]>, label: (id: number | null) => string): string {
  const by = request.by === null ? null : label(request.by);
  switch (request.cause) {
    case "user":
      return "you cancelled it";
    case "task":
      return by === null ? "a task called cancel()" : `${by} called cancel()`;
    case "callback":
      return "a callback called cancel()";
    case "parent":
      return by === null ? "forwarded from its awaiter" : `forwarded from ${by}`;
    case "gather":
      return "its gather() was cancelled";
    case "taskGroup":
      return "its TaskGroup is aborting";
    case "timeout":
      return "its timeout expired";
    case "interrupt":
      return "Ctrl-C";
    case "shutdown":
      return "asyncio.run's shutdown";
  }
}

/**
 * Where the task's last step began: the `step` after its last suspend, or the CancelledError (or injected
 * error) thrown in just before it. The question is asked before it, so that the step's own prints (the
 * except block's "Task was cancelled") do not give the answer away.
 */
function handleStart(events: readonly NumberedEvent[], task: number, t: Track, doneSeq: number): number {
  if (t.stepSeq === 0 || t.stepSeq < t.suspendSeq) return doneSeq;
  const before = events[t.stepSeq - 2];
  if (
    before !== undefined &&
    (before.type === "cancel-delivered" || before.type === "exception-injected") &&
    before.task === task
  ) {
    return before.seq;
  }
  return t.stepSeq;
}

type Done = Extract<NumberedEvent, { type: "task-done" }>;

function endDraft(event: Done, t: Track, at: number, label: (id: number | null) => string): Draft {
  const task = event.task;
  const ends = (outcome: Done["outcome"], more: { swallowed?: boolean; value?: string } = {}): Claim => ({
    kind: "ends",
    task,
    outcome,
    ...more,
  });
  const returns = (value?: string): Choice => ({
    text: value === undefined ? "it returns normally" : `it returns ${shortValue(value)}`,
    claim: ends("result", { swallowed: false, ...(value === undefined ? {} : { value }) }),
  });
  const swallows = (value?: string): Choice => ({
    text:
      value === undefined
        ? "it catches the CancelledError and returns"
        : `it catches the CancelledError and returns ${shortValue(value)}`,
    claim: ends("result", { swallowed: true, ...(value === undefined ? {} : { value }) }),
  });
  const raises = (value?: string): Choice => ({
    text: value === undefined ? "it raises an exception" : `it raises ${shortValue(value)}`,
    claim: ends("exception", value === undefined ? {} : { value }),
  });
  const cancelled: Choice = { text: "it ends cancelled: the CancelledError escapes it", claim: ends("cancelled") };

  const request = t.request;
  let rule: RuleId;
  let right: Choice;
  let wrong: Choice[];
  if (event.outcome === "cancelled") {
    rule = "cancelled";
    right = cancelled;
    wrong = [swallows(), raises()];
  } else if (event.outcome === "exception") {
    rule = "raises";
    right = raises(event.value);
    wrong = request === undefined ? [returns(), cancelled] : [cancelled, swallows()];
  } else if (event.swallowed) {
    rule = "swallowed";
    right = swallows(event.value);
    wrong = [cancelled, raises()];
  } else {
    rule = "returns";
    right = returns(event.value);
    wrong = [raises(), cancelled];
  }
  const waits = t.awaiting === undefined ? "" : `${label(task)} waits on ${waitText(t.awaiting)}`;
  const asked = request === undefined ? "" : `was asked to cancel — ${causeText(request, label)}`;
  const context =
    waits !== "" && asked !== ""
      ? `${waits} and ${asked}. `
      : waits !== ""
        ? `${waits}. `
        : asked !== ""
          ? `${label(task)} ${asked}. `
          : "";
  return {
    // Tasks ending alike at one instant for the same reason make one question.
    situation: `end:${rule}:${request?.cause ?? "-"}:${right.text}:${event.time}`,
    rule,
    at,
    prompt: `${context}How does ${context === "" ? label(task) : "it"} end?`,
    right,
    wrong,
  };
}

function deliveryDraft(
  event: Extract<NumberedEvent, { type: "cancel-delivered" }>,
  awaiting: Awaiting,
  request: NonNullable<Track["request"]>,
  label: (id: number | null) => string,
): Draft {
  const task = event.task;
  const next = (fate: Fate): Claim => ({ kind: "next", task, after: event.seq - 1, fate });
  return {
    situation: `delivery:${event.time}`,
    rule: "cancel-request",
    at: event.seq - 1,
    prompt: `${label(task)} was asked to cancel — ${causeText(request, label)} — while it waits on ${waitText(awaiting)}. What happens next to it?`,
    right: {
      text: "CancelledError is raised in it now, at that await",
      claim: next({ kind: "delivered", time: event.time }),
    },
    wrong: [
      {
        text: `nothing yet: the cancel waits until its ${waitText(awaiting)} is over`,
        claim: next({ kind: "resumes" }),
      },
      {
        text: "it ends cancelled at once, without running its except or finally",
        claim: next({ kind: "ends", outcome: "cancelled" }),
      },
    ],
  };
}

function forwardDraft(
  event: Extract<NumberedEvent, { type: "cancel-requested" }>,
  awaiter: number,
  awaiterTrack: Track,
  label: (id: number | null) => string,
): Draft {
  const task = event.task;
  const request = awaiterTrack.request as NonNullable<Track["request"]>;
  const next = (fate: Fate): Claim => ({ kind: "next", task, after: request.seq, fate });
  return {
    situation: `forward:${awaiter}:${request.seq}`,
    rule: "forwarded",
    at: request.seq,
    prompt: `${label(awaiter)} is asked to cancel while it awaits ${waitText(awaiterTrack.awaiting)}. What happens next to ${label(task)}?`,
    right: {
      text: "the cancel goes on to it: it is asked to cancel too",
      claim: next({ kind: "requested", causes: ["parent"] }),
    },
    wrong: [
      { text: `nothing: only ${label(awaiter)} is cancelled, it runs on`, claim: next({ kind: "resumes" }) },
      {
        text: "it is cancelled later, by asyncio.run's shutdown",
        claim: next({ kind: "requested", causes: ["shutdown"] }),
      },
    ],
  };
}

/** A child of a gather or TaskGroup failed: what happens to a sibling still waiting, and to the awaiter. */
function failureDrafts(
  event: Done,
  tasks: TaskIndex,
  tracks: Map<number, Track>,
  label: (id: number | null) => string,
): Draft[] {
  const parent = tasks.byId.get(event.task)?.parent ?? null;
  const parentTrack = parent === null ? undefined : tracks.get(parent);
  const group = parentTrack?.awaiting;
  if (parent === null || group === undefined || (group.kind !== "gather" && group.kind !== "taskGroup")) return [];
  if (!group.tasks?.includes(event.task)) return [];
  // One gather (or TaskGroup) await makes one situation, however many of its children fail.
  const where = `${parent}:${parentTrack?.suspendSeq}`;
  const sibling = group.tasks.find((id) => id !== event.task && tracks.get(id)?.done === false);
  if (sibling === undefined) return [];
  const siblingWaits = tracks.get(sibling)?.awaiting;
  const next = (task: number, fate: Fate): Claim => ({ kind: "next", task, after: event.seq, fate });
  const inside = group.kind === "gather" ? `inside ${group.text}` : "inside a TaskGroup";
  const prompt = `${label(event.task)} raised ${shortValue(event.value)} ${inside}; ${label(sibling)} still waits on ${waitText(siblingWaits)}.`;
  const runsOn: Choice = {
    text: `nothing cancels it: its ${waitText(siblingWaits)} goes on`,
    claim: next(sibling, { kind: "resumes" }),
  };
  const atShutdown: Choice = {
    text: "asyncio.run's shutdown cancels it, once main returns",
    claim: next(sibling, { kind: "requested", causes: ["shutdown"] }),
  };
  const drafts: Draft[] = [];
  if (group.kind === "taskGroup") {
    drafts.push({
      situation: `taskgroup:${where}`,
      rule: "taskgroup",
      at: event.seq,
      prompt: `${prompt} What happens next to ${label(sibling)}?`,
      right: {
        text: "the TaskGroup cancels it at once",
        claim: next(sibling, { kind: "requested", causes: ["taskGroup"], time: event.time }),
      },
      wrong: [runsOn, atShutdown],
      alternative: true,
    });
    return drafts;
  }
  const cancelsAtOnce: Choice = {
    text: "gather() cancels it at once",
    claim: next(sibling, { kind: "requested", causes: GATHER_CAUSES, time: event.time }),
  };
  // Only the answers the rule explains are asked (the question is dropped if the run did something else).
  const siblingsRight = (c: Choice) => c !== cancelsAtOnce;
  for (const right of [runsOn, atShutdown].filter(siblingsRight)) {
    drafts.push({
      situation: `gather-siblings:${where}`,
      rule: "gather-siblings",
      at: event.seq,
      prompt: `${prompt} What happens next to ${label(sibling)}?`,
      right,
      wrong: [cancelsAtOnce, right === runsOn ? atShutdown : runsOn],
      alternative: true,
    });
  }
  drafts.push({
    situation: `gather-awaiter:${where}`,
    rule: "gather-awaiter",
    at: event.seq,
    prompt: `${prompt} When does ${label(parent)}, awaiting the gather, get the error?`,
    right: {
      text: `now: it is raised at its await while ${label(sibling)} still runs`,
      claim: {
        kind: "all",
        claims: [
          next(parent, { kind: "resumes", time: event.time }),
          { kind: "resumes-before", task: parent, after: event.seq, other: sibling },
        ],
      },
    },
    wrong: [
      {
        text: `only once ${label(sibling)} has finished too`,
        claim: {
          kind: "all",
          claims: [
            next(parent, { kind: "resumes" }),
            { kind: "not", claim: { kind: "resumes-before", task: parent, after: event.seq, other: sibling } },
          ],
        },
      },
      { text: "never: it is cancelled instead", claim: next(parent, { kind: "requested" }) },
    ],
    alternative: true,
  });
  return drafts;
}

function exitDraft(event: Extract<NumberedEvent, { type: "run-end" }>, status: number, interrupted: boolean): Draft {
  const texts: Record<number, string> = {
    0: "0: asyncio.run returns normally",
    1: "1: asyncio.run raises main's exception (a traceback)",
    130: "130: asyncio.run raises KeyboardInterrupt",
    143: "143: SIGTERM, asyncio.run raises KeyboardInterrupt",
  };
  const choice = (s: number): Choice => ({
    text: texts[s] ?? `${s}`,
    claim: { kind: "exit", status: s },
  });
  const statuses = [0, 1, 130].filter((s) => s !== status);
  return {
    situation: "exit",
    rule: "exit-status",
    at: event.seq - 1,
    prompt: `main is done${interrupted ? " (after Ctrl-C)" : ""} and asyncio.run is about to return. With what status does the program exit?`,
    right: choice(status),
    wrong: statuses.map(choice),
  };
}

/** Confirm each draft against the run, drop what does not hold up, order the choices, sort by answer. */
function finish(drafts: Draft[], record: RunRecord): Generated {
  const questions: Question[] = [];
  const inconsistent: string[] = [];
  const seen = new Set<string>();
  for (const draft of drafts) {
    const right = evaluate(draft.right.claim, record);
    if (!right.holds || right.witness === undefined || right.witness <= draft.at) {
      if (!draft.alternative) inconsistent.push(`${draft.situation} at ${draft.at}: ${draft.right.text}`);
      continue;
    }
    const wrong = draft.wrong.filter((c) => !evaluate(c.claim, record).holds);
    if (wrong.length < 2) continue;
    if (seen.has(draft.situation)) continue;
    seen.add(draft.situation);
    const choices = shuffle([draft.right, ...wrong.slice(0, 3)], draft.at * 31 + draft.situation.length);
    questions.push({
      situation: draft.situation,
      rule: draft.rule,
      at: draft.at,
      answer: right.witness,
      prompt: draft.prompt,
      choices,
      correct: choices.indexOf(draft.right),
    });
  }
  // In the order the run answers them; a stable sort keeps drafts of one event in the order made.
  questions.sort((a, b) => a.answer - b.answer);
  return { questions, inconsistent };
}

/** A fixed permutation from a seed (the same run always asks the same way), so the right answer is not always 1. */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = (seed >>> 0) + 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = (s >>> 16) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
