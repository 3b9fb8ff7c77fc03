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

export default () => runTests(primitives_basics, primitives_under_cancellation);
