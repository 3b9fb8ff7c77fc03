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
  return "f1";
});

const f2 = coroutine(async function f2() {
  try {
    cancel("s10", "t1", R.get("t1"));
    await sleep(0.9);
    cancel("s11", "t1", R.get("t1"), "by s11");
    throw new ValueError("s12");
  } catch (e) {
    if (e instanceof CancelledError) {
      out("s9", "caught", rep(e), "cancelling", currentTask()!.cancelling());
      out("s9", "uncancel ->", currentTask()!.uncancel());
    } else out("s9", "caught", rep(e));
  }
  return "f2";
});

const f3 = coroutine(async function f3() {
  try {
    await sleep(0.9);
    cancel("s15", "t1", R.get("t1"));
    await sleep(0.1);
  } catch (e) {
    if (e instanceof CancelledError) {
      out("s14", "caught", rep(e), "cancelling", currentTask()!.cancelling());
      throw new ValueError("s14");
    } else out("s14", "caught", rep(e));
  } finally {
    out("s14", "finally", now());
  }
  cancel("s16", "t1", R.get("t1"));
});

const main = coroutine(async function main() {
  try {
    try {
      getRunningLoop().callSoon(() => out("s2", "call_soon", now()));
      await sleep(1);
      out("s3", "at", now());
      out("s4", "at", now());
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      if (e instanceof ValueError) out("s1", "caught", rep(e));
      else throw e;
    } finally {
      out("s1", "finally", now());
    }
    await sleep(0);
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    cancel("s7", "t1", t1);
    out("s8", "f2 ->", repr(await f2()));
    R.set("t2", createTask(f3(), { name: "t2" }));
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
