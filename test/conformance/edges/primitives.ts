// Edge programs written while hunting divergences (issue 16, round 3): asyncio's primitives under cancellation, compared with CPython 3.13.
import {
  Barrier,
  BoundedSemaphore,
  BrokenBarrierError,
  CancelledError,
  Condition,
  coroutine,
  createTask,
  Event,
  gather,
  LifoQueue,
  Lock,
  PriorityQueue,
  print,
  Queue,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  repr,
  Semaphore,
  sleep,
  type Task,
  TimeoutError,
  timeout,
  ValueError,
  wait,
  waitFor,
} from "../../../src/index.js";
import { runTests, typeName } from "../harness.js";

// Lock, Semaphore, BoundedSemaphore, Event, Queue (shutdown), Priority/LIFO queues, Condition.wait_for, their errors.
const primitives_basics = coroutine(async function primitives_basics() {
  const lock = new Lock();
  const order: number[] = [];
  const user = coroutine(async function user(n: number, d: number) {
    try {
      await lock.acquire();
      try {
        order.push(n);
        await sleep(d);
      } finally {
        lock.release();
      }
    } catch (e) {
      if (e instanceof CancelledError) print("user", n, "cancelled", lock.locked());
      throw e;
    }
  });
  const ts = [0, 1, 2, 3].map((i) => createTask(user(i, 0.1), { name: `u${i}` }));
  await sleep(0);
  ts[1]!.cancel();
  ts[0]!.cancel();
  await sleep(0);
  print(repr(lock), lock.locked());
  const res = (await gather(...ts, { returnExceptions: true })) as unknown[];
  print(repr(order), repr(res.map((r) => (r == null ? "NoneType" : typeName(r)))));
  const sem = new Semaphore(2);
  const s = coroutine(async function s(n: number) {
    await sem.acquire();
    try {
      print("in", n, sem._value, sem.locked());
      await sleep(0.1);
    } finally {
      sem.release();
    }
  });
  await gather(...[0, 1, 2, 3, 4].map((i) => s(i)));
  const b = new BoundedSemaphore(1);
  try {
    b.release();
  } catch (e) {
    print(repr(e));
  }
  const ev = new Event();
  const waiter = coroutine(async function waiter(n: number) {
    print("w", n, await ev.wait());
  });
  const ws = [0, 1, 2].map((i) => createTask(waiter(i)));
  await sleep(0);
  ws[1]!.cancel();
  ev.set();
  ev.clear();
  await sleep(0);
  print(ev.isSet(), repr(ws.map((w) => w.done())));
  await gather(...ws, { returnExceptions: true });
  const q = new Queue<number>(2);
  const prod = coroutine(async function prod() {
    for (let i = 0; i < 5; i++) {
      await q.put(i);
      print("put", i, q.qsize(), q.full());
    }
    q.shutdown();
  });
  const cons = coroutine(async function cons(n: number) {
    try {
      while (true) {
        const x = await q.get();
        print("got", n, x);
        await sleep(0.05);
        q.taskDone();
      }
    } catch (e) {
      if (e instanceof QueueShutDown) print("cons", n, "shutdown");
      else throw e;
    }
  });
  await gather(prod(), cons(1), cons(2));
  const q2 = new Queue();
  try {
    q2.getNowait();
  } catch (e) {
    if (e instanceof QueueEmpty) print("empty", repr(e));
  }
  const q3 = new Queue(1);
  q3.putNowait(1);
  try {
    q3.putNowait(2);
  } catch (e) {
    if (e instanceof QueueFull) print("full", repr(e));
  }
  try {
    q3.taskDone();
    q3.taskDone();
  } catch (e) {
    print(repr(e));
  }
  const pq = new PriorityQueue<number>();
  for (const x of [5, 1, 3]) pq.putNowait(x);
  print(repr([pq.getNowait(), pq.getNowait(), pq.getNowait()]));
  const lq = new LifoQueue<number>();
  for (const x of [5, 1, 3]) lq.putNowait(x);
  print(repr([lq.getNowait(), lq.getNowait(), lq.getNowait()]));
  await lock.acquire();
  try {
    await waitFor(lock.acquire(), 0.1);
  } catch (e) {
    if (e instanceof TimeoutError) print("acquire timeout", repr(e), lock.locked());
    else throw e;
  }
  lock.release();
  try {
    lock.release();
  } catch (e) {
    print(repr(e));
  }
  const cond = new Condition();
  const state = [0];
  const cw = coroutine(async function cw(n: number) {
    await cond.acquire();
    try {
      const r = await cond.waitFor(() => n < state[0]!);
      print("cw", n, r);
    } finally {
      cond.release();
    }
  });
  const cs = [0, 1, 2].map((i) => createTask(cw(i)));
  await sleep(0);
  for (let i = 1; i < 4; i++) {
    await cond.acquire();
    try {
      state[0] = i;
      cond.notifyAll();
    } finally {
      cond.release();
    }
    await sleep(0);
  }
  await gather(...cs);
  try {
    cond.notify();
  } catch (e) {
    print(repr(e));
  }
  const q4 = new Queue<number>();
  for (let i = 0; i < 3; i++) q4.putNowait(i);
  q4.shutdown(true);
  print(q4.qsize(), q4.empty());
  try {
    await q4.get();
  } catch (e) {
    print("sd", repr(e));
  }
  try {
    q4.putNowait(1);
  } catch (e) {
    print("sd put", repr(e));
  }
});

