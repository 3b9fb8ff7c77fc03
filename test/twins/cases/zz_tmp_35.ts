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
  sleep,
  str,
  type Task,
  TimeoutError,
  taskGroup,
  ValueError,
  wait,
} from "../../../src/index.js";

const R = new Map<string, Task>();
const NOTES: string[] = [];
const S = { ending: false };

function out(...args: unknown[]): void {
  if (!S.ending) print(...args);
}

function note(...args: unknown[]): void {
  if (!S.ending) NOTES.push(args.map((a) => str(a)).join(" "));
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

function rl(values: readonly unknown[]): string {
  return `[${values.map((v) => (v instanceof Error ? rep(v) : repr(v))).join(", ")}]`;
}

function state(t: Task): string {
  if (!t.done()) return `pending(${t.cancelling()})`;
  if (t.cancelled()) return "cancelled";
  const e = t.exception();
  return e !== undefined ? `raised ${rep(e)}` : `result ${repr(t.result())}`;
}

function status(label: string, name: string, t: Task | undefined): void {
  out(label, name, t === undefined ? "absent" : state(t));
}

function cancel(label: string, name: string, t: Task | undefined, msg?: string): void {
  out(label, "cancel", name, t === undefined ? "absent" : t.cancel(msg));
}

function onDone(label: string, name: string, t: Task | undefined, quiet = false): void {
  if (t === undefined) {
    out(label, "on_done", name, "absent");
    return;
  }
  t.addDoneCallback((d) => (quiet ? note : out)(label, "done", d.getName(), state(d)));
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
  await sleep(0.8);
  await sleep(0.7);
  await sleep(0);
  return "f2";
});

const f3 = coroutine(async function f3() {
  out("s6", "at", now());
  throw new ValueError("f3");
});

const f4 = coroutine(async function f4() {
  await sleep(0.6);
  await sleep(0);
  out("s7", "at", now());
});

const f5 = coroutine(async function f5() {
  throw new ValueError("f5");
});

const f1 = coroutine(async function f1() {
  const t2 = createTask(f2(), { name: "t2" });
  R.set("t2", t2);
  try {
    await sleep(0.3);
    cancel("s3", "t2", t2);
  } catch (e) {
    if (e instanceof CancelledError) {
      out("s2", "caught", rep(e), "cancelling", currentTask()!.cancelling());
    } else throw e;
  } finally {
    out("s2", "finally", now());
  }
  try {
    out("s4", "gather ->", rl(await gather(t2, { returnExceptions: true })));
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    out("s4", "gather raised", rep(e));
  }
  try {
    await taskGroup(async (tg1) => {
      tg1.createTask(f3(), { name: "g1" });
      tg1.createTask(f4(), { name: "g2" });
      tg1.createTask(f5(), { name: "g3" });
      cancel("s8", "t2", t2, "by s8");
      await sleep(0.9);
      out("s9", "at", now());
    });
    out("s5", "tg done", now());
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    out("s5", "tg raised", rep(e), now());
  }
  cancel("s10", "t2", t2, "by s10");
});

const f7 = coroutine(async function f7() {
  out("s11", "at", now());
  onDone("s12", "t2", R.get("t2"));
  out("s13", "at", now());
  throw new ValueError("f7");
});

const f6 = coroutine(async function f6() {
  const t4 = createTask(f7(), { name: "t4" });
  R.set("t4", t4);
  cancel("s14", "t1", R.get("t1"), "by s14");
  try {
    out("s16", "cancel self", currentTask()!.cancel("self s16"));
    await sleep(0.9);
    status("s17", "t2", R.get("t2"));
    out("s18", "at", now());
    throw new ValueError("s19");
  } catch (e) {
    if (e instanceof CancelledError) {
      out("s15", "caught", rep(e), "cancelling", currentTask()!.cancelling());
    } else throw e;
  } finally {
    out("s15", "finally", now());
  }
  try {
    out("s20", "gather ->", rl(await gather(t4)));
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    out("s20", "gather raised", rep(e));
  }
});

const f10 = coroutine(async function f10() {
  throw new ValueError("f10");
});

const f11 = coroutine(async function f11() {
  await sleep(0.9);
  return "f11";
});

const f9 = coroutine(async function f9() {
  const t6 = createTask(f10(), { name: "t6" });
  await awaitTask("s23", "t6", t6);
  createTask(f11(), { name: "t7" });
  return "f9";
});

const f12 = coroutine(async function f12() {
  await sleep(0.9);
  await sleep(0.9);
  await sleep(0.5);
});

const f8 = coroutine(async function f8() {
  try {
    await taskGroup(async (tg2) => {
      tg2.createTask(f9(), { name: "g4" });
      tg2.createTask(f12(), { name: "g5" });
      await sleep(0.3);
      await awaitTask("s24", "t2", R.get("t2"));
      out("s25", "at", now());
      await awaitTask("s26", "t3", R.get("t3"));
      await sleep(0);
    });
    out("s22", "tg done", now());
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    out("s22", "tg raised", rep(e), now());
  }
  await awaitTask("s27", "t1", R.get("t1"));
  throw new ValueError("f8");
});

const main = coroutine(async function main() {
  try {
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    const t3 = createTask(f6(), { name: "t3" });
    R.set("t3", t3);
    try {
      for await (const t of asCompleted<unknown>([t1, t3], { timeout: 1 })) {
        out("s1", "next", (t as Task).getName(), state(t as Task), now());
      }
      out("s1", "as_completed done", now());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      out("s1", "as_completed timeout", now());
    }
    const t5 = createTask(f8(), { name: "t5" });
    R.set("t5", t5);
    for (const f of asCompleted<unknown>([t5], { timeout: 0.3 })) {
      try {
        out("s21", "next ->", repr(await f), now());
      } catch (e) {
        if (e instanceof CancelledError) throw e;
        if (e instanceof TimeoutError) out("s21", "next timeout", now());
        else out("s21", "next raised", rep(e), now());
      }
    }
    throw new ValueError("main");
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
