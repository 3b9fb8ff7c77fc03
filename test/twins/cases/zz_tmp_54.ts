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
  out("s2", "at", now());
});

const f2 = coroutine(async function f2() {
  await sleep(0);
  onDone("s3", "t1", R.get("t1"));
  throw new ValueError("s4");
});

const f3 = coroutine(async function f3() {
  throw new ValueError("s8");
});

const f4 = coroutine(async function f4() {
  out("s9", "cancel self", currentTask()!.cancel("self s9"));
  await sleep(0.4);
  out("s10", "at", now());
  throw new ValueError("f4");
});

const f5 = coroutine(async function f5() {
  return "f5";
});

const main = coroutine(async function main() {
  try {
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    try {
      for await (const t of asCompleted<unknown>([t1], { timeout: 0.5 })) {
        out("s1", "next", (t as Task).getName(), state(t as Task), now());
      }
      out("s1", "as_completed done", now());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      out("s1", "as_completed timeout", now());
    }
    const t2 = createTask(f2(), { name: "t2" });
    R.set("t2", t2);
    try {
      out("s6", "gather ->", rl(await gather(t1)));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s6", "gather raised", rep(e));
    }
    await sleep(0.8);
    try {
      await taskGroup(async (tg1) => {
        tg1.createTask(f3(), { name: "g1" });
        tg1.createTask(f4(), { name: "g2" });
        await awaitTask("s11", "t2", t2);
        await sleep(0.5);
        await sleep(1);
        out("s12", "at", now());
      });
      out("s7", "tg done", now());
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      out("s7", "tg raised", rep(e), now());
    }
    R.set("t3", createTask(f5(), { name: "t3" }));
    out("s13", "at", now());
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
