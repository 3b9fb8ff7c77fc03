/**
 * The tour's content: the tutorial's path in its order (gather; exceptions in
 * gather; cancelling a task; graceful shutdown), then the fixes. Each stop is
 * the tutorial's claim, a prediction with 3–4 choices, the scenario that
 * answers it, and the verdict. Choices carry claims (claims.ts), so which one
 * is right is computed from the run — and test/learn/tour.test.ts checks every
 * stop against its scenario's events: a scenario change that makes an answer
 * wrong fails the suite.
 */
import type { ParamValue } from "../../session/params.js";
import type { Anchor, Claim } from "../claims.js";
import type { Choice } from "../question.js";
import type { RuleId } from "../rules.js";

export interface Stop {
  /** The scenario that answers it (`async-demo NAME`). */
  scenario: string;
  params?: Record<string, ParamValue>;
  /** A few words: the stop's topic. */
  topic: string;
  /** The tutorial's claim, one sentence, said to be the tutorial's. */
  claim: string;
  /** The prediction asked before the run. */
  question: string;
  choices: readonly Choice[];
  /** Index of the right choice (it is also computed from the run; the tests check they agree). */
  correct: number;
  rule: RuleId;
  /** The verdict's rule, in two lines. */
  verdict: readonly [string, string];
  /** Whether the tutorial's claim is right here (its first stop is). */
  tutorialRight: boolean;
  /** The stop (its scenario name) with the corrected variant, one key away from the verdict. */
  fix?: string;
  /**
   * The learner presses Ctrl-C: the dashboard pauses after `after` and asks for it (the scenario's Ctrl-C);
   * without a terminal the tour presses it for the learner at loop time `at`.
   */
  ctrlC?: { after: Anchor; at: number; prompt: string };
}

const MAIN_ALSO = "Main also noticed that the task was cancelled";

const next = (task: string, after: Anchor, fate: Extract<Claim, { kind: "next" }>["fate"]): Claim => ({
  kind: "next",
  task,
  after,
  fate,
});
const all = (...claims: Claim[]): Claim => ({ kind: "all", claims });
const not = (claim: Claim): Claim => ({ kind: "not", claim });

const gatherAwait: Anchor = { event: "suspend", task: "main" };
const failed: Anchor = { event: "done", task: "task_that_fails" };
const cancelAsked: Anchor = { event: "requested", task: "long_running_task" };
const tasksSleeping: Anchor = { event: "suspend", task: "long_running_task" };
const failedInGroup: Anchor = { event: "done", task: "task_that_fails#2" };