// Waiters cancelled in line for a Semaphore, a Condition and a Lock being handed over, Queue.join under wait_for, Barrier abort, wait(FIRST_EXCEPTION), Event.wait in a timeout.
const primitives_under_cancellation = coroutine(async function primitives_under_cancellation() {
  const sem = new Semaphore(1);
  const log: string[] = [];
  const w = coroutine(async function w(n: number, hold: number) {
    try {
      await sem.acquire();
      try {
        log.push(`in${n}`);
        await sleep(hold);
        log.push(`out${n}`);
      } finally {
        sem.release();
      }
    } catch (e) {
      if (e instanceof CancelledError) log.push(`cx${n}`);
      throw e;
    }
  });
  let ts: Task<unknown>[] = [0, 1, 2, 3, 4].map((i) => createTask(w(i, 0.1)));
  await sleep(0.05);
  ts[1].cancel();
  ts[3].cancel();
  await sleep(0.06);
  ts[2].cancel();
  await gather(...ts, { returnExceptions: true });
  print(repr(log), sem.locked(), sem._value);
  const cond = new Condition();
  const cw = coroutine(async function cw() {
    await cond.acquire();
    try {
      try {
        await cond.wait();
        print("cw woke, locked:", cond.locked());
      } catch (e) {
        if (e instanceof CancelledError) print("cw cancelled, locked:", cond.locked());
        throw e;
      }
    } finally {
      cond.release();
    }
  });
  const t = createTask(cw());
  await sleep(0);
  await cond.acquire();
  try {
    cond.notify();
    t.cancel();
    await sleep(0);
  } finally {
    cond.release();
  }
  try {
    await t;
  } catch (e) {
    if (e instanceof CancelledError) print("t cancelled", cond.locked());
    else throw e;
  }
  const q = new Queue<number>();
  for (let i = 0; i < 3; i++) q.putNowait(i);
  const consumer = coroutine(async function consumer() {
    while (true) {
      const x = await q.get();
      await sleep(0.1);
      print("consumed", x);
      q.taskDone();
    }
  });
  const c = createTask(consumer());
  try {
    await waitFor(q.join(), 0.25);
  } catch (e) {
    if (e instanceof TimeoutError) print("join timeout", q.qsize(), q._unfinishedTasks);
    else throw e;
  }
  c.cancel();
  await gather(c, { returnExceptions: true });
  const b = new Barrier(3);
  const bw = coroutine(async function bw(n: number) {
    const i = await b.wait();
    print("barrier", n, i, b.nWaiting, b.broken);
  });
  await gather(bw(0), bw(1), bw(2));
  const bw2 = coroutine(async function bw2() {
    try {
      await b.wait();
    } catch (e) {
      if (e instanceof BrokenBarrierError) print("broken", repr(e));
      else throw e;
    }
  });
  const bt = [createTask(bw2()), createTask(bw2())];
  await sleep(0);
  await b.abort();
  await gather(...bt);
  print(b.broken);
  const e = coroutine(async function e(d: number) {
    await sleep(d);
    throw new ValueError(d);
  });
  const ok = coroutine(async function ok(d: number) {
    await sleep(d);
    return d;
  });
  ts = [createTask(ok(0.1), { name: "ok1" }), createTask(e(0.2), { name: "e" }), createTask(ok(0.3), { name: "ok3" })];
  const [done, pending] = await wait(ts, { returnWhen: "FIRST_EXCEPTION" });
  print(repr([...done].map((t) => t.getName()).sort()), repr([...pending].map((t) => t.getName()).sort()));
  await wait(pending);
  ts[1].exception();
  const ev = new Event();
  try {
    await timeout(0.1, async () => {
      await ev.wait();
    });
  } catch (e) {
    if (e instanceof TimeoutError) print("ev timeout", ev._waiters.length);
    else throw e;
  }
  const lock = new Lock();
  await lock.acquire();
  const a1 = createTask(lock.acquire());
  const a2 = createTask(lock.acquire());
  await sleep(0);
  lock.release();
  a1.cancel();
  await sleep(0);
  print("a1", a1.cancelled(), "a2", a2.done(), lock.locked());
  await sleep(0);
  print("a2", a2.done(), lock.locked());
});

