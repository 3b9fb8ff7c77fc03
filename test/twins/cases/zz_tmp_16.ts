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
  out("s7", "at", now());
});

const main = coroutine(async function main() {
  try {
    try {
      out("s2", "at", now());
      try {
        await timeout(0.3, async () => {
          out("s4", "at", now());
          out("s5", "at", now());
        });
        out("s3", "timeout block done", now());
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        out("s3", "timeout block expired", now());
      }
      try {
        out("s6", "gather ->", rl(await gather(f1())));
      } catch (e) {
        if (e instanceof CancelledError) throw e;
        out("s6", "gather raised", rep(e));
      }
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      out("s1", "caught", rep(e));
    } finally {
      out("s1", "finally", now());
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