export const STOPS: readonly Stop[] = [
  {
    scenario: "gather",
    topic: "asyncio.gather()",
    claim: "The tutorial says: gather() runs coroutines concurrently and aggregates their results.",
    question: "fetch_data and process_data each sleep 1 s. When does main get the results from gather()?",
    choices: [
      {
        text: "at t=2.0: the two sleeps run one after the other",
        claim: next("main", gatherAwait, { kind: "resumes", time: 2 }),
      },
      {
        text: "at t=1.0, as ['Data fetched', 'Data processed']",
        claim: all(next("main", gatherAwait, { kind: "resumes", time: 1 }), {
          kind: "printed",
          text: "['Data fetched', 'Data processed']",
        }),
      },
      {
        text: "at t=0.0: gather() returns at once, the coroutines run later",
        claim: next("main", gatherAwait, { kind: "resumes", time: 0 }),
      },
    ],
    correct: 1,
    rule: "gather-concurrent",
    verdict: [
      "The tutorial is right here: gather() runs its coroutines concurrently,",
      "so two 1 s sleeps take 1 s, and the results come in argument order.",
    ],
    tutorialRight: true,
  },
  {
    scenario: "exceptions",
    topic: "exceptions in gather()",
    claim: "The tutorial says: catch gather()'s exception and the failure is handled — as if the gather stopped there.",
    question: "task_that_fails raises after 1 s while fetch_data still sleeps (2 s). What happens to fetch_data?",
    choices: [
      {
        text: "gather() cancels it as soon as task_that_fails raises",
        claim: next("fetch_data", failed, { kind: "requested", time: 1 }),
      },
      {
        text: "nothing stops it: it returns 'Data fetched' at t=2.0",
        claim: all(next("fetch_data", failed, { kind: "resumes" }), {
          kind: "ends",
          task: "fetch_data",
          outcome: "result",
          value: "'Data fetched'",
          time: 2,
        }),
      },
      {
        text: "it raises Exception('Task error') too",
        claim: { kind: "ends", task: "fetch_data", outcome: "exception" },
      },
      {
        text: "asyncio.run's shutdown cancels it when main returns",
        claim: next("fetch_data", failed, { kind: "requested", causes: ["shutdown"] }),
      },
    ],
    correct: 1,
    rule: "gather-siblings",
    verdict: [
      "gather() passes the first exception to main at once but cancels none of",
      "the other coroutines: fetch_data keeps running. TaskGroup cancels them.",
    ],
    tutorialRight: false,
    fix: "taskgroup",
  },
  {
    scenario: "cancel",
    topic: "cancelling a task",
    claim:
      'The tutorial says: after task.cancel(), `await task` raises CancelledError and main prints "Main also noticed…".',
    question: "long_running_task catches CancelledError and only prints. What does `await task` do in main?",
    choices: [
      {
        text: 'it raises CancelledError: main prints "Main also noticed…"',
        claim: { kind: "printed", text: MAIN_ALSO },
      },
      {
        text: "it returns None: the task swallowed the cancel and ended normally",
        claim: all(
          { kind: "ends", task: "long_running_task", outcome: "result", swallowed: true },
          { kind: "ends", task: "main", outcome: "result" },
          not({ kind: "printed", text: MAIN_ALSO }),
        ),
      },
      {
        text: "CancelledError escapes main too: main ends cancelled",
        claim: { kind: "ends", task: "main", outcome: "cancelled" },
      },
      {
        text: "it waits: the task sleeps its 10 s out first",
        claim: next("long_running_task", cancelAsked, { kind: "resumes" }),
      },
    ],
    correct: 1,
    rule: "swallowed",
    verdict: [
      "The task caught CancelledError and returned: it swallowed the cancel and",
      "ended normally, so `await task` returned None. `raise` lets it through.",
    ],
    tutorialRight: false,
    fix: "cancel-reraise",
  },
  {
    scenario: "shutdown",
    topic: "graceful shutdown",
    claim:
      'The tutorial says: on CancelledError, cancel every task, gather them, print "Cleaned up": a graceful shutdown.',
    question: "You press Ctrl-C while the three tasks sleep. With this recipe, what is the exit status?",
    choices: [
      { text: "130: Ctrl-C ends the program with KeyboardInterrupt", claim: { kind: "exit", status: 130 } },
      {
        text: "0: main swallows the CancelledError, asyncio.run returns normally",
        claim: all({ kind: "exit", status: 0 }, { kind: "ends", task: "main", outcome: "result", swallowed: true }),
      },
      { text: "1: the CancelledError escapes main with a traceback", claim: { kind: "exit", status: 1 } },
    ],
    correct: 1,
    rule: "exit-status",
    verdict: [
      "Ctrl-C cancelled main and, through gather, every task; main then swallowed",
      'the CancelledError after "Cleaned up": asyncio.run returned, exit 0.',
    ],
    tutorialRight: false,
    fix: "shutdown-reraise",
    ctrlC: {
      after: tasksSleeping,
      at: 0.5,
      prompt: "The three tasks are sleeping. Press Ctrl-C now (the program's Ctrl-C).",
    },
  },
  {
    scenario: "cancel-reraise",
    topic: "the fix: re-raise CancelledError",
    claim: "The tutorial's cancel example, fixed: long_running_task's except block now ends with `raise`.",
    question: "What does `await task` do in main now?",
    choices: [
      {
        text: "it returns None, as before",
        claim: all({ kind: "ends", task: "main", outcome: "result" }, not({ kind: "printed", text: MAIN_ALSO })),
      },
      {
        text: 'it raises CancelledError: main prints "Main also noticed…"',
        claim: all(
          { kind: "ends", task: "long_running_task", outcome: "cancelled" },
          { kind: "printed", text: MAIN_ALSO },
        ),
      },
      {
        text: "the task ignores the cancel and sleeps its 10 s out",
        claim: next("long_running_task", cancelAsked, { kind: "resumes" }),
      },
    ],
    correct: 1,
    rule: "cancelled",
    verdict: [
      "With `raise`, CancelledError escapes the task: it ends cancelled, and",
      "`await task` raises CancelledError in main, whose except block runs.",
    ],
    tutorialRight: false,
  },
  {
    scenario: "shutdown-reraise",
    topic: "the fix: re-raise after cleaning up",
    claim: 'The tutorial\'s shutdown recipe, fixed: `raise` after print("Cleaned up").',
    question: 'You press Ctrl-C again. Does "Cleaned up" print, and what is the exit status?',
    choices: [
      {
        text: '"Cleaned up" prints, then exit status 130 (KeyboardInterrupt)',
        claim: all(
          { kind: "printed", text: "Cleaned up" },
          { kind: "ends", task: "main", outcome: "cancelled" },
          { kind: "exit", status: 130 },
        ),
      },
      {
        text: "exit status 130 at once: the cleanup never runs",
        claim: all(not({ kind: "printed", text: "Cleaned up" }), { kind: "exit", status: 130 }),
      },
      {
        text: '"Cleaned up" prints, then exit status 0, as before',
        claim: all({ kind: "printed", text: "Cleaned up" }, { kind: "exit", status: 0 }),
      },
    ],
    correct: 0,
    rule: "exit-status",
    verdict: [
      "The cleanup runs as before; then main re-raises, ends cancelled, and",
      "asyncio.run turns that into KeyboardInterrupt: exit status 130.",
    ],
    tutorialRight: false,
    ctrlC: {
      after: tasksSleeping,
      at: 0.5,
      prompt: "The three tasks are sleeping. Press Ctrl-C now (the program's Ctrl-C).",
    },
  },
  {
    scenario: "taskgroup",
    topic: "the fix: TaskGroup",
    claim: "The tutorial stops at gather(); to stop the others when one fails, asyncio has TaskGroup.",
    question: "Under a TaskGroup, task_that_fails raises while fetch_data still sleeps. What happens to fetch_data?",
    choices: [
      {
        text: "nothing stops it, as under gather(): it finishes at t=4.5",
        claim: next("fetch_data#2", failedInGroup, { kind: "resumes" }),
      },
      {
        text: "the TaskGroup cancels it, waits for it, then raises ExceptionGroup",
        claim: all(
          next("fetch_data#2", failedInGroup, { kind: "requested", causes: ["taskGroup"] }),
          { kind: "ends", task: "fetch_data#2", outcome: "cancelled" },
          { kind: "printed", text: "TaskGroup: caught ExceptionGroup", prefix: true },
        ),
      },
      {
        text: "asyncio.run's shutdown cancels it after main returns",
        claim: next("fetch_data#2", failedInGroup, { kind: "requested", causes: ["shutdown"] }),
      },
    ],
    correct: 1,
    rule: "taskgroup",
    verdict: [
      "When a child of a TaskGroup raises, the group cancels the others, waits",
      "for them, and raises ExceptionGroup out of `async with`: nothing runs on.",
    ],
    tutorialRight: false,
  },
];
