/**
 * Random small asyncio programs for differential fuzzing: fast-check builds a
 * raw tree (references are plain numbers, so it shrinks freely), and
 * `resolve` turns it into a program with names and valid references.
 *
 * Programs: tasks that sleep, print, return, raise, spawn and await tasks,
 * cancel each other (with or without a message, or themselves), catch
 * CancelledError (re-raise, swallow, uncancel, raise instead, clean up with a
 * sleep) or errors, use gather, shield, wait_for, timeout blocks (and
 * reschedule), TaskGroups (and create_task on a group), wait, as_completed
 * (both forms), futures settled by timers, call_soon/call_later and done
 * callbacks; they print results, exception reprs, task states, loop time.
 * Primitive-heavy programs (`primitiveProgram`; `program` has none, so its
 * fixed-seed samples are unchanged) also share asyncio's synchronisation
 * primitives, created by main (a Lock, Semaphore, BoundedSemaphore, Event,
 * Condition, a Queue/LifoQueue/PriorityQueue and a Barrier): `async with` blocks over a lock or a
 * semaphore, acquire/release, event wait/set/clear, condition wait, wait_for
 * and notify, queue put/get (blocking or nowait), task_done/join/shutdown,
 * barrier wait/abort/reset; each prints what it got and the primitive's state.
 * Teams (copies of one task) reach a primitive together; crowds park tasks on
 * one, then wake it and cancel a member in the same step (the cancellation
 * paths: a waiter woken and cancelled before it runs must pass the wake-up on).
 *
 * What keeps a program's CPython output defined (a divergence must be the
 * runtime's fault, never the generator's):
 * - Task references follow the spawn tree: a task awaits only tasks it spawned
 *   or tasks to its "left" (spawned in a subtree generated before it, never an
 *   ancestor), so awaits and forwarded cancellations never form a cycle.
 * - TaskGroup children are "quiet": a TaskGroup abort cancels them in set
 *   order, so their cancel handlers only note() (notes print sorted at the
 *   end) and re-raise (a group's direct child may instead return at once);
 *   they use only tasks they spawned themselves, and no `finally`.
 * - main ends by waiting (2 s at most) for its registered tasks, then cancels
 *   the rest in creation order and waits for them; then everything is muted,
 *   so asyncio.run's shutdown (set order again) prints nothing.
 * - Every wait on a primitive is bounded (asyncio.timeout or wait_for around
 *   it, or around a whole `async with` block), so a program never hangs on a
 *   lock nobody releases, an event nobody sets or a barrier that never fills.
 *   Only a Condition's re-acquire after wait() is not bounded, so its lock is
 *   held only inside the cond_wait/notify helpers, which await nothing else
 *   while they hold it. Awaits still never form a cycle, so every program ends.
 * - as_completed gets only tasks spawned just before it (a task already done
 *   would be yielded in set order); wait() results and ExceptionGroup members
 *   print sorted; every task that is printed has an explicit name.
 */
import fc from "fast-check";

// ---------------------------------------------------------------- raw trees

export type RawEnd = "none" | "return" | "raise";
export interface RawFn {
  body: RawStmt[];
  end: RawEnd;
}
export type RawItem = { fn: RawFn } | { ref: number };
/** A primitive, named as its variable in the programs' `P` namespace. */
export type Prim = "lock" | "sem" | "bsem" | "ev" | "cond" | "q" | "bar";
/**
 * What an `async with` block can hold. Not the Condition: its wait() takes the
 * lock back without a timeout, so a block holding it that swallowed its
 * timeout's cancellation and then awaited that waiter's task would deadlock.
 */
export type HoldPrim = "lock" | "sem" | "bsem";
/** Awaitable operations on a primitive (always under a timeout). */
export type BlockOp =
  | "lockAcquire"
  | "semAcquire"
  | "bsemAcquire"
  | "evWait"
  | "condWait"
  | "condWaitFor"
  | "notify"
  | "qPut"
  | "qGet"
  | "qJoin"
  | "barWait"
  | "barAbort"
  | "barReset";
/** Operations that do not wait (their exceptions are printed). */
export type PokeOp =
  | "lockRelease"
  | "semRelease"
  | "bsemRelease"
  | "evSet"
  | "evClear"
  | "qGetNowait"
  | "qPutNowait"
  | "qTaskDone"
  | "qShutdown"
  | "qShutdownNow"
  | "notifyUnlocked";
export type QueueKind = "Queue" | "LifoQueue" | "PriorityQueue";
/** The primitives' parameters: Semaphore/BoundedSemaphore value, queue maxsize and kind, barrier parties. */
export interface Prims {
  sem: number;
  qmax: number;
  qkind: QueueKind;
  parties: number;
}

