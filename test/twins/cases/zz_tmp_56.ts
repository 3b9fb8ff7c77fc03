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
  throw new ValueError("f1");
});

const f2 = coroutine(async function f2() {
  cancel("s2", "t1", R.get("t1"));
  await sleep(0.1);
  getRunningLoop().callLater(1, () => out("s3", "call_later", now()));
  status("s4", "t1", R.get("t1"));
  out("s5", "at", now());
  await awaitTask("s6", "t1", R.get("t1"));
  return "f2";
});

const f3 = coroutine(async function f3() {
  throw new ValueError("s8");
});

const main = coroutine(async function main() {
  try {
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    out("s1", "f2 ->", repr(await f2()));
    out("s7", "f3 ->", repr(await f3()));
    await sleep(0.3);
    out("s9", "at", now());
    try {
      out("s10", "shield ->", repr(await shield(t1)));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s10", "shield raised", rep(e));
    }
    getRunningLoop().callSoon(() => out("s11", "call_soon", now()));
    await sleep(1);
    await sleep(0.1);
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
