// tmp
import {
  asCompleted,
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
  try {
    await timeout(1, async () => {
      await sleep(0.4);
    });
    out("s3", "timeout block done", now());
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    out("s3", "timeout block expired", now());
  }
  return "f1";
});

const f2 = coroutine(async function f2() {});

const f4 = coroutine(async function f4() {
  throw new ValueError("s9");
});

const f3 = coroutine(async function f3() {
  out("s6", "at", now());
  out("s8", "at", now());
  createTask(f4(), { name: "t3" });
  return "f3";
});

const f5 = coroutine(async function f5() {
  out("s10", "at", now());
});

const main = coroutine(async function main() {
  try {
    try {
      await timeout(0.9, async () => {});
      out("s1", "timeout block done", now());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      out("s1", "timeout block expired", now());
    }
    await sleep(0);
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    const t2 = createTask(f2(), { name: "t2" });
    R.set("t2", t2);
    for (const f of asCompleted<unknown>([t1, t2], { timeout: 1 })) {
      try {
        out("s2", "next ->", repr(await f), now());
      } catch (e) {
        if (e instanceof CancelledError) throw e;
        if (e instanceof TimeoutError) out("s2", "next timeout", now());
        else out("s2", "next raised", rep(e), now());
      }
    }
    try {
      await taskGroup(async (tg3) => {
        tg3.createTask(f3(), { name: "g1" });
        tg3.createTask(f5(), { name: "g2" });
      });
      out("s4", "tg done", now());
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      out("s4", "tg raised", rep(e), now());
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
