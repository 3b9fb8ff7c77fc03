// tmp
import {
  asCompleted,
  CancelledError,
  coroutine,
  createTask,
  currentTask,
  ExceptionGroup,
  fixed,
  gather,
  getRunningLoop,
  print,
  repr,
  run,
  shield,
  sleep,
  str,
  type Task,
  TimeoutError,
  taskGroup,
  ValueError,
  wait,
  waitFor,
} from "../../../src/index.js";

const R = new Map<string, Task>();
const NOTES: string[] = [];
const S = { ending: false };

function out(...args: unknown[]): void {
  if (!S.ending) print(...args);
}

function now(): string {
  return fixed(getRunningLoop().time(), 1);
}

function rep(e: unknown): string {
  if (e instanceof ExceptionGroup) {
    return `ExceptionGroup(${repr(e.message)}, [${e.exceptions
      .map((x) => rep(x))
      .sort()
      .join(", ")}])`;
  }
  return repr(e);
}

function state(t: Task): string {
  if (!t.done()) return `pending(${t.cancelling()})`;
  if (t.cancelled()) return "cancelled";
  const e = t.exception();
  return e !== undefined ? `raised ${rep(e)}` : `result ${repr(t.result())}`;
}

const awaitTask = coroutine(async function await_task(label: string, name: string, t: Task | undefined) {
  if (t === undefined) {
    out(label, "await", name, "absent");
    return;
  }
  try {
    out(label, "await", name, "->", repr(await t));
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    out(label, "await", name, "raised", rep(e));
  }
});

const finish = coroutine(async function finish() {
  try {
    const running = [...R.values()].filter((t) => !t.done());
    if (running.length > 0) await wait(running, { timeout: 2 });
    for (;;) {
      const left = [...R.values()].filter((t) => !t.done());
      if (left.length === 0) break;
      out(
        "cleanup",
        left.map((t) => t.getName()),
      );
      for (const t of left) t.cancel("cleanup");
      await gather(...left, { returnExceptions: true });
    }
  } finally {
    S.ending = true;
  }
});

const f2 = coroutine(async function f2() {
  return "f2";
});

const f1 = coroutine(async function f1() {
  const t1 = createTask(f2(), { name: "t1" });
  R.set("t1", t1);
  for (const f of asCompleted<unknown>([t1], { timeout: 0.1 })) {
    try {
      out("s2", "next ->", repr(await f), now());
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      if (e instanceof TimeoutError) out("s2", "next timeout", now());
      else out("s2", "next raised", rep(e), now());
    }
  }
  await sleep(0.7);
  try {
    out("s3", "wait_for ->", repr(await waitFor(t1, 0.8)));
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    if (e instanceof TimeoutError) out("s3", "wait_for timeout", now());
    else out("s3", "wait_for raised", rep(e));
  }
});

const f4 = coroutine(async function f4() {
  await sleep(0.8);
  await sleep(0.6);
  await awaitTask("s7", "t1", R.get("t1"));
  await sleep(0.1);
  await sleep(1);
  await sleep(0.7);
});

const f3 = coroutine(async function f3() {
  const t2 = createTask(f4(), { name: "t2" });
  R.set("t2", t2);
  for (const f of asCompleted<unknown>([t2], { timeout: 0.5 })) {
    try {
      out("s6", "next ->", repr(await f), now());
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      if (e instanceof TimeoutError) out("s6", "next timeout", now());
      else out("s6", "next raised", rep(e), now());
    }
  }
  try {
    out("s8", "shield ->", repr(await shield(t2)));
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    out("s8", "shield raised", rep(e));
  }
  await awaitTask("s10", "t1", R.get("t1"));
  return "f3";
});

const f5 = coroutine(async function f5() {
  out("s12", "at", now());
  out("s13", "at", now());
  await sleep(0.4);
  out("s14", "at", now());
  throw new ValueError("f5");
});

const f7 = coroutine(async function f7() {
  getRunningLoop().callSoon(() => out("s17", "call_soon", now()));
});

const f6 = coroutine(async function f6() {
  try {
    await taskGroup(async (tg2) => {
      tg2.createTask(f7(), { name: "g2" });
    });
    out("s16", "tg done", now());
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    out("s16", "tg raised", rep(e), now());
  }
});

const f8 = coroutine(async function f8() {
  out("s18", "cancel self", currentTask()!.cancel("self s18"));
  await sleep(0);
  await sleep(0);
  await sleep(0.3);
  await awaitTask("s19", "t1", R.get("t1"));
  return "f8";
});

const main = coroutine(async function main() {
  try {
    try {
      out("s1", "wait_for ->", repr(await waitFor(f1(), null)));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      if (e instanceof TimeoutError) out("s1", "wait_for timeout", now());
      else out("s1", "wait_for raised", rep(e));
    }
    await sleep(1);
    out("s5", "f3 ->", repr(await f3()));
    try {
      await taskGroup(async (tg1) => {
        tg1.createTask(f5(), { name: "g1" });
        const t3 = createTask(f6(), { name: "t3" });
        R.set("t3", t3);
        const t4 = createTask(f8(), { name: "t4" });
        R.set("t4", t4);
        try {
          for await (const t of asCompleted<unknown>([t3, t4], { timeout: 0 })) {
            out("s15", "next", (t as Task).getName(), state(t as Task), now());
          }
          out("s15", "as_completed done", now());
        } catch (e) {
          if (!(e instanceof TimeoutError)) throw e;
          out("s15", "as_completed timeout", now());
        }
        out("s20", "at", now());
      });
      out("s11", "tg done", now());
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      out("s11", "tg raised", rep(e), now());
    }
  } finally {
    await finish();
  }
});

export default async () => {
  try {
    print("run ->", repr(await run(main())));
  } catch (e) {
    print("run raised", (e as Error).constructor.name, str(e));
  }
  for (const line of NOTES.sort()) print("note:", line);
};
