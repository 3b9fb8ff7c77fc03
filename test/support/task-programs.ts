// Random task-tree programs for the property tests (test/runtime/properties*.test.ts): a fast-check
// generator, an interpreter that runs one on a fresh Runner, and the invariants every run must keep.
// With `foreign`, programs also mix in plain promises the loop cannot see (Promise.race against a task,
// Promise.all over tasks, wrapPromise): CPython has no twin for those, so they are checked here only by
// the invariants. Not generated: then(cb) on a task after the body's synchronous part, which the loop
// cannot tell from the task's own await (README, Known differences; foreign.test.ts covers what works).
import fc from "fast-check";
import {
  CancelledError,
  type Coroutine,
  coroutine,
  createTask,
  currentTask,
  gather,
  getRunningLoop,
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
  wrapPromise,
} from "../../src/index.js";
import { immediate } from "./immediate.js";

// ---------------------------------------------------------------- programs

/** A task body: its steps in order, then it returns its id or raises ValueError(id). */
export interface Node {
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
  | { kind: "timeout"; child: Node; t: number | null }
  // Foreign steps: plain promises settled by turns of Node's event loop (`hops`), not by loop time.
  | { kind: "plain"; hops: number; rejects: boolean }
  | { kind: "wrap"; hops: number; rejects: boolean }
  | { kind: "raceSleep"; d: number; hops: number }
  | { kind: "allSpawned" };

type RawNode = Omit<Node, "id" | "steps"> & { steps: RawStep[] };
type RawStep = { kind: string; [k: string]: unknown };

const duration = fc.constantFrom(0, 0.001, 0.002, 0.003, 0.005, 0.008, 0.013);
const deadline = fc.constantFrom(null, 0, 0.002, 0.004, 0.01);
const hops = fc.integer({ min: 1, max: 3 });

const plainStep: fc.Arbitrary<RawStep> = fc.oneof(
  fc.record({ kind: fc.constant("plain"), hops, rejects: fc.boolean() }),
  fc.record({ kind: fc.constant("wrap"), hops, rejects: fc.boolean() }),
  fc.record({ kind: fc.constant("raceSleep"), d: duration, hops }),
  fc.constant({ kind: "allSpawned" }),
);

/**
 * Random programs, four levels deep. With `foreign`, one task's own steps also await plain promises (main's
 * or its first child's; the others' do not): when several tasks wait on plain promises at once the loop
 * cannot tell which one resumes (it warns and guesses), and a wrong guess can leave a task waiting forever.
 */
export function programs({ foreign }: { foreign: boolean }): fc.Arbitrary<Node> {
  const leafStep: fc.Arbitrary<RawStep> = fc.oneof(
    fc.record({ kind: fc.constant("sleep"), d: duration }),
    fc.record({ kind: fc.constant("cancel"), target: fc.nat(50), msg: fc.constantFrom(undefined, "m1", "m2") }),
    fc.constant({ kind: "awaitSpawned" }),
  );
  const rawNode: fc.Memo<RawNode> = fc.memo((n) => node(n <= 1 ? leafStep : compositeStep(n)));
  const node = (step: fc.Arbitrary<RawStep>): fc.Arbitrary<RawNode> =>
    fc.record({
      steps: fc.array(step, { maxLength: 4 }),
      raises: fc.boolean(),
      swallowCancel: fc.boolean(),
      catchErrors: fc.boolean(),
    });
  const compositeStep = (n: number): fc.Arbitrary<RawStep> => {
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
  };
  if (!foreign) return rawNode(4).map(number);
  // One task awaits plain promises: main, or a child main spawns first (which main may outlive).
  const withPlain = (n: number) =>
    node(fc.oneof({ weight: 2, arbitrary: compositeStep(n) }, { weight: 2, arbitrary: plainStep }));
  const inMain = withPlain(4);
  const inChild = fc
    .tuple(withPlain(3), rawNode(4))
    .map(([child, main]): RawNode => ({ ...main, steps: [{ kind: "spawn", child }, ...main.steps] }));
  return fc.oneof(inMain, inChild).map(number);
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

// ---------------------------------------------------------------- interpreter

interface Ctx {
  /** Every task of the run, in creation order. */
  tasks: Task<unknown>[];
  /** The node each coroutine made by `start` runs, to match a task with what its body did. */
  nodeOf: Map<Coroutine<unknown>, string>;
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

function start(n: Node, ctx: Ctx): Coroutine<string> {
  const coro = node(n, ctx);
  ctx.nodeOf.set(coro, n.id);
  return coro;
}

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
    case "plain":
      await immediate("plain", step.hops, step.rejects);
      return;
    case "wrap":
      await wrapPromise(immediate("wrap", step.hops, step.rejects));
      return;
    case "allSpawned":
      await Promise.all(spawned);
      return;
  }
  if (ctx.closing) return;
  switch (step.kind) {
    case "spawn":
      spawned.push(createTask(start(step.child, ctx)));
      return;
    case "raceSleep":
      // The classic timeout race, against a runtime task: whichever wins, the body goes on.
      await Promise.race([createTask(sleep(step.d)), immediate("race", step.hops)]);
      return;
    case "gather": {
      const results = await gather(...step.children.map((c) => start(c, ctx)), {
        returnExceptions: step.returnExceptions,
      });
      checkGatherOrder(step, results, ctx);
      return;
    }
    case "taskGroup":
      await taskGroup(async (tg) => {
        for (const c of step.children) tg.createTask(start(c, ctx));
        await sleep(step.bodySleep);
      });
      return;
    case "shield":
      await shield(start(step.child, ctx));
      return;
    case "waitFor":
      await waitFor(start(step.child, ctx), step.t);
      return;
    case "timeout":
      await timeout(step.t, async () => await start(step.child, ctx));
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

export interface RunRecord {
  events: RuntimeEvent[];
  ctx: Ctx;
  runner: Runner;
}

/**
 * Run `root` as main on a fresh Runner and close it; a run without progress for `stuckMs` throws. With
 * `listen: false` no event listener is attached (`events` stays empty): the loop then only counts them.
 */
export async function execute(root: Node, stuckMs = 2000, { listen = true } = {}): Promise<RunRecord> {
  const events: RuntimeEvent[] = [];
  const ctx: Ctx = { tasks: [], nodeOf: new Map(), outcomes: new Map(), violations: [], closing: false };
  const r = new Runner({
    output: () => {},
    errorOutput: () => {},
    ...(listen ? { onEvent: (e: RuntimeEvent) => events.push(e) } : {}),
  });
  // Every task of the run, as it is made (with or without a listener).
  const register = r.loop._registerTask;
  r.loop._registerTask = function (task, parent, by) {
    ctx.tasks.push(task);
    register.call(this, task, parent, by);
  };
  // Stuck means no progress: no new event (counted, listened to or not) for `stuckMs` of time this process
  // ran on time. A tick that comes late (the machine is busy) counts as at most 100 ms, so load alone never
  // judges a run stuck.
  let watchdog: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    let seen = 0;
    let quiet = 0;
    let last = performance.now();
    watchdog = setInterval(() => {
      const now = performance.now();
      const counted = Math.min(now - last, 100);
      last = now;
      const count = r.loop.eventCount;
      if (count !== seen) {
        seen = count;
        quiet = 0;
      } else {
        quiet += counted;
        if (quiet >= stuckMs) reject(new Error(`run stuck (no event for ${stuckMs} ms)`));
      }
    }, 25);
  });
  try {
    await Promise.race([r.run(start(root, ctx)).catch(() => undefined), stuck]);
    ctx.closing = true;
    await Promise.race([r.close(), stuck]);
  } finally {
    clearInterval(watchdog);
  }
  // Let any stray rejection (and any plain promise still hopping) surface before the checks.
  await immediate(undefined, 4);
  return { events, ctx, runner: r };
}

/**
 * `root` as a scenario's main coroutine function (for runs driven by a session, whose Runner this code does
 * not make): each call gets a fresh context, and the tasks are collected as they are made, main's own first.
 */
export function programMain(root: Node): () => Coroutine<string> {
  return coroutine(async function main(): Promise<string> {
    const ctx: Ctx = { tasks: [], nodeOf: new Map(), outcomes: new Map(), violations: [], closing: false };
    const loop = getRunningLoop();
    const self = currentTask();
    if (self !== null) ctx.tasks.push(self);
    const register = loop._registerTask;
    loop._registerTask = function (task, parent, by) {
      ctx.tasks.push(task);
      register.call(this, task, parent, by);
    };
    try {
      return await start(root, ctx);
    } finally {
      // run() returns once main is done: spawn nothing more (as `execute` does before close()).
      ctx.closing = true;
    }
  });
}

/** Every invariant of one run; returns the list of what broke. */
export function violations({ events, ctx, runner }: RunRecord): string[] {
  const bad: string[] = [...ctx.violations];
  // seq is 1..n without gaps (a blocked-step warning, wall time, has none and takes no number); time never
  // decreases.
  numbered(events).forEach((e, i) => {
    if (e.seq !== i + 1) bad.push(`event #${i + 1} has seq ${e.seq}`);
  });
  events.forEach((e, i) => {
    const prev = events[i - 1];
    if (prev !== undefined && e.time < prev.time)
      bad.push(`time went back at event #${i + 1}: ${prev.time} -> ${e.time}`);
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
  // Every task object is done, in exactly the state its task-done event announced, and agrees with its body.
  if (ctx.tasks.length !== created.length) bad.push(`saw ${ctx.tasks.length} task objects for ${created.length} tasks`);
  for (const task of ctx.tasks) {
    const outcome = done.get(task._id)?.[0]?.outcome;
    if (!task.done()) {
      bad.push(`${task.getName()} is not done`);
      continue;
    }
    const state = stateOf(task);
    if (state !== outcome) bad.push(`${task.getName()} is ${state}, its task-done said ${outcome}`);
    const id = ctx.nodeOf.get(task.getCoro());
    if (id !== undefined) bad.push(...disagreement(task, state, id, ctx.outcomes.get(id)));
  }
  if (runner.loop._liveTasks.size !== 0) bad.push(`${runner.loop._liveTasks.size} live tasks after close()`);
  return bad;
}

/**
 * A task ends with what its body ended with: the value it returned (or cancelled, when a cancel came
 * right before the return: catalogue item 27), the error it raised (cancelled for a CancelledError),
 * or cancelled if the body never ended.
 */
function disagreement(
  task: Task<unknown>,
  state: string,
  id: string,
  body: { value: unknown } | { error: unknown } | undefined,
): string[] {
  const name = `${task.getName()} (${id})`;
  if (body === undefined) return state === "cancelled" ? [] : [`${name} is ${state} but its body never ended`];
  if ("value" in body) {
    if (state === "cancelled" || (state === "result" && task.result() === body.value)) return [];
    return [`${name} returned ${repr(body.value)} but is ${state}`];
  }
  if (body.error instanceof CancelledError) {
    return state === "cancelled" ? [] : [`${name} raised CancelledError but is ${state}`];
  }
  if (state === "exception" && task.exception() === body.error) return [];
  return [`${name} raised ${repr(body.error)} but is ${state}`];
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

/** The numbered events: all but blocked-step warnings, which depend on the machine's speed (wall time). */
export const numbered = (events: RuntimeEvent[]) => events.filter((e) => e.seq !== undefined);

/** The numbered events as JSON, for comparing two runs. */
export const stream = (events: RuntimeEvent[]) => numbered(events).map((e) => JSON.stringify(e));
