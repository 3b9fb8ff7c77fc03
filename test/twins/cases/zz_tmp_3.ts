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
  out("s3", "at", now());
  out("s4", "at", now());
  out("s5", "at", now());
  out("s6", "at", now());
  out("s7", "at", now());
  throw new ValueError("f1");
});

const f2 = coroutine(async function f2() {
  out("s10", "at", now());
  out("s11", "at", now());
  out("s12", "at", now());
  await sleep(0.1);
  status("s13", "t1", R.get("t1"));
  await sleep(0.3);
});

const main = coroutine(async function main() {
  try {
    try {
      try {
        const t1 = createTask(f1(), { name: "t1" });
        R.set("t1", t1);
        try {
          throw new ValueError("s9");
        } catch (e) {
          if (e instanceof CancelledError) {
            out("s8", "caught", rep(e), "cancelling", currentTask()!.cancelling());
          } else throw e;
        }
        R.set("t2", createTask(f2(), { name: "t2" }));
        cancel("s14", "t1", t1);
      } catch (e) {
        if (e instanceof CancelledError) {
          out("s2", "caught", rep(e), "cancelling", currentTask()!.cancelling());
          throw e;
        } else out("s2", "caught", rep(e));
      }
    } catch (e) {
      if (e instanceof CancelledError) {
        out("s1", "caught", rep(e), "cancelling", currentTask()!.cancelling());
        throw new ValueError("s1");
      } else if (e instanceof ValueError) out("s1", "caught", rep(e));
      else throw e;
    } finally {
      out("s1", "finally", now());
    }
    onDone("s17", "t1", R.get("t1"));
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
