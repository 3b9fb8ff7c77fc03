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
  out("s2", "at", now());
  try {
    await timeout(0.4, async () => {
      try {
        await sleep(0.3);
        await sleep(0.7);
      } catch (e) {
        if (e instanceof CancelledError) {
          out("s4", "caught", rep(e), "cancelling", currentTask()!.cancelling());
          throw e;
        } else throw e;
      } finally {
        out("s4", "finally", now());
      }
    });
    out("s3", "timeout block done", now());
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    out("s3", "timeout block expired", now());
  }
  try {
    await sleep(0.2);
    await sleep(0.1);
    await sleep(0);
  } catch (e) {
    if (e instanceof CancelledError) throw e;
    out("s5", "caught", rep(e));
  }
  await sleep(1);
});

const f2 = coroutine(async function f2() {});

const f3 = coroutine(async function f3() {
  getRunningLoop().callLater(1, () => out("s11", "call_later", now()));
  await sleep(0.9);
  throw new ValueError("f3");
});

const f4 = coroutine(async function f4() {
  await sleep(0.1);
  out("s12", "at", now());
  await sleep(1);
});

const f5 = coroutine(async function f5() {
  return "f5";
});

const f6 = coroutine(async function f6() {
  await awaitTask("s15", "t1", R.get("t1"));
  out("s16", "at", now());
  out("s17", "at", now());
  status("s18", "t1", R.get("t1"));
  out("s19", "at", now());
  status("s20", "t1", R.get("t1"));
});

const f7 = coroutine(async function f7() {
  await sleep(0);
  throw new ValueError("s22");
});

const f8 = coroutine(async function f8() {
  await sleep(0.8);
  cancel("s24", "t1", R.get("t1"), "by s24");
  await sleep(0.6);
  await awaitTask("s25", "t1", R.get("t1"));
  return "f8";
});

const f9 = coroutine(async function f9() {});

const f10 = coroutine(async function f10() {
  await sleep(0.5);
  throw new ValueError("f10");
});

const f11 = coroutine(async function f11() {
  await sleep(0.4);
  await sleep(0.2);
  out("s27", "at", now());
  out("s28", "cancel self", currentTask()!.cancel("self s28"));
  throw new ValueError("f11");
});

const main = coroutine(async function main() {
  try {
    out("s1", "f1 ->", repr(await f1()));
    try {
      await timeout(0.2, async () => {
        out("s8", "cancel self", currentTask()!.cancel("self s8"));
        await sleep(0.1);
        out("s9", "cancel self", currentTask()!.cancel("self s9"));
      });
      out("s7", "timeout block done", now());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      out("s7", "timeout block expired", now());
    }
    const t1 = createTask(f2(), { name: "t1" });
    R.set("t1", t1);
    try {
      await taskGroup(async (tg3) => {
        tg3.createTask(f3(), { name: "g1" });
        tg3.createTask(f4(), { name: "g2" });
        tg3.createTask(f5(), { name: "g3" });
        try {
          out("s13", "gather ->", rl(await gather(t1, { returnExceptions: true })));
        } catch (e) {
          if (e instanceof CancelledError) throw e;
          out("s13", "gather raised", rep(e));
        }
        try {
          out("s14", "gather ->", rl(await gather(t1, f6())));
        } catch (e) {
          if (e instanceof CancelledError) throw e;
          out("s14", "gather raised", rep(e));
        }
        try {
          await taskGroup(async (tg4) => {
            tg4.createTask(f7(), { name: "g4" });
            getRunningLoop().callLater(0.3, () => out("s23", "call_later", now()));
            const t2 = createTask(f8(), { name: "t2" });
            R.set("t2", t2);
            try {
              await taskGroup(async (tg5) => {
                tg5.createTask(f9(), { name: "g5" });
                tg5.createTask(f10(), { name: "g6" });
                tg5.createTask(f11(), { name: "g7" });
                cancel("s29", "t2", t2);
              });
              out("s26", "tg done", now());
            } catch (e) {
              if (!(e instanceof ExceptionGroup)) throw e;
              out("s26", "tg raised", rep(e), now());
            }
          });
          out("s21", "tg done", now());
        } catch (e) {
          if (!(e instanceof ExceptionGroup)) throw e;
          out("s21", "tg raised", rep(e), now());
        }
      });
      out("s10", "tg done", now());
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      out("s10", "tg raised", rep(e), now());
    }
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
