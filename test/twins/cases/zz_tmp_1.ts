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
  sleep,
  str,
  type Task,
  wait,
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

function names(ts: Iterable<Task>): string[] {
  return [...ts].map((t) => t.getName()).sort();
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
  getRunningLoop().callLater(0.6, () => out("s2", "call_later", now()));
  await sleep(0.6);
  await sleep(0.8);
  await sleep(0.4);
});

const f2 = coroutine(async function f2() {
  return "f2";
});

const f3 = coroutine(async function f3() {
  cancel("s3", "t1", R.get("t1"));
});

const f4 = coroutine(async function f4() {
  await sleep(1);
  await sleep(0.8);
  getRunningLoop().callSoon(() => out("s5", "call_soon", now()));
  out("s6", "at", now());
  out("s7", "at", now());
  cancel("s8", "t1", R.get("t1"));
});

const f5 = coroutine(async function f5() {
  status("s10", "t3", R.get("t3"));
  await sleep(0.5);
  onDone("s11", "t3", R.get("t3"));
  out("s12", "at", now());
  status("s13", "t1", R.get("t1"));
  out("s14", "at", now());
});

const main = coroutine(async function main() {
  try {
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    const t2 = createTask(f2(), { name: "t2" });
    R.set("t2", t2);
    const t3 = createTask(f3(), { name: "t3" });
    R.set("t3", t3);
    {
      const [done, pending] = await wait([t1, t2, t3], { timeout: null, returnWhen: "ALL_COMPLETED" });
      out("s1", "wait done", names(done), "pending", names(pending), now());
    }
    try {
      out("s4", "gather ->", rl(await gather(t1, t2, { returnExceptions: true })));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s4", "gather raised", rep(e));
    }
    R.set("t4", createTask(f4(), { name: "t4" }));
    out("s9", "at", now());
    const t5 = createTask(f5(), { name: "t5" });
    R.set("t5", t5);
    cancel("s15", "t5", t5, "by s15");
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
