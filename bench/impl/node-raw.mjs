// Raw Node, the floor: async functions, Promise.all, setImmediate for a zero
// sleep, setTimeout for timers, one AbortController per task for cancellation
// (after ../shared/bench-peers/impl/node-raw.mjs, which measured it first).
import { check, checkIndices, LONG_SLEEP_S, parseArgs, randomDelays, report, timeIt } from "./common.mjs";

const IMPL = "node-raw";
const { workload, n } = parseArgs(IMPL);
// Inputs are made before the clock starts, as in the other implementations.
const delays = workload === "timers" ? randomDelays(n, 100) : null;

const yieldNow = () => new Promise((resolve) => setImmediate(resolve));
const sleepMs = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function abortableSleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

const workloads = {
  gather0: async () => {
    const task = async (i) => {
      await yieldNow();
      return i;
    };
    checkIndices(await Promise.all(Array.from({ length: n }, (_, i) => task(i))), n);
  },
  timers: async () => {
    const task = async (i) => {
      await sleepMs(delays[i]);
      return i;
    };
    checkIndices(await Promise.all(delays.map((_, i) => task(i))), n);
  },
  cancel: async () => {
    let cleaned = 0;
    const task = async (signal) => {
      try {
        await abortableSleep(LONG_SLEEP_S * 1000, signal);
      } finally {
        cleaned++;
      }
    };
    const controllers = Array.from({ length: n }, () => new AbortController());
    const tasks = controllers.map((c) => task(c.signal));
    await yieldNow();
    for (const c of controllers) c.abort();
    const settled = await Promise.allSettled(tasks);
    check(
      settled.every((s) => s.status === "rejected"),
      "all tasks rejected",
    );
    check(cleaned === n, `cleaned ${cleaned} != ${n}`);
  },
  chain: async () => {
    // Each link starts the next on a later turn (no deep synchronous recursion) and awaits it.
    const link = async (k) => {
      if (k === n) return 0;
      await yieldNow();
      return (await link(k + 1)) + 1;
    };
    const depth = await link(1);
    check(depth === n - 1, `depth ${depth}`);
  },
  taskgroup: async () => {
    // One failure aborts every sibling (one AbortController each), then all are awaited.
    let cancelled = 0;
    const controllers = Array.from({ length: n }, () => new AbortController());
    const child = async (i) => {
      try {
        await abortableSleep(i === n - 1 ? 1 : LONG_SLEEP_S * 1000, controllers[i].signal);
        if (i === n - 1) throw new Error("boom");
      } catch (e) {
        if (e?.name === "AbortError") cancelled++;
        throw e;
      }
    };
    const tasks = controllers.map((_, i) =>
      child(i).catch((e) => {
        if (e?.name !== "AbortError") for (const c of controllers) c.abort();
        throw e;
      }),
    );
    const settled = await Promise.allSettled(tasks);
    check(settled.filter((s) => s.status === "rejected").length === n, "all settled with an error");
    check(cancelled === n - 1, `cancelled ${cancelled} != ${n - 1}`);
  },
};

const fn = workloads[workload];
report(IMPL, workload, n, fn ? await timeIt(fn) : null);
