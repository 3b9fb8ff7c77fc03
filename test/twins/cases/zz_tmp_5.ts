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

const f1 = coroutine(async function f1() {
  getRunningLoop().callSoon(() => out("s4", "call_soon", now()));
  out("s5", "at", now());
  await sleep(0.2);
  await sleep(0.9);
  return "f1";
});

const f2 = coroutine(async function f2() {
  cancel("s6", "t1", R.get("t1"), "by s6");
  onDone("s7", "t1", R.get("t1"));
  out("s8", "at", now());
  await sleep(0.8);
  await awaitTask("s9", "t1", R.get("t1"));
  throw new ValueError("f2");
});

const f3 = coroutine(async function f3() {
  throw new ValueError("s11");
});

const f4 = coroutine(async function f4() {
  cancel("s14", "t1", R.get("t1"), "by s14");
  cancel("s15", "t2", R.get("t2"));
  status("s16", "t2", R.get("t2"));
  throw new ValueError("f4");
});

const main = coroutine(async function main() {
  try {
    try {
      await timeout(0.6, async () => {
        await sleep(0.7);
        await sleep(1);
      });
      out("s1", "timeout block done", now());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      out("s1", "timeout block expired", now());
    }
    out("s2", "at", now());
    out("s3", "at", now());
    await sleep(0.2);
    R.set("t1", createTask(f1(), { name: "t1" }));
    const t2 = createTask(f2(), { name: "t2" });
    R.set("t2", t2);
    try {
      await taskGroup(async (tg2) => {
        tg2.createTask(f3(), { name: "g1" });
        await awaitTask("s12", "t2", t2);
      });
      out("s10", "tg done", now());
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      out("s10", "tg raised", rep(e), now());
    }
    out("s13", "f4 ->", repr(await f4()));
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