export type RawStmt =
  | { k: "sleep"; d: number }
  /** `n`: a Condition.wait_for threshold (1-3) or a notify count (0 = notify_all). `wf`: wait_for, not timeout. */
  | { k: "block"; op: BlockOp; d: number; wf: boolean; n: number }
  /** `cancel`: then cancel a task in the same step (a waiter woken and cancelled before it runs). */
  | { k: "poke"; op: PokeOp; cancel: number | null }
  | { k: "pstate" }
  | { k: "hold"; p: HoldPrim; d: number; body: RawStmt[] }
  /**
   * A crowd on one primitive: `n` tasks spawned to wait on it (CROWDS[spec].op),
   * a sleep(0) so they park, then in one step a wake-up (its wakes[wake]) and the
   * cancellation of member `who`, in either order; `join`: gather them after.
   */
  | {
      k: "crowd";
      spec: number;
      wake: number;
      n: number;
      who: number;
      cancelFirst: boolean;
      join: boolean;
      d: number;
      arg: number;
      wf: boolean;
    }
  /** `n` tasks spawned from copies of one function: they reach the same primitives at the same times. */
  | { k: "team"; fn: RawFn; n: number }
  | { k: "print" }
  | { k: "spawn"; fn: RawFn }
  | { k: "await"; ref: number }
  | { k: "call"; fn: RawFn }
  | { k: "cancel"; ref: number; msg: boolean }
  | { k: "selfCancel" }
  | { k: "raise" }
  | { k: "status"; ref: number }
  | { k: "gather"; items: RawItem[]; retExc: boolean }
  | { k: "shield"; item: RawItem }
  | { k: "waitFor"; item: RawItem; d: number | null }
  | { k: "callSoon" }
  | { k: "callLater"; d: number }
  | { k: "future"; d: number; fail: boolean }
  | { k: "gatherFut"; items: RawItem[]; retExc: boolean }
  | { k: "onDone"; ref: number }
  | { k: "reschedule"; d: number | null }
  | { k: "tgSpawn"; fn: RawFn }
  | { k: "timeout"; d: number; body: RawStmt[] }
  | { k: "tg"; children: { fn: RawFn; guard: OnCancel | null }[]; body: RawStmt[] }
  | { k: "wait"; fresh: RawFn[]; refs: number[]; when: ReturnWhen; d: number | null }
  | { k: "asCompleted"; fresh: RawFn[]; d: number | null; async: boolean }
  | {
      k: "try";
      body: RawStmt[];
      onCancel: OnCancel | null;
      /** Sleep in the cancel handler first (async cleanup). */
      cancelSleep: number | null;
      onError: "value" | "any" | null;
      fin: boolean;
      finSleep: number | null;
    };

export type ReturnWhen = "FIRST_COMPLETED" | "FIRST_EXCEPTION" | "ALL_COMPLETED";
export type OnCancel = "reraise" | "swallow" | "uncancel" | "raise";
export interface RawProgram {
  main: RawFn;
  prims: Prims;
}

/** Tenths of a second, 0 to 1. */
const tenths = fc.integer({ min: 0, max: 10 });
const someTenths = fc.option(tenths, { nil: null, freq: 4 });
const rarely = fc.option(tenths, { nil: null, freq: 1, depthSize: "xsmall" });
const ref = fc.nat(7);
const end = fc.oneof(
  { arbitrary: fc.constant<RawEnd>("none"), weight: 2 },
  { arbitrary: fc.constant<RawEnd>("return"), weight: 2 },
  { arbitrary: fc.constant<RawEnd>("raise"), weight: 1 },
);

/** Tenths of a second, 0 to 1.5: how long a primitive is waited for. */
const patience = fc.integer({ min: 0, max: 15 });

/** Statements on the shared primitives, without sub-statements. */
const primLeaf: fc.Arbitrary<RawStmt> = fc.oneof(
  {
    arbitrary: fc.record({
      k: fc.constant("block"),
      op: fc.constantFrom<BlockOp>(
        "lockAcquire",
        "semAcquire",
        "bsemAcquire",
        "evWait",
        "evWait",
        "condWait",
        "condWaitFor",
        "notify",
        "qPut",
        "qPut",
        "qGet",
        "qGet",
        "qJoin",
        "barWait",
        "barWait",
        "barAbort",
        "barReset",
      ),
      d: patience,
      wf: fc.boolean(),
      n: fc.integer({ min: 0, max: 3 }),
    }),
    weight: 8,
  },
  {
    arbitrary: fc.record({
      k: fc.constant("poke"),
      op: fc.constantFrom<PokeOp>(
        "lockRelease",
        "semRelease",
        "bsemRelease",
        "evSet",
        "evSet",
        "evClear",
        "qGetNowait",
        "qPutNowait",
        "qTaskDone",
        "qTaskDone",
        "qShutdown",
        "qShutdownNow",
        "notifyUnlocked",
      ),
      cancel: fc.option(ref, { nil: null, freq: 3 }),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ k: fc.constant("pstate") }), weight: 1 },
) as fc.Arbitrary<RawStmt>;

