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

const f1 = coroutine(async function f1() {
  try {
    await sleep(0.3);
  } catch (e) {
    if (e instanceof CancelledError) {
      out("s2", "caught", rep(e), "cancelling", currentTask()!.cancelling());
      throw e;
    } else throw e;
  }
  out("s3", "at", now());
  return "f1";
});

const f2 = coroutine(async function f2() {
  await sleep(0.7);
  try {
    await sleep(0);
    await sleep(0.3);
    await sleep(0.6);
  } catch (e) {
    if (e instanceof CancelledError) {
      out("s4", "caught", rep(e), "cancelling", currentTask()!.cancelling());
      out("s4", "uncancel ->", currentTask()!.uncancel());
    } else out("s4", "caught", rep(e));
  }
  cancel("s5", "t1", R.get("t1"));
});

const f3 = coroutine(async function f3() {
  out("s6", "at", now());
  status("s7", "t2", R.get("t2"));
  out("s8", "at", now());
  await awaitTask("s9", "t1", R.get("t1"));
  status("s10", "t2", R.get("t2"));
  throw new ValueError("f3");
});

const f5 = coroutine(async function f5() {});

const f6 = coroutine(async function f6() {
  await sleep(0.3);
  status("s17", "t2", R.get("t2"));
  await sleep(0.8);
  await sleep(0.4);
  return "f6";
});

const f4 = coroutine(async function f4() {
  try {
    await timeout(0.9, async () => {
      R.set("t5", createTask(f5(), { name: "t5" }));
    });
    out("s13", "timeout block done", now());
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    out("s13", "timeout block expired", now());
  }
  out("s14", "cancel self", currentTask()!.cancel("self s14"));
  getRunningLoop().callLater(0.7, () => out("s15", "call_later", now()));
  out("s16", "f6 ->", repr(await f6()));
  return "f4";
});

const f7 = coroutine(async function f7() {
  return "f7";
});

const main = coroutine(async function main() {
  try {
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    const t2 = createTask(f2(), { name: "t2" });
    R.set("t2", t2);
    const t3 = createTask(f3(), { name: "t3" });
    R.set("t3", t3);
    for (const f of asCompleted<unknown>([t1, t2, t3], { timeout: 0.9 })) {
      try {
        out("s1", "next ->", repr(await f), now());
      } catch (e) {
        if (e instanceof CancelledError) throw e;
        if (e instanceof TimeoutError) out("s1", "next timeout", now());
        else out("s1", "next raised", rep(e), now());
      }
    }
    out("s11", "at", now());
    const t4 = createTask(f4(), { name: "t4" });
    R.set("t4", t4);
    const t6 = createTask(f7(), { name: "t6" });
    R.set("t6", t6);
    for (const f of asCompleted<unknown>([t4, t6], { timeout: 0.8 })) {
      try {
        out("s12", "next ->", repr(await f), now());
      } catch (e) {
        if (e instanceof CancelledError) throw e;
        if (e instanceof TimeoutError) out("s12", "next timeout", now());
        else out("s12", "next raised", rep(e), now());
      }
    }
    await sleep(0.9);
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
