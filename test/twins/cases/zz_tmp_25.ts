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

const f1 = coroutine(async function f1() {
  await sleep(0.4);
});

const f2 = coroutine(async function f2() {
  return "f2";
});

const f3 = coroutine(async function f3() {
  await sleep(0.2);
});

const f4 = coroutine(async function f4() {
  throw new ValueError("f4");
});

const f5 = coroutine(async function f5() {
  throw new ValueError("s10");
});

const f6 = coroutine(async function f6() {
  await sleep(0.3);
  getRunningLoop().callSoon(() => out("s11", "call_soon", now()));
  await sleep(1);
  await sleep(0.9);
  await sleep(0.1);
  throw new ValueError("s12");
});

const f7 = coroutine(async function f7() {
  cancel("s13", "t2", R.get("t2"), "by s13");
  return "f7";
});

const main = coroutine(async function main() {
  try {
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    try {
      for await (const t of asCompleted<unknown>([t1], { timeout: 0.2 })) {
        out("s2", "next", (t as Task).getName(), state(t as Task), now());
      }
      out("s2", "as_completed done", now());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      out("s2", "as_completed timeout", now());
    }
    try {
      cancel("s4", "t1", t1, "by s4");
      await sleep(0.2);
      await awaitTask("s5", "t1", t1);
      onDone("s6", "t1", t1);
      await sleep(0.9);
    } catch (e) {
      if (e instanceof CancelledError) {
        out("s3", "caught", rep(e), "cancelling", currentTask()!.cancelling());
      } else if (e instanceof ValueError) out("s3", "caught", rep(e));
      else throw e;
    } finally {
      out("s3", "finally", now());
    }
    const t2 = createTask(f2(), { name: "t2" });
    R.set("t2", t2);
    const t3 = createTask(f3(), { name: "t3" });
    R.set("t3", t3);
    try {
      for await (const t of asCompleted<unknown>([t2, t3], { timeout: 0.7 })) {
        out("s7", "next", (t as Task).getName(), state(t as Task), now());
      }
      out("s7", "as_completed done", now());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      out("s7", "as_completed timeout", now());
    }
    try {
      out("s8", "gather ->", rl(await gather(t1, t2, { returnExceptions: true })));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s8", "gather raised", rep(e));
    }
    try {
      await taskGroup(async (tg1) => {
        tg1.createTask(f4(), { name: "g1" });
        tg1.createTask(f5(), { name: "g2" });
        tg1.createTask(f6(), { name: "g3" });
      });
      out("s9", "tg done", now());
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      out("s9", "tg raised", rep(e), now());
    }
    const t4 = createTask(f7(), { name: "t4" });
    R.set("t4", t4);
    await awaitTask("s14", "t4", t4);
    out("s15", "at", now());
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