/** How often primitives appear: as leaves among the others, and `async with` blocks among compounds. */
export interface Weights {
  prim: number;
  hold: number;
  team: number;
  crowd: number;
}

/** What a crowd waits on, and what can wake it (a wake-up that is a BlockOp is bounded like the others). */
export const CROWDS: { op: BlockOp; wakes: (PokeOp | BlockOp)[] }[] = [
  { op: "lockAcquire", wakes: ["lockRelease"] },
  { op: "semAcquire", wakes: ["semRelease"] },
  { op: "bsemAcquire", wakes: ["bsemRelease"] },
  { op: "evWait", wakes: ["evSet", "evClear"] },
  { op: "condWait", wakes: ["notify"] },
  { op: "condWaitFor", wakes: ["notify"] },
  { op: "qGet", wakes: ["qPutNowait", "qPut", "qShutdown", "qShutdownNow"] },
  { op: "qPut", wakes: ["qGetNowait", "qGet", "qShutdown", "qShutdownNow"] },
  { op: "qJoin", wakes: ["qTaskDone", "qShutdownNow"] },
  { op: "barWait", wakes: ["barWait", "barAbort", "barReset"] },
];
const BLOCK_OPS: ReadonlySet<string> = new Set<BlockOp>([
  "lockAcquire",
  "semAcquire",
  "bsemAcquire",
  "evWait",
  "condWait",
  "condWaitFor",
  "notify",
  "qPut",
  "qGet",
  "qJoin",
  "barWait",
  "barAbort",
  "barReset",
]);

/** An entry of fc.oneof if its weight is not 0 (without it, the random stream is the one before primitives). */
function some<T>(weight: number, arbitrary: fc.Arbitrary<T>): fc.WeightedArbitrary<T>[] {
  return weight > 0 ? [{ arbitrary, weight }] : [];
}

/** Statements without sub-statements. */
const leaf = (w: Weights): fc.Arbitrary<RawStmt> =>
  fc.oneof(
    ...some(w.prim, primLeaf),
    { arbitrary: fc.record({ k: fc.constant("sleep"), d: tenths }), weight: 10 },
    { arbitrary: fc.record({ k: fc.constant("print") }), weight: 8 },
    { arbitrary: fc.record({ k: fc.constant("await"), ref }), weight: 6 },
    { arbitrary: fc.record({ k: fc.constant("cancel"), ref, msg: fc.boolean() }), weight: 6 },
    { arbitrary: fc.record({ k: fc.constant("status"), ref }), weight: 3 },
    { arbitrary: fc.record({ k: fc.constant("selfCancel") }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant("raise") }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant("callSoon") }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant("future"), d: tenths, fail: fc.boolean() }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant("callLater"), d: tenths }), weight: 1 },
    { arbitrary: fc.record({ k: fc.constant("onDone"), ref }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant("reschedule"), d: fc.option(tenths, { nil: null, freq: 5 }) }), weight: 2 },
  ) as fc.Arbitrary<RawStmt>;

