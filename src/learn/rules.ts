/**
 * The rules the quiz teaches: the ones learners confuse (cancelled vs keeps
 * running, raises vs returns None, 0 vs 130). Each question belongs to one;
 * the verdict states it in two lines (each fits 76 cells: an 80-column box),
 * and the score at the end is broken down by rule.
 */
export type RuleId =
  | "gather-concurrent"
  | "returns"
  | "raises"
  | "cancelled"
  | "swallowed"
  | "cancel-request"
  | "forwarded"
  | "gather-siblings"
  | "gather-awaiter"
  | "taskgroup"
  | "shutdown-leftovers"
  | "exit-status";

export interface Rule {
  /** A few words for the per-rule summary. */
  name: string;
  /** The rule, in two lines. */
  lines: readonly [string, string];
}

export const RULES: Record<RuleId, Rule> = {
  "gather-concurrent": {
    name: "gather runs concurrently",
    lines: [
      "gather() runs its awaitables concurrently: two 1 s sleeps take 1 s.",
      "Its results come back in argument order, whatever order they finish in.",
    ],
  },
  returns: {
    name: "a task returns",
    lines: [
      "A task whose coroutine returns ends done; `await task` gives that value.",
      "Nothing cancels a task that nobody asked to cancel.",
    ],
  },
  raises: {
    name: "an exception ends a task",
    lines: [
      "An exception that escapes a task's coroutine ends the task with it;",
      "whoever awaits the task (or a gather of it) has it raised at the await.",
    ],
  },
  cancelled: {
    name: "cancelled vs swallowed",
    lines: [
      "A task ends cancelled only if CancelledError escapes its coroutine: then",
      "cancelled() is True and `await task` raises CancelledError in the awaiter.",
    ],
  },
  swallowed: {
    name: "cancelled vs swallowed",
    lines: [
      "A task that catches CancelledError and returns has swallowed the cancel:",
      "it ends done, cancelled() is False. `raise` in the except lets it through.",
    ],
  },
  "cancel-request": {
    name: "cancel() is a request",
    lines: [
      "task.cancel() only asks: CancelledError is raised in the task at its",
      "await as soon as the loop runs it, and its except/finally blocks run.",
    ],
  },
  forwarded: {
    name: "cancels go to what is awaited",
    lines: [
      "Cancelling a task that awaits another task or a gather cancels those too:",
      "the cancel goes to the innermost await first, then back up.",
    ],
  },
  "gather-siblings": {
    name: "gather cancels no sibling",
    lines: [
      "When a child of gather() raises, the awaiter gets the error at once, but",
      "gather() cancels none of the other children: they keep running.",
    ],
  },
  "gather-awaiter": {
    name: "gather raises at once",
    lines: [
      "gather() raises the first child's exception in its awaiter at once,",
      "without waiting for the other children to finish.",
    ],
  },
  taskgroup: {
    name: "TaskGroup cancels siblings",
    lines: [
      "When a child of a TaskGroup raises, the group cancels the other children,",
      "waits for them, then raises an ExceptionGroup out of `async with`.",
    ],
  },
  "shutdown-leftovers": {
    name: "asyncio.run cancels leftovers",
    lines: [
      "Tasks still running when main returns are cancelled by asyncio.run's",
      "shutdown, which then waits for them; until then nothing stops them.",
    ],
  },
  "exit-status": {
    name: "exit status",
    lines: [
      "Exit status 0 when main returns (even after a swallowed Ctrl-C), 1 when",
      "it raises, 130 when Ctrl-C leaves it cancelled (KeyboardInterrupt).",
    ],
  },
};
