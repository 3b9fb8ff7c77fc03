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

const main = coroutine(async function main() {
  try {
    try {
      throw new ValueError("s2");
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      if (e instanceof ValueError) out("s1", "caught", rep(e));
      else throw e;
    } finally {
      out("s1", "finally", now());
    }
    try {
      getRunningLoop().callLater(0.9, () => out("s4", "call_later", now()));
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      if (e instanceof ValueError) out("s3", "caught", rep(e));
      else throw e;
    } finally {
      out("s3", "finally", now());
    }
    out("s5", "at", now());
    try {
      await timeout(0.7, async () => {});
      out("s6", "timeout block done", now());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      out("s6", "timeout block expired", now());
    }
    try {
      await timeout(1, async () => {
        out("s9", "at", now());
      });
      out("s8", "timeout block done", now());
    } catch (e) {
      if (!(e instanceof TimeoutError)) throw e;
      out("s8", "timeout block expired", now());
    }
    await sleep(0.2);
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