const rawTrees = (w: Weights) =>
  fc.letrec<{
    fn: RawFn;
    stmt: RawStmt;
    compound: RawStmt;
    body: RawStmt[];
    item: RawItem;
    fns: RawFn[];
  }>((tie) => ({
    fn: fc.record({
      body: tie("body"),
      end,
    }),
    body: fc.array(tie("stmt"), { maxLength: 6, depthIdentifier: "prog" }),
    fns: fc.array(tie("fn"), { minLength: 1, maxLength: 3, depthIdentifier: "prog" }),
    item: fc.oneof({ depthIdentifier: "prog" }, fc.record({ ref }), fc.record({ fn: tie("fn") })),
    stmt: fc.oneof(
      { depthSize: "large", maxDepth: 5, withCrossShrink: true, depthIdentifier: "prog" },
      { arbitrary: leaf(w), weight: 1 },
      { arbitrary: tie("compound") as fc.Arbitrary<RawStmt>, weight: 1 },
    ),
    compound: fc.oneof(
      { arbitrary: fc.record({ k: fc.constant("spawn"), fn: tie("fn") }), weight: 8 },
      { arbitrary: fc.record({ k: fc.constant("call"), fn: tie("fn") }), weight: 2 },
      { arbitrary: fc.record({ k: fc.constant("tgSpawn"), fn: tie("fn") }), weight: 1 },
      {
        arbitrary: fc.record({
          k: fc.constant("gather"),
          items: fc.array(tie("item"), { minLength: 1, maxLength: 3, depthIdentifier: "prog" }),
          retExc: fc.boolean(),
        }),
        weight: 3,
      },
      {
        arbitrary: fc.record({
          k: fc.constant("gatherFut"),
          items: fc.array(tie("item"), { minLength: 1, maxLength: 3, depthIdentifier: "prog" }),
          retExc: fc.boolean(),
        }),
        weight: 2,
      },
      { arbitrary: fc.record({ k: fc.constant("shield"), item: tie("item") }), weight: 2 },
      { arbitrary: fc.record({ k: fc.constant("waitFor"), item: tie("item"), d: someTenths }), weight: 2 },
      { arbitrary: fc.record({ k: fc.constant("timeout"), d: tenths, body: tie("body") }), weight: 3 },
      ...some(
        w.hold,
        fc.record({
          k: fc.constant("hold"),
          p: fc.constantFrom<HoldPrim>("lock", "lock", "sem", "bsem"),
          d: patience,
          body: tie("body"),
        }),
      ),
      ...some(w.team, fc.record({ k: fc.constant("team"), fn: tie("fn"), n: fc.integer({ min: 2, max: 3 }) })),
      ...some(
        w.crowd,
        fc.record({
          k: fc.constant("crowd"),
          spec: fc.nat(CROWDS.length - 1),
          wake: fc.nat(3),
          n: fc.integer({ min: 2, max: 3 }),
          who: fc.nat(2),
          cancelFirst: fc.boolean(),
          join: fc.boolean(),
          d: patience,
          arg: fc.integer({ min: 0, max: 3 }),
          wf: fc.boolean(),
        }),
      ),
      {
        arbitrary: fc.record({
          k: fc.constant("tg"),
          // A guard wraps a child's body in try/except CancelledError: what an abort meets.
          children: fc.array(
            fc.record({
              fn: tie("fn"),
              guard: fc.constantFrom<OnCancel | null>(null, "reraise", "swallow", "uncancel"),
            }),
            { minLength: 1, maxLength: 3, depthIdentifier: "prog" },
          ),
          body: tie("body"),
        }),
        weight: 3,
      },
      {
        arbitrary: fc.record({
          k: fc.constant("wait"),
          fresh: fc.array(tie("fn"), { maxLength: 3, depthIdentifier: "prog" }),
          refs: fc.array(ref, { maxLength: 2 }),
          when: fc.constantFrom<ReturnWhen>("FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED"),
          d: someTenths,
        }),
        weight: 2,
      },
      {
        arbitrary: fc.record({
          k: fc.constant("asCompleted"),
          fresh: tie("fns"),
          d: someTenths,
          async: fc.boolean(),
        }),
        weight: 2,
      },
      {
        arbitrary: fc.record({
          k: fc.constant("try"),
          body: tie("body"),
          onCancel: fc.constantFrom<OnCancel | null>(null, "reraise", "swallow", "uncancel", "raise"),
          cancelSleep: rarely,
          onError: fc.constantFrom<"value" | "any" | null>(null, "value", "any"),
          fin: fc.boolean(),
          finSleep: rarely,
        }),
        weight: 6,
      },
    ) as fc.Arbitrary<RawStmt>,
  }));

const prims: fc.Arbitrary<Prims> = fc.record({
  sem: fc.integer({ min: 1, max: 3 }),
  qmax: fc.integer({ min: 0, max: 3 }),
  qkind: fc.constantFrom<QueueKind>("Queue", "Queue", "LifoQueue", "PriorityQueue"),
  parties: fc.constantFrom(1, 2, 2, 3),
});

export function rawProgramOf(w: Weights): fc.Arbitrary<RawProgram> {
  const raw = rawTrees(w);
  const main = fc.record({
    body: fc.array(raw.stmt, { minLength: 3, maxLength: 10, depthIdentifier: "prog" }),
    end,
  });
  if (w.prim + w.hold + w.crowd > 0) return fc.record({ main, prims });
  // No primitives: the programs (and the fixed seeds' samples) are the ones from before they existed.
  return fc.record({ main }).map(({ main }) => ({ main, prims: UNUSED }));
}

