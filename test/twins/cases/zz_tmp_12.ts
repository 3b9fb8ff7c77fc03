// tmp
import {
  CancelledError,
  coroutine,
  createTask,
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
  return "f1";
});

const f2 = coroutine(async function f2() {
  onDone("s4", "t1", R.get("t1"));
  out("s5", "at", now());
});

const f3 = coroutine(async function f3() {
  throw new ValueError("s6");
});

const f4 = coroutine(async function f4() {
  cancel("s7", "t2", R.get("t2"), "by s7");
  throw new ValueError("s8");
});

const main = coroutine(async function main() {
  try {
    await sleep(0.8);
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    {
      const [done, pending] = await wait([t1], { timeout: 0.5, returnWhen: "FIRST_COMPLETED" });
      out("s2", "wait done", names(done), "pending", names(pending), now());
    }
    const t2 = createTask(f2(), { name: "t2" });
    R.set("t2", t2);
    const t3 = createTask(f3(), { name: "t3" });
    R.set("t3", t3);
    const t4 = createTask(f4(), { name: "t4" });
    R.set("t4", t4);
    {
      const [done, pending] = await wait([t2, t3, t4, t1], { timeout: 0.6, returnWhen: "FIRST_COMPLETED" });
      out("s3", "wait done", names(done), "pending", names(pending), now());
    }
    await awaitTask("s9", "t1", t1);
    try {
      out("s10", "gather ->", rl(await gather(t2, t1, { returnExceptions: true })));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s10", "gather raised", rep(e));
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
