// tmp
import {
  CancelledError,
  coroutine,
  createTask,
  ExceptionGroup,
  gather,
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

const f1 = coroutine(async function f1() {
  throw new ValueError("s3");
});

const f2 = coroutine(async function f2() {
  await sleep(1);
  await sleep(0.1);
  return "f2";
});

const main = coroutine(async function main() {
  try {
    try {
      out("s2", "gather ->", rl(await gather(f1())));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s2", "gather raised", rep(e));
    }
    const t1 = createTask(f2(), { name: "t1" });
    R.set("t1", t1);
    await sleep(0.9);
    cancel("s4", "t1", t1, "by s4");
    await sleep(0.7);
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