const UNUSED: Prims = { sem: 1, qmax: 0, qkind: "Queue", parties: 1 };

/** The general mix: tasks, cancellation and the other asyncio APIs, no primitives (learn's quiz tests use it too). */
export const MIXED: Weights = { prim: 0, hold: 0, team: 0, crowd: 0 };
/** Primitive-heavy programs. */
export const PRIMITIVES: Weights = { prim: 45, hold: 6, team: 6, crowd: 8 };

// ---------------------------------------------------------- resolved programs

/** A task reference: a local variable (`lexical`) or a lookup in the registry R by name. */
export interface TaskRef {
  name: string;
  lexical: boolean;
}
export interface Fn {
  name: string;
  body: Stmt[];
  end: RawEnd;
}
export type Item = { fn: Fn } | { task: TaskRef };
/** `fut = loop.create_future()`, settled by a timer after `d` tenths (with ValueError if `fail`). */
export interface FutureDef {
  k: "future";
  /** The local variable. */
  task: string;
  d: number;
  fail: boolean;
  used: boolean;
}
/** `gat = asyncio.gather(...)` kept in a local variable, to be awaited or cancelled later. */
export interface GatherDef {
  k: "gatherFut";
  task: string;
  items: Item[];
  retExc: boolean;
  used: boolean;
}
/** What a local variable can hold: a task, a future or a gather. */
export type Local = Spawn | FutureDef | GatherDef;
export interface Spawn {
  k: "spawn";
  task: string;
  fn: Fn;
  /** Registered in R (not in quiet code). */
  reg: boolean;
  /** Some later statement names the local variable. */
  used: boolean;
}
export type Stmt =
  | { k: "sleep"; d: number }
  | { k: "block"; label: string; op: BlockOp; d: number; wf: boolean; n: number }
  | { k: "poke"; label: string; op: PokeOp }
  | { k: "pstate"; label: string }
  | { k: "hold"; label: string; p: HoldPrim; d: number; body: Stmt[] }
  | FutureDef
  | GatherDef
  | { k: "print"; label: string }
  | Spawn
  | { k: "await"; label: string; ref: TaskRef }
  | { k: "call"; label: string; fn: Fn }
  | { k: "cancel"; label: string; ref: TaskRef; msg: string | null }
  | { k: "selfCancel"; label: string }
  | { k: "raise"; label: string }
  | { k: "status"; label: string; ref: TaskRef }
  | { k: "gather"; label: string; items: Item[]; retExc: boolean }
  | { k: "shield"; label: string; item: Item }
  | { k: "waitFor"; label: string; item: Item; d: number | null }
  | { k: "callSoon"; label: string }
  | { k: "callLater"; label: string; d: number }
  | { k: "onDone"; label: string; ref: TaskRef; quiet: boolean }
  | { k: "reschedule"; label: string; cm: string; d: number | null }
  | { k: "tgSpawn"; label: string; tg: string; task: string; fn: Fn }
  | { k: "timeout"; label: string; cm: { name: string; used: boolean }; d: number; body: Stmt[] }
  | { k: "tg"; label: string; tg: string; children: { task: string; fn: Fn }[]; body: Stmt[] }
  | { k: "wait"; label: string; spawns: Spawn[]; tasks: string[]; when: ReturnWhen; d: number | null }
  | { k: "asCompleted"; label: string; spawns: Spawn[]; d: number | null; async: boolean }
  | {
      k: "try";
      label: string;
      body: Stmt[];
      /** "return": a quiet TaskGroup child swallows by returning at once. */
      onCancel: "reraise" | "swallow" | "uncancel" | "raise" | "return" | null;
      cancelSleep: number | null;
      /** Cancel handlers note() instead of printing (quiet code). */
      quiet: boolean;
      onError: "value" | "any" | null;
      fin: boolean;
      finSleep: number | null;
    };

export interface Program {
  /** Every coroutine function, children before the functions that use them; main last. */
  fns: Fn[];
  main: Fn;
  /** The shared primitives main creates first (null: no statement uses them). */
  prims: Prims | null;
}

interface Ctx {
  quiet: boolean;
  /** Registered tasks that are this code's task or its ancestors: never awaited from here. */
  ancestors: ReadonlySet<string>;
  /** Local variables in scope (tasks, futures, gathers). */
  lexical: Local[];
  /** Top level of a TaskGroup child's own function body. */
  groupChildRoot: boolean;
  /** Top level of main's body: no raise or self-cancel there (they would end most programs at once). */
  mainTop?: boolean;
  /** The innermost timeout block and TaskGroup of this function, if inside one. */
  cm?: { name: string; used: boolean } | undefined;
  tg?: string | undefined;
}

