// tmp
import {
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
  out("s9", "at", now());
  return "f2";
});

const f1 = coroutine(async function f1() {
  try {
    await sleep(1);
    out("s4", "at", now());
    out("s5", "at", now());
    out("s6", "at", now());
  } catch (e) {
    if (e instanceof CancelledError) {
      out("s3", "caught", rep(e), "cancelling", currentTask()!.cancelling());
      out("s3", "uncancel ->", currentTask()!.uncancel());
    } else if (e instanceof ValueError) out("s3", "caught", rep(e));
    else throw e;
  }
  try {
    R.set("t2", createTask(f2(), { name: "t2" }));
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    if (e instanceof ValueError) out("s7", "caught", rep(e));
    else throw e;
  } finally {
    out("s7", "finally", now());
  }
  cancel("s10", "t2", R.get("t2"));
  throw new ValueError("f1");
});

const f3 = coroutine(async function f3() {
  cancel("s12", "t2", R.get("t2"), "by s12");
  getRunningLoop().callSoon(() => out("s13", "call_soon", now()));
  getRunningLoop().callSoon(() => out("s14", "call_soon", now()));
  out("s15", "at", now());
  await sleep(0.2);
  await awaitTask("s16", "t1", R.get("t1"));
  throw new ValueError("f3");
});

const main = coroutine(async function main() {
  try {
    getRunningLoop().callSoon(() => out("s1", "call_soon", now()));
    try {
      await timeout(0.8, async () => {});
      out("s2", "timeout block done", now());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      out("s2", "timeout block expired", now());
    }
    R.set("t1", createTask(f1(), { name: "t1" }));
    R.set("t3", createTask(f3(), { name: "t3" }));
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
