// tmp
import {
  CancelledError,
  coroutine,
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

function rl(values: readonly unknown[]): string {
  return `[${values.map((v) => (v instanceof Error ? rep(v) : repr(v))).join(", ")}]`;
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
  out("s2", "at", now());
});

const f2 = coroutine(async function f2() {
  out("s4", "at", now());
  await sleep(0.8);
  throw new ValueError("f2");
});

const f3 = coroutine(async function f3() {
  await sleep(0.5);
  out("s8", "at", now());
  await sleep(0);
  return "f3";
});

const f4 = coroutine(async function f4() {});

const main = coroutine(async function main() {
  try {
    try {
      out("s1", "gather ->", rl(await gather(f1(), { returnExceptions: true })));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s1", "gather raised", rep(e));
    }
    out("s3", "f2 ->", repr(await f2()));
    out("s6", "at", now());
    try {
      await taskGroup(async (tg1) => {
        tg1.createTask(f3(), { name: "g1" });
        tg1.createTask(f4(), { name: "g2" });
        await sleep(0.6);
      });
      out("s7", "tg done", now());
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      out("s7", "tg raised", rep(e), now());
    }
    out("s9", "at", now());
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