/** A block inside the current function: sees its locals; what it spawns stays inside. */
function nested(ctx: Ctx): Ctx {
  return { ...ctx, lexical: [...ctx.lexical], groupChildRoot: false, mainTop: false };
}

/** A new function: no locals, no enclosing blocks. */
function fresh(ctx: Ctx): Ctx {
  return { ...ctx, lexical: [], cm: undefined, tg: undefined };
}

class Resolver {
  private labels = 0;
  private tasks = 0;
  private groupTasks = 0;
  private blocks = 0;
  private locals = 0;
  private fnCount = 0;
  /** Some statement uses the shared primitives. */
  usesPrims = false;
  /** Registered task names, in generation order. */
  private readonly registry: string[] = [];
  readonly fns: Fn[] = [];

  label(): string {
    return `s${++this.labels}`;
  }

  fn(raw: RawFn, ctx: Ctx, name?: string): Fn {
    const fn: Fn = { name: name ?? `f${++this.fnCount}`, body: [], end: raw.end };
    // A function sees no caller's locals: only tasks it spawns itself.
    fn.body = this.body(raw.body, { ...fresh(ctx), mainTop: name === "main" });
    if (terminates(fn.body)) fn.end = "none";
    this.fns.push(fn);
    return fn;
  }

  /** A new task's context: its own function starts with no locals. */
  private taskCtx(ctx: Ctx, registered: string | null, groupChild = false): Ctx {
    const ancestors = new Set(ctx.ancestors);
    if (registered !== null) ancestors.add(registered);
    return { quiet: ctx.quiet || groupChild, ancestors, lexical: [], groupChildRoot: groupChild };
  }

  body(raws: RawStmt[], ctx: Ctx): Stmt[] {
    const out: Stmt[] = [];
    for (const raw of raws) {
      const stmt = this.stmt(raw, ctx);
      if (stmt !== null) out.push(...(Array.isArray(stmt) ? stmt : [stmt]));
      // Nothing after a statement that always raises (it would be dead code).
      if (terminates(out)) break;
    }
    return out;
  }

  private spawn(raw: RawFn, ctx: Ctx): Spawn {
    const task = `t${++this.tasks}`;
    const reg = !ctx.quiet;
    const fn = this.fn(raw, this.taskCtx(ctx, reg ? task : null));
    const spawn: Spawn = { k: "spawn", task, fn, reg, used: false };
    if (reg) this.registry.push(task);
    ctx.lexical.push(spawn);
    return spawn;
  }

  private lexicalRef(spawn: Local): TaskRef {
    spawn.used = true;
    return { name: spawn.task, lexical: true };
  }

  /** Candidates: local tasks first, then (outside quiet code) registered ones. */
  private ref(n: number, ctx: Ctx, awaiting: boolean): TaskRef | null {
    const local = ctx.lexical.map((s) => s.task);
    const others = ctx.quiet
      ? []
      : this.registry.filter((t) => !local.includes(t) && !(awaiting && ctx.ancestors.has(t)));
    const all = [...local, ...others];
    if (all.length === 0) return null;
    const name = all[n % all.length] as string;
    const spawn = ctx.lexical.find((s) => s.task === name);
    return spawn ? this.lexicalRef(spawn) : { name, lexical: false };
  }

  private item(raw: RawItem, ctx: Ctx, taken: Set<string>): Item | null {
    if ("fn" in raw) return { fn: this.fn(raw.fn, this.taskCtx(ctx, null)) };
    // Items must exist when the statement runs: local tasks only, each once.
    const free = ctx.lexical.filter((s) => !taken.has(s.task));
    if (free.length === 0) return null;
    const spawn = free[raw.ref % free.length] as Local;
    taken.add(spawn.task);
    return { task: this.lexicalRef(spawn) };
  }

