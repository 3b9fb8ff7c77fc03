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
  shield,
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

const f1 = coroutine(async function f1() {
  return "f1";
});

const f2 = coroutine(async function f2() {
  await sleep(0.8);
  out("s2", "at", now());
  return "f2";
});

const f3 = coroutine(async function f3() {
  await sleep(0.6);
  out("s3", "at", now());
  cancel("s4", "t1", R.get("t1"), "by s4");
  cancel("s5", "t1", R.get("t1"), "by s5");
  cancel("s6", "t1", R.get("t1"), "by s6");
  return "f3";
});

const main = coroutine(async function main() {
  try {
    out("s1", "f1 ->", repr(await f1()));
    const t1 = createTask(f2(), { name: "t1" });
    R.set("t1", t1);
    const t2 = createTask(f3(), { name: "t2" });
    R.set("t2", t2);
    getRunningLoop().callSoon(() => out("s7", "call_soon", now()));
    try {
      out("s8", "shield ->", repr(await shield(t1)));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s8", "shield raised", rep(e));
    }
    cancel("s9", "t1", t1);
    try {
      await awaitTask("s11", "t2", t2);
      await awaitTask("s12", "t1", t1);
      await awaitTask("s13", "t2", t2);
      await sleep(1);
    } catch (e) {
      if (e instanceof CancelledError) {
        out("s10", "caught", rep(e), "cancelling", currentTask()!.cancelling());
        throw new ValueError("s10");
      } else out("s10", "caught", rep(e));
    } finally {
      out("s10", "finally", now());
    }
    cancel("s14", "t1", t1, "by s14");
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
