// Property tests: runtime invariants (one terminal state per task, gather order, nothing left after close, no
// unhandled rejection, gapless event numbering, determinism) over randomly generated task-tree programs.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CancelledError,
  coroutine,
  createTask,
  gather,
  Runner,
  type RuntimeEvent,
  repr,
  shield,
  sleep,
  type Task,
  taskGroup,
  timeout,
  ValueError,
  waitFor,
} from "../../src/index.js";

// ---------------------------------------------------------------- programs

/** A task body: its steps in order, then it returns its id or raises ValueError(id). */
interface Node {
  id: string;
  steps: Step[];
  raises: boolean;
  /** Catch a CancelledError that reaches the top of the body, and return. */
  swallowCancel: boolean;
  /** Carry on after a step raised something other than CancelledError. */
  catchErrors: boolean;
}

type Step =
  | { kind: "sleep"; d: number }
  | { kind: "cancel"; target: number; msg: string | undefined }
  | { kind: "awaitSpawned" }
  | { kind: "spawn"; child: Node }
  | { kind: "gather"; children: Node[]; returnExceptions: boolean }
  | { kind: "taskGroup"; children: Node[]; bodySleep: number }
  | { kind: "shield"; child: Node }
  | { kind: "waitFor"; child: Node; t: number | null }
  | { kind: "timeout"; child: Node; t: number | null };

type RawNode = Omit<Node, "id" | "steps"> & { steps: RawStep[] };
type RawStep = { kind: string; [k: string]: unknown };

const duration = fc.constantFrom(0, 0.001, 0.002, 0.003, 0.005, 0.008, 0.013);
const deadline = fc.constantFrom(null, 0, 0.002, 0.004, 0.01);

const leafStep: fc.Arbitrary<RawStep> = fc.oneof(
  fc.record({ kind: fc.constant("sleep"), d: duration }),
  fc.record({ kind: fc.constant("cancel"), target: fc.nat(50), msg: fc.constantFrom(undefined, "m1", "m2") }),
  fc.constant({ kind: "awaitSpawned" }),
);

const rawNode: fc.Memo<RawNode> = fc.memo((n) => {
  const step: fc.Arbitrary<RawStep> = n <= 1 ? leafStep : compositeStep(n);
  return fc.record({
    steps: fc.array(step, { maxLength: 4 }),
    raises: fc.boolean(),
    swallowCancel: fc.boolean(),
    catchErrors: fc.boolean(),
  });
});

function compositeStep(n: number): fc.Arbitrary<RawStep> {
  const children = fc.array(rawNode(n - 1), { minLength: 1, maxLength: 3 });
  return fc.oneof(
    { weight: 3, arbitrary: leafStep },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("spawn"), child: rawNode(n - 1) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("gather"), children, returnExceptions: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("taskGroup"), children, bodySleep: duration }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("shield"), child: rawNode(n - 1) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("waitFor"), child: rawNode(n - 1), t: deadline }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("timeout"), child: rawNode(n - 1), t: deadline }) },
  );
}

/** Number the nodes n0, n1… in depth-first order, so return values are unique. */
function number(raw: RawNode): Node {
  let next = 0;
  const visit = (r: RawNode): Node => {
    const id = `n${next++}`;
    const steps = r.steps.map((s): Step => {
      const copy = { ...s } as Record<string, unknown>;
      if (s.child !== undefined) copy.child = visit(s.child as RawNode);
      if (s.children !== undefined) copy.children = (s.children as RawNode[]).map(visit);
      return copy as Step;
    });
    return { ...r, id, steps };
  };
  return visit(raw);
}

const program = rawNode(4).map(number);

// ---------------------------------------------------------------- interpreter

interface Ctx {
  /** Every task of the run, in creation order (collected from task-created events). */
  tasks: Task<unknown>[];
  /** What each node's body ended with. */
  outcomes: Map<string, { value: unknown } | { error: unknown }>;
  /** Gather-order violations seen by the program itself. */
  violations: string[];
  /** run() has returned: spawn nothing more (CPython's shutdown cancels only the tasks alive at that moment). */
  closing: boolean;
}