  private stmt(raw: RawStmt, ctx: Ctx): Stmt | Stmt[] | null {
    switch (raw.k) {
      case "sleep":
        return { k: "sleep", d: raw.d };
      case "block":
        this.usesPrims = true;
        return { k: "block", label: this.label(), op: raw.op, d: raw.d, wf: raw.wf, n: raw.n };
      case "poke": {
        this.usesPrims = true;
        const poke: Stmt = { k: "poke", label: this.label(), op: raw.op };
        const ref = raw.cancel === null ? null : this.ref(raw.cancel, ctx, false);
        if (ref === null) return poke;
        return [poke, { k: "cancel", label: this.label(), ref, msg: null }];
      }
      case "pstate":
        this.usesPrims = true;
        return { k: "pstate", label: this.label() };
      case "hold": {
        this.usesPrims = true;
        const label = this.label();
        return { k: "hold", label, p: raw.p, d: raw.d, body: this.body(raw.body, nested(ctx)) };
      }
      case "print":
        return { k: "print", label: this.label() };
      case "spawn":
        return this.spawn(raw.fn, ctx);
      case "crowd": {
        this.usesPrims = true;
        const spec = CROWDS[raw.spec] as (typeof CROWDS)[number];
        const wakeOp = spec.wakes[raw.wake % spec.wakes.length] as PokeOp | BlockOp;
        const member: RawFn = { body: [{ k: "block", op: spec.op, d: raw.d, wf: raw.wf, n: raw.arg }], end: "none" };
        const spawns = Array.from({ length: raw.n }, () => this.spawn(member, ctx));
        const target = spawns[raw.who % spawns.length] as Spawn;
        const wake: Stmt = BLOCK_OPS.has(wakeOp)
          ? { k: "block", label: this.label(), op: wakeOp as BlockOp, d: raw.d, wf: false, n: raw.arg }
          : { k: "poke", label: this.label(), op: wakeOp as PokeOp };
        const cancel: Stmt = { k: "cancel", label: this.label(), ref: this.lexicalRef(target), msg: null };
        const out: Stmt[] = [...spawns, { k: "sleep", d: 0 }, ...(raw.cancelFirst ? [cancel, wake] : [wake, cancel])];
        out.push({ k: "pstate", label: this.label() });
        if (raw.join) {
          const items = spawns.map((s) => ({ task: this.lexicalRef(s) }));
          out.push({ k: "gather", label: this.label(), items, retExc: true });
        }
        return out;
      }
      case "team":
        // Each copy is resolved on its own (its labels, task names and references are its own).
        return Array.from({ length: raw.n }, () => this.spawn(raw.fn, ctx));
      case "await": {
        const ref = this.ref(raw.ref, ctx, true);
        return ref && { k: "await", label: this.label(), ref };
      }
      case "call": {
        const label = this.label();
        return { k: "call", label, fn: this.fn(raw.fn, nested(ctx)) };
      }
      case "cancel": {
        const ref = this.ref(raw.ref, ctx, false);
        if (ref === null) return null;
        const label = this.label();
        return { k: "cancel", label, ref, msg: raw.msg ? `by ${label}` : null };
      }
      case "selfCancel":
        return ctx.mainTop ? null : { k: "selfCancel", label: this.label() };
      case "raise":
        return ctx.mainTop ? null : { k: "raise", label: this.label() };
      case "status": {
        const ref = this.ref(raw.ref, ctx, false);
        return ref && { k: "status", label: this.label(), ref };
      }
      case "gather": {
        const label = this.label();
        const taken = new Set<string>();
        const items = raw.items.map((i) => this.item(i, ctx, taken)).filter((i): i is Item => i !== null);
        return items.length === 0 ? null : { k: "gather", label, items, retExc: raw.retExc };
      }
      case "shield":
      case "waitFor": {
        const label = this.label();
        const item = this.item(raw.item, ctx, new Set());
        if (item === null) return null;
        return raw.k === "shield" ? { k: "shield", label, item } : { k: "waitFor", label, item, d: raw.d };
      }
      case "callSoon":
        return { k: "callSoon", label: this.label() };
      case "future": {
        const def: FutureDef = { k: "future", task: `fut${++this.locals}`, d: raw.d, fail: raw.fail, used: false };
        ctx.lexical.push(def);
        return def;
      }
      case "gatherFut": {
        const taken = new Set<string>();
        const items = raw.items.map((i) => this.item(i, ctx, taken)).filter((i): i is Item => i !== null);
        if (items.length === 0) return null;
        const def: GatherDef = { k: "gatherFut", task: `gat${++this.locals}`, items, retExc: raw.retExc, used: false };
        ctx.lexical.push(def);
        return def;
      }
      case "callLater":
        return { k: "callLater", label: this.label(), d: raw.d };
      case "onDone": {
        const ref = this.ref(raw.ref, ctx, false);
        return ref && { k: "onDone", label: this.label(), ref, quiet: ctx.quiet };
      }
      case "reschedule": {
        if (ctx.cm === undefined) return null;
        ctx.cm.used = true;
        return { k: "reschedule", label: this.label(), cm: ctx.cm.name, d: raw.d };
      }
      case "tgSpawn": {
        if (ctx.tg === undefined) return null;
        const label = this.label();
        const task = `g${++this.groupTasks}`;
        return { k: "tgSpawn", label, tg: ctx.tg, task, fn: this.fn(raw.fn, this.taskCtx(ctx, null, true)) };
      }
      case "timeout": {
        const label = this.label();
        const cm = { name: `cm${++this.blocks}`, used: false };
        const body = this.body(raw.body, { ...nested(ctx), cm });
        return { k: "timeout", label, cm, d: raw.d, body };
      }
      case "tg": {
        const label = this.label();
        const children = raw.children.map(({ fn, guard }) => {
          const task = `g${++this.groupTasks}`;
          const guarded: RawFn =
            guard === null
              ? fn
              : {
                  body: [
                    {
                      k: "try",
                      body: fn.body,
                      onCancel: guard,
                      cancelSleep: null,
                      onError: null,
                      fin: false,
                      finSleep: null,
                    },
                  ],
                  end: fn.end,
                };
          return { task, fn: this.fn(guarded, this.taskCtx(ctx, null, true)) };
        });
        const tg = `tg${++this.blocks}`;
        const body = this.body(raw.body, { ...nested(ctx), tg });
        return { k: "tg", label, tg, children, body };
      }
      case "wait": {
        const label = this.label();
        const spawns = raw.fresh.map((f) => this.spawn(f, ctx));
        const tasks = new Set(spawns.map((s) => s.task));
        for (const r of raw.refs) {
          const free = ctx.lexical.filter((s) => s.k === "spawn" && !tasks.has(s.task));
          if (free.length > 0) tasks.add((free[r % free.length] as Spawn).task);
        }
        if (tasks.size === 0) return null;
        for (const s of ctx.lexical) if (tasks.has(s.task)) s.used = true;
        return [...spawns, { k: "wait", label, spawns: [], tasks: [...tasks], when: raw.when, d: raw.d }];
      }
      case "asCompleted": {
        const label = this.label();
        const spawns = raw.fresh.map((f) => this.spawn(f, ctx));
        for (const s of spawns) s.used = true;
        return { k: "asCompleted", label, spawns, d: raw.d, async: raw.async };
      }
      case "try": {
        const label = this.label();
        const body = this.body(raw.body, nested(ctx));
        if (body.length === 0) return null;
        let onCancel: "reraise" | "swallow" | "uncancel" | "raise" | "return" | null = raw.onCancel;
        let { fin, cancelSleep, finSleep } = raw;
        if (ctx.quiet) {
          // Cancel handlers may run in set order here: note, then leave at once.
          fin = false;
          cancelSleep = null;
          if (onCancel === "raise") onCancel = "reraise";
          if (onCancel === "swallow" || onCancel === "uncancel") onCancel = ctx.groupChildRoot ? "return" : "reraise";
        }
        if (onCancel === null) cancelSleep = null;
        if (!fin) finSleep = null;
        let onError = raw.onError;
        if (onCancel === null && onError === null && !fin) onError = "value";
        return { k: "try", label, body, onCancel, cancelSleep, quiet: ctx.quiet, onError, fin, finSleep };
      }
    }
  }
}

/** True if the statements always end by raising (so code after them cannot run). */
function terminates(body: Stmt[]): boolean {
  const last = body.at(-1);
  if (last === undefined) return false;
  if (last.k === "raise") return true;
  return (
    last.k === "try" &&
    terminates(last.body) &&
    last.onError === null &&
    last.onCancel !== "swallow" &&
    last.onCancel !== "uncancel"
  );
}

/** Name everything and resolve references. */
export function resolve(raw: RawProgram): Program {
  const r = new Resolver();
  const main = r.fn(raw.main, { quiet: false, ancestors: new Set(), lexical: [], groupChildRoot: false }, "main");
  return { fns: r.fns.filter((f) => f !== main), main, prims: r.usesPrims ? raw.prims : null };
}

/** Programs as fast-check values: shrinking works on the raw tree. */
export const programOf = (w: Weights): fc.Arbitrary<Program> => rawProgramOf(w).map(resolve);
/** The general mix (the suite's fuzz test, `npm run fuzz`). */
export const program: fc.Arbitrary<Program> = programOf(MIXED);
/** Primitive-heavy programs (the suite's second fuzz test, `npm run fuzz -- --primitives`). */
export const primitiveProgram: fc.Arbitrary<Program> = programOf(PRIMITIVES);
