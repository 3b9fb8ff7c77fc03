// tmp
import {
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

function cancel(label: string, name: string, t: Task | undefined, msg?: string): void {
  out(label, "cancel", name, t === undefined ? "absent" : t.cancel(msg));
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

const f2 = coroutine(async function f2() {
  return "f2";
});

const f3 = coroutine(async function f3() {
  await sleep(0.5);
  await sleep(0.1);
  throw new ValueError("f3");
});

const f4 = coroutine(async function f4() {
  await sleep(0.1);
});

const f1 = coroutine(async function f1() {
  try {
    await taskGroup(async (tg1) => {
      tg1.createTask(f2(), { name: "g1" });
      tg1.createTask(f3(), { name: "g2" });
      tg1.createTask(f4(), { name: "g3" });
      out("s3", "at", now());
    });
    out("s2", "tg done", now());
  } catch (e) {
    if (!(e instanceof ExceptionGroup)) throw e;
    out("s2", "tg raised", rep(e), now());
  }
});

const f5 = coroutine(async function f5() {
  await sleep(0.2);
});

const main = coroutine(async function main() {
  try {
    out("s1", "at", now());
    const t1 = createTask(f1(), { name: "t1" });
    R.set("t1", t1);
    cancel("s4", "t1", t1, "by s4");
    R.set("t2", createTask(f5(), { name: "t2" }));
    await sleep(0.3);
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
