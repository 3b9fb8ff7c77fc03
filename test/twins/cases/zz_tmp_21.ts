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
  ValueError,
  wait,
  waitFor,
} from "../../../src/index.js";

const R = new Map<string, Task>();
const NOTES: string[] = [];
const S = { ending: false };

function out(...args: unknown[]): void {
  if (!S.ending) print(...args);
}

function note(...args: unknown[]): void {
  if (!S.ending) NOTES.push(args.map((a) => str(a)).join(" "));
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

function onDone(label: string, name: string, t: Task | undefined, quiet = false): void {
  if (t === undefined) {
    out(label, "on_done", name, "absent");
    return;
  }
  t.addDoneCallback((d) => (quiet ? note : out)(label, "done", d.getName(), state(d)));
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
  await sleep(0.1);
  await sleep(0.7);
  out("s2", "at", now());
});

const f1 = coroutine(async function f1() {
  R.set("t1", createTask(f2(), { name: "t1" }));
  await sleep(0);
});

const f4 = coroutine(async function f4() {
  await awaitTask("s6", "t1", R.get("t1"));
  cancel("s7", "t1", R.get("t1"));
  out("s8", "at", now());
  throw new ValueError("f4");
});

const f3 = coroutine(async function f3() {
  try {
    out("s5", "shield ->", repr(await shield(f4())));
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    out("s5", "shield raised", rep(e));
  }
});

const main = coroutine(async function main() {
  try {
    try {
      out("s1", "wait_for ->", repr(await waitFor(f1(), 0.1)));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      if (e instanceof TimeoutError) out("s1", "wait_for timeout", now());
      else out("s1", "wait_for raised", rep(e));
    }
    getRunningLoop().callLater(0.3, () => out("s3", "call_later", now()));
    try {
      out("s4", "gather ->", rl(await gather(f3())));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s4", "gather raised", rep(e));
    }
    try {
      await awaitTask("s11", "t1", R.get("t1"));
      onDone("s12", "t1", R.get("t1"));
      out("s13", "at", now());
      status("s14", "t1", R.get("t1"));
      await sleep(0.4);
      await awaitTask("s15", "t1", R.get("t1"));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s10", "caught", rep(e));
    } finally {
      out("s10", "finally", now());
    }
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
