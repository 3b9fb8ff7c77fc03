// tmp
import {
  asCompleted,
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
  timeout,
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
  out("s1", "at", now());
});

const f1 = coroutine(async function f1() {
  R.set("t2", createTask(f2(), { name: "t2" }));
  return "f1";
});

const f3 = coroutine(async function f3() {
  status("s10", "t2", R.get("t2"));
  await sleep(0.7);
  await sleep(0.6);
  await awaitTask("s11", "t2", R.get("t2"));
});

const f4 = coroutine(async function f4() {
  out("s12", "at", now());
  await sleep(0.3);
  await sleep(0.3);
  return "f4";
});

const main = coroutine(async function main() {
  try {
    await sleep(0.2);
    await sleep(0.7);
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    cancel("s2", "t1", t1);
    await sleep(0.1);
    out("s3", "at", now());
    try {
      await timeout(0.7, async () => {
        cancel("s5", "t2", R.get("t2"), "by s5");
        await sleep(0.1);
        await awaitTask("s6", "t2", R.get("t2"));
        cancel("s7", "t2", R.get("t2"), "by s7");
        out("s8", "at", now());
      });
      out("s4", "timeout block done", now());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      out("s4", "timeout block expired", now());
    }
    const t3 = createTask(f3(), { name: "t3" });
    R.set("t3", t3);
    const t4 = createTask(f4(), { name: "t4" });
    R.set("t4", t4);
    for (const f of asCompleted<unknown>([t3, t4], { timeout: 0.9 })) {
      try {
        out("s9", "next ->", repr(await f), now());
      } catch (e) {
        if (e instanceof CancelledError) throw e;
        if (e instanceof TimeoutError) out("s9", "next timeout", now());
        else out("s9", "next raised", rep(e), now());
      }
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