const node = coroutine(async function node(n: Node, ctx: Ctx): Promise<string> {
  try {
    const value = await body(n, ctx);
    ctx.outcomes.set(n.id, { value });
    return value;
  } catch (error) {
    ctx.outcomes.set(n.id, { error });
    throw error;
  }
});

async function body(n: Node, ctx: Ctx): Promise<string> {
  const spawned: Task<unknown>[] = [];
  try {
    for (const step of n.steps) {
      try {
        await runStep(step, ctx, spawned);
      } catch (error) {
        if (error instanceof CancelledError || !n.catchErrors) throw error;
      }
    }
    if (n.raises) throw new ValueError(n.id);
    return n.id;
  } catch (error) {
    if (error instanceof CancelledError && n.swallowCancel) return n.id;
    throw error;
  }
}

async function runStep(step: Step, ctx: Ctx, spawned: Task<unknown>[]): Promise<void> {
  switch (step.kind) {
    case "sleep":
      await sleep(step.d);
      return;
    case "cancel": {
      const target = ctx.tasks[step.target % ctx.tasks.length];
      target?.cancel(step.msg);
      return;
    }
    case "awaitSpawned": {
      const last = spawned[spawned.length - 1];
      if (last !== undefined) await last;
      return;
    }
  }
  if (ctx.closing) return;
  switch (step.kind) {
    case "spawn":
      spawned.push(createTask(node(step.child, ctx)));
      return;
    case "gather": {
      const results = await gather(...step.children.map((c) => node(c, ctx)), {
        returnExceptions: step.returnExceptions,
      });
      checkGatherOrder(step, results, ctx);
      return;
    }
    case "taskGroup":
      await taskGroup(async (tg) => {
        for (const c of step.children) tg.createTask(node(c, ctx));
        await sleep(step.bodySleep);
      });
      return;
    case "shield":
      await shield(node(step.child, ctx));
      return;
    case "waitFor":
      await waitFor(node(step.child, ctx), step.t);
      return;
    case "timeout":
      await timeout(step.t, async () => await node(step.child, ctx));
      return;
  }
}

/** results[i] must be what the i-th child ended with, whatever order they finished in. */
function checkGatherOrder(step: Extract<Step, { kind: "gather" }>, results: unknown[], ctx: Ctx): void {
  step.children.forEach((child, i) => {
    const got = results[i];
    const outcome = ctx.outcomes.get(child.id);
    if (step.returnExceptions) {
      if (got instanceof CancelledError) return;
      if (outcome !== undefined && "error" in outcome && got === outcome.error) return;
    }
    if (got === child.id && outcome !== undefined && "value" in outcome && outcome.value === child.id) return;
    ctx.violations.push(`gather(${step.children.map((c) => c.id)}) results[${i}] = ${repr(got)}`);
  });
}

// ---------------------------------------------------------------- running

interface RunRecord {
  events: RuntimeEvent[];
  ctx: Ctx;
  runner: Runner;
}

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});

/** Run `root` as main on a fresh Runner and close it; a run stuck for 2 s throws. */
async function execute(root: Node): Promise<RunRecord> {
  const events: RuntimeEvent[] = [];
  const ctx: Ctx = { tasks: [], outcomes: new Map(), violations: [], closing: false };
  let runner: Runner | undefined;
  runner = new Runner({
    output: () => {},
    errorOutput: () => {},
    onEvent: (e) => {
      events.push(e);
      if (e.type === "task-created" && runner !== undefined) {
        let created: Task<unknown> | undefined;
        for (const t of runner.loop._liveTasks) created = t; // the newest is last
        if (created !== undefined && created._id === e.task) ctx.tasks.push(created);
      }
    },
  });
  const r = runner;
  let watchdog: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    watchdog = setTimeout(() => reject(new Error("run stuck (2 s of wall time)")), 2000);
  });
  try {
    await Promise.race([r.run(node(root, ctx)).catch(() => undefined), stuck]);
    ctx.closing = true;
    await Promise.race([r.close(), stuck]);
  } finally {
    clearTimeout(watchdog);
  }
  // Let any stray rejection surface before the checks.
  await new Promise((resolve) => setImmediate(resolve));
  return { events, ctx, runner: r };
}