// A waiter woken and cancelled in the same iteration passes the wake-up on (Condition, Semaphore, Queue
// get/put, Lock), as 3.13 does; an Event waiter cancelled after set() is cancelled.
const wakeups_passed_on = coroutine(async function wakeups_passed_on() {
  const cond = new Condition();
  const w = coroutine(async function w(n: number) {
    await cond.acquire();
    try {
      try {
        await cond.wait();
        print("woke", n);
      } catch (e) {
        if (e instanceof CancelledError) print("cancelled", n);
        throw e;
      }
    } finally {
      cond.release();
    }
  });
  const ts = [0, 1, 2].map((i) => createTask(w(i)));
  await sleep(0);
  await cond.acquire();
  try {
    cond.notify(1);
    ts[0]!.cancel();
  } finally {
    cond.release();
  }
  await sleep(0.1);
  print(repr(ts.map((t) => t.done())));
  await cond.acquire();
  try {
    cond.notify(1);
    ts[1]!.cancel();
    ts[2]!.cancel();
  } finally {
    cond.release();
  }
  await gather(...ts, { returnExceptions: true });
  const sem = new Semaphore(0);
  const s = coroutine(async function s(n: number) {
    try {
      await sem.acquire();
      print("sem got", n);
    } catch (e) {
      if (e instanceof CancelledError) print("sem cancelled", n);
      throw e;
    }
  });
  const ss = [0, 1, 2].map((i) => createTask(s(i)));
  await sleep(0);
  sem.release();
  ss[0]!.cancel();
  await sleep(0);
  await sleep(0);
  print(repr(ss.map((t) => t.done())), sem._value);
  sem.release();
  sem.release();
  await gather(...ss, { returnExceptions: true });
  print(sem._value);
  let q = new Queue<unknown>();
  const g = coroutine(async function g(n: number) {
    try {
      print("got", n, await q.get());
    } catch (e) {
      if (e instanceof CancelledError) print("get cancelled", n);
      throw e;
    }
  });
  const gs = [0, 1].map((i) => createTask(g(i)));
  await sleep(0);
  q.putNowait("item");
  gs[0]!.cancel();
  await sleep(0.1);
  print(repr(gs.map((t) => t.done())), q.qsize());
  gs[1]!.cancel();
  await gather(...gs, { returnExceptions: true });
  q = new Queue<unknown>(1);
  q.putNowait(0);
  const p = coroutine(async function p(n: number) {
    try {
      await q.put(n);
      print("put", n);
    } catch (e) {
      if (e instanceof CancelledError) print("put cancelled", n);
      throw e;
    }
  });
  const ps = [1, 2].map((i) => createTask(p(i)));
  await sleep(0);
  print(q.getNowait());
  ps[0]!.cancel();
  await sleep(0.1);
  print(repr(ps.map((t) => t.done())), q.qsize(), repr([...q._queue]));
  const ev = new Event();
  const e = coroutine(async function e() {
    try {
      print("ev", await ev.wait());
    } catch (x) {
      if (x instanceof CancelledError) print("ev cancelled");
      throw x;
    }
  });
  const et = createTask(e());
  await sleep(0);
  ev.set();
  et.cancel();
  await gather(et, { returnExceptions: true });
  const lock = new Lock();
  await lock.acquire();
  const l = coroutine(async function l(n: number) {
    try {
      await lock.acquire();
      try {
        print("lock", n);
      } finally {
        lock.release();
      }
    } catch (x) {
      if (x instanceof CancelledError) print("lock cancelled", n);
      throw x;
    }
  });
  const ls = [0, 1, 2].map((i) => createTask(l(i)));
  await sleep(0);
  lock.release();
  ls[0]!.cancel();
  await gather(...ls, { returnExceptions: true });
  print(lock.locked());
});

export default () => runTests(primitives_basics, primitives_under_cancellation, wakeups_passed_on);
