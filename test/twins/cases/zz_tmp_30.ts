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

function names(ts: Iterable<Task>): string[] {
  return [...ts].map((t) => t.getName()).sort();
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
  out("s3", "at", now());
  await sleep(0.7);
});

const f3 = coroutine(async function f3() {
  await sleep(1);
  await sleep(0.7);
  cancel("s5", "t1", R.get("t1"), "by s5");
});

const f2 = coroutine(async function f2() {
  R.set("t3", createTask(f3(), { name: "t3" }));
});

const f4 = coroutine(async function f4() {
  out("s6", "at", now());
  out("s7", "cancel self", currentTask()!.cancel("self s7"));
  await sleep(0.5);
  cancel("s8", "t2", R.get("t2"), "by s8");
  cancel("s9", "t1", R.get("t1"));
  out("s10", "at", now());
});

const f6 = coroutine(async function f6() {
  out("s17", "at", now());
  status("s18", "t3", R.get("t3"));
  throw new ValueError("f6");
});

const f7 = coroutine(async function f7() {
  out("s19", "at", now());
});

const f5 = coroutine(async function f5() {
  try {
    await timeout(0.9, async () => {
      throw new ValueError("s13");
    });
    out("s12", "timeout block done", now());
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    out("s12", "timeout block expired", now());
  }
  await awaitTask("s14", "t4", R.get("t4"));
  const t6 = createTask(f6(), { name: "t6" });
  R.set("t6", t6);
  const t7 = createTask(f7(), { name: "t7" });
  R.set("t7", t7);
  {
    const [done, pending] = await wait([t6, t7], { timeout: null, returnWhen: "FIRST_EXCEPTION" });
    out("s16", "wait done", names(done), "pending", names(pending), now());
  }
  throw new ValueError("f5");
});

const main = coroutine(async function main() {
  try {
    out("s1", "at", now());
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    const t2 = createTask(f2(), { name: "t2" });
    R.set("t2", t2);
    const t4 = createTask(f4(), { name: "t4" });
    R.set("t4", t4);
    try {
      for await (const t of asCompleted<unknown>([t1, t2, t4], { timeout: 0.6 })) {
        out("s2", "next", (t as Task).getName(), state(t as Task), now());
      }
      out("s2", "as_completed done", now());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      out("s2", "as_completed timeout", now());
    }
    R.set("t5", createTask(f5(), { name: "t5" }));
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