/** Every invariant of one run; returns the list of what broke. */
function violations({ events, ctx, runner }: RunRecord): string[] {
  const bad: string[] = [...ctx.violations];
  // seq is 1..n without gaps; time never decreases.
  events.forEach((e, i) => {
    if (e.seq !== i + 1) bad.push(`event #${i + 1} has seq ${e.seq}`);
    const prev = events[i - 1];
    if (prev !== undefined && e.time < prev.time) bad.push(`time went back at seq ${e.seq}: ${prev.time} -> ${e.time}`);
  });
  // Exactly one task-done per task-created.
  const created = events.filter((e) => e.type === "task-created").map((e) => e.task);
  const done = new Map<number, Extract<RuntimeEvent, { type: "task-done" }>[]>();
  for (const e of events) if (e.type === "task-done") done.set(e.task, [...(done.get(e.task) ?? []), e]);
  for (const id of created) {
    const n = done.get(id)?.length ?? 0;
    if (n !== 1) bad.push(`task ${id} has ${n} task-done events`);
  }
  for (const id of done.keys()) if (!created.includes(id)) bad.push(`task-done for unknown task ${id}`);
  // Every task object is done, in exactly the state its task-done event announced.
  if (ctx.tasks.length !== created.length) bad.push(`saw ${ctx.tasks.length} task objects for ${created.length} tasks`);
  for (const task of ctx.tasks) {
    const outcome = done.get(task._id)?.[0]?.outcome;
    if (!task.done()) {
      bad.push(`${task.getName()} is not done`);
      continue;
    }
    const state = stateOf(task);
    if (state !== outcome) bad.push(`${task.getName()} is ${state}, its task-done said ${outcome}`);
  }
  if (runner.loop._liveTasks.size !== 0) bad.push(`${runner.loop._liveTasks.size} live tasks after close()`);
  return bad;
}

/** result, exception or cancelled — checking that exactly one holds. */
function stateOf(task: Task<unknown>): string {
  if (task.cancelled()) {
    const raises = (f: () => unknown) => {
      try {
        f();
        return false;
      } catch (e) {
        return e instanceof CancelledError;
      }
    };
    return raises(() => task.result()) && raises(() => task.exception()) ? "cancelled" : "cancelled but readable";
  }
  const exc = task.exception();
  if (exc !== undefined) {
    try {
      task.result();
      return "exception but result() returned";
    } catch (e) {
      return e === exc ? "exception" : "exception but result() threw another error";
    }
  }
  try {
    task.result();
    return "result";
  } catch {
    return "result but result() threw";
  }
}

/** Events as JSON, for comparing two runs. */
const stream = (events: RuntimeEvent[]) => events.map((e) => JSON.stringify(e));

describe("runtime invariants over random task-tree programs", () => {
  it("hold for every program, and the same program replays to the identical event stream", async () => {
    await fc.assert(
      fc.asyncProperty(program, async (root) => {
        unhandled = [];
        const first = await execute(root);
        const second = await execute(root);
        const bad = violations(first);
        if (unhandled.length > 0) bad.push(`unhandled rejections: ${unhandled.map(repr).join(", ")}`);
        const a = stream(first.events);
        const b = stream(second.events);
        const at = a.findIndex((line, i) => line !== b[i]);
        if (at >= 0 || a.length !== b.length) bad.push(`runs differ at event ${at + 1}: ${a[at]} vs ${b[at]}`);
        expect(bad).toEqual([]);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
