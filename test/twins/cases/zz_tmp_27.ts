// tmp
import {
  coroutine,
  createTask,
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
  await sleep(0.5);
  out("s5", "at", now());
  throw new ValueError("s6");
});

const f2 = coroutine(async function f2() {
  getRunningLoop().callSoon(() => out("s9", "call_soon", now()));
  throw new ValueError("s10");
});

const main = coroutine(async function main() {
  try {
    out("s1", "at", now());
    out("s3", "at", now());
    try {
      await timeout(0.7, async () => {
        R.set("t1", createTask(f1(), { name: "t1" }));
      });
      out("s4", "timeout block done", now());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      out("s4", "timeout block expired", now());
    }
    await sleep(0.2);
    out("s8", "f2 ->", repr(await f2()));
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
