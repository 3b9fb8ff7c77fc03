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
  TimeoutError,
  taskGroup,
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

function names(ts: Iterable<Task>): string[] {
  return [...ts].map((t) => t.getName()).sort();
}

function cancel(label: string, name: string, t: Task | undefined, msg?: string): void {
  out(label, "cancel", name, t === undefined ? "absent" : t.cancel(msg));
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
  out("s5", "at", now());
  await sleep(0);
  await sleep(0);
});

const f2 = coroutine(async function f2() {});

const f3 = coroutine(async function f3() {
  out("s6", "at", now());
  cancel("s7", "t2", R.get("t2"));
  await awaitTask("s8", "t2", R.get("t2"));
});

const f4 = coroutine(async function f4() {
  throw new ValueError("s10");
});

const f5 = coroutine(async function f5() {});

const f6 = coroutine(async function f6() {
  return "f6";
});

const f7 = coroutine(async function f7() {
  out("s12", "at", now());
  throw new ValueError("s13");
});

const f8 = coroutine(async function f8() {
  out("s14", "at", now());
  getRunningLoop().callLater(0.5, () => out("s15", "call_later", now()));
  await sleep(1);
  await sleep(0.7);
});

const main = coroutine(async function main() {
  try {
    try {
      await timeout(0.9, async () => {
        throw new ValueError("s2");
      });
      out("s1", "timeout block done", now());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      out("s1", "timeout block expired", now());
    }
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    const t2 = createTask(f2(), { name: "t2" });
    R.set("t2", t2);
    const t3 = createTask(f3(), { name: "t3" });
    R.set("t3", t3);
    {
      const [done, pending] = await wait([t1, t2, t3], { timeout: 0.9, returnWhen: "FIRST_COMPLETED" });
      out("s4", "wait done", names(done), "pending", names(pending), now());
    }
    try {
      out("s9", "gather ->", rl(await gather(t3, t1, t2, { returnExceptions: true })));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s9", "gather raised", rep(e));
    }
    R.set("t4", createTask(f4(), { name: "t4" }));
    R.set("t5", createTask(f5(), { name: "t5" }));
    try {
      await taskGroup(async (tg2) => {
        tg2.createTask(f6(), { name: "g1" });
        tg2.createTask(f7(), { name: "g2" });
        tg2.createTask(f8(), { name: "g3" });
        await awaitTask("s16", "t2", t2);
        cancel("s17", "t1", t1);
      });
      out("s11", "tg done", now());
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      out("s11", "tg raised", rep(e), now());
    }
    return "main";
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
