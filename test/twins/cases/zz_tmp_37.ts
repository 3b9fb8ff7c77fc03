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
  timeout,
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

function names(ts: Iterable<Task>): string[] {
  return [...ts].map((t) => t.getName()).sort();
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
  await sleep(0.5);
  out("s2", "cancel self", currentTask()!.cancel("self s2"));
  await sleep(0.3);
  throw new ValueError("f2");
});

const f3 = coroutine(async function f3() {
  await sleep(0.7);
  return "f3";
});

const f4 = coroutine(async function f4() {
  await awaitTask("s5", "t3", R.get("t3"));
  await sleep(0);
  out("s6", "at", now());
  await awaitTask("s7", "t2", R.get("t2"));
});

const f1 = coroutine(async function f1() {
  try {
    await timeout(0, async () => {
      R.set("t2", createTask(f2(), { name: "t2" }));
    });
    out("s1", "timeout block done", now());
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    out("s1", "timeout block expired", now());
  }
  cancel("s3", "t2", R.get("t2"), "by s3");
  const t3 = createTask(f3(), { name: "t3" });
  R.set("t3", t3);
  const t4 = createTask(f4(), { name: "t4" });
  R.set("t4", t4);
  {
    const [done, pending] = await wait([t3, t4], { timeout: 0.4, returnWhen: "FIRST_COMPLETED" });
    out("s4", "wait done", names(done), "pending", names(pending), now());
  }
});

const f5 = coroutine(async function f5() {
  out("s10", "at", now());
  return "f5";
});

const f6 = coroutine(async function f6() {
  throw new ValueError("f6");
});

const f7 = coroutine(async function f7() {
  return "f7";
});

const main = coroutine(async function main() {
  try {
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    status("s8", "t1", t1);
    try {
      out("s9", "gather ->", rl(await gather(t1, f5())));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s9", "gather raised", rep(e));
    }
    onDone("s12", "t4", R.get("t4"));
    const t5 = createTask(f6(), { name: "t5" });
    R.set("t5", t5);
    const t6 = createTask(f7(), { name: "t6" });
    R.set("t6", t6);
    for (const f of asCompleted<unknown>([t5, t6], { timeout: 1 })) {
      try {
        out("s13", "next ->", repr(await f), now());
      } catch (e) {
        if (e instanceof CancelledError) throw e;
        if (e instanceof TimeoutError) out("s13", "next timeout", now());
        else out("s13", "next raised", rep(e), now());
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
