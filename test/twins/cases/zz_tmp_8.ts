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

const f1 = coroutine(async function f1() {
  await sleep(0.9);
  await sleep(0.7);
  await sleep(1);
  await sleep(0.3);
});

const main = coroutine(async function main() {
  try {
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    out("s1", "at", now());
    await sleep(0.3);
    onDone("s2", "t1", t1);
    try {
      out("s3", "gather ->", rl(await gather(t1)));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s3", "gather raised", rep(e));
    }
    try {
      out("s4", "shield ->", repr(await shield(t1)));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s4", "shield raised", rep(e));
    }
    try {
      out("s5", "wait_for ->", repr(await waitFor(t1, 1)));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      if (e instanceof TimeoutError) out("s5", "wait_for timeout", now());
      else out("s5", "wait_for raised", rep(e));
    }
    cancel("s6", "t1", t1);
    try {
      out("s8", "at", now());
      await awaitTask("s9", "t1", t1);
      cancel("s10", "t1", t1, "by s10");
      out("s11", "cancel self", currentTask()!.cancel("self s11"));
      out("s12", "at", now());
    } catch (e) {
      if (e instanceof CancelledError) {
        out("s7", "caught", rep(e), "cancelling", currentTask()!.cancelling());
        throw new ValueError("s7");
      } else throw e;
    }
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
