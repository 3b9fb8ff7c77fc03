// Edge programs written while hunting divergences (issue 16, round 3): not ports of CPython's tests, but compared with CPython 3.13 the same way.
import {
  allTasks,
  asCompleted,
  CancelledError,
  coroutine,
  createTask,
  currentTask,
  ExceptionGroup,
  gather,
  getRunningLoop,
  KeyError,
  type PythonError,
  print,
  RuntimeError,
  repr,
  shield,
  sleep,
  str,
  type Task,
  type TaskGroup,
  type Timeout,
  TimeoutError,
  taskGroup,
  timeout,
  timeoutAt,
  ValueError,
  wait,
  waitFor,
} from "../../../src/index.js";
import { runTests, typeName } from "../harness.js";

const child = coroutine(async function child(name: string, d: number) {
  try {
    await sleep(d);
    return name;
  } catch (e) {
    if (e instanceof CancelledError)
      print(name, "cancelled", repr(e), repr((e as PythonError).args), currentTask()!.cancelling());
    throw e;
  }
});

// Cancel messages, cancelling() counts, gather(return_exceptions) over a cancelled child, timeouts nested and wait_for cancelled from outside.
const cancel_messages_and_counts = coroutine(async function cancel_messages_and_counts() {
  const t = createTask(child("a", 1), { name: "a" });
  await sleep(0);
  print(t.cancel("m1"), t.cancel("m2"), t.cancelling());
  try {
    await t;
  } catch (e) {
    print("main got", repr(e), repr((e as PythonError).args), currentTask()!.cancelling());
  }
  print(t.cancelled(), t.cancelling(), t.cancel(), t.cancelling());
  const t1 = createTask(child("b", 0.1), { name: "b" });
  const t2 = createTask(child("c", 1), { name: "c" });
  const killer = coroutine(async function killer() {
    await sleep(0.05);
    t2.cancel("killed");
  });
  createTask(killer());
  const r = await gather(t1, t2, { returnExceptions: true });
  print(repr((r as unknown[]).map((x) => repr(x))));
  const t3 = createTask(child("d", 1), { name: "d" });
  const g = gather(t3, sleep(2), { returnExceptions: true });
  await sleep(0);
  print(g.cancel("gmsg"));
  try {
    print(repr(await g));
  } catch (e) {
    print("gather cancelled", repr(e));
  }
  print(t3.cancelled());
  let cm!: Timeout;
  try {
    await timeout(0.1, async (c) => {
      cm = c;
      try {
        await sleep(1);
      } catch (e) {
        print("in timeout", repr(e), currentTask()!.cancelling());
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("timeout", repr(e), repr((e as Error).cause ?? null), currentTask()!.cancelling(), cm.expired());
  }
  try {
    await timeout(0.2, async () => {
      await timeout(0.1, async () => {
        await sleep(1);
      });
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("inner fired, outer?", currentTask()!.cancelling());
  }
  try {
    await timeout(0.1, async () => {
      try {
        await timeout(0.2, async () => {
          await sleep(1);
        });
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        print("inner timeout caught - wrong");
      }
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("outer fired", currentTask()!.cancelling());
  }
  const w = coroutine(async function w() {
    try {
      await waitFor(sleep(5), 1);
    } catch (e) {
      if (e instanceof CancelledError) print("w cancelled", repr(e), currentTask()!.cancelling());
      throw e;
    }
  });
  const wt = createTask(w());
  await sleep(0.1);
  wt.cancel("outer");
  try {
    await wt;
  } catch (e) {
    print("wt", repr(e));
  }
  print(getRunningLoop().time() >= 0);
});

const boom = coroutine(async function boom(d: number, msg = "boom") {
  await sleep(d);
  throw new ValueError(msg);
});
const sleeper = coroutine(async function sleeper(name: string, d: number) {
  try {
    await sleep(d);
    print(name, "done");
  } catch (e) {
    if (e instanceof CancelledError) print(name, "cancelled", repr(e), currentTask()!.cancelling());
    throw e;
  }
});
/** `Type: str [reprs of its exceptions]` (a group's members; an empty list for a plain error). */
function egStr(e: unknown): string {
  const members = e instanceof ExceptionGroup ? e.exceptions : [];
  return `${typeName(e)}: ${str(e)} ${repr(members.map((x) => repr(x)))}`;
}
type ErrorClass = abstract new (...args: never[]) => unknown;

/** Python's `ExceptionGroup.split(T)` for a flat group: (the T members, the rest); a non-group is re-thrown. */
function split(e: unknown, T: ErrorClass): [ExceptionGroup | undefined, ExceptionGroup | undefined] {
  if (!(e instanceof ExceptionGroup)) throw e;
  const m = e.subgroup(T);
  const rest = e.exceptions.filter((x) => !(x instanceof T));
  return [m, rest.length ? new ExceptionGroup(e.message, rest) : undefined];
}
// TaskGroups inside and around timeouts, bodies and children failing, outer cancels, create_task on a finished group, an expired reschedule.
const taskgroup_timeout_interplay = coroutine(async function taskgroup_timeout_interplay() {
  try {
    await timeout(0.1, async () => {
      await taskGroup(async (tg) => {
        tg.createTask(sleeper("s1", 1));
        tg.createTask(sleeper("s2", 0.05));
      });
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("1", repr(e), currentTask()!.cancelling());
  }
  try {
    await taskGroup(async (tg) => {
      tg.createTask(boom(0.05));
      await timeout(0.1, async () => {
        await sleep(1);
      });
    });
  } catch (e) {
    const [v, rest] = split(e, ValueError);
    if (v) print("2", egStr(v));
    if (rest) {
      const [t, r2] = split(rest, TimeoutError);
      if (t) print("2t", egStr(t));
      if (r2) throw r2;
    }
  }
  print("2 cancelling", currentTask()!.cancelling());
  try {
    await taskGroup(async (tg) => {
      tg.createTask(sleeper("s3", 1));
      await sleep(0.01);
      throw new KeyError("body");
    });
  } catch (e) {
    print("3", egStr(e));
  }
  try {
    await taskGroup(async (tg) => {
      tg.createTask(boom(0.1, "x"));
      tg.createTask(boom(0.1, "y"));
      tg.createTask(sleeper("s4", 1));
    });
  } catch (e) {
    print("4", egStr(e));
  }
  const runner = coroutine(async function runner() {
    try {
      await taskGroup(async (tg) => {
        tg.createTask(sleeper("s5", 1));
        await sleep(1);
      });
    } catch (e) {
      if (e instanceof CancelledError) print("5 runner", repr(e), currentTask()!.cancelling());
      throw e;
    }
  });
  let r = createTask(runner());
  await sleep(0.1);
  r.cancel("stop");
  try {
    await r;
  } catch (e) {
    print("5", repr(e));
  }
  const runner2 = coroutine(async function runner2() {
    await taskGroup(async (tg) => {
      tg.createTask(boom(0.1));
      await sleep(1);
    });
  });
  r = createTask(runner2());
  await sleep(0.1);
  r.cancel();
  try {
    await r;
  } catch (e) {
    print("6", egStr(e), r.done() ? "done" : r.cancelling());
  }
  let tg0!: TaskGroup;
  await taskGroup(async (tg) => {
    tg0 = tg;
  });
  const c = sleeper("never", 1);
  try {
    tg0.createTask(c);
  } catch (e) {
    print("7", repr(e));
  }
  const selfcancel = coroutine(async function selfcancel() {
    currentTask()!.cancel();
    await sleep(0);
  });
  let t!: Task<unknown>;
  await taskGroup(async (tg) => {
    t = tg.createTask(selfcancel());
  });
  print("8", t.cancelled());
  const gath = coroutine(async function gath() {
    try {
      await gather(sleeper("g1", 1), sleeper("g2", 1));
    } catch (e) {
      if (e instanceof CancelledError) print("9 gath", repr(e));
      throw e;
    }
  });
  try {
    await taskGroup(async (tg) => {
      tg.createTask(gath());
      tg.createTask(boom(0.1));
    });
  } catch (e) {
    const [v, rest] = split(e, ValueError);
    if (v) print("9", egStr(v));
    if (rest) throw rest;
  }
  let cm!: Timeout;
  try {
    await timeout(10, async (c) => {
      cm = c;
      c.reschedule(getRunningLoop().time() - 1);
      print("10 expired?", c.expired());
      await sleep(0);
      print("not reached");
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("10 timeout", cm.expired(), cm.when() !== null);
  }
});

const val = coroutine(async function val(x: unknown, d?: number) {
  await sleep(d ?? 0);
  return x;
});
const swallow = coroutine(async function swallow(d: number) {
  try {
    await sleep(d);
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    print("swallowed", currentTask()!.cancelling());
    return "swallowed-value";
  }
});
// Cancelled before starting, result()/exception() states, CancelledError raised by hand, wait_for/timeout over a task that swallows the cancel, shield, gather and wait options, a raising done callback, uncancel then timeout, leftovers at shutdown.
const cancel_corners = coroutine(async function cancel_corners() {
  const never = coroutine(async function never() {
    print("never runs");
  });
  let t: Task<unknown> = createTask(never());
  t.cancel("early");
  try {
    await t;
  } catch (e) {
    print("early", repr(e));
  }
  try {
    t.exception();
  } catch (e) {
    print("exception()", repr(e));
  }
  try {
    t.result();
  } catch (e) {
    print("result()", repr(e));
  }
  const p = createTask(val(1, 1));
  try {
    p.result();
  } catch (e) {
    print(repr(e));
  }
  try {
    p.exception();
  } catch (e) {
    print(repr(e));
  }
  p.cancel();
  const raiser = coroutine(async function raiser() {
    await sleep(0);
    throw new CancelledError("self-raised");
  });
  t = createTask(raiser());
  try {
    await t;
  } catch (e) {
    print("raiser", repr(e), t.cancelled(), t.cancelling());
  }
  const r = await waitFor(swallow(1), 0.1);
  print("wait_for swallow ->", r, currentTask()!.cancelling());
  let cm!: Timeout;
  await timeout(0.1, async (c) => {
    cm = c;
    try {
      await sleep(1);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("swallow in timeout");
    }
  });
  print("after timeout block", cm.expired(), currentTask()!.cancelling());
  const inner = createTask(val("inner", 0.2));
  const outer = coroutine(async function outer() {
    return await shield(inner);
  });
  const o = createTask(outer());
  await sleep(0.1);
  o.cancel("shield-cancel");
  try {
    await o;
  } catch (e) {
    print("outer", repr(e), inner.done());
  }
  print("inner", await inner);
  const bad = coroutine(async function bad(d: number) {
    await sleep(d);
    throw new ValueError(d);
  });
  const c1 = createTask(val("slow", 0.3));
  try {
    await gather(bad(0.1), c1, bad(0.2));
  } catch (e) {
    print("gather raised", repr(e), c1.done());
  }
  print(await c1);
  await sleep(0.2);
  const d1 = createTask(val(1));
  await d1;
  const g = gather(d1);
  print("gather cancel", g.cancel(), repr(await g));
  const co = val(7);
  print(repr(await gather(co, co)));
  const ts = [0, 1, 2, 3].map((i) => createTask(val(i, i / 10), { name: `v${i}` }));
  let [done, pending] = await wait(ts, { timeout: 0.15 });
  print(repr([...done].map((t) => t.getName()).sort()), repr([...pending].map((t) => t.getName()).sort()));
  [done, pending] = await wait(ts, { returnWhen: "FIRST_COMPLETED" });
  print(repr([...done].map((t) => t.getName()).sort()), repr([...pending].map((t) => t.getName()).sort()));
  const cb = function cb() {
    throw new RuntimeError("cb failed");
  };
  const f = getRunningLoop().createFuture();
  f.addDoneCallback(cb);
  f.setResult(1);
  await sleep(0);
  print("after cb");
  const uc = coroutine(async function uc() {
    try {
      await sleep(1);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("uc", currentTask()!.uncancel());
    }
    try {
      await timeout(0.1, async () => {
        await sleep(1);
      });
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      print("uc timeout", currentTask()!.cancelling());
    }
    return "uc-done";
  });
  const u = createTask(uc());
  await sleep(0);
  u.cancel();
  print(await u);
  const leftover = coroutine(async function leftover(n: number) {
    try {
      await sleep(10);
    } catch (e) {
      if (e instanceof CancelledError) print("leftover", n, repr(e));
      throw e;
    }
  });
  createTask(leftover(1));
  createTask(leftover(2));
  await sleep(0);
  print("main end");
});

const n = (s: string) => s;
const bad = coroutine(async function bad(d: number, m = "bad") {
  await sleep(d);
  throw new ValueError(m);
});
// Gather with a cancelled child, nested groups, reprs, wait_for(…, 0), as_completed with a timeout, a group child cancelling itself, a TimeoutError's cause, timeout_at in the past.
const cancel_propagation_and_reprs = coroutine(async function cancel_propagation_and_reprs() {
  const loop = getRunningLoop();
  const c = createTask(val(1, 1), { name: "c" });
  const g = gather(c, val(2, 0.5));
  await sleep(0.1);
  c.cancel("child-msg");
  try {
    await g;
  } catch (e) {
    print("gather child cancel", repr(e), g.cancelled(), g.done());
  }
  await sleep(1);
  const inner_tg = coroutine(async function inner_tg() {
    await taskGroup(async (tg) => {
      tg.createTask(bad(0.1, "inner"));
      tg.createTask(val(0, 1));
    });
  });
  try {
    await taskGroup(async (tg) => {
      tg.createTask(inner_tg());
      tg.createTask(bad(0.2, "outer"));
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print(repr(e));
    print(str(e), repr(e.exceptions.map((x) => repr(x))));
  }
  const f = loop.createFuture();
  print(n(repr(f)));
  f.setException(new ValueError("x"));
  print(n(repr(f)));
  f.exception();
  const f2 = loop.createFuture();
  f2.cancel("why");
  print(n(repr(f2)));
  let t: Task<unknown> = createTask(val(1), { name: "T" });
  print(n(repr(t)));
  await t;
  print(n(repr(t)));
  t = createTask(bad(0), { name: "B" });
  await sleep(0.01);
  print(n(repr(t)));
  t.exception();
  print(str(new CancelledError("x")), str(new CancelledError()), repr(new TimeoutError()));
  try {
    await waitFor(val(1, 1), 0);
  } catch (e) {
    print("wf0", repr(e));
  }
  const fd = loop.createFuture();
  fd.setResult(9);
  print(await waitFor(fd, 0));
  try {
    for (const aw of asCompleted([val("a", 0.1), val("b", 0.5)], { timeout: 0.2 })) print("ac", await aw);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("ac timeout", repr(e));
  }
  await sleep(0.5);
  print(await sleep(-1, "neg"));
  print(allTasks().size, currentTask() !== null);
  const fut = loop.createFuture();
  const awaiter = coroutine(async function awaiter() {
    return await fut;
  });
  const a = createTask(awaiter());
  await sleep(0);
  a.cancel("aw");
  await sleep(0);
  print("fut", fut.cancelled(), a.done());
  try {
    await a;
  } catch (e) {
    print("a", repr(e));
  }
  const cancel_self = coroutine(async function cancel_self() {
    throw new CancelledError();
  });
  let x!: Task<unknown>;
  let y!: Task<unknown>;
  await taskGroup(async (tg) => {
    x = tg.createTask(cancel_self());
    y = tg.createTask(val(3, 0.1));
  });
  print("tg self-cancel", x.cancelled(), y.result());
  try {
    await waitFor(val(1, 1), 0.1);
  } catch (e) {
    print(repr(e), repr((e as Error).cause ?? null), "True");
  }
  try {
    await timeoutAt(loop.time() - 5, async () => {
      print("body runs");
      await sleep(0);
    });
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    print("timeout_at past");
  }
  try {
    await taskGroup(async (tg) => {
      tg.createTask(bad(0.1));
      try {
        await sleep(1);
      } catch (e) {
        if (e instanceof CancelledError) print("body cancelled", repr(e), currentTask()!.cancelling());
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    print("eg", repr(e.exceptions.map((x) => repr(x))), currentTask()!.cancelling());
  }
  const cmts = coroutine(async function cancel_me_then_sleep() {
    print("cancel self ->", currentTask()!.cancel("own"));
    try {
      await sleep(0);
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      print("own", repr(e));
      return "recovered";
    }
  });
  print(await createTask(cmts()));
});

// A timeout and the awaited work due at the same loop time, a cancel and a timeout together, waiters and awaited tasks both cancelled, uncancel inside a timeout.
const same_deadline_races = coroutine(async function same_deadline_races() {
  const loop = getRunningLoop();
  try {
    await timeout(0.1, async () => {
      await sleep(0.1);
    });
    print("1 no timeout");
  } catch (e) {
    if (e instanceof TimeoutError) print("1 timeout");
    else throw e;
  }
  let t: Task<unknown> = createTask(val("t", 0.1));
  try {
    await timeout(0.1, async () => {
      print("2", await t);
    });
  } catch (e) {
    if (e instanceof TimeoutError) print("2 timeout", t.done());
    else throw e;
  }
  try {
    print("3", await waitFor(val(3, 0.1), 0.1));
  } catch (e) {
    if (e instanceof TimeoutError) print("3 timeout");
    else throw e;
  }
  t = createTask(val(4, 0.1));
  try {
    print("4", await waitFor(t, 0.1));
  } catch (e) {
    if (e instanceof TimeoutError) print("4 timeout", t.cancelled());
    else throw e;
  }
  let outer!: Timeout;
  let inner!: Timeout;
  try {
    await timeout(0.1, async (o) => {
      outer = o;
      await timeout(0.1, async (i) => {
        inner = i;
        await sleep(1);
      });
    });
  } catch (e) {
    if (e instanceof TimeoutError) print("5", outer.expired(), inner.expired());
    else throw e;
  }
  const g = gather(val(1, 1), val(2, 1));
  await sleep(0);
  g.cancel("gm");
  try {
    await g;
  } catch (e) {
    print("6", repr(e));
  }
  const inner_t = createTask(val(7, 1));
  const s = shield(inner_t);
  await sleep(0);
  inner_t.cancel("inner-msg");
  try {
    await s;
  } catch (e) {
    print("7", repr(e), s.cancelled());
  }
  let a: Task<unknown> = createTask(val(8, 1));
  const waiter = coroutine(async function waiter() {
    try {
      return await a;
    } catch (e) {
      if (e instanceof CancelledError) print("8 waiter", repr(e), currentTask()!.cancelling());
      throw e;
    }
  });
  let w: Task<unknown> = createTask(waiter());
  await sleep(0);
  a.cancel("a-msg");
  try {
    await w;
  } catch (e) {
    print("8", repr(e), w.cancelled());
  }
  a = createTask(val(9, 1));
  w = createTask(waiter());
  await sleep(0);
  w.cancel("w-msg");
  a.cancel("a-msg");
  try {
    await w;
  } catch (e) {
    print("9", repr(e));
  }
  const out: unknown[] = [];
  const ts = [0, 1, 2].map((i) => createTask(val(i, 0.1)));
  for (const t of [...ts].reverse()) t.addDoneCallback((f) => out.push(f.result()));
  await gather(...ts);
  print("10", repr(out));
  const res: unknown[] = [];
  for (const c of asCompleted([val("x", 0.1), val("y", 0.05), val("z", 0.1)])) res.push(await c);
  print("11", repr(res));
  const wfn = coroutine(async function wfn() {
    return await waitFor(val(12, 1), null);
  });
  w = createTask(wfn());
  await sleep(0.1);
  w.cancel("wf");
  try {
    await w;
  } catch (e) {
    print("12", repr(e));
  }
  const both = coroutine(async function both() {
    try {
      await timeout(0.1, async () => {
        await sleep(1);
      });
    } catch (e) {
      if (e instanceof TimeoutError) print("13 timeout error (wrong?)");
      else if (e instanceof CancelledError) {
        print("13 cancelled", repr(e), currentTask()!.cancelling());
        throw e;
      } else throw e;
    }
  });
  const b = createTask(both());
  loop.callLater(0.1, (m: string) => b.cancel(m), "ext");
  try {
    await b;
  } catch (e) {
    print("13", repr(e));
  }
  const unc = coroutine(async function unc() {
    await timeout(0.1, async () => {
      try {
        await sleep(1);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        print("14 uncancel ->", currentTask()!.uncancel());
        await sleep(0.05);
      }
    });
    print("14 after block", currentTask()!.cancelling());
  });
  try {
    await createTask(unc());
  } catch (e) {
    if (e instanceof TimeoutError) print("14 timeout");
    else if (e instanceof CancelledError) print("14 cancelled", repr(e));
    else throw e;
  }
});

export default () =>
  runTests(
    cancel_messages_and_counts,
    taskgroup_timeout_interplay,
    cancel_corners,
    cancel_propagation_and_reprs,
    same_deadline_races,
  );
