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
  shield,
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

const f2 = coroutine(async function f2() {
  out("s2", "at", now());
  out("s3", "at", now());
  out("s4", "at", now());
  return "f2";
});

const f3 = coroutine(async function f3() {
  out("s5", "at", now());
  cancel("s6", "t2", R.get("t2"));
  await sleep(0.6);
  await awaitTask("s7", "t2", R.get("t2"));
});

const f1 = coroutine(async function f1() {
  R.set("t2", createTask(f2(), { name: "t2" }));
  const t3 = createTask(f3(), { name: "t3" });
  R.set("t3", t3);
  await awaitTask("s8", "t3", t3);
});

const f4 = coroutine(async function f4() {
  cancel("s12", "t2", R.get("t2"), "by s12");
  status("s13", "t3", R.get("t3"));
  out("s14", "at", now());
  out("s15", "at", now());
  out("s16", "at", now());
  await awaitTask("s17", "t3", R.get("t3"));
  return "f4";
});

const main = coroutine(async function main() {
  try {
    try {
      R.set("t1", createTask(f1(), { name: "t1" }));
      try {
        await timeout(0.1, async () => {});
        out("s9", "timeout block done", now());
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        out("s9", "timeout block expired", now());
      }
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      if (e instanceof ValueError) out("s1", "caught", rep(e));
      else throw e;
    }
    cancel("s10", "t3", R.get("t3"));
    try {
      out("s11", "shield ->", repr(await shield(f4())));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s11", "shield raised", rep(e));
    }
    getRunningLoop().callSoon(() => out("s18", "call_soon", now()));
    out("s20", "at", now());
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
