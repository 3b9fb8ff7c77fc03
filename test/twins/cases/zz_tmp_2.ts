// tmp
import {
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
  await sleep(0.5);
  await sleep(0.5);
});

const f2 = coroutine(async function f2() {});

const f3 = coroutine(async function f3() {
  await sleep(0.7);
  await sleep(0.5);
  await sleep(0.2);
});

const f4 = coroutine(async function f4() {
  try {
    await timeout(0.8, async () => {
      getRunningLoop().callSoon(() => out("s4", "call_soon", now()));
      await sleep(0.1);
    });
    out("s3", "timeout block done", now());
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    out("s3", "timeout block expired", now());
  }
});

const f5 = coroutine(async function f5() {
  cancel("s5", "t1", R.get("t1"), "by s5");
  await sleep(0.7);
  await sleep(0.2);
  out("s6", "at", now());
  out("s7", "at", now());
  status("s8", "t1", R.get("t1"));
  return "f5";
});

const main = coroutine(async function main() {
  try {
    try {
      await taskGroup(async (tg1) => {
        tg1.createTask(f1(), { name: "g1" });
        tg1.createTask(f2(), { name: "g2" });
        tg1.createTask(f3(), { name: "g3" });
        R.set("t1", createTask(f4(), { name: "t1" }));
      });
      out("s1", "tg done", now());
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      out("s1", "tg raised", rep(e), now());
    }
    R.set("t2", createTask(f5(), { name: "t2" }));
    out("s9", "at", now());
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
