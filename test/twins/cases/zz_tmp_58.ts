// tmp
import {
  CancelledError,
  coroutine,
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
  out("s4", "at", now());
  out("s5", "cancel self", currentTask()!.cancel("self s5"));
  await sleep(0.4);
  throw new ValueError("f1");
});

const main = coroutine(async function main() {
  try {
    try {
      getRunningLoop().callSoon(() => out("s2", "call_soon", now()));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s1", "caught", rep(e));
    }
    try {
      await taskGroup(async (tg1) => {
        tg1.createTask(f1(), { name: "g1" });
        out("s6", "at", now());
        await sleep(0);
      });
      out("s3", "tg done", now());
    } catch (e) {
      if (!(e instanceof ExceptionGroup)) throw e;
      out("s3", "tg raised", rep(e), now());
    }
    out("s7", "at", now());
    try {
      try {
        await timeout(0.1, async () => {
          await sleep(0);
          await sleep(0.2);
        });
        out("s9", "timeout block done", now());
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        out("s9", "timeout block expired", now());
      }
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      if (e instanceof ValueError) out("s8", "caught", rep(e));
      else throw e;
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
