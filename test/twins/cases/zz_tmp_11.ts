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
  RuntimeError,
  repr,
  run,
  sleep,
  str,
  type Task,
  taskGroup,
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
  out("s1", "at", now());
  throw new ValueError("f1");
});

const f2 = coroutine(async function f2() {
  await sleep(0.5);
  await sleep(0.9);
  await sleep(0.6);
  await sleep(0.4);
  await sleep(0.5);
  out("s5", "at", now());
  return "f2";
});

const f3 = coroutine(async function f3() {
  out("s6", "at", now());
  throw new ValueError("s7");
});

const f4 = coroutine(async function f4() {
  await sleep(0);
  out("s10", "at", now());
  return "f4";
});

const main = coroutine(async function main() {
  try {
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    await awaitTask("s2", "t1", t1);
    getRunningLoop().callLater(0.7, () => out("s3", "call_later", now()));
    try {
      await taskGroup(async (tg1) => {
        tg1.createTask(f2(), { name: "g1" });
        tg1.createTask(f3(), { name: "g2" });
        await awaitTask("s8", "t1", t1);
        try {
          tg1.createTask(f4(), { name: "g3" });
        } catch (e) {
          if (!(e instanceof RuntimeError)) throw e;
          out("s9", "create_task raised", rep(e));
        }
      });
      out("s4", "tg done", now());
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      out("s4", "tg raised", rep(e), now());
    }
    await sleep(1);
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
